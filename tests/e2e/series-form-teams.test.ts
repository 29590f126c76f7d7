/**
 * The series form in Teams: under the one-event card staff find "Opret en række"; its card has a
 * weekday list, time and date pickers and a text field for weeks to skip; a submit with words
 * ("torsdag", "kl. 17.30", "7. januar") shows the dates, a wrong field comes back by its label with
 * the right answers kept in the card's inputs, and "Opret alle" saves one series.
 */
import { inputsOf, type AdaptiveCard } from '../../bots/teams/cards/adaptive-card';
import { STAFF, TENANT, cardText, cardsOf, startHarness, submitAction, type Harness } from '../../bots/teams/testing/harness';
import { submitMessage, textMessage, type TeamsUser } from '../../bots/teams/testing/teams-activities';
import { FixedClock } from '../../src/time/clock';

/** Wednesday 2 December 2026, 11:00 in Copenhagen. */
const clock = new FixedClock(new Date('2026-12-02T10:00:00Z'));
const staff: TeamsUser = { objectId: STAFF, name: 'Mette Hansen', tenantId: TENANT };
let h: Harness;

async function exchange(activity: Parameters<Harness['post']>[0]): Promise<AdaptiveCard[]> {
  const before = h.connector.calls.length;
  await h.post(activity);
  await h.connector.waitFor(before + 1);
  return h.connector.calls.slice(before).flatMap((c) => cardsOf(c));
}

beforeAll(async () => {
  h = await startHarness({ clock });
});
afterAll(async () => {
  await h?.close();
});

test('staff open the series form from the event form, fill it in with words, fix one field and save one series', async () => {
  const eventCards = await exchange(textMessage({ serviceUrl: h.connector.url, user: staff, text: 'opret arrangement' }));
  const offer = eventCards.map((c) => submitAction(c, 'create.seriesform')).find(Boolean);
  expect(offer?.title).toBe('Opret en række');

  const [formCard] = await exchange(submitMessage({ serviceUrl: h.connector.url, user: staff, value: offer!.data }));
  const inputs = inputsOf(formCard!.body);
  expect(inputs.map((i) => [i.id, i.type])).toEqual([
    ['activity', 'Input.ChoiceSet'],
    ['weekday', 'Input.ChoiceSet'],
    ['start', 'Input.Time'],
    ['end', 'Input.Time'],
    ['from', 'Input.Date'],
    ['to', 'Input.Date'],
    ['location', 'Input.ChoiceSet'],
    ['capacity', 'Input.Number'],
    ['skip', 'Input.Text'],
  ]);
  const choicesOf = (id: string) => (inputs.find((i) => i.id === id) as { choices: { title: string; value: string }[] }).choices;
  const places = choicesOf('location').map((c) => c.title);
  expect(new Set(places).size).toBe(places.length);
  const dinner = choicesOf('activity').find((c) => c.title === 'Fællesspisning')!.value;
  const park = choicesOf('location').find((c) => c.title === 'ParkCafeen')!.value;
  const submit = submitAction(formCard!, 'create.seriesformsubmit')!;

  // The last date is before the first: said by its label; the rest stays in the card.
  const [fix] = await exchange(
    submitMessage({
      serviceUrl: h.connector.url,
      user: staff,
      value: {
        ...submit.data,
        activity: dinner,
        weekday: 'torsdag',
        start: 'kl. 17.30',
        end: '19.30',
        from: '7. januar',
        to: '1/1',
        location: park,
        capacity: '40',
        skip: '7, 42',
      },
    }),
  );
  expect(cardText(fix!)).toContain('Sidste dato skal ligge på eller efter Første dato.');
  expect(cardText(fix!)).not.toMatch(/startsAt|endsAt|\bto\b|tjek /);
  const kept = Object.fromEntries(inputsOf(fix!.body).map((i) => [i.id, (i as { value?: unknown }).value]));
  expect(kept).toMatchObject({ activity: dinner, weekday: '4', start: '17:30', end: '19:30', from: '2027-01-07', location: park, capacity: 40, skip: '7, 42' });
  expect(kept['to']).toBeUndefined();

  const [preview] = await exchange(
    submitMessage({ serviceUrl: h.connector.url, user: staff, value: { ...submit.data, ...kept, capacity: '40', to: '24. juni' } }),
  );
  // Thursdays 7 January to 24 June 2027 without weeks 7 and 42, skærtorsdag and Kristi himmelfartsdag.
  expect(cardText(preview!)).toContain('Fællesspisning kl. 17.30–19.30, ParkCafeen, pladser: 40. Datoer (22):');
  expect(cardText(preview!)).toContain('torsdag 25. marts (skærtorsdag)');
  const confirm = submitAction(preview!, 'create.seriesconfirm')!;
  expect(confirm.title.replace(/[\u2068\u2069]/g, '')).toBe('Opret alle (22)');
  const [done] = await exchange(submitMessage({ serviceUrl: h.connector.url, user: staff, value: confirm.data }));
  expect(cardText(done!)).toContain('Antal arrangementer: 22.');
  const saved = await h.nabo.database.db.event.findMany({
    where: { locationId: park, seriesId: { not: null }, startsAt: { gte: new Date('2027-01-01T00:00:00Z') } },
  });
  expect(saved).toHaveLength(22);
  expect(new Set(saved.map((e) => e.seriesId)).size).toBe(1);
  expect(saved[0]?.seriesId).not.toBeNull();
});
