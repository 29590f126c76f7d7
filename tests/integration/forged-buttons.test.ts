/**
 * Buttons are data from outside: a forged, replayed or out-of-order action gets "that button is no
 * longer valid" and the menu, changes nothing, and logs no error (only real faults are errors).
 */
import { ConversationEngine } from '../../src/conversation/engine';
import { StateStore } from '../../src/conversation/state-store';
import { FLOWS } from '../../src/flows';
import { Translations } from '../../src/i18n/i18n';
import { createLogger } from '../../src/logging/logger';
import { understand } from '../../src/nlu/reader';
import type { Role } from '../../src/people/people-service';
import { Chat } from '../support/chat';
import { describeEachDatabase, TEST_NOW, type TestContext } from '../support/test-context';

/** Every action prefix the flows build, each pressed with arguments no button of ours carries. */
const ACTIONS = [
  'signup.party',
  'signup.adults',
  'signup.children',
  'signup.diet',
  'signup.confirm',
  'signup.abort',
  'signup.pick',
  'bookings.cancel',
  'bookings.list',
  'find.event',
  'find.week',
  'find.nextweek',
  'offer.accept',
  'offer.decline',
  'counsel.pick',
  'counsel.topic',
  'counsel.move',
  'counsel.confirm',
  'counsel.note',
  'counsel.abort',
  'welcome.lang',
  'welcome.consent',
  'welcome.decline',
  'welcome.languages',
  'welcome.menu',
  'welcome.privacy',
  'mydata.show',
  'mydata.delete',
  'area.ask',
  'handover.ask',
  'events.show',
  'events.cancel',
  'events.cancelok',
  'events.list',
  'attendance.event',
  'attendance.submit',
  'attendance.pick',
  'delivery.undo',
  'delivery.edit',
  'delivery.date',
  'delivery.activity',
  'delivery.abort',
  'delivery.ask',
  'delivery.change',
  'delivery.correct',
  'delivery.save',
  'delivery.submit',
  'handovers.answer',
  'handovers.list',
  'create.event',
  'create.eventsubmit',
  'create.slots',
  'create.slotssubmit',
  'measure.pick',
  'measure.abort',
  'measure.ask',
  'measure.save',
  'progress.period',
  'progress.ask',
  'progress.all',
  'notes.comment',
  'notes.value',
  'notes.valuesubmit',
];
const ARGS = [
  undefined,
  '',
  'x',
  '0',
  '-1',
  '999',
  'NaN',
  '1e9',
  's_nonexistent',
  'a_nonexistent',
  'cknonexistent0000000000000',
  '../../etc',
  '\'; DROP TABLE "Person"; --',
  'ﷺ'.repeat(30),
];
const FORM_VALUES: (Record<string, string> | undefined)[] = [
  undefined,
  {},
  { count: '-5', date: '31-02-2025', activity: 'nope', note: 'x'.repeat(5000), title: '', startsAt: 'yesterday' },
];

/** A small seeded generator (mulberry32), so a failing walk can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Recorded {
  level: string;
  msg: string;
}

function engineWithLog(ctx: TestContext, lines: Recorded[]): ConversationEngine {
  const translations = new Translations(undefined, (lang, key) => {
    throw new Error(`missing translation ${lang} ${key}`);
  });
  const logger = createLogger('warn', (line) => lines.push(JSON.parse(line) as Recorded));
  return new ConversationEngine({
    services: ctx.services,
    translations,
    clock: ctx.clock,
    logger,
    understand,
    flows: FLOWS,
    stateStore: new StateStore(ctx.database.db),
  });
}

describeEachDatabase('forged and out-of-order buttons', (ctx) => {
  const lines: Recorded[] = [];

  beforeAll(async () => {
    await ctx().event({ location: 'parkcafeen', capacity: 40, startsAt: new Date(TEST_NOW.getTime() + 2 * 86_400_000) });
  });
  beforeEach(() => void lines.splice(0));

  async function consented(): Promise<Chat> {
    const chat = new Chat(engineWithLog(ctx(), lines));
    await chat.start();
    await chat.press('Ja, det er fint');
    return chat;
  }

  test('signup.adults|2, signup.children|0, signup.diet|none without an event: "no longer valid", the menu, no sign-up, no error logged', async () => {
    const chat = await consented();
    for (const action of ['signup.adults|2', 'signup.children|0', 'signup.diet|none', 'signup.confirm']) {
      await chat.send({ kind: 'action', action });
      expect(chat.text()).toContain('Den knap virker ikke længere');
      expect(chat.buttons().map((b) => b.action)).toContain('signup.pick');
    }
    expect(await ctx().database.db.signUp.count({ where: { person: { identities: { some: { externalId: chat.externalId } } } } })).toBe(0);
    expect(lines).toEqual([]);
  });

  test('a count no button of ours carries, in the middle of a real sign-up, is refused and the sign-up can go on', async () => {
    const chat = await consented();
    await chat.press('Tilmeld fællesspisning');
    for (const action of ['signup.adults|abc', 'signup.adults|0', 'signup.adults|99', 'signup.adults|1.5', 'signup.adults|-1']) {
      await chat.send({ kind: 'action', action });
      expect(chat.text()).toContain('Den knap virker ikke længere');
    }
    // The draft survived: the next real answer continues where the person was.
    await chat.send({ kind: 'action', action: 'signup.adults|2' });
    expect(chat.text()).toContain('Hvor mange børn');
    expect(lines).toEqual([]);
  });

  test.each<Role>(['resident', 'staff', 'coordinator'])(
    'a random walk of real and forged buttons, as a %s, is always answered and logs no error',
    async (role) => {
      const chat = new Chat(engineWithLog(ctx(), lines), { role });
      await chat.start();
      await chat.send({ kind: 'action', action: 'welcome.consent' });
      const people = await ctx().database.db.person.count();
      const random = seeded(role.length * 7919);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
      for (let i = 0; i < 400; i++) {
        // Half real buttons (to get deep into flows), half forged ones pressed at whatever point that is.
        const real = chat.buttons().filter((b) => !['mydata.erase', 'welcome.decline'].includes(b.action));
        const forged = () => {
          const arg = pick(ARGS);
          return arg === undefined ? pick(ACTIONS) : `${pick(ACTIONS)}|${arg}`;
        };
        const action = real.length > 0 && random() < 0.5 ? pick(real).action : forged();
        const batch = await chat.send({ kind: 'action', action, values: pick(FORM_VALUES) });
        expect(batch.replies.length).toBeGreaterThan(0);
      }
      expect(lines.filter((l) => l.level === 'error')).toEqual([]);
      expect(await ctx().database.db.person.count()).toBe(people);
    },
  );
});
