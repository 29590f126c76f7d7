/**
 * Round 8, Ukrainian, Dari/Persian and Sorani lexicons (src/nlu/lexicon/uk.ts, fa.ts, ckb.ts): the classes of miss seen on
 * tests/nlu/fresh4, said in sentences of no labelled set. An appointment no longer needed is cancelled; one moved or
 * cancelled by someone else (a doctor, a swimming club) is life elsewhere; "do I have an appointment", "are we on the list
 * or not" ask for one's bookings; being taken off a dinner cancels it; reminders said off with the verb turn them off;
 * shops and the rest of life ask nothing here; the waiting list is a sign-up; money owed is counselling.
 */
import { understand } from '../../src/nlu/reader';
import type { Details, Intent } from '../../src/nlu/understanding';
import type { Language } from '../../src/plan-data/plan-file';

// Tuesday 24 November 2026, like the labelled sets: Friday is the 27th, Thursday the 26th, Monday the 30th.
const NOW = new Date('2026-11-24T10:00:00Z');

// Every row names its details ({} for none): jest hands a row's missing last argument a callback instead.
type Case = readonly [text: string, intent: Intent, details: Partial<Details>];

const CASES: Record<'uk' | 'fa' | 'ckb', readonly Case[]> = {
  uk: [
    ['мені більше не потрібна зустріч з консультантом', 'cancel_booking', {}],
    ['у доньки скасували плавання в суботу', 'unknown', {}],
    ['лікарка перенесла мій прийом на четвер', 'unknown', {}],
    ['у мене є зустріч з консультантом?', 'my_bookings', {}],
    ['я записана на вечерю чи ні', 'my_bookings', {}],
    ['перестаньте мені нагадувати', 'reminders_off', {}],
    ['коли відкривається netto', 'unknown', {}],
    ['видаліть мене з вечері в пʼятницю', 'cancel_booking', { date: '2026-11-27' }],
    ['запишіть мене в лист очікування на вечерю', 'sign_up', {}],
    ['я винна за квартиру за два місяці', 'book_counselling', { topic: 'rent_arrears' }],
    ['не цього разу дякую', 'no', {}],
  ],
  fa: [
    ['دیگه به نوبت مشاوره نیازی ندارم', 'cancel_booking', {}],
    ['دکتر نوبتم را عوض کرد', 'unknown', {}],
    ['آیا با مشاور وقتی دارم؟', 'my_bookings', {}],
    ['اسمم در لیست شام هست یا نه', 'my_bookings', {}],
    ['مرا از شام جمعه حذف کنید', 'cancel_booking', { date: '2026-11-27' }],
    ['دیگه یادم نندازید', 'reminders_off', {}],
    ['نتو کی باز میشه', 'unknown', {}],
    ['لطفا مرا در لیست انتظار شام جمعه بگذارید', 'sign_up', { date: '2026-11-27' }],
    ['پولم تا آخر ماه کفایت نمیکند', 'book_counselling', { topic: 'budget' }],
    ['این دفعه نه ممنون', 'no', {}],
    // "بدهید" (give) is no debt: the move keeps its verb.
    ['لطفا نوبتم را به دوشنبه تغییر بدهید', 'move_booking', { date: '2026-11-30' }],
  ],
  ckb: [
    ['ئیتر پێویستم بە ڕاوێژ نییە', 'cancel_booking', {}],
    ['مەلەوانی کچەکەم شەممە هەڵوەشایەوە', 'unknown', {}],
    ['دکتۆر کاتەکەمی گۆڕی بۆ پێنجشەممە', 'unknown', {}],
    ['ئایا کاتم لەگەڵ ڕاوێژکار هەیە', 'my_bookings', {}],
    ['ناوم لە لیستی هەینی هەیە یان نا', 'my_bookings', {}],
    ['ئیتر بیرمان مەخەنەوە', 'reminders_off', {}],
    ['نێتۆ کەی دەکرێتەوە', 'unknown', {}],
    ['بمخەرە لیستی چاوەڕوانی نانی پێنجشەممە', 'sign_up', { date: '2026-11-26' }],
    ['پارەم بەشی کۆتایی مانگ ناکات', 'book_counselling', { topic: 'budget' }],
    ['ئەمجارە نا سوپاس', 'no', {}],
    // "وەرزش" (sport) is an activity, no slip of "قەرز" (debt).
    ['وەرزش بۆ ژنان هەیە', 'find_activities', {}],
  ],
};

describe.each(Object.keys(CASES) as ('uk' | 'fa' | 'ckb')[])('%s: fresh4 classes in new sentences', (language: Language & keyof typeof CASES) => {
  test.each(CASES[language])('"%s" is %s', (text, intent, details) => {
    const u = understand(text, language, NOW);
    expect(u.intent).toBe(intent);
    expect(u.details).toMatchObject(details);
  });
});
