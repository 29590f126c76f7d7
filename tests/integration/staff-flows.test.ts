/**
 * Staff flows driven through the conversation engine, as a staff member on Teams would: what they
 * see (isolates stripped) and what the database holds afterwards. Also the role boundary: a
 * resident reaches none of the staff or coordinator flows, by text or by button.
 */
import { ConversationEngine } from '../../src/conversation/engine';
import type { ReplyBatch } from '../../src/conversation/replies';
import { StateStore } from '../../src/conversation/state-store';
import type { Turn } from '../../src/conversation/turn';
import { FLOWS } from '../../src/flows';
import { Translations, stripIsolates } from '../../src/i18n/i18n';
import { silentLogger } from '../../src/logging/logger';
import { COORDINATOR_INTENTS, STAFF_INTENTS } from '../../src/nlu/understanding';
import { understand } from '../../src/nlu/reader';
import type { Role } from '../../src/people/people-service';
import { copenhagenInstant, parseCalendarDate } from '../../src/time/calendar-date';
import { describeEachDatabase, TEST_NOW, type TestContext } from '../support/test-context';

/** One person chatting with the engine. */
class Person {
  last: ReplyBatch = { language: 'da', direction: 'ltr', replies: [] };
  private readonly who: Omit<Turn, 'input'>;
  constructor(
    private readonly engine: ConversationEngine,
    role: Role,
    clientLanguage = 'da',
    firstName = 'Mette',
  ) {
    this.who = { channel: 'teams', externalId: `${role}-${Math.random().toString(36).slice(2)}`, firstName, clientLanguage, role };
  }
  async send(input: Turn['input']): Promise<string> {
    this.last = await this.engine.handle({ ...this.who, input });
    return this.text();
  }
  say = (text: string): Promise<string> => this.send({ kind: 'text', text });
  act = (action: string, values?: Record<string, string>): Promise<string> => this.send({ kind: 'action', action, values });
  /** Presses the first button whose label contains `label`. */
  press(label: string, values?: Record<string, string>): Promise<string> {
    const c = this.buttons().find((b) => stripIsolates(b.label).includes(label));
    if (!c)
      throw new Error(
        `no button "${label}" among: ${this.buttons()
          .map((b) => stripIsolates(b.label))
          .join(' | ')}`,
      );
    return this.act(c.action, values);
  }
  buttons(): { label: string; action: string }[] {
    return this.last.replies.flatMap((r) => (r.kind === 'choices' ? r.choices : r.kind === 'form' ? [r.submit] : []));
  }
  /** Everything shown, tables included, as plain text. */
  text(): string {
    return stripIsolates(
      this.last.replies
        .map((r) =>
          r.kind === 'table'
            ? [r.title, r.columns.join(' | '), ...r.rows.map((row) => row.cells.join(' | '))].join('\n')
            : r.kind === 'file'
              ? (r.caption ?? '')
              : r.text,
        )
        .join('\n'),
    );
  }
  form(): Extract<ReplyBatch['replies'][number], { kind: 'form' }> {
    const f = this.last.replies.find((r) => r.kind === 'form');
    if (!f || f.kind !== 'form') throw new Error(`no form in: ${this.text()}`);
    return f;
  }
}

function engineOf(c: TestContext): ConversationEngine {
  return new ConversationEngine({
    services: c.services,
    translations: new Translations(),
    clock: c.clock,
    logger: silentLogger,
    understand,
    flows: FLOWS,
    stateStore: new StateStore(c.database.db),
  });
}

const NOT_ALLOWED = 'Det kan jeg ikke hjælpe dig med her.';

describeEachDatabase('staff flows through the engine', (ctx) => {
  let engine: ConversationEngine;
  const db = () => ctx().database.db;
  const dinnerTarget = async (key: string) => {
    const p = await ctx().services.progress.forActivity(await ctx().activityId('faellesspisning'), 'plan-year');
    return p.activity.targets.find((t) => t.key === key);
  };

  beforeAll(() => {
    engine = engineOf(ctx());
  });
  afterEach(() => ctx().clock.set(TEST_NOW));

  test('Danish: one message, the summary, "Gem" → the delivery is saved and counted in progress', async () => {
    const staff = new Person(engine, 'staff');
    const before = (await dinnerTarget('antal'))?.actual ?? 0;
    const shown = await staff.say('fællesspisning i dag 34 deltagere 2 frivillige');
    expect(shown).toContain('Aktivitet: Fællesspisning');
    expect(shown).toContain('Dato: 18. november 2025 (i dag)');
    expect(shown).toContain('Deltagere: 34');
    expect(shown).toContain('Frivillige: 2');
    expect(staff.buttons().map((b) => stripIsolates(b.label))).toEqual(['Gem', 'Ret', 'Annullér']);
    expect(await staff.press('Gem')).toContain('Gemt: Fællesspisning 18. november 2025 med 34 deltagere.');
    const saved = await db().delivery.findFirstOrThrow({ where: { participants: 34 }, orderBy: { createdAt: 'desc' } });
    expect(saved).toMatchObject({ volunteers: 2, kind: 'event', channel: 'teams', date: parseCalendarDate('2025-11-18'), deletedAt: null, note: null });
    expect((await dinnerTarget('antal'))?.actual).toBe(before + 1);
    expect(staff.buttons().map((b) => b.action)).toContain(`delivery.undo|${saved.id}`);
  });

  test('"gem" typed at the summary does what the Gem button does; "annullér" typed saves nothing', async () => {
    const staff = new Person(engine, 'staff');
    await staff.say('fællesspisning i dag 61 deltagere');
    expect(await staff.say('gem')).toContain('Gemt: Fællesspisning 18. november 2025 med 61 deltagere.');
    expect(await db().delivery.count({ where: { participants: 61, deletedAt: null } })).toBe(1);
    await staff.say('fællesspisning i dag 62 deltagere');
    await staff.say('Annullér');
    expect(await db().delivery.count({ where: { participants: 62 } })).toBe(0);
  });

  test('English: "logged communal dinner today 30 participants" is saved the same way', async () => {
    const staff = new Person(engine, 'staff', 'en', 'Sarah');
    const shown = await staff.say('logged communal dinner today 30 participants');
    expect(shown).toContain('Activity: Communal dinner');
    expect(shown).toContain('Participants: 30');
    expect(shown).toContain('18 November 2025 (today)');
    expect(await staff.press('Save')).toContain('Saved: Communal dinner on 18 November 2025 with 30 participants.');
    expect(await db().delivery.count({ where: { participants: 30, channel: 'teams', deletedAt: null } })).toBe(1);
  });

  test('a missing count is asked for; the place becomes the note; a course activity is logged as a course', async () => {
    const staff = new Person(engine, 'staff');
    expect(await staff.say('registrér mødregruppe Vangdalen')).toContain('Hvor mange deltog i Boligsociale mødregrupper?');
    let shown = await staff.say('6');
    expect(shown).toContain('Deltagere: 6');
    expect(shown).toContain('Note: Vangdalen');
    await staff.press('Ret');
    expect(await staff.press('Frivillige')).toContain('Hvor mange frivillige var med?');
    expect(await staff.say('1')).toContain('Frivillige: 1');
    await staff.press('Ret');
    await staff.press('Dato');
    shown = await staff.press('i går');
    expect(shown).toContain('17. november 2025 (i går)');
    expect(await staff.say('ja')).toContain('Gemt: Boligsociale mødregrupper 17. november 2025 med 6 deltagere.');
    const saved = await db().delivery.findFirstOrThrow({ where: { note: 'Vangdalen' } });
    expect(saved).toMatchObject({ participants: 6, volunteers: 1, kind: 'course', date: parseCalendarDate('2025-11-17') });
  });

  test('"mødregruppe Vangdalen 6 mødre": the place is the note; "Annullér" saves nothing', async () => {
    const staff = new Person(engine, 'staff');
    const before = await db().delivery.count();
    const shown = await staff.say('mødregruppe Vangdalen 6 mødre');
    expect(shown).toContain('Aktivitet: Boligsociale mødregrupper');
    expect(shown).toContain('Deltagere: 6');
    expect(shown).toContain('Note: Vangdalen');
    expect(await staff.press('Annullér')).toContain('Okay, leverancen er ikke gemt.');
    expect(await db().delivery.count()).toBe(before);
  });

  test('staff in a hurry: "fællesspisning igår 28 delt 3 friv" is a whole log; "registrer levering" asks which activity, "log delivery" too', async () => {
    const staff = new Person(engine, 'staff');
    const shown = await staff.say('fællesspisning igår 28 delt 3 friv');
    expect(shown).toContain('Aktivitet: Fællesspisning');
    expect(shown).toContain('17. november 2025 (i går)');
    expect(shown).toContain('Deltagere: 28');
    expect(shown).toContain('Frivillige: 3');
    await staff.press('Annullér');
    expect(await staff.say('registrer levering')).toContain('Hvilken aktivitet vil du registrere?');
    await staff.say('annuller');
    const english = new Person(engine, 'staff', 'en', 'Sarah');
    expect(await english.say('log delivery')).toContain('Which activity');
  });

  test('at the list of activities a typed "ja" or "ok" asks again which one; a name then goes on', async () => {
    const staff = new Person(engine, 'staff');
    expect(await staff.say('registrér kagebagning i dag')).toContain('Jeg kan ikke finde "kagebagning" i helhedsplanen.');
    const again = await staff.say('ja');
    expect(again).toContain('Hvilken aktivitet vil du registrere?');
    expect(again).not.toContain('"ja"');
    expect(staff.buttons().length).toBeGreaterThan(3);
    expect(await staff.say('ok')).toContain('Hvilken aktivitet vil du registrere?');
    expect(await staff.say('fællesspisning')).toContain('Hvor mange deltog i Fællesspisning?');
  });

  test('"fortryd sidste" asks first, then the last delivery no longer counts', async () => {
    const staff = new Person(engine, 'staff');
    await staff.say('fællesspisning i dag 25 deltagere');
    await staff.press('Gem');
    const counted = (await dinnerTarget('antal'))?.actual ?? 0;
    expect(await staff.say('fortryd sidste')).toContain('Din seneste leverance er Fællesspisning 18. november 2025 med 25 deltagere. Skal jeg fortryde den?');
    expect(await staff.press('Ja, fortryd')).toContain('Fortrudt: Fællesspisning 18. november 2025 med 25 deltagere tæller ikke længere med.');
    expect(await db().delivery.count({ where: { participants: 25, deletedAt: null } })).toBe(0);
    expect((await dinnerTarget('antal'))?.actual).toBe(counted - 1);
  });

  test('staff in a hurry: "ups det var 43" at the summary corrects the participants before saving; "fortryd" mid-log leaves without saving', async () => {
    const staff = new Person(engine, 'staff');
    expect(await staff.say('fællesspisning i dag 34 deltagere 3 frivillige')).toContain('Deltagere: 34');
    const corrected = await staff.say('ups det var 43');
    expect(corrected).toContain('Deltagere: 43');
    expect(corrected).toContain('Frivillige: 3');
    await staff.press('Gem');
    expect(await db().delivery.count({ where: { participants: 43, volunteers: 3, deletedAt: null } })).toBe(1);
    expect(await db().delivery.count({ where: { participants: 34, volunteers: 3 } })).toBe(0);
    // A second log, taken back half-way with one word: nothing is saved and the last saved one stays.
    expect(await staff.say('fællesspisning i dag 29 deltagere')).toContain('Deltagere: 29');
    expect(await staff.say('fortryd')).toContain('Intet af det, du var i gang med, er gemt eller sendt.');
    expect(await db().delivery.count({ where: { participants: 29 } })).toBe(0);
    expect(await db().delivery.count({ where: { participants: 43, deletedAt: null } })).toBe(1);
  });

  test('"ret sidste til 36 deltagere" corrects the last delivery after a confirmation', async () => {
    const staff = new Person(engine, 'staff');
    await staff.say('fællesspisning i dag 33 deltagere');
    await staff.press('Gem');
    expect(await staff.say('ret sidste til 36 deltagere')).toContain('Skal jeg rette Deltagere: 33 → 36?');
    expect(await staff.press('Ja, ret')).toContain('Rettet: Fællesspisning 18. november 2025 med 36 deltagere.');
    const last = await db().delivery.findFirstOrThrow({ orderBy: { createdAt: 'desc' } });
    expect(last.participants).toBe(36);
  });

  test('the menu form: wrong values come back with what to fix, right ones are saved', async () => {
    const staff = new Person(engine, 'staff');
    await staff.act('delivery.ask');
    const fields = staff.form().fields;
    expect(fields.map((f) => f.name)).toEqual(['activity', 'date', 'participants', 'newParticipants', 'volunteers', 'volunteerHours', 'note']);
    const dinner = await ctx().activityId('faellesspisning');
    expect(fields[0]?.options?.map((o) => o.value)).toContain(dinner);
    const wrong = { activity: dinner, date: '2025-13-01', participants: 'mange', newParticipants: '', volunteers: '2', note: 'Juleafslutning' };
    const shown = await staff.act('delivery.submit', wrong);
    expect(shown).toContain('Dato: skriv en dato som ÅÅÅÅ-MM-DD.');
    expect(shown).toContain('Deltagere: skriv et helt tal fra 0 til 500.');
    expect(staff.form().fields.find((f) => f.name === 'note')?.value).toBe('Juleafslutning');
    expect(await staff.act('delivery.submit', { ...wrong, date: '2025-11-30', participants: '40' })).toContain('Datoen ligger i fremtiden');
    expect(await staff.act('delivery.submit', { ...wrong, date: '2025-11-16', participants: '40' })).toContain(
      'Gemt: Fællesspisning 16. november 2025 med 40 deltagere.',
    );
    expect(await db().delivery.findFirstOrThrow({ where: { note: 'Juleafslutning' } })).toMatchObject({
      participants: 40,
      volunteers: 2,
      newParticipants: null,
    });
  });

  test('attendance by form: ticked parties, walk-ins and volunteers become attendance rows and one delivery', async () => {
    const { services, event, person, clock } = ctx();
    const eventId = await event({ startsAt: new Date(TEST_NOW.getTime() + 3_600_000) });
    const [came, stayed] = [await person('Layla'), await person('Omar')];
    await services.signUps.signUp({ eventId, personId: came, adults: 2, children: 1 });
    await services.signUps.signUp({ eventId, personId: stayed, adults: 2 });
    clock.set(new Date(TEST_NOW.getTime() + 2 * 3_600_000));
    const staff = new Person(engine, 'staff');
    await staff.act('attendance.pick');
    const form = staff.form();
    expect(form.submit.action).toBe(`attendance.submit|${eventId}`);
    expect(form.fields.map((f) => [stripIsolates(f.label), f.type, f.value])).toEqual([
      ['Layla (3 personer)', 'toggle', 'true'],
      ['Omar (2 personer)', 'toggle', 'true'],
      ['Kom uden tilmelding', 'number', '0'],
      ['Frivillige', 'number', '0'],
    ]);
    const shown = await staff.act(form.submit.action, { [came]: 'true', [stayed]: 'false', walkIns: '4', volunteers: '2' });
    expect(shown).toContain('7 kom: 3 tilmeldte og 4 uden tilmelding. Frivillige: 2. Gemt som leverance.');
    const marks = await db().attendance.findMany({ where: { eventId }, orderBy: { status: 'asc' } });
    expect(marks.map((m) => [m.personId, m.status])).toEqual([
      [came, 'attended'],
      [stayed, 'no_show'],
    ]);
    expect(await db().delivery.findFirstOrThrow({ where: { eventId } })).toMatchObject({ participants: 7, walkIns: 4, volunteers: 2, kind: 'event' });
    expect((await db().event.findUniqueOrThrow({ where: { id: eventId } })).status).toBe('held');
  });

  test('upcoming events, the sign-up list with the kitchen summary, and cancelling tells those signed up', async () => {
    const { services, event, person } = ctx();
    const eventId = await event({ startsAt: new Date(TEST_NOW.getTime() + 2 * 86_400_000), location: 'parkcafeen' });
    const [a, b] = [await person('Fatima'), await person('Jonas')];
    await services.signUps.signUp({ eventId, personId: a, adults: 2, children: 1, dietary: { noPork: true } });
    await services.signUps.signUp({ eventId, personId: b, adults: 1, dietary: { allergies: 'nødder' } });
    const staff = new Person(engine, 'staff');
    const list = await staff.say('kommende arrangementer med tilmeldinger');
    expect(list).toContain('Arrangementer i dag og de næste 7 dage');
    expect(list).toMatch(/Fællesspisning \| ParkCafeen \| 4\/40 \| 0/);
    const shown = await staff.act(`events.show|${eventId}`);
    expect(shown).toContain('Fatima | 2 | 1 | uden svinekød');
    expect(shown).toContain('Jonas | 1 | 0 | nødder');
    expect(shown).toContain('Til køkkenet – voksne: 3, børn: 1, uden svinekød: 3, vegetar: 0. Allergier: nødder. På venteliste: 0.');
    expect(await staff.press('Aflys arrangementet')).toContain('2 tilmeldte får besked.');
    expect(await staff.press('Ja, aflys')).toContain('Fællesspisning er aflyst. 2 beboere får besked.');
    expect((await db().event.findUniqueOrThrow({ where: { id: eventId } })).status).toBe('cancelled');
    const outbox = await db().outboxMessage.findMany({ where: { kind: 'event_cancelled', personId: { in: [a, b] } } });
    expect(outbox.map((o) => o.personId).sort()).toEqual([a, b].sort());
  });

  test('"hvor mange skal der laves mad til den 23/11" shows that one dinner\'s sign-ups and kitchen summary at once; an allergy written in Arabic is shown with its allergen in Danish', async () => {
    const { services, event, person } = ctx();
    // Sunday 23 November 2025, 17:30 in Copenhagen: no other dinner that day.
    const eventId = await event({ startsAt: new Date('2025-11-23T16:30:00Z'), location: 'parkcafeen' });
    const a = await person('Amal');
    await services.signUps.signUp({ eventId, personId: a, adults: 2, children: 3, dietary: { allergies: 'عندهم حساسية من المكسرات' } });
    const staff = new Person(engine, 'staff');
    const shown = await staff.say('hvor mange skal der laves mad til den 23/11');
    expect(shown).not.toContain('Arrangementer i dag og de næste 7 dage');
    expect(shown).toContain('Amal | 2 | 3 | عندهم حساسية من المكسرات (nødder)');
    expect(shown).toContain('Allergier: عندهم حساسية من المكسرات (nødder).');
  });

  test('"aflys …" typed by staff cancels the activity, never a sign-up of their own', async () => {
    const { services, event, person } = ctx();
    const eventId = await event({ startsAt: new Date(TEST_NOW.getTime() + 2 * 86_400_000), location: 'parkcafeen' });
    const resident = await person('Fatima');
    await services.signUps.signUp({ eventId, personId: resident, adults: 2 });
    const staff = new Person(engine, 'staff');
    // Said in the middle of another log's summary, it leaves the summary (unsaved, its date untouched) for the cancel.
    await staff.say('fællesspisning i dag 57 deltagere');
    const picked = await staff.say('aflys fællesspisning i overmorgen');
    expect(await db().delivery.count({ where: { participants: 57 } })).toBe(0);
    expect(picked).toContain('Hvilket arrangement vil du aflyse?');
    expect(picked).not.toContain('tilmeldinger');
    expect(await staff.act(`events.cancel|${eventId}`)).toContain('1 tilmeldt får besked.');
    expect(await staff.press('Ja, aflys')).toContain('Fællesspisning er aflyst. 1 beboer får besked.');
    expect((await db().event.findUniqueOrThrow({ where: { id: eventId } })).status).toBe('cancelled');
    // In a hurry and in English, with a staff reason after it: the activity's cancel, never a resident's; the events of
    // tomorrow to cancel are listed, none here (the one dinner is cancelled already), and nothing is cancelled unasked.
    const cancelled = await db().event.count({ where: { status: 'cancelled' } });
    const hurried = new Person(engine, 'staff', 'en');
    const said = await hurried.say('cancel homework cafe tomorrow staff are sick');
    expect(said).toContain('There are no events in that period.');
    expect(hurried.buttons().map((b) => stripIsolates(b.label))).not.toContain('Cancel a sign-up or appointment');
    expect(await db().event.count({ where: { status: 'cancelled' } })).toBe(cancelled);
  });

  test('handovers: the open request is answered and the answer queued for the resident', async () => {
    const { services, person } = ctx();
    const resident = await person('Amal');
    const { id } = await services.handovers.open({
      personId: resident,
      channel: 'telegram',
      language: 'ar',
      question: 'Hvornår kan jeg få hjælp til boligstøtte?',
    });
    const staff = new Person(engine, 'staff');
    const shown = await staff.say('åbne henvendelser');
    expect(shown).toContain('Amal | العربية | Hvornår kan jeg få hjælp til boligstøtte? | 0 min.');
    expect(await staff.press('Svar Amal')).toContain('Skriv dit svar.');
    expect(await staff.say('Kom forbi kontoret på torsdag kl. 10')).toContain('Sendt: svaret er sat i kø til beboerens kanal.');
    expect(await db().handoverRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'answered',
      answer: 'Kom forbi kontoret på torsdag kl. 10',
    });
    const queued = await db().outboxMessage.findFirstOrThrow({ where: { personId: resident, kind: 'handover_answer' } });
    expect(queued.channel).toBe('telegram');
  });

  test('create an event and counselling slots by form, in Copenhagen time', async () => {
    const staff = new Person(engine, 'staff');
    await staff.act('create.event');
    const location = staff
      .form()
      .fields.find((f) => f.name === 'location')
      ?.options?.find((o) => o.label === 'ParkCafeen');
    const values = {
      activity: await ctx().activityId('faellesspisning'),
      date: '2025-11-25',
      start: '19:30',
      end: '17:30',
      location: location?.value ?? '',
      capacity: '30',
    };
    expect(await staff.act('create.eventsubmit', values)).toContain('Sluttidspunktet skal ligge efter starttidspunktet.');
    expect(await staff.act('create.eventsubmit', { ...values, start: '17:30', end: '19:30' })).toContain('Oprettet: Fællesspisning tirsdag 25. november');
    const created = await db().event.findFirstOrThrow({ where: { capacity: 30 } });
    expect(created).toMatchObject({ startsAt: copenhagenInstant(parseCalendarDate('2025-11-25'), 17, 30), locationId: location?.value });
    await staff.act('create.slots');
    const slots = { date: '2025-11-26', first: '13:00', count: '3', minutes: '45', counsellor: 'BRF Kredit', location: '' };
    expect(await staff.act('create.slotssubmit', slots)).toContain('Oprettet: 3 rådgivningstider onsdag 26. november kl. 13.00–15.15 (BRF Kredit).');
    const rows = await db().appointmentSlot.findMany({ where: { counsellor: 'BRF Kredit' }, orderBy: { startsAt: 'asc' } });
    expect(rows.map((r) => r.startsAt)).toEqual(
      [0, 45, 90].map((m) => new Date(copenhagenInstant(parseCalendarDate('2025-11-26'), 13).getTime() + m * 60_000)),
    );
  });

  describe('roles', () => {
    // One phrase per staff and coordinator intent (from tests/nlu), checked against the reader.
    const PHRASES: Record<string, string> = {
      log_delivery: 'fællesspisning i dag 34 deltagere 2 frivillige',
      undo_delivery: 'fortryd sidste',
      correct_delivery: 'ret sidste til 36 deltagere',
      upcoming_events: 'kommende arrangementer med tilmeldinger',
      kitchen_summary: 'køkkenoversigt',
      take_attendance: 'tag fremmøde til fællesspisning',
      create_event: 'opret arrangement fællesspisning 3/12',
      create_slots: 'opret rådgivningstider på mandag',
      cancel_event: 'aflys arrangementet på torsdag',
      handovers: 'åbne henvendelser',
      progress: 'hvordan går det med mødregrupperne?',
      register_measurement: 'klagesager 2022: 49',
      broadcast: 'send til alle i Vangdalen: fællesspisning er flyttet',
      broadcast_report: 'rapport for udsendelse',
    };

    /** Everything a refused attempt could have changed. */
    async function snapshot(): Promise<Record<string, number>> {
      const d = db();
      return {
        deliveries: await d.delivery.count({ where: { deletedAt: null } }),
        participants: (await d.delivery.aggregate({ _sum: { participants: true } }))._sum.participants ?? 0,
        attendance: await d.attendance.count(),
        events: await d.event.count(),
        cancelled: await d.event.count({ where: { status: 'cancelled' } }),
        outbox: await d.outboxMessage.count(),
        answered: await d.handoverRequest.count({ where: { status: 'answered' } }),
        measurements: await d.measurement.count(),
        slots: await d.appointmentSlot.count(),
        audit: await d.auditLog.count(),
      };
    }

    test('a resident is refused every staff and coordinator intent and action; nothing changes', async () => {
      const { event, person, services, planId, activityId } = ctx();
      const eventId = await event({ startsAt: new Date(TEST_NOW.getTime() - 3_600_000) });
      const other = await person('Amal');
      const { id: handoverId } = await services.handovers.open({ personId: other, channel: 'telegram', language: 'da', question: 'Hjælp' });
      const staff = new Person(engine, 'staff');
      await staff.say('fællesspisning i dag 12 deltagere');
      await staff.press('Gem');
      const deliveryId = (await db().delivery.findFirstOrThrow({ where: { participants: 12 } })).id;
      const resident = new Person(engine, 'resident', 'da', 'Amina');
      const before = await snapshot();
      for (const intent of [...STAFF_INTENTS, ...COORDINATOR_INTENTS]) {
        const phrase = PHRASES[intent] ?? '';
        expect([intent, understand(phrase, 'da', TEST_NOW).intent]).toEqual([intent, intent]);
        const reply = await resident.say(phrase);
        // Refused, or asked about with only what a resident may do ("kommende arrangementer" may mean the activities).
        const offered = resident.buttons().filter((b) => b.action.startsWith('clarify'));
        if (reply.includes(NOT_ALLOWED)) continue;
        expect([phrase, reply]).toEqual([phrase, expect.stringContaining('Mente du')]);
        const residentIntents = offered.map((b) => b.action.split('|')[1] ?? '');
        expect([phrase, residentIntents.length > 0 && residentIntents.every((i) => ![...STAFF_INTENTS, ...COORDINATOR_INTENTS].includes(i as never))]).toEqual([
          phrase,
          true,
        ]);
      }
      const dinner = await activityId('faellesspisning');
      const actions: [string, Record<string, string>?][] = [
        ['delivery.ask'],
        ['delivery.submit', { activity: dinner, date: '2025-11-17', participants: '20' }],
        ['delivery.save'],
        [`delivery.undo|${deliveryId}`],
        ['delivery.correct'],
        ['events.list'],
        [`events.show|${eventId}`],
        [`events.cancel|${eventId}`],
        [`events.cancelok|${eventId}`],
        ['attendance.pick'],
        [`attendance.event|${eventId}`],
        [`attendance.submit|${eventId}`, { walkIns: '5', volunteers: '1' }],
        ['attendance.submit|x', { walkIns: '5' }],
        ['create.event'],
        ['create.eventsubmit', { activity: dinner, date: '2025-11-25', start: '17:00', end: '19:00', capacity: '20' }],
        ['create.slots'],
        ['create.slotssubmit', { date: '2025-11-26', first: '13:00', count: '2', minutes: '30', counsellor: 'BRF Kredit' }],
        ['handovers.list'],
        [`handovers.answer|${handoverId}`],
        ['handovers.answer|x'],
        ['broadcast.new'],
        ['broadcast.send'],
        ['broadcast.report|x'],
        ['broadcast.withdraw|x'],
        ['events.cancel|x'],
        ['progress.ask'],
        [`progress.period|p:${planId}:y`],
        ['measure.ask'],
        ['measure.save'],
      ];
      for (const [action, values] of actions) {
        expect([action, await resident.act(action, values)]).toEqual([action, expect.stringContaining(NOT_ALLOWED)]);
      }
      // The answer step must not be reachable either: typed text after a refused button is no answer.
      await resident.say('Det her er ikke et svar');
      expect(await snapshot()).toEqual(before);
    });

    test('staff see progress read-only and are refused registering measurements', async () => {
      const staff = new Person(engine, 'staff');
      const shown = await staff.say(PHRASES['progress'] ?? '');
      expect(shown).toContain('Boligsociale mødregrupper – planår 2');
      expect(shown).toContain('Succeskriterium | Nu | Mål | Forventet nu | Forrige periode | Status');
      expect(staff.buttons().some((b) => b.action.startsWith('measure.'))).toBe(false);
      expect(await staff.act('progress.ask')).not.toContain(NOT_ALLOWED);
      expect(await staff.say(PHRASES['register_measurement'] ?? '')).toContain(NOT_ALLOWED);
      expect(await staff.act('measure.save')).toContain(NOT_ALLOWED);
      expect(await staff.act('measure.ask')).toContain(NOT_ALLOWED);
    });
  });
});
