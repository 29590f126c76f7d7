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
  ],
  ckb: [['تەنیا هەواڵی وەرزش بنێرن', 'news_topics', {}, 'act']],
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
