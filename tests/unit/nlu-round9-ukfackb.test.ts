/**
 * Round 9, Ukrainian, Dari/Persian and Sorani lexicons (src/nlu/lexicon/uk.ts, fa.ts, ckb.ts): the classes of miss seen on
 * the retired blind sets blind2-blind4, said in sentences of no labelled set. Each row says what the reader gives (intent
 * and details) and what the decision does with it: act on it, or ask with the intent among the buttons.
 */
import { decide } from '../../src/nlu/decision';
import { understand } from '../../src/nlu/reader';
import type { Details, Intent } from '../../src/nlu/understanding';
import type { Language } from '../../src/plan-data/plan-file';

// Tuesday 24 November 2026, like the labelled sets: Friday is the 27th, Thursday the 26th, Monday the 30th.
const NOW = new Date('2026-11-24T10:00:00Z');

// Every row names its details ({} for none) and the decision: 'act' on the intent, or 'ask' with it among the options
// ('act' on 'unknown' stands for "not understood": nothing is done).
type Case = readonly [text: string, intent: Intent, details: Partial<Details>, decision: 'act' | 'ask'];

const CASES: Record<'uk' | 'fa' | 'ckb', readonly Case[]> = {
  uk: [
    // Only news about something: a choice of topics, not the news turned on.
    ['надсилайте мені лише новини про спорт', 'news_topics', {}, 'act'],
    // What the bot does is help; room as the condition of a sign-up, and "may I come", "I want to go" sign up.
    ['що робить цей бот', 'help', {}, 'act'],
    ['якщо ще є місця запишіть і мене на вечерю', 'sign_up', { category: 'dinner' }, 'act'],
    ['можна мені в пʼятницю на вечерю', 'sign_up', { date: '2026-11-27' }, 'act'],
    ['хочу в середу піти на допомогу з уроками', 'sign_up', { date: '2026-11-25' }, 'act'],
    // "да" and "отмініть" said from Russian; "we won't be there" cancels; debts, a call asked for, "until what time".
    ['да, все вірно', 'yes', {}, 'act'],
    ['отмініть запис на вечерю', 'cancel_booking', {}, 'act'],
    ['в четвер мене не буде', 'cancel_booking', { date: '2026-11-26' }, 'act'],
    ['у мене великі долги', 'book_counselling', { topic: 'debt' }, 'act'],
    ['хай мені хтось подзвонить', 'talk_to_person', {}, 'act'],
    ['що є для дітей на следующей неделе', 'find_activities', { dateRange: { from: '2026-11-30', to: '2026-12-06' } }, 'act'],
    ['до якої години працює кафе', 'find_activities', {}, 'act'],
  ],
  fa: [
    ['فقط اخبار ورزشی را بفرستید', 'news_topics', {}, 'act'],
    // "write in Somali" asks for the language; whom to write down makes "write" a sign-up.
    ['لطفا به سومالی بنویس', 'change_language', { language: 'so' }, 'act'],
    ['ما رو برای شام جمعه بنویس', 'sign_up', { date: '2026-11-27' }, 'act'],
    ['این ربات چیکار میکنه', 'help', {}, 'act'],
    ['اگر جا باشد ما را هم برای شام بنویسید', 'sign_up', {}, 'act'],
    ['فردا میتونم بیام کافه', 'sign_up', { date: '2026-11-25' }, 'act'],
    // "منو" after messages is "me", not the menu.
    ['کی میتونه پیامهای ما رو ببینه', 'privacy', {}, 'act'],
    ['مینوی اصلی', 'menu', {}, 'act'],
    ['اجاره ام سه ماه عقب افتاده', 'book_counselling', { topic: 'rent_arrears' }, 'act'],
    // Football for girls is asked for here; a son's football team plays elsewhere.
    ['فوتبال برای دخترها هست؟', 'find_activities', {}, 'act'],
    ['تیم فوتبال پسرم یکشنبه بازی داره', 'unknown', {}, 'act'],
    // When one's appointment was and where one signed up are one's bookings; a counselling moved with "بندازید".
    ['نوبت مشاوره ام کی بود؟', 'my_bookings', {}, 'act'],
    ['کجاها اسم نوشتیم', 'my_bookings', {}, 'act'],
    ['مشاوره ام را به دوشنبه بندازید', 'move_booking', { date: '2026-11-30' }, 'act'],
    ['لطفا یک روز قبل یادم بیار', 'reminders_on', {}, 'act'],
    ['شماره تلفن مددکار را میخواهم', 'talk_to_person', {}, 'act'],
    ['یک نفر هست که وضعیت مالی ما را ببیند', 'book_counselling', {}, 'act'],
    ['برای درخواست کمک مصارف کرایه به مشاور ضرورت دارم', 'book_counselling', { topic: 'housing_benefit' }, 'act'],
    // "I don't know what to do" weighs less than the debt named with it.
    ['قرض زیاد دارم نمیدانم چه کار کنم', 'book_counselling', { topic: 'debt' }, 'ask'],
    ['برای شام پنجشنبه سه نفر جا رزرو کنید', 'sign_up', { participants: 3, date: '2026-11-26' }, 'act'],
    ['زباله ها را کی میبرند', 'unknown', {}, 'act'],
  ],
  ckb: [
    ['تەنیا هەواڵی وەرزش بنێرن', 'news_topics', {}, 'act'],
    ['ئەم بۆتە کاری چییە', 'help', {}, 'act'],
    ['ئەگەر جێگا ماوە ئێمەش بنووسە بۆ نانی هەینی', 'sign_up', { date: '2026-11-27' }, 'act'],
    ['تۆپی پێ بۆ کچان هەیە', 'find_activities', {}, 'act'],
    ['کاتی چاوپێکەوتنەکەم کەی بوو', 'my_bookings', {}, 'act'],
    ['تکایە بیرم بخەرەوە بۆ نانی هەینی', 'reminders_on', { date: '2026-11-27' }, 'act'],
    ['بۆ نانی پێنجشەممە سێ کەس جێگا بگرن', 'sign_up', { participants: 3, date: '2026-11-26' }, 'act'],
    ['هەموو زانیارییەکانی من بسڕنەوە', 'delete_my_data', {}, 'act'],
  ],
};

describe.each(Object.keys(CASES) as ('uk' | 'fa' | 'ckb')[])('%s: blind2-4 classes in new sentences', (language: Language & keyof typeof CASES) => {
  test.each(CASES[language])('"%s" is %s', (text, intent, details, decision) => {
    const u = understand(text, language, NOW);
    expect(u.intent).toBe(intent);
    expect(u.details).toMatchObject(details);
    const d = decide(u);
    if (decision === 'act') expect(d).toEqual(intent === 'unknown' ? { kind: 'none' } : { kind: 'act', intent });
    else expect(d.kind === 'ask' && d.options.includes(intent)).toBe(true);
  });
});
