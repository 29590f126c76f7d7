/**
 * Broadcasts from Teams end to end (Teams-shaped activities to /api/messages, the fake connector
 * recording the cards): the compose card (audience, Danish and per-language texts, buttons, time,
 * urgent) leads to a preview card with the recipients per language and Send/Cancel; saved
 * templates round trip (save at the preview, list, send from one); the delivery report card shows
 * how many pressed the buttons; a new event's confirmation card announces it to interested
 * residents with a Tilmeld button.
 */
import { actionsOf, inputsOf, type AdaptiveCard, type Container, type Table } from '../../bots/teams/cards/adaptive-card';
import { STAFF, TENANT, cardText, cardsOf, startHarness, submitAction, type Harness } from '../../bots/teams/testing/harness';
import { submitMessage, textMessage, type TeamsUser } from '../../bots/teams/testing/teams-activities';
import { readButtons } from '../../src/broadcasts/broadcast-buttons';
import { readTexts } from '../../src/broadcasts/broadcast-rows';
import type { Language } from '../../src/plan-data/plan-file';
import { LANGUAGES } from '../../src/plan-data/plan-file';
import { FixedClock } from '../../src/time/clock';
import { RateLimiter } from '../../bots/telegram/rate-limit';

jest.setTimeout(120_000);

/** Wednesday 18 November 2026, noon in Copenhagen: the demo calendar has dinners on the following days. */
const clock = new FixedClock(new Date('2026-11-18T11:00:00Z'));
const staff: TeamsUser = { objectId: STAFF, name: 'Mette Hansen', tenantId: TENANT };
let h: Harness;

/** Residents: language, area index, topics. */
const RESIDENTS: [Language, number, string][] = [
  ['da', 0, 'dinner'],
  ['ar', 0, 'dinner'],
  ['ar', 0, 'dinner,news'],
  ['so', 0, 'dinner'],
  ['ar', 1, 'dinner'],
  ['uk', 0, 'news'],
];
let areaIds: string[] = [];

beforeAll(async () => {
  // One staff member does a lot here in seconds: the per-person limit is not under test.
  h = await startHarness({ clock, rateLimiter: new RateLimiter({ limit: 1_000, windowMs: 10_000 }) });
  const { people, topics, catalogue, areas } = h.nabo.services;
  const plan = await catalogue.currentPlan();
  areaIds = (await areas.areas(plan.id)).map((a) => a.id);
  let i = 0;
  for (const [language, area, chosen] of RESIDENTS) {
    const p = await people.identify({ channel: 'telegram', externalId: `tg-bc-${i++}`, language, role: 'resident', address: '1' });
    await people.setConsent(p.id, true);
    await people.setHousingArea(p.id, areaIds[area] ?? null);
    await topics.setTopics(p.id, chosen.split(',') as never);
  }
});
afterAll(async () => {
  await h?.close();
});

async function exchange(activity: Parameters<Harness['post']>[0]): Promise<Harness['connector']['calls']> {
  const before = h.connector.calls.length;
  await h.post(activity);
  await h.connector.waitFor(before + 1);
  // A long answer may take several messages: wait until no more arrive.
  for (let seen = -1; seen !== h.connector.calls.length;) {
    seen = h.connector.calls.length;
    await new Promise((r) => setTimeout(r, 150));
  }
  return h.connector.calls.slice(before);
}
/** The answer's cards as one: their elements in order (the last card's buttons included). */
const cardOf = (calls: Harness['connector']['calls']): AdaptiveCard => {
  const cards = calls.flatMap((c) => cardsOf(c));
  expect(cards.length).toBeGreaterThan(0);
  return { ...(cards[0] as AdaptiveCard), body: cards.flatMap((c) => c.body) };
};
const press = async (value: Record<string, unknown>, replyToId?: string) =>
  exchange(submitMessage({ serviceUrl: h.connector.url, user: staff, value, ...(replyToId ? { replyToId } : {}) }));
const say = async (text: string) => exchange(textMessage({ serviceUrl: h.connector.url, user: staff, text }));
/** The preview table's rows: language, recipients, which text. */
const previewRows = (card: AdaptiveCard): string[][] =>
  (card.body.find((e): e is Table => e.type === 'Table')?.rows ?? [])
    .slice(1)
    .map((r) => r.cells.map((c) => (c.items[0]?.text ?? '').replace(/[\u2068\u2069]/g, '')));

async function upcomingDinner(): Promise<{ id: string; activityId: string }> {
  return h.nabo.database.db.event.findFirstOrThrow({
    where: { startsAt: { gt: clock.now() }, status: 'scheduled', activity: { category: 'dinner', signupRequired: true } },
    orderBy: { startsAt: 'asc' },
    select: { id: true, activityId: true },
  });
}

test('the compose card: audience, texts per language and buttons; the preview counts recipients per language; Send queues exactly them', async () => {
  const db = h.nabo.database.db;
  const opened = await say('send besked til beboere');
  const ask = cardOf(opened);
  const open = submitAction(ask, 'broadcast.form');
  expect(open).toBeDefined();
  const formCall = await press(open!.data);
  const form = cardOf(formCall);
  const inputs = inputsOf(form.body);
  expect(inputs.find((i) => i.id === 'areas')).toMatchObject({ type: 'Input.ChoiceSet', isMultiSelect: true });
  expect(inputs.find((i) => i.id === 'languages')).toMatchObject({ type: 'Input.ChoiceSet', isMultiSelect: true });
  expect(inputs.find((i) => i.id === 'text_da')).toMatchObject({ type: 'Input.Text', isMultiline: true, isRequired: true });
  expect(inputs.filter((i) => i.id.startsWith('text_')).map((i) => i.id)).toEqual(LANGUAGES.map((l) => `text_${l}`));
  // The seven other languages are folded under one button until opened (their values are sent either way).
  const folded = form.body.find((e): e is Container => e.type === 'Container' && e.isVisible === false);
  expect(inputsOf(folded?.items ?? []).map((i) => i.id)).toEqual(LANGUAGES.filter((l) => l !== 'da').map((l) => `text_${l}`));
  expect(actionsOf(form.body)).toContainEqual({ type: 'Action.ToggleVisibility', title: 'Tekster på andre sprog (valgfrit)', targetElements: [folded?.id] });
  expect(inputs.map((i) => i.id)).toEqual(expect.arrayContaining(['topic', 'event', 'button_signup', 'button_more', 'about', 'date', 'time', 'urgent']));
  const submit = submitAction(form, 'broadcast.formsubmit');

  // Without a Danish text the card comes back with what to fix, nothing is queued.
  const again = cardOf(await press({ ...submit!.data, topic: 'dinner', text_ar: 'مرحبا' }, formCall[0]!.id));
  expect(cardText(again)).toMatch(/Skriv teksten på dansk/);

  const dinner = await upcomingDinner();
  const values = {
    ...submit!.data,
    areas: areaIds[0],
    languages: '',
    topic: 'dinner',
    text_da: 'Fællesspisning på torsdag – tilmeld jer!',
    text_ar: 'العشاء المشترك يوم الخميس – سجّلوا!',
    button_signup: 'true',
    button_more: 'true',
    about: `e:${dinner.id}`,
    urgent: 'false',
  };
  const previewCall = await press(values, formCall[0]!.id);
  const preview = cardOf(previewCall);
  // Area 0 with the dinner topic: da 1, ar 2, so 1 (the uk resident chose news only, one ar lives elsewhere).
  expect(cardText(preview)).toMatch(/Modtagere: 4/);
  expect(previewRows(preview)).toEqual([
    ['Dansk', '1', 'egen tekst'],
    ['العربية', '2', 'egen tekst'],
    ['Soomaali', '1', 'dansk tekst med en linje om det'],
  ]);
  expect(cardText(preview)).toMatch(/Knapper under beskeden: Tilmeld, Læs mere/);
  expect(submitAction(preview, 'broadcast.abort')).toBeDefined();
  // Saved as a template here, its buttons point at the dinner activity (next time it is another dinner).
  const savedAt = cardOf(await say('gem som skabelon: torsdagsmiddag'));
  expect(cardText(savedAt)).toMatch(/Gemt som skabelon: torsdagsmiddag/);
  const tpl = await db.broadcastTemplate.findUniqueOrThrow({ where: { name: 'torsdagsmiddag' } });
  expect(readButtons(tpl.buttons)).toEqual([
    { kind: 'signup', activityId: dinner.activityId },
    { kind: 'more', activityId: dinner.activityId },
  ]);
  expect(readTexts(tpl.texts)).toEqual({ da: values.text_da, ar: values.text_ar });
  const send = submitAction(savedAt, 'broadcast.send');
  await press(send!.data);
  const b = await db.broadcast.findFirstOrThrow({ orderBy: { createdAt: 'desc' } });
  expect(b.recipients).toBe(4);
  expect(readButtons(b.buttons)).toEqual([
    { kind: 'signup', eventId: dinner.id },
    { kind: 'more', eventId: dinner.id },
  ]);
  expect(await db.outboxMessage.count({ where: { kind: 'broadcast', refId: { startsWith: `broadcast:${b.id}:` } } })).toBe(4);
});

test('templates round trip: saved at the preview with texts, topic and buttons, listed, and sent from', async () => {
  const db = h.nabo.database.db;
  // Step by step from the menu's button: all areas, the topic, the Danish text.
  const area = cardOf(await press({ action: 'broadcast.new' }));
  const topic = cardOf(await press(submitAction(area, 'broadcast.area|all')!.data));
  await press(submitAction(topic, 'broadcast.topic|dinner')!.data);
  const first = cardOf(await say('Husk fællesspisning i morgen!'));
  expect(cardText(first)).toMatch(/Modtagere: 5/);
  // An Arabic text is added, then the draft saved under a name typed at the preview.
  await press({ action: 'broadcast.lang|ar' });
  await say('تذكير: العشاء المشترك غدًا!');
  const saved = cardOf(await say('gem som skabelon: fællesspisning-påmindelse'));
  expect(cardText(saved)).toMatch(/Gemt som skabelon: fællesspisning-påmindelse/);
  await press({ action: 'broadcast.abort' });
  const tpl = await db.broadcastTemplate.findUniqueOrThrow({ where: { name: 'fællesspisning-påmindelse' } });
  expect(tpl.topic).toBe('dinner');
  expect(readTexts(tpl.texts)).toEqual({ da: 'Husk fællesspisning i morgen!', ar: 'تذكير: العشاء المشترك غدًا!' });

  const list = cardOf(await say('skabeloner'));
  const pick = submitAction(list, `broadcast.tpl|${tpl.id}`);
  expect(pick?.title).toBe('fællesspisning-påmindelse');
  const again = cardOf(await press(pick!.data));
  const all = submitAction(again, 'broadcast.area|all');
  const preview = cardOf(await press(all!.data));
  expect(cardText(preview)).toMatch(/Modtagere: 5/);
  expect(previewRows(preview).find((r) => r[0] === 'العربية')).toEqual(['العربية', '3', 'egen tekst']);
  await press(submitAction(preview, 'broadcast.send')!.data);
  const b = await db.broadcast.findFirstOrThrow({ orderBy: { createdAt: 'desc' } });
  expect(readTexts(b.texts)).toEqual(readTexts(tpl.texts));
  expect(b.recipients).toBe(5);
});

test('the report card shows how many pressed the buttons, each person once per button', async () => {
  const db = h.nabo.database.db;
  const b = await db.broadcast.findFirstOrThrow({ where: { buttons: { not: '[]' } }, orderBy: { createdAt: 'desc' } });
  const recipients = await db.outboxMessage.findMany({ where: { refId: { startsWith: `broadcast:${b.id}:` } }, select: { personId: true } });
  const [one, two] = recipients.map((r) => r.personId);
  await h.nabo.services.broadcasts.press(one!, b.id, 'signup');
  await h.nabo.services.broadcasts.press(one!, b.id, 'signup');
  await h.nabo.services.broadcasts.press(one!, b.id, 'more');
  await h.nabo.services.broadcasts.press(two!, b.id, 'more');
  expect(await db.broadcastPress.count({ where: { broadcastId: b.id } })).toBe(3);
  const report = cardOf(await press({ action: `broadcast.report|${b.id}` }));
  expect(cardText(report)).toMatch(/Har trykket på en knap: 2 \(Tilmeld 1, Læs mere 2\)/);
});

test("a new event's confirmation card announces it to residents who chose its topic, in every language, with Tilmeld", async () => {
  const db = h.nabo.database.db;
  const dinner = await upcomingDinner();
  const form = cardOf(await press({ action: 'create.event' }));
  const submit = submitAction(form, 'create.eventsubmit');
  const created = cardOf(await press({ ...submit!.data, activity: dinner.activityId, date: '2026-11-26', start: '17:30', end: '19:30', capacity: '40' }));
  const announce = actionOf(created, 'broadcast.announce|');
  const eventId = announce.split('|')[1] ?? '';
  const preview = cardOf(await press({ action: announce }));
  expect(cardText(preview)).toMatch(/Modtagere: 5/);
  // Every language has its own text, so nobody reads the Danish one with a note.
  expect(previewRows(preview).every((r) => r[2] === 'egen tekst')).toBe(true);
  await press(submitAction(preview, 'broadcast.send')!.data);
  const b = await db.broadcast.findFirstOrThrow({ orderBy: { createdAt: 'desc' } });
  expect(b.topic).toBe('dinner');
  expect(readButtons(b.buttons)).toEqual([
    { kind: 'signup', eventId },
    { kind: 'more', eventId },
  ]);
  expect(Object.keys(readTexts(b.texts)).sort()).toEqual([...LANGUAGES].sort());
});

test('a message written step by step gets its buttons at the preview by choosing the event they are for', async () => {
  const db = h.nabo.database.db;
  const dinner = await upcomingDinner();
  const area = cardOf(await press({ action: 'broadcast.new' }));
  const topic = cardOf(await press(submitAction(area, 'broadcast.area|all')!.data));
  await press(submitAction(topic, 'broadcast.topic|dinner')!.data);
  const preview = cardOf(await say('Der er stadig pladser til fællesspisning.'));
  expect(cardText(preview)).not.toMatch(/Knapper under beskeden/);
  const events = cardOf(await press(submitAction(preview, 'broadcast.targets')!.data));
  const withButtons = cardOf(await press(submitAction(events, `broadcast.target|${dinner.id}`)!.data));
  expect(cardText(withButtons)).toMatch(/Knapper under beskeden: Tilmeld, Læs mere/);
  // "Læs mere" taken off again, then sent.
  const fewer = cardOf(await press(submitAction(withButtons, 'broadcast.button|more')!.data));
  expect(cardText(fewer)).toMatch(/Knapper under beskeden: Tilmeld\./);
  await press(submitAction(fewer, 'broadcast.send')!.data);
  const b = await db.broadcast.findFirstOrThrow({ orderBy: { createdAt: 'desc' } });
  expect(readButtons(b.buttons)).toEqual([{ kind: 'signup', eventId: dinner.id }]);
});

function actionOf(card: AdaptiveCard, prefix: string): string {
  const a = submitAction(card, prefix);
  if (!a) throw new Error(`no ${prefix} button in: ${cardText(card)}`);
  return a.data.action;
}
