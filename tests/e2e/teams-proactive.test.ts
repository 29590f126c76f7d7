/**
 * What Nabo sends on its own in Teams: new handover requests to staff (their personal chats, then
 * the staff channel once Nabo is installed in one), the staff answer queued for the resident,
 * attendance reminders, and the outbox through stored conversation references.
 */
import { actionsOf, inputsOf, type AdaptiveCard } from '../../bots/teams/cards/adaptive-card';
import { verifyMediaOpener } from '../../src/handovers/media-link';
import { ANSWER_INPUT } from '../../bots/teams/cards/proactive-cards';
import { STAFF_CHANNEL_PREFIX } from '../../bots/teams/proactive/staff-channel';
import { COORDINATOR, STAFF, TENANT, cardText, cardsOf, startHarness, submitAction, type Harness } from '../../bots/teams/testing/harness';
import { installUpdate, submitMessage, textMessage, type TeamsUser } from '../../bots/teams/testing/teams-activities';
import { enqueue, pendingFor } from '../../src/outbox/outbox';
import { FixedClock } from '../../src/time/clock';

const NOW = new Date('2026-11-19T19:00:00Z');
const clock = new FixedClock(NOW);
const staff: TeamsUser = { objectId: STAFF, name: 'Mette Hansen', tenantId: TENANT };
const coordinator: TeamsUser = { objectId: COORDINATOR, name: 'Karen Holm', tenantId: TENANT, locale: 'en-GB' };
const CHANNEL = '19:staff-general@thread.tacv2';
let h: Harness;

const cardOf = (call: Harness['connector']['calls'][number]): AdaptiveCard => {
  const cards = cardsOf(call);
  expect(cards).toHaveLength(1);
  return cards[0] as AdaptiveCard;
};

/** Runs the channel's jobs and a round of the core outbox worker, as the server does, and returns the connector calls they made. */
async function runJobs(): Promise<Harness['connector']['calls']> {
  const before = h.connector.calls.length;
  await h.teams.workers.runAll();
  await h.nabo.outbox.runOnce();
  return h.connector.calls.slice(before);
}

async function say(user: TeamsUser, text: string): Promise<void> {
  const before = h.connector.calls.length;
  await h.post(textMessage({ serviceUrl: h.connector.url, user, text }));
  await h.connector.waitFor(before + 1);
}

async function resident(name: string): Promise<string> {
  const who = { channel: 'telegram' as const, externalId: `tg-${name}`, firstName: name, role: 'resident' as const, language: 'ar' as const };
  const p = await h.nabo.services.people.identify(who);
  await h.nabo.services.people.setConsent(p.id, true);
  // The name is kept from the first message after consent.
  await h.nabo.services.people.identify(who);
  return p.id;
}

beforeAll(async () => {
  h = await startHarness({ clock });
  // Staff who have written to Nabo: their personal chats are known.
  await say(staff, 'hej');
  await say(coordinator, 'hello');
});
afterAll(async () => {
  await h?.close();
});

test('without a staff channel, a new handover request reaches each staff member in their personal chat and language', async () => {
  const personId = await resident('Fatima');
  await h.nabo.services.handovers.open({ personId, channel: 'telegram', language: 'ar', question: 'Jeg har brug for hjælp til boligstøtte.' });
  const calls = await runJobs();
  // The same round may also bring the core's kitchen digest: each conversation's cards, read together.
  const byConversation = new Map<string, string>();
  for (const c of calls) byConversation.set(c.conversationId, `${byConversation.get(c.conversationId) ?? ''}\n${cardText(cardOf(c))}`);
  expect(byConversation.get(`a:personal-${STAFF}`)).toMatch(
    /Ny henvendelse fra en beboer[\s\S]*Fatima · Skrevet på \u2068?arabisk\u2069? \(العربية\)[\s\S]*boligstøtte/,
  );
  expect(byConversation.get(`a:personal-${COORDINATOR}`)).toMatch(/New request from a resident/);
  expect((await runJobs()).filter((c) => /henvendelse|request/i.test(cardText(cardOf(c))))).toHaveLength(0);
});

test("a resident's voice message reaches staff with a button that opens it through a fresh signed link", async () => {
  const personId = await resident('Halima');
  const r = await h.nabo.services.handoverMedia.receive({
    personId,
    channel: 'telegram',
    language: 'so',
    media: { kind: 'voice', fileId: 'AwACAgQ-voice', fileSize: 3000 },
  });
  if (!('requestId' in r)) throw new Error(`refused: ${r.refused}`);
  const calls = await runJobs();
  const cards = calls.map(cardOf).filter((c) => /Halima/.test(cardText(c)));
  expect(cards.length).toBeGreaterThanOrEqual(1);
  const open = actionsOf(cards[0]!.body).find((a) => a.type === 'Action.OpenUrl') as { url: string; title: string } | undefined;
  expect(open?.title).toMatch(/Åbn det, beboeren sendte/);
  // The button carries an opener that mints a fresh 15-minute link each time it is pressed.
  const token = decodeURIComponent(/\/media\/open\/([^/?]+)$/.exec(open?.url ?? '')?.[1] ?? '');
  expect(verifyMediaOpener('test-secret-test-secret-test-secret-0123', token, clock.now())).toBe(r.requestId);
});

test('installing Nabo in a team channel makes it the staff channel', async () => {
  const before = h.connector.calls.length;
  const res = await h.post(installUpdate({ serviceUrl: h.connector.url, user: staff, kind: 'channel', conversationId: CHANNEL }));
  expect(res.status).toBe(200);
  const identity = await h.nabo.database.db.channelIdentity.findUniqueOrThrow({
    where: { channel_externalId: { channel: 'teams', externalId: `${STAFF_CHANNEL_PREFIX}${CHANNEL}` } },
    include: { person: true },
  });
  expect(JSON.parse(identity.address ?? '{}')).toMatchObject({ conversation: { id: CHANNEL }, serviceUrl: h.connector.url });
  expect(identity.person.role).toBe('resident');
  expect(identity.person.firstName).toBeNull();
  expect(h.connector.calls.length).toBe(before);
});

test("a resident's request is announced in the staff channel, and the answer from the card is queued for the resident", async () => {
  const personId = await resident('Yusuf');
  const { id } = await h.nabo.services.handovers.open({ personId, channel: 'telegram', language: 'ar', question: 'Hvornår åbner ParkCafeen?' });
  const calls = await runJobs();
  expect(calls).toHaveLength(1);
  expect(calls[0]).toMatchObject({ method: 'POST', conversationId: CHANNEL });
  const card = cardOf(calls[0]!);
  expect(cardText(card)).toMatch(/Yusuf[\s\S]*ParkCafeen/);
  expect(inputsOf(card.body).map((i) => i.id)).toEqual([ANSWER_INPUT]);
  const send = submitAction(card, `handovers.answer|${id}`);
  // The bank of ready answers sits next to the free text, one press each.
  for (const k of ['received', 'office', 'call', 'papers']) expect(submitAction(card, `handovers.bank|${id}:${k}`)).toBeDefined();
  expect(send?.data.followText).toBe(ANSWER_INPUT);

  const before = h.connector.calls.length;
  const answer = 'Den åbner klokken 17 på torsdag.';
  await h.post(
    submitMessage({
      serviceUrl: h.connector.url,
      user: staff,
      kind: 'channel',
      conversationId: `${CHANNEL};messageid=${calls[0]!.id}`,
      value: { ...send!.data, [ANSWER_INPUT]: answer },
      replyToId: calls[0]!.id,
    }),
  );
  await h.connector.waitFor(before + 1);
  const update = h.connector.calls[before]!;
  expect(update).toMatchObject({ method: 'PUT', activityId: calls[0]!.id });
  expect(cardText(cardOf(update))).toMatch(/Sendt: svaret er sat i kø/);

  const queued = await pendingFor(h.nabo.database.db, personId);
  expect(queued).toEqual([
    expect.objectContaining({ channel: 'telegram', kind: 'handover_answer', payload: { key: 'handover:answer_in_danish', params: { answer } } }),
  ]);
  // Yusuf reads Arabic and the answer is Danish: the delivered text carries the line about it.
  const rendered = h.nabo.translations.translator('ar')('handover:answer_in_danish', { answer });
  expect(rendered).toContain('هذا الرد مكتوب باللغة الدنماركية');
  expect((await h.nabo.database.db.handoverRequest.findUniqueOrThrow({ where: { id } })).status).toBe('answered');
});

test('an event that ended without a delivery: each staff member is prompted once, in their own chat, by the core outbox', async () => {
  const plan = await h.nabo.services.catalogue.currentPlan();
  const activity = await h.nabo.database.db.activity.findUniqueOrThrow({ where: { planId_key: { planId: plan.id, key: 'faellesspisning' } } });
  const event = await h.nabo.database.db.event.create({
    data: {
      activityId: activity.id,
      title: 'Fællesspisning i Vangdalen',
      startsAt: new Date('2026-11-19T16:30:00Z'),
      endsAt: new Date('2026-11-19T18:30:00Z'),
      capacity: 40,
    },
  });
  const calls = await runJobs();
  const reminders = calls.filter((c) => cardText(cardOf(c)).includes('Husk at tage fremmøde'));
  expect(reminders.length).toBeGreaterThanOrEqual(1);
  expect(reminders.every((r) => r.conversationId.startsWith('a:personal-'))).toBe(true);
  expect(new Set(reminders.map((r) => r.conversationId)).size).toBe(reminders.length);
  expect(cardText(cardOf(reminders[0]!))).toMatch(/Fællesspisning i Vangdalen \(torsdag 19\. november kl\. 17\.30\) er slut/);
  expect(submitAction(cardOf(reminders[0]!), `attendance.event|${event.id}`)).toBeDefined();
  expect((await runJobs()).filter((c) => cardText(cardOf(c)).includes('Husk at tage fremmøde'))).toHaveLength(0);
});

test('the outbox delivers Teams messages through stored references; a 403 marks the identity blocked', async () => {
  const { db } = h.nabo.database;
  const reachable = await db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'teams', externalId: STAFF } } });
  const blocked = await db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'teams', externalId: COORDINATOR } } });
  const ok = await enqueue(db, clock, {
    personId: reachable.personId,
    channel: 'teams',
    kind: 'handover_answer',
    urgent: true,
    payload: { key: 'resident:handover.answer', params: { answer: 'Aflyst i dag.' } },
  });
  const refused = await enqueue(db, clock, {
    personId: blocked.personId,
    channel: 'teams',
    kind: 'handover_answer',
    urgent: true,
    payload: { key: 'resident:handover.answer', params: { answer: 'Cancelled.' } },
  });
  h.connector.refuse.add(`a:personal-${COORDINATOR}`);
  const calls = await runJobs();
  h.connector.refuse.clear();
  const sent = calls.filter((c) => c.conversationId === `a:personal-${STAFF}`);
  expect(sent).toHaveLength(1);
  expect(cardText(cardOf(sent[0]!))).toMatch(/Svar fra Bysekretariatet: Aflyst i dag\./);
  expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: ok } })).toMatchObject({ status: 'sent', attempts: 1 });
  expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: refused } })).toMatchObject({ status: 'failed' });
  expect((await db.channelIdentity.findUniqueOrThrow({ where: { id: blocked.id } })).blockedAt).not.toBeNull();
});
