/**
 * Staff messages made by time and by residents: the attendance prompt after an event, the kitchen
 * digest of tomorrow's sign-ups at the digest hour (each once, however many runs and instances),
 * and a resident's reply after a staff answer reaching the staff member who answered.
 */
import { stripIsolates } from '../../src/i18n/i18n';
import { silentLogger } from '../../src/logging/logger';
import { DEFAULT_MESSAGING_CONFIG } from '../../src/outbox/config';
import { OutboxScheduler } from '../../src/outbox/scheduler';
import { copenhagenInstant, parseCalendarDate } from '../../src/time/calendar-date';
import { drain, RecordingMessenger, staffOnTeams, workerFor } from '../support/outbox-support';
import { describeEachDatabase, TEST_NOW, type TestContext } from '../support/test-context';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function scheduler(c: TestContext): OutboxScheduler {
  return new OutboxScheduler({ db: c.database.db, clock: c.clock, logger: silentLogger, offers: c.services.offers, config: DEFAULT_MESSAGING_CONFIG });
}

describeEachDatabase('outbox: scheduled staff messages', (ctx) => {
  let staff: string[] = [];
  beforeAll(async () => {
    staff = [await staffOnTeams(ctx()), await staffOnTeams(ctx(), 'coordinator')];
  });
  beforeEach(() => ctx().clock.set(TEST_NOW));

  test('an event that ended without a delivery prompts each staff member once to take attendance', async () => {
    const c = ctx();
    const eventId = await c.event({ startsAt: new Date(TEST_NOW.getTime() + HOUR), hours: 2, location: 'parkcafeen' });
    expect((await scheduler(c).runOnce()).attendancePrompts).toBe(0);
    c.clock.set(new Date(TEST_NOW.getTime() + 3 * HOUR));
    // Two instances at once, then again: one prompt per staff member.
    await Promise.all([scheduler(c).runOnce(), scheduler(c).runOnce()]);
    await scheduler(c).runOnce();
    const rows = await c.database.db.outboxMessage.findMany({ where: { kind: 'attendance_prompt', refId: { startsWith: `attendance:${eventId}:` } } });
    expect(rows.map((r) => r.personId).sort()).toEqual([...staff].sort());
    expect(rows.every((r) => r.channel === 'teams')).toBe(true);

    const teams = new RecordingMessenger();
    await drain(workerFor(c, { teams }));
    const [m] = teams.to(staff[0] ?? '');
    expect(stripIsolates(m?.text ?? '')).toBe('Fællesspisning (tirsdag 18. november kl. 13.00) er slut. Husk at tage fremmøde, så det tæller som leverance.');
    expect(m?.choices).toEqual([{ label: 'Tag fremmøde', action: `attendance.event|${eventId}` }]);
  });

  test('the kitchen digest of tomorrow goes to staff once, from the digest hour', async () => {
    const c = ctx();
    const db = c.database.db;
    const tomorrow = parseCalendarDate('2025-11-19');
    const eventId = await c.event({ startsAt: copenhagenInstant(tomorrow, 17, 30), capacity: 20, location: 'vangdalen' });
    await c.services.signUps.signUp({ eventId, personId: await c.person(), adults: 2, children: 1, dietary: { noPork: true, allergies: 'nødder' } });
    c.clock.set(copenhagenInstant(parseCalendarDate('2025-11-18'), 14, 59));
    expect((await scheduler(c).runOnce()).digests).toBe(0);
    c.clock.set(copenhagenInstant(parseCalendarDate('2025-11-18'), 15));
    expect((await scheduler(c).runOnce()).digests).toBe(2);
    expect((await scheduler(c).runOnce()).digests).toBe(0);
    expect(await db.outboxMessage.count({ where: { kind: 'kitchen_digest', refId: { startsWith: 'digest:2025-11-19:' } } })).toBe(2);

    const teams = new RecordingMessenger();
    await drain(workerFor(c, { teams }));
    const text = stripIsolates(teams.to(staff[1] ?? '')[0]?.text ?? '');
    expect(text).toContain('Tilmeldinger i morgen, onsdag 19. november:');
    expect(text).toContain(
      '• Fællesspisning, 17.30, Vangdalen – Til køkkenet – voksne: 2, børn: 1, uden svinekød: 3, vegetar: 0. Allergier: nødder. På venteliste: 0.',
    );
  });

  test("a resident's reply after a staff answer goes to the staff member who answered", async () => {
    const c = ctx();
    const db = c.database.db;
    const resident = await c.person('Amal');
    const [answerer] = staff as [string];
    const first = await c.services.handovers.open({ personId: resident, channel: 'console', language: 'da', question: 'Hvornår er der rådgivning?' });
    await c.services.handovers.answer({ requestId: first.id, staffId: answerer, answer: 'Torsdag kl. 10.' });
    c.clock.advance(2 * DAY);
    const reply = await c.services.handovers.open({ personId: resident, channel: 'console', language: 'da', question: 'Tak – skal jeg have papirer med?' });
    const rows = await db.outboxMessage.findMany({ where: { kind: 'handover_reply', refId: `handover:${reply.id}` } });
    expect(rows.map((r) => ({ personId: r.personId, channel: r.channel }))).toEqual([{ personId: answerer, channel: 'teams' }]);

    const teams = new RecordingMessenger();
    await drain(workerFor(c, { teams }));
    const [m] = teams.to(answerer);
    expect(stripIsolates(m?.text ?? '')).toBe('Amal har skrevet igen efter dit svar: Tak – skal jeg have papirer med?');
    expect(m?.choices).toEqual([{ label: 'Svar', action: `handovers.answer|${reply.id}` }]);

    // More than a week after the answer, a new request is just a new request.
    await c.services.handovers.answer({ requestId: reply.id, staffId: answerer, answer: 'Ja, lønsedler.' });
    c.clock.advance(8 * DAY);
    const later = await c.services.handovers.open({ personId: resident, channel: 'console', language: 'da', question: 'Nyt spørgsmål' });
    expect(await db.outboxMessage.count({ where: { kind: 'handover_reply', refId: `handover:${later.id}` } })).toBe(0);
  });
});
