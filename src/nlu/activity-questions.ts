/**
 * Questions about an activity rather than a list of events: what it costs, where it is, who may
 * come ("hvad koster fællesspisning", "hvor er ParkCafeen", "må børn komme med", "كم سعر العشاء",
 * "وين مكان العشا", "can children come to the dinner"). The find flow answers them from the plan
 * data before it lists the next events.
 */
import type { Language } from '../plan-data/plan-file';
import { compilePattern, findMatches, type Pattern } from './patterns';
import type { Token } from './text';

/** What a question about an activity asks. */
export type ActivityQuestion = 'price' | 'place' | 'audience';

const WORDS: Record<Language, Record<ActivityQuestion, readonly string[]>> = {
  da: {
    price: ['koster', 'hvad koster', 'pris', 'prisen', 'gratis', 'hvad skal man betale'],
    place: ['hvor er', 'hvor foregår', 'hvor ligger', 'hvor henne', 'hvor holder', 'hvilket sted'],
    audience: [
      'må man tage',
      'kan man tage',
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
    ],
  },
  en: {
    price: ['cost', 'costs', 'price', 'how much', 'free of charge', 'is it free', 'free', 'do i pay', 'do we pay'],
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
    ],
  },
  so: {
    price: ['qiimo', 'qiimaha', 'imisa', 'immisa', 'ku kacaysaa', 'bilaash'],
    place: ['xaggee', 'xagee', 'halkee', 'halkeed', 'goobta'],
    audience: [
      'ma la iman karaa',
      'ma la keeni karaa',
      'ma keeni karaa',
      'ma iman kartaa',
      'ma iman karaan',
      'yaa iman kara',
      'carruurtu ma iman karaan',
      'yaa loogu talagalay',
    ],
  },
  tr: {
    price: ['ücret*', 'fiyat*', 'kaç para', 'ücretsiz', 'ne kadar', 'para* mı', 'bedava'],
    place: ['nerede', 'nerde', 'adres*'],
    audience: ['getirebilir mi*', 'kimler', 'kim gelebilir', 'çocuk* gelebilir', 'çocuk* da gelebilir', 'gelebilir mi', 'kimin için', 'getirebilir miyim'],
  },
  uk: {
    price: ['скільки коштує', 'ціна', 'безкоштовн*', 'вартість'],
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
    price: ['قیمت*', 'چنده', 'چقدره', 'چقدر میشه', 'چند است', 'چقدر است', 'چقدر پول', 'چند پول است', 'رایگان', 'هزینه', 'چند پول'],
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
    ],
  },
  ckb: {
    price: ['نرخ*', 'بەخۆڕایی*', 'تێچوو', 'بە چەندە', 'چەندە', 'چەند پارە', 'بێ پارە*', 'بێپارە*'],
    place: ['لە کوێ', 'کوێ', 'کوێیە', 'لە کوێیە', 'ناونیشان'],
    audience: [
      'دەتوانێت بێت',
      'دەتوانێ بێت',
      'دەتوانێت .. بێت',
      'بیهێنم',
      'لەگەڵ خۆم بهێنم',
      'کێ دەتوانێت',
      'بۆ کێیە',
      'منداڵ دەتوانن',
      'منداڵ* .. دەتوانن بێن',
      'دەتوانن بێن',
    ],
  },
};

const compiled = new Map<Language, Pattern<ActivityQuestion>[]>();

function patternsFor(language: Language): Pattern<ActivityQuestion>[] {
  let p = compiled.get(language);
  if (!p) {
    p = (Object.entries(WORDS[language]) as [ActivityQuestion, readonly string[]][]).flatMap(([kind, words]) => words.map((w) => compilePattern(w, kind)));
    compiled.set(language, p);
  }
  return p;
}

/** The first thing the message asks about an activity, if it asks one of these. */
export function activityQuestion(tokens: readonly Token[], language: Language): ActivityQuestion | undefined {
  const hits = findMatches(patternsFor(language), tokens, new Set());
  return hits.sort((a, b) => (a.tokens[0] as number) - (b.tokens[0] as number))[0]?.pattern.value;
}
