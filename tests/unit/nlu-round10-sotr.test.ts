/**
 * Round 10, Somali and Turkish: the classes of miss seen on the retired blind5 set (and the same classes left in older
 * sets), said in other words than any labelled sentence. "How are you?" alone and "what time is it?" are small talk and
 * a clock, not a greeting acted on nor a question about what is on (Turkish acted on both); a hello before "nasılsın" is
 * still the greeting, and an activity asked about with "saat kaç" is still asked about. One day that "does not work" and
 * another asked for ("çarşamba olmuyor perşembe olur mu") moves the booking. Somali: "the end of the week" in
 * its other spellings (dhamaadka toddobaadka, dhamaadka usbuuca) is the weekend, not this whole week; "igu" said for "iga"
 * (what you hold on me) shows my data; the past tense spelled "-yey" (isku diiwaangeliyey) shows my bookings; "can I
 * put myself down" (ma isku qori karaa) and "i qor"/"ii qor"/"na qor" typed as one word sign up; the data named before
 * the wipe deletes it; the data named after "how do you use" asks about privacy; "language" spelled "luuqad" changes it.
 * "I need help" said whole is help (with a debt named, counselling). A ball game's time ("kubada", one d) is the match
 * elsewhere, as "kubadda" was. And a Turkish tooth (diş, dişim) is life elsewhere: "my dental appointment was moved"
 * tells, it asks for nothing.
 */
import { decide } from '../../src/nlu/decision';
import { understand } from '../../src/nlu/reader';
import type { Language } from '../../src/plan-data/plan-file';

const NOW = new Date('2026-11-24T10:00:00Z');

type Case = [text: string, intent: string, details: Record<string, unknown>];

const CASES: Record<'tr' | 'so', Case[]> = {
  tr: [
    ['merhaba nasılsın', 'greet', {}],
    ['anneler grubu saat kaçta', 'find_activities', {}],
    ['akşam yemeği saat kaç', 'find_activities', { category: 'dinner' }],
    ['çarşamba olmuyor perşembe olur mu', 'move_booking', { date: '2026-11-26' }],
    ['cuma olmuyor cumartesi olabilir mi', 'move_booking', { date: '2026-11-28' }],
  ],
  so: [
    ['dhamaadka toddobaadka maxaa jira', 'find_activities', { dateRange: { from: '2026-11-28', to: '2026-11-29' } }],
    ['dhamaadka usbuuca dhallinyarada wax ma u jiraan', 'find_activities', { audience: 'youth', dateRange: { from: '2026-11-28', to: '2026-11-29' } }],
    ['macluumaad noocee ah ayaad igu haysaan', 'my_data', {}],
    ['maxaan iska diiwaangeliyey', 'my_bookings', {}],
    ['xaggee baan isku diiwaan geliyey', 'my_bookings', {}],
    ['is qori karaa caawinta casharrada', 'sign_up', {}],
    ['ma isku qori karaa cashada berri', 'sign_up', { date: '2026-11-25', category: 'dinner' }],
    ['iiqor kooxda hooyooyinka', 'sign_up', {}],
    ['naqor cashada sabtida 3 qof', 'sign_up', { date: '2026-11-28', participants: 3 }],
    ['dhammaan macluumaadkayga oo idin ku jira tirtira', 'delete_my_data', {}],
    ['sidee baad u isticmaashaan macluumaadkayga', 'privacy', {}],
    ['luuqadda u bedel carabi', 'change_language', { language: 'ar' }],
    ['fadlan beddel luuqadda', 'change_language', {}],
    ['caawin baan u baahanahay fadlan', 'help', {}],
    ['deyn ayaa i haysata caawimaad baan u baahanahay', 'book_counselling', { topic: 'debt' }],
  ],
};

// Small talk and the clock: never acted on as a greeting or as a question about what is on.
const NOT_ACTED: [language: 'tr' | 'so', text: string, not: string][] = [
  ['tr', 'nasılsın', 'greet'],
  ['tr', 'şu an saat kaç', 'find_activities'],
  ['tr', 'saat kaç oldu acaba', 'find_activities'],
  ['so', 'waa immisa saacadu hadda', 'find_activities'],
  ['so', 'saacadu waa imisa', 'find_activities'],
];

// Told, not asked for: what is on is not even offered (the reader asked "did you mean: what is on?").
const NOTHING_OFFERED: [language: 'tr' | 'so', text: string][] = [
  ['tr', 'diş randevum salıya kaydırıldı'],
  ['tr', 'şu an saat kaç'],
  ['so', 'waa immisa saacadu hadda'],
  ['so', 'ciyaarta kubada cagta goorma bay bilaabanaysaa'],
];

describe.each(Object.keys(CASES) as ('tr' | 'so')[])('round 10 classes in %s', (language) => {
  test.each(CASES[language])('"%s" is %s', (text, intent, details) => {
    const u = understand(text, language as Language, NOW);
    expect(u.intent).toBe(intent);
    expect(u.details).toMatchObject(details);
    // Each of these is plain enough to act on without asking.
    expect(decide(u)).toEqual({ kind: 'act', intent });
  });
});

describe('round 10: small talk and the clock are not acted on', () => {
  test.each(NOT_ACTED)('%s "%s" is not acted on as %s', (language, text, not) => {
    const u = understand(text, language as Language, NOW);
    expect(u.intent).not.toBe(not);
    expect(decide(u)).not.toEqual({ kind: 'act', intent: not });
  });
});

describe('round 10: told, not asked for', () => {
  test.each(NOTHING_OFFERED)('%s "%s" offers nothing', (language, text) => {
    expect(decide(understand(text, language as Language, NOW))).toEqual({ kind: 'none' });
  });
});
