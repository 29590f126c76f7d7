/**
 * Round 10, Ukrainian, Dari/Persian and Sorani lexicons (src/nlu/lexicon/uk.ts, fa.ts, ckb.ts): the classes of miss seen on
 * the retired blind set blind5 (and blind2-blind4), said in sentences of no labelled set. Each row says what the reader
 * gives (intent and details) and what the decision does with it: act on it, or ask with the intent among the buttons.
 */
import { decide } from '../../src/nlu/decision';
import { understand } from '../../src/nlu/reader';
import type { Details, Intent } from '../../src/nlu/understanding';
import type { Language } from '../../src/plan-data/plan-file';

// Tuesday 24 November 2026, like the labelled sets: Wednesday is the 25th, Friday the 27th, Saturday the 28th.
const NOW = new Date('2026-11-24T10:00:00Z');

// Every row names its details ({} for none) and the decision: 'act' on the intent, or 'ask' with it among the options.
type Case = readonly [text: string, intent: Intent, details: Partial<Details>, decision: 'act' | 'ask'];

const CASES: Record<'uk' | 'fa' | 'ckb', readonly Case[]> = {
  uk: [
    // "четверо" (four of us) is a count, not Thursday: the party and its own day are both kept.
    ['запишіть двоє дорослих і четверо дітей на вечерю в суботу', 'sign_up', { adults: 2, children: 4, date: '2026-11-28' }, 'act'],
    ['четверо дітей і я, на вечерю в пʼятницю', 'sign_up', { children: 4, date: '2026-11-27' }, 'act'],
    // "нас четверо / шестеро" (there are four / six of us) for a meal is a party, like "нас двоє".
    ['нас шестеро на вечерю в суботу', 'sign_up', { date: '2026-11-28' }, 'act'],
    // "привіт" still greets with a "how are you" after it.
    ['привіт, як справи?', 'greet', {}, 'act'],
    // Surzhyk "шо" (what) asks like "що".
    ['шо є на вихідних', 'find_activities', { dateRange: { from: '2026-11-28', to: '2026-11-29' } }, 'act'],
    // Ukrainian in Latin letters: "zapyshit", the weekday and "osoby" are read like their Cyrillic forms.
    ['zapyshit mene na vecheryu v subotu 2 osoby', 'sign_up', { participants: 2, date: '2026-11-28' }, 'act'],
  ],
  fa: [
    // "N نفر بزرگسال": the people word before the kind of person counts adults, not a bare party of N.
    ['برای شام جمعه سه نفر بزرگسال ثبت نام کنید', 'sign_up', { adults: 3, date: '2026-11-27' }, 'act'],
    // "فرزند" (one's child, formal) counts children like "بچه".
    ['دو فرزندم را برای کمک درسی چهارشنبه ثبت نام کنید', 'sign_up', { children: 2, date: '2026-11-25' }, 'act'],
    // "همینه" (that's it) is a yes, not a price asked.
    ['بله همینه', 'yes', {}, 'act'],
    // Taken off a list, "can't take part", which programmes one is on, what is kept about one, "may I take part".
    ['لطفا اسم مرا از لیست کمک درسی خارج کنید', 'cancel_booking', {}, 'act'],
    ['نمیتونم در کلاس خیاطی شرکت کنم', 'cancel_booking', {}, 'act'],
    ['برای کدام فعالیت ها ثبت نام کرده ام', 'my_bookings', {}, 'act'],
    ['چه اطلاعاتی از ما نگه میدارید', 'my_data', {}, 'act'],
    ['میتونم چهارشنبه در کلاس خیاطی شرکت کنم؟', 'sign_up', { date: '2026-11-25' }, 'act'],
  ],
  ckb: [
    // "پێشتر" (before) in "a day before" says when to remind, it does not undo the reminder.
    ['تکایە دوو ڕۆژ پێشتر بیرم بخەرەوە', 'reminders_on', {}, 'act'],
    ['ڕۆژێک پێشتر بیرمان بخەنەوە', 'reminders_on', {}, 'act'],
    // "سڵاو" still greets with a "how are you" after it.
    ['سڵاو چۆنن', 'greet', {}, 'act'],
    // "لابدە" takes off like "لابە"; homework help is an activity; "may we go to …" signs up; "what can you do for me" is help.
    ['ناومان لە لیستی یارمەتی وانە لابدە', 'cancel_booking', {}, 'act'],
    ['یارمەتی ئەرکەکان لە کوێیە', 'find_activities', {}, 'act'],
    // The city bus and its stop ask for nothing here: not understood, not "did you mean: what is on?".
    ['پاسی ژمارە ٣ کەی دێت', 'unknown', {}, 'act'],
    ['دەتوانین شەممە بچینە کافێکە؟', 'sign_up', { date: '2026-11-28' }, 'act'],
    ['چیم بۆ دەکەیت؟', 'help', {}, 'act'],
    // Sorani in Latin letters: "bnusa" (write down), the weekday and "kas" (people) read like their Kurdish forms.
    ['bmnusa bo nani hayni 3 kas', 'sign_up', { participants: 3, date: '2026-11-27' }, 'act'],
  ],
};

// Sentences that must not be acted on as the intent named: "how are you?" alone is small talk (the labelled sets say
// "unknown"), "آره همینه" is no question about an activity.
const NOT_ACTED: Record<'uk' | 'fa' | 'ckb', readonly (readonly [text: string, wrong: Intent])[]> = {
  uk: [
    ['як справи', 'greet'],
    ['як у вас справи?', 'greet'],
  ],
  fa: [
    ['آره همینه دیگه', 'find_activities'],
    ['همینه', 'find_activities'],
    // "I can't take part" is no sign-up.
    ['نمی‌توانم در شام جمعه شرکت کنم', 'sign_up'],
  ],
  ckb: [
    ['چۆنن؟', 'greet'],
    ['ئەی تۆ چۆنی؟', 'greet'],
    // The city bus is nothing of ours.
    ['پاسی ژمارە ٢ لە کوێ ڕادەوەستێت', 'find_activities'],
  ],
};

describe.each(Object.keys(CASES) as ('uk' | 'fa' | 'ckb')[])('%s: blind5 classes in new sentences', (language: Language & keyof typeof CASES) => {
  test.each(CASES[language])('"%s" is %s', (text, intent, details, decision) => {
    const u = understand(text, language, NOW);
    expect(u.intent).toBe(intent);
    expect(u.details).toMatchObject(details);
    const d = decide(u);
    if (decision === 'act') expect(d).toEqual(intent === 'unknown' ? { kind: 'none' } : { kind: 'act', intent });
    else expect(d.kind === 'ask' && d.options.includes(intent)).toBe(true);
  });

  test.each(NOT_ACTED[language])('"%s" is not acted on as %s', (text, wrong) => {
    expect(decide(understand(text, language, NOW))).not.toEqual({ kind: 'act', intent: wrong });
  });
});
