/**
 * Questions about what an activity costs or who may come, in the words added in round 8 (src/nlu/activity-questions.ts):
 * the reader marks them as asking, so the find flow answers from the plan data instead of listing events or booking.
 */
import { decide } from '../../src/nlu/decision';
import { understand } from '../../src/nlu/reader';
import type { Language } from '../../src/plan-data/plan-file';

const NOW = new Date('2026-11-24T10:00:00Z');

test.each<[string, Language, 'price' | 'audience']>([
  ['babycafe lacag ma la bixiyaa', 'so', 'price'],
  ['lektiecafe için para ödüyor muyuz', 'tr', 'price'],
  ['чи треба платити за спільну вечерю', 'uk', 'price'],
  ['скільки платити за гурток', 'uk', 'price'],
  ['کافه کودک پولیه؟', 'fa', 'price'],
  ['نانخواردنی بەکۆمەڵ بە پارەیە؟', 'ckb', 'price'],
  ['دەتوانم هاوڕێکەم بهێنم بۆ نانخواردن', 'ckb', 'audience'],
  // Round 9: Levantine "how much is its fee", "do we have to pay"; "can the men come"; Turkish kroner and "can … come";
  // Somali "how much", "who may take part"; Persian "how many kroner per person".
  ['قديش حق العشا', 'ar', 'price'],
  ['لازم ندفع شي للبيبي كافيه', 'ar', 'price'],
  ['ممكن الرجال يجون عالعشا', 'ar', 'audience'],
  ['yemek kaç kron', 'tr', 'price'],
  ['çocuklar gelebiliyor mu', 'tr', 'audience'],
  ['cashada meeqa weeye', 'so', 'price'],
  ['yaa ka qeyb geli kara kooxda', 'so', 'audience'],
  ['شام مشترک هر نفر چند کرون است', 'fa', 'price'],
])('"%s" (%s) asks about %s', (text, language, asks) => {
  expect(understand(text, language, NOW).details.asks).toBe(asks);
});

describe('"how much" after the clock asks the time, not the price', () => {
  test.each([
    ['fa', 'کلاس خیاطی ساعت چند است'],
    ['fa', 'ساعت چند است'],
    ['so', 'saacaddu waa immisa'],
  ] as const)('%s "%s" asks no price', (language, text) => {
    expect(understand(text, language, new Date('2026-11-24T10:00:00Z')).details.asks).toBeUndefined();
  });

  test('the price asked with the same words still is one', () => {
    expect(understand('قیمت شام چند است', 'fa', new Date('2026-11-24T10:00:00Z')).details.asks).toBe('price');
  });
});

describe('a language named with "write", which is also the verb of signing up', () => {
  const NOW2 = new Date('2026-11-24T10:00:00Z');
  test.each([
    ['so', 'ingiriis ii qor', 'en'],
    ['tr', 'Türkçe yazabilir misin', 'tr'],
  ] as const)('%s "%s" asks to be written to in %s', (language, text, want) => {
    const u = understand(text, language, NOW2);
    expect({ intent: u.intent, language: u.details.language }).toEqual({ intent: 'change_language', language: want });
  });

  test.each([
    ['tr', 'beni perşembe yemeğine yaz'],
    ['so', 'i qor casho khamiista'],
  ] as const)('%s "%s", with a dinner and a day to sign up for, stays a sign-up', (language, text) => {
    expect(understand(text, language, NOW2).intent).toBe('sign_up');
  });
});

describe('the words of a question about an activity name no activity', () => {
  test.each([
    ['uk', 'скільки коштує вечеря', 'вечеря'],
    ['fa', 'قیمت نان شب چند است', 'نان شب'],
    ['en', 'how much is the dinner', 'dinner'],
  ] as const)('%s "%s" asks about %s, the dinner', (language, text, activity) => {
    const d = understand(text, language, new Date('2026-11-24T10:00:00Z')).details;
    expect({ asks: d.asks, activityText: d.activityText, category: d.category }).toEqual({ asks: 'price', activityText: activity, category: 'dinner' });
  });
});

describe('Kurdish, the language, and Persian "کردیم" (we did)', () => {
  test('fa "ما دیروز ثبت نام کردیم" names no language', () => {
    expect(understand('ما دیروز ثبت نام کردیم', 'fa', new Date('2026-11-24T10:00:00Z')).details.language).toBeUndefined();
  });
  test.each(['بدي احكي بالكردي', 'اللغة الكردية'])('ar "%s" is Sorani', (text) => {
    expect(understand(text, 'ar', new Date('2026-11-24T10:00:00Z')).details.language).toBe('ckb');
  });
});

describe('talking to someone about money is counselling', () => {
  test.each([
    ['da', 'tale med en om min økonomi'],
    ['da', 'jeg vil tale med en person om min gæld'],
    ['tr', 'kiramı ödeyemiyorum biriyle konuşabilir miyim'],
  ] as const)('%s "%s" books counselling, acted on', (language, text) => {
    const u = understand(text, language, new Date('2026-11-24T10:00:00Z'));
    expect(decide(u)).toEqual({ kind: 'act', intent: 'book_counselling' });
  });
});
