/**
 * Questions about an activity rather than a list of events: what it costs, where it is, who may
 * come ("hvad koster fællesspisning", "hvor er ParkCafeen", "må børn komme med", "كم سعر العشاء",
 * "وين مكان العشا", "can children come to the dinner"). The find flow answers them from the plan
 * data before it lists the next events.
 */
import type { Language } from '../plan-data/plan-file';
import { compilePattern, findMatches, type Pattern } from './patterns';
import { hasNegation } from './negation';
import { fold, type Token } from './text';

/** What a question about an activity asks. */
export type ActivityQuestion = 'price' | 'place' | 'audience';

const WORDS: Record<Language, Record<ActivityQuestion, readonly string[]>> = {
  da: {
    price: ['koster', 'hvad koster', 'pris', 'prisen', 'gratis', 'hvad skal man betale', 'skal man betale', 'skal jeg betale', 'betale for'],
    place: ['hvor er', 'hvor foregår', 'hvor ligger', 'hvor henne', 'hvor holder', 'hvilket sted'],
    audience: [
      'må man tage',
      'kan man tage',
      'må man ta',
      'kan man ta',
      'må .. også komme',
      'kan .. også komme',
      'må man komme',

      'må .. komme med',
      'må man have .. med',
      'må børn',
      'kan børn',
      'må mine børn',
      'kan mine børn',
      'må .. børn komme',
      'hvem må',
      'hvem kan komme',
      'hvem kan være med',
      'for hvem',
      'hvem er det for',
      'må jeg tage',
      'er det for',
      'er det kun',
    ],
  },
  en: {
    price: ['cost', 'costs', 'price', 'how much', 'free of charge', 'is it free', 'free', 'do i pay', 'do we pay', 'need to pay', 'have to pay', 'pay for'],
    place: ['where is', 'where s', 'wheres', 'where does', 'where do', 'location', 'which place'],
    audience: [
      'who is allowed',
      'allowed to join',
      'allowed to come',
      'can grandparents',
      'can grandma*',
      'can grandpa*',
      'can my grand*',
      'may my',
      'can .. come too',
      'can .. come .. too',
      'can men',
      'can women',
      'can .. join too',
      'can children',
      'can kids',
      'who can',
      'who is it for',
      'is it for',
      'kids allowed',
      'children allowed',
      'can i bring',
      'can my kids',
      'can my children',
      'bring my kids',
      'bring my children',
      'is it only',
      'is it just for',
    ],
  },
  ar: {
    price: [
      'سعر',
      'سعره',
      'سعرها',
      'كم حقه',
      'كم حقها',
      'بكم',
      'بكام',
      'كم يكلف',
      'كم بيكلف',
      'بيكلف',
      'بتكلف',
      'تكلفه',
      'مجاني',
      'ببلاش',
      'كم ثمن',
      'بفلوس',
      'بمصاري',
      'بدو مصاري',
      'ببلاش ولا',
      'se3r',
      'se3ro',
      'bkam',
      'b kam',
      'adesh',
      '2desh',
      'majjani',
      'balash',
      'قديش حق',
      'قديش حقه',
      'قديش حقها',
      'كم لازم ادفع',
      'لازم ادفع',
      'لازم ندفع',
    ],
    place: ['وين', 'اين', 'فين', 'وين مكان', 'اين مكان', 'مكانه', 'مكانها', 'عنوان', 'wen', 'wein', 'fen'],
    audience: [
      'مسموح*',
      'ينفع اجيب',
      'ممكن اجيب',
      'بقدر اجيب',
      'اقدر اجيب',
      'ينفع .. تيجي',
      'ينفع .. ييجي',
      'بيقدر .. ييجي',
      'بتقدر .. تيجي',
      'مين بقدر',
      'مين يقدر',
      'من يستطيع',
      'يقدر الاطفال',
      'الاطفال يجو',
      'الاولاد يجو',
      'مسموح',
      'للكل ولا',
      'لمين',
      'لمن',
      'اجيب .. ولاد*',
      'اجيب .. اطفال*',
      'اجيب .. *ولادي',
      'اخذ .. ولاد*',
      'جيب .. ولاد*',
      'جيب .. *ولادي',
      'جيب .. اطفال*',
      'ممكن .. يجون',
      'ممكن .. يجو',
      'ممكن .. ييجو',
      'بيقدرو .. يجو',
      'يقدرون .. يجون',
    ],
  },
  so: {
    price: [
      'qiimo',
      'qiimaha',
      'imisa',
      'immisa',
      'ku kacaysaa',
      'bilaash',
      'lacag ma la bixiyaa',
      'lacag ma ku baxdaa',
      'ma lacag baa',
      'lacag ma lagu bixiyaa',
      'lacag ma laga bixiyaa',
      'meeqa',
    ],
    place: ['xaggee', 'xagee', 'halkee', 'halkeed', 'goobta'],
    audience: [
      'ma la iman karaa',
      'ma la iman kartaa',
      'ma la keeni karaa',
      'ma keeni karaa',
      'ma iman kartaa',
      'ma iman karaan',
      'yaa iman kara',
      'carruurtu ma iman karaan',
      'yaa loogu talagalay',
      'yaa ka qeyb geli kara',
      'yaa ka qayb geli kara',
    ],
  },
  tr: {
    price: [
      'ücret*',
      'fiyat*',
      'kaç para',
      'ücretsiz',
      'ne kadar',
      'para* mı',
      'bedava',
      'para öd*',
      'para vermek gerek*',
      'para veriyor muyuz',
      'paralı mı',
      'parali mi',
      'ucretli mi',
      'kaç kron',
      'kişi başı kaç',
    ],
    place: ['nerede', 'nerde', 'adres*'],
    audience: [
      'getirebilir mi*',
      'kimler',
      'kim gelebilir',
      'çocuk* gelebilir',
      'çocuk* da gelebilir',
      'gelebilir mi',
      'kimin için',
      'getirebilir miyim',
      'gelebiliyor mu',
      'gelebiliyorlar mı',
    ],
  },
  uk: {
    price: [
      'скільки коштує',
      'ціна',
      'безкоштовн*',
      'вартість',
      'скільки платити',
      'скільки треба платити',
      'треба платити',
      'потрібно платити',
      'платн*',
      'сколько стоит',
      'бесплатн*',
    ],
    place: ['де', 'адреса', 'куди йти'],
    audience: [
      'можна привести',
      'можна взяти',
      'можу привести',
      'можу взяти',
      'може прийти',
      'можуть прийти',
      'можна прийти з',
      'хто може',
      'діти можуть',
      'для кого',
    ],
  },
  fa: {
    price: [
      'قیمت*',
      'چنده',
      'چقدره',
      'چقدر میشه',
      'چند است',
      'چقدر است',
      'چقدر پول',
      'چند پول است',
      'رایگان',
      'هزینه',
      'چند پول',
      'پولیه',
      'پولی است',
      'پولی هست',
      'مفت',
      'مفته',
      'مجانی',
      'هر نفر چند',
      'چند کرون',
    ],
    place: ['کجا', 'کجاست', 'کجاس', 'کجا هست', 'آدرس'],
    audience: [
      'میتواند .. بیاید',
      'میتونه .. بیاد',
      'میتوانند .. بیایند',
      'بیارم',
      'با خود بیاورم',
      'چه کسی',
      'برای کی',
      'اطفال می توانند',
      'بچه ها می توانند',
      'میتوانند بیایند',
      'می توانند بیایند',
      'میتونن بیان',
      'بیاورم',
      'کی ها .. میتوانند',
      'کی ها .. می توانند',
      'کیا میتونن',
    ],
  },
  ckb: {
    price: [
      'نرخ*',
      'بەخۆڕایی*',
      'تێچوو',
      'بە چەندە',
      'چەندە',
      'چەند پارە',
      'بێ پارە*',
      'بێپارە*',
      'پارەی دەوێت',
      'پارەی دەوێ',
      'بە پارەیە',
      'پارەی تێدەچێت',
      'هەر کەسێک چەند',
      'چەند کرۆن*',
    ],
    place: ['لە کوێ', 'کوێ', 'کوێیە', 'لە کوێیە', 'ناونیشان'],
    audience: [
      'دەتوانێت بێت',
      'دەتوانێ بێت',
      'دەتوانێت .. بێت',
      'بیهێنم',
      'بهێنم',
      'لەگەڵ خۆم بهێنم',
      'کێ دەتوانێت',
      'بۆ کێیە',
      'منداڵ دەتوانن',
      'منداڵ* .. دەتوانن بێن',
      'دەتوانن بێن',
    ],
  },
};

// The clock, in the languages that ask the time with their word for "how much".
const CLOCK: ReadonlySet<string> = new Set(['ساعت', 'ساعه', 'الساعه', 'saat', 'saacad', 'saacadda', 'saacaddu', 'کاتژمێر', 'سەعات'].map(fold));

// "fællesspisning hvor", "dinner where?": the word for where, alone after an activity's name in a short message, asks
// where it is ("hvor mange", "where do i sign up" name more after it; "ved ikke hvor", "dont know where" tell, not ask).
const PLACE_LAST: Partial<Record<Language, ReadonlySet<string>>> = { da: new Set(['hvor', 'hvorhenne']), en: new Set(['where']) };
const SHORT = 4;

const compiled = new Map<Language, Pattern<ActivityQuestion>[]>();

function patternsFor(language: Language): Pattern<ActivityQuestion>[] {
  let p = compiled.get(language);
  if (!p) {
    p = (Object.entries(WORDS[language]) as [ActivityQuestion, readonly string[]][]).flatMap(([kind, words]) => words.map((w) => compilePattern(w, kind)));
    compiled.set(language, p);
  }
  return p;
}

/** The first thing the message asks about an activity, if it asks one of these, and the words it asks with ("скільки коштує", "قیمت .. چند است"). */
export function askedAbout(tokens: readonly Token[], language: Language): { kind: ActivityQuestion; tokens: number[] } | undefined {
  // "ساعت چند است", "saat kaç", "saacaddu waa immisa": "how much" after the clock asks the time, not the price.
  const afterClock = (at: number): boolean => [1, 2].some((k) => CLOCK.has(tokens[at - k]?.norm ?? ''));
  const hits = findMatches(patternsFor(language), tokens, new Set()).filter((h) => h.pattern.value !== 'price' || !afterClock(h.tokens[0] as number));
  const first = hits.sort((a, b) => (a.tokens[0] as number) - (b.tokens[0] as number))[0];
  const last = tokens[tokens.length - 1];
  if (!first && last && tokens.length >= 2 && tokens.length <= SHORT && PLACE_LAST[language]?.has(last.norm) && !hasNegation(tokens, language))
    return { kind: 'place', tokens: [last.index] };
  return first && { kind: first.pattern.value, tokens: hits.filter((h) => h.pattern.value === first.pattern.value).flatMap((h) => h.tokens) };
}
