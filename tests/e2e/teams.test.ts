/**
 * The Teams channel end to end: Teams-shaped activities POSTed to /api/messages, replies recorded
 * by a local fake Bot Connector, on a real Nabo (SQLite file, demo calendar, fixed clock).
 */
import { actionsOf, inputsOf, type AdaptiveCard, type OpenUrlAction, type Table } from '../../bots/teams/cards/adaptive-card';
import { STATUS_COLOURS } from '../../bots/teams/cards/table-elements';
import { ADMIN, COORDINATOR, OTHER_TENANT, STAFF, TENANT, cardText, cardsOf, startHarness, submitAction, type Harness } from '../../bots/teams/testing/harness';
import { executeInvoke, submitMessage, textMessage, type TeamsUser } from '../../bots/teams/testing/teams-activities';
import { formatNumber } from '../../src/i18n/format';
import { FixedClock } from '../../src/time/clock';

/** Thursday 19 November 2026, 20:00 in Copenhagen. */
const NOW = new Date('2026-11-19T19:00:00Z');
const clock = new FixedClock(NOW);
const staff: TeamsUser = { objectId: STAFF, name: 'Mette Hansen', tenantId: TENANT };
const coordinator: TeamsUser = { objectId: COORDINATOR, name: 'Karen Holm', tenantId: TENANT };
let h: Harness;

/** Posts an activity and returns the calls the connector received because of it. */
async function exchange(
  activity: Parameters<Harness['post']>[0],
  expected = 1,
): Promise<{ status: number; body: unknown; calls: Harness['connector']['calls'] }> {
  const before = h.connector.calls.length;
  const res = await h.post(activity);
  if (expected > 0) await h.connector.waitFor(before + expected);
  return { ...res, calls: h.connector.calls.slice(before) };
}

const only = (cards: AdaptiveCard[]): AdaptiveCard => {
  expect(cards).toHaveLength(1);
  return cards[0] as AdaptiveCard;
};

async function activityId(key: string): Promise<string> {
  const plan = await h.nabo.services.catalogue.currentPlan();
  return (await h.nabo.database.db.activity.findUniqueOrThrow({ where: { planId_key: { planId: plan.id, key } } })).id;
}

beforeAll(async () => {
  h = await startHarness({ clock });
});
afterAll(async () => {
  await h?.close();
});

describe('Teams channel: staff', () => {
  test('a delivery typed in free text is confirmed with the Save button and counts in the progress', async () => {
    const fs = await activityId('faellesspisning');
    const before = (await h.nabo.services.progress.forActivity(fs, 'plan-year')).activity.targets[0]?.actual;
    const asked = await exchange(textMessage({ serviceUrl: h.connector.url, user: staff, text: 'fællesspisning i dag 34 deltagere 2 frivillige' }));
    expect(asked.status).toBe(200);
    const reply = asked.calls[0];
    expect(reply?.conversationId).toBe(`a:personal-${STAFF}`);
    const summary = only(cardsOf(reply!));
    expect(cardText(summary)).toMatch(/Deltagere: 34/);
    const save = submitAction(summary, 'delivery.save');
    expect(save).toBeDefined();

    const saved = await exchange(submitMessage({ serviceUrl: h.connector.url, user: staff, value: save!.data, replyToId: reply!.id }));
    expect(cardText(only(cardsOf(saved.calls[0]!)))).toMatch(/Gemt: Fællesspisning/);

    const person = await h.nabo.database.db.channelIdentity.findUniqueOrThrow({
      where: { channel_externalId: { channel: 'teams', externalId: STAFF } },
      include: { person: true },
    });
    expect(person.person.role).toBe('staff');
    expect(person.person.firstName).toBe('Mette');
    const delivery = await h.nabo.database.db.delivery.findFirstOrThrow({
      where: { activityId: fs, loggedById: person.personId },
      orderBy: { createdAt: 'desc' },
    });
    expect(delivery).toMatchObject({ participants: 34, volunteers: 2, channel: 'teams', deletedAt: null });

    const progress = await h.nabo.services.progress.forActivity(fs, 'plan-year');
    const rows = await h.nabo.database.db.delivery.findMany({
      where: {
        activityId: fs,
        deletedAt: null,
        kind: { in: ['event', 'course', 'session'] },
        date: { gte: progress.plan.period.from, lt: progress.plan.period.toExclusive },
      },
    });
    const average = rows.reduce((n, r) => n + r.participants, 0) / rows.reduce((n, r) => n + r.occurrences, 0);
    expect(progress.activity.targets[0]?.actual).toBe(Math.round(average * 10) / 10);
    expect(progress.activity.targets[0]?.actual).not.toBe(before);
  });

  test('attendance is taken on a card: a toggle per sign-up, walk-ins and volunteers; the card updates in place', async () => {
    const { db } = h.nabo.database;
    const { people, signUps } = h.nabo.services;
    const fs = await activityId('faellesspisning');
    // Tonight's dinner, 17:00-19:30 Copenhagen; residents signed up in the morning.
    clock.set(new Date('2026-11-19T08:00:00Z'));
    const event = await db.event.create({
      data: {
        activityId: fs,
        title: 'Fællesspisning i ParkCafeen',
        startsAt: new Date('2026-11-19T16:00:00Z'),
        endsAt: new Date('2026-11-19T18:30:00Z'),
        capacity: 40,
      },
    });
    const amina = await people.identify({ channel: 'telegram', externalId: 'tg-amina', firstName: 'Amina', role: 'resident' });
    const omar = await people.identify({ channel: 'telegram', externalId: 'tg-omar', firstName: 'Omar', role: 'resident' });
    await signUps.signUp({ eventId: event.id, personId: amina.id, adults: 2, children: 1 });
    await signUps.signUp({ eventId: event.id, personId: omar.id, adults: 1 });
    clock.set(NOW);

    const asked = await exchange(textMessage({ serviceUrl: h.connector.url, user: staff, text: 'tag fremmøde' }));
    let card = only(cardsOf(asked.calls[0]!));
    let cardActivity = asked.calls[0]!.id;
    if (inputsOf(card.body).length === 0) {
      // Several events have started lately: pick tonight's.
      const pick = submitAction(card, `attendance.event|${event.id}`);
      expect(pick).toBeDefined();
      const picked = await exchange(submitMessage({ serviceUrl: h.connector.url, user: staff, value: pick!.data, replyToId: cardActivity }));
      card = only(cardsOf(picked.calls[0]!));
      cardActivity = picked.calls[0]!.id;
    }
    const inputs = inputsOf(card.body);
    expect(
      inputs
        .filter((i) => i.type === 'Input.Toggle')
        .map((i) => i.id)
        .sort(),
    ).toEqual([amina.id, omar.id].sort());
    expect(inputs.find((i) => i.id === 'walkIns')).toMatchObject({ type: 'Input.Number', min: 0, max: 500, errorMessage: expect.stringMatching(/0.*500/) });
    const submit = submitAction(card, `attendance.submit|${event.id}`);
    expect(submit).toBeDefined();

    const values = { ...submit!.data, [amina.id]: 'true', [omar.id]: 'false', walkIns: '3', volunteers: '2' };
    const done = await exchange(submitMessage({ serviceUrl: h.connector.url, user: staff, value: values, replyToId: cardActivity }));
    expect(done.calls[0]).toMatchObject({ method: 'PUT', activityId: cardActivity });
    expect(cardText(only(cardsOf(done.calls[0]!)))).toMatch(/6 kom: 3 tilmeldte og 3 uden tilmelding/);

    const marks = await db.attendance.findMany({ where: { eventId: event.id } });
    expect(marks.find((m) => m.personId === amina.id)?.status).toBe('attended');
    expect(marks.find((m) => m.personId === omar.id)?.status).not.toBe('attended');
    const delivery = await db.delivery.findFirstOrThrow({ where: { eventId: event.id, deletedAt: null } });
    expect(delivery).toMatchObject({ participants: 6, walkIns: 3, volunteers: 2, channel: 'teams' });
  });

  test("an event's sign-ups and kitchen summary come as a table card", async () => {
    const { db } = h.nabo.database;
    const fs = await activityId('faellesspisning');
    const event = await db.event.create({
      data: {
        activityId: fs,
        title: 'Fællesspisning i Vangdalen',
        startsAt: new Date('2026-11-20T16:30:00Z'),
        endsAt: new Date('2026-11-20T18:30:00Z'),
        capacity: 30,
      },
    });
    const saraOnTelegram = { channel: 'telegram' as const, externalId: 'tg-sara', firstName: 'Sara', role: 'resident' as const };
    const sara = await h.nabo.services.people.identify(saraOnTelegram);
    // Her name is kept once she has consented, from her next message.
    await h.nabo.services.people.setConsent(sara.id, true);
    await h.nabo.services.people.identify(saraOnTelegram);
    await h.nabo.services.signUps.signUp({ eventId: event.id, personId: sara.id, adults: 2, children: 2, dietary: { noPork: true } });
    const res = await exchange(submitMessage({ serviceUrl: h.connector.url, user: staff, value: { action: `events.show|${event.id}` } }));
    const card = only(cardsOf(res.calls[0]!));
    const table = card.body.find((e): e is Table => e.type === 'Table');
    expect(table?.rows.map((r) => r.cells.map((c) => (c.items[0]?.text ?? '').replace(/[\u2068\u2069]/g, '')))).toEqual([
      ['Navn', 'Voksne', 'Børn', 'Mad'],
      ['Sara', '2', '2', 'uden svinekød'],
    ]);
    expect(cardText(card)).toMatch(/Til køkkenet – voksne: 2, børn: 2, uden svinekød: 4/);
  });

  test('in a group chat the @mention is removed before the message is read', async () => {
    const res = await exchange(textMessage({ serviceUrl: h.connector.url, user: staff, kind: 'groupChat', text: 'kommende arrangementer' }));
    expect(res.calls[0]?.conversationId).toBe('19:group-chat@thread.v2');
    const text = cardText(only(cardsOf(res.calls[0]!)));
    expect(text).toMatch(/Fællesspisning/);
    expect(text).not.toMatch(/forstod jeg desværre ikke/);
  });

  test('an activity delivered twice is handled once', async () => {
    const activity = textMessage({ serviceUrl: h.connector.url, user: staff, text: 'hej', id: 'same-activity-id' });
    await exchange(activity);
    const before = h.connector.calls.length;
    expect((await h.post(activity)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.connector.calls.length).toBe(before);
    expect(await h.nabo.database.db.processedUpdate.count({ where: { key: `teams:a:personal-${STAFF}:same-activity-id` } })).toBe(1);
  });

  test('an Arabic Teams client gets right-to-left cards in Arabic', async () => {
    const user: TeamsUser = { objectId: '0a000000-0000-0000-0000-0000000000a1', name: 'Layla', tenantId: TENANT, locale: 'ar-SA' };
    const res = await exchange(textMessage({ serviceUrl: h.connector.url, user, text: 'مرحبا' }));
    const card = only(cardsOf(res.calls[0]!));
    expect(card.rtl).toBe(true);
    expect(cardText(card)).toMatch(/[\u0600-\u06FF]/);
  });

  test('with deliveryMode expectReplies the cards come back in the HTTP response, not through the connector', async () => {
    const before = h.connector.calls.length;
    const res = await h.post(textMessage({ serviceUrl: h.connector.url, user: staff, text: 'menu', deliveryMode: 'expectReplies' }));
    expect(res.status).toBe(200);
    const activities = (res.body as { activities: Parameters<typeof cardsOf>[0][] }).activities;
    expect(cardsOf(activities[0]!)[0]?.version).toBe('1.5');
    expect(h.connector.calls.length).toBe(before);
  });

  test('an Action.Execute invoke is answered with a card in the HTTP response', async () => {
    const res = await h.post(executeInvoke({ serviceUrl: h.connector.url, user: staff, data: { action: 'welcome.menu' } }));
    expect(res.status).toBe(200);
    const body = res.body as { statusCode: number; type: string; value: AdaptiveCard };
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(body.value.version).toBe('1.5');
    expect(actionsOf(body.value.body).some((a) => a.type === 'Action.Submit' && a.data.action === 'delivery.ask')).toBe(true);
  });
});

describe('Teams channel: coordinators, admins and strangers', () => {
  test('a coordinator asks for an activity and gets the progress card with the right numbers and a dashboard link', async () => {
    const fs = await activityId('faellesspisning');
    const res = await exchange(textMessage({ serviceUrl: h.connector.url, user: coordinator, text: 'hvordan går det med fællesspisning?' }));
    const card = only(cardsOf(res.calls[0]!));
    const table = card.body.find((e): e is Table => e.type === 'Table');
    expect(table).toBeDefined();
    const { activity } = await h.nabo.services.progress.forActivity(fs, 'plan-year');
    const target = activity.targets[0]!;
    const row = table!.rows[1]!;
    const cell = (i: number): string => (row.cells[i]?.items[0]?.text ?? '').replace(/[\u2068\u2069]/g, '');
    expect(cell(1)).toBe(formatNumber(target.actual ?? NaN, 'da'));
    expect(cell(2)).toBe(formatNumber(target.target ?? NaN, 'da'));
    // The status is the last cell (after the previous period's figure), coloured.
    expect(row.cells[row.cells.length - 1]?.style ?? 'default').toBe(STATUS_COLOURS[target.status].style);
    expect(row.cells).toHaveLength(6);

    const open = actionsOf(card.body).find((a): a is OpenUrlAction => a.type === 'Action.OpenUrl');
    expect(open?.url).toMatch(/\/tab\?token=v1\./);
    const token = decodeURIComponent(/token=([^&]+)/.exec(open!.url)![1]!);
    const api = await fetch(`${h.url}/api/progress?period=whole-plan`, { headers: { Authorization: `Bearer ${token}` } });
    expect(api.status).toBe(200);
    expect(((await api.json()) as { period: { kind: string } }).period.kind).toBe('whole-plan');
    const forged = await fetch(`${h.url}/api/progress`, { headers: { Authorization: `Bearer ${token.slice(0, -2)}xx` } });
    expect(forged.status).toBe(401);
    expect((await fetch(`${h.url}/api/progress`)).status).toBe(401);
  });

  test("staff see the dashboard read-only; a resident's signed link is refused by the API", async () => {
    const staffPerson = await h.nabo.database.db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'teams', externalId: STAFF } } });
    const tokenOf = (url: string): string => decodeURIComponent(/token=([^&]+)/.exec(url)![1]!);
    const staffToken = tokenOf(h.teams.dashboardLink(staffPerson.personId));
    expect((await fetch(`${h.url}/api/progress`, { headers: { Authorization: `Bearer ${staffToken}` } })).status).toBe(200);
    const resident = await h.nabo.services.people.identify({ channel: 'telegram', externalId: 'tab-resident', firstName: 'Amina' });
    const residentToken = tokenOf(h.teams.dashboardLink(resident.id));
    expect((await fetch(`${h.url}/api/progress`, { headers: { Authorization: `Bearer ${residentToken}` } })).status).toBe(403);
  });

  test('an admin promotes a colleague to coordinator by a command', async () => {
    const colleague: TeamsUser = { objectId: '0a000000-0000-0000-0000-0000000000c2', name: 'Jonas Berg', tenantId: TENANT };
    await exchange(textMessage({ serviceUrl: h.connector.url, user: colleague, text: 'hej' }));
    // Staff see progress read-only; registering an indicator value is for coordinators.
    const seen = await exchange(textMessage({ serviceUrl: h.connector.url, user: colleague, text: 'hvordan går det med fællesspisning?' }));
    expect(only(cardsOf(seen.calls[0]!)).body.some((e) => e.type === 'Table')).toBe(true);
    const refused = await exchange(textMessage({ serviceUrl: h.connector.url, user: colleague, text: 'klagesager 2022: 49' }));
    expect(cardText(only(cardsOf(refused.calls[0]!)))).toMatch(/Det kan jeg ikke hjælpe dig med her/);

    const admin: TeamsUser = { objectId: ADMIN, name: 'Ali Admin', tenantId: TENANT };
    const done = await exchange(textMessage({ serviceUrl: h.connector.url, user: admin, text: `promote ${colleague.objectId} coordinator` }));
    expect(cardText(only(cardsOf(done.calls[0]!)))).toMatch(/er nu koordinator/);
    const allowed = await exchange(textMessage({ serviceUrl: h.connector.url, user: colleague, text: 'klagesager 2022: 49' }));
    expect(cardText(only(cardsOf(allowed.calls[0]!)))).not.toMatch(/Det kan jeg ikke hjælpe dig med her/);
  });

  test('a user from another tenant is refused politely, in their language, and not registered', async () => {
    const stranger: TeamsUser = { objectId: '0e000000-0000-0000-0000-00000000000e', name: 'Stranger', tenantId: OTHER_TENANT, locale: 'ar-EG' };
    const res = await exchange(textMessage({ serviceUrl: h.connector.url, user: stranger, text: 'fællesspisning i dag 34 deltagere' }));
    const card = only(cardsOf(res.calls[0]!));
    expect(card.rtl).toBe(true);
    expect(cardText(card)).toMatch(/عذرًا/);
    expect(await h.nabo.database.db.channelIdentity.count({ where: { channel: 'teams', externalId: stranger.objectId } })).toBe(0);
  });
});
