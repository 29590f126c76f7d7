/**
 * Short answers that are not intents: the words that leave a flow ("annuller", "glem det",
 * "إلغاء", "cancel") and the words for none ("ingen", "none", "ولا واحد") at a count prompt, in
 * every language. A whole short message is compared, folded like everything the reader sees, so
 * "Annullér!" and "annuller" are one; English, Danish and "stop" work in every language, since
 * residents meet them every day.
 */
import type { Language } from '../plan-data/plan-file';

/** Messages that end the flow in progress (nothing half-entered is kept). */
export const EXIT_WORDS: Record<Language, readonly string[]> = {
  da: [
    'annuller',
    'annullér',
    'annuler',
    'afbryd',
    'glem det',
    'glem det bare',
    'stop',
    'stopp',
    'drop det',
    'afslut',
    'luk',
    'hold op',
    'jeg fortryder',
    'ikke alligevel',
    'nej glem det',
    'ingenting',
    'slut',
  ],
  en: ['cancel', 'stop', 'forget it', 'never mind', 'nevermind', 'quit', 'exit', 'abort', 'leave it', 'not now'],
  ar: ['الغاء', 'إلغاء', 'الغي', 'ألغي', 'الغيه', 'خلص', 'خلاص', 'توقف', 'وقف', 'انسى', 'انسى الموضوع', 'بلاش', 'مش عايز', 'ما بدي', 'لا خلاص', 'كنسل'],
  so: ['jooji', 'ka noqo', 'iska daa', 'bax', 'joojiso', 'ka bax'],
  tr: ['iptal', 'iptal et', 'vazgeç', 'vazgeçtim', 'dur', 'boşver', 'çıkış', 'çık'],
  uk: ['скасувати', 'скасуй', 'відміна', 'стоп', 'забудь', 'вийти', 'не треба'],
  fa: ['لغو', 'لغو کن', 'بس', 'بس است', 'توقف', 'ولش کن', 'نمیخواهم'],
  ckb: ['هەڵوەشاندنەوە', 'هەڵیوەشێنەوە', 'وەستان', 'ڕاوەستە', 'بەسە', 'لەبیری بکە', 'نامەوێت'],
};

/**
 * Messages that step back one question in a flow that has a previous one ("tilbage", "back",
 * "رجوع"); at a flow's first question, or outside a flow, they leave like the exit words.
 */
export const BACK_WORDS: Record<Language, readonly string[]> = {
  da: ['tilbage', 'gå tilbage', 'et skridt tilbage', 'forrige', 'tilbag', 'tibage'],
  en: ['back', 'go back', 'step back', 'previous', 'one step back'],
  ar: ['رجوع', 'ارجع', 'رجوع للخلف', 'للخلف', 'السابق', 'الخطوة السابقة', 'رجعني', 'ارجع لورا', 'رجوع لورا', 'ارجع لوره', 'raje3', 'rjou3'],
  so: ['dib u noqo', 'dib', 'dib u laabo', 'gadaal'],
  tr: ['geri', 'geri dön', 'önceki', 'bir geri'],
  uk: ['назад', 'повернутися', 'крок назад', 'попередній'],
  fa: ['برگشت', 'برگرد', 'قبلی', 'مرحله قبل'],
  ckb: ['گەڕانەوە', 'بگەڕێوە', 'پێشوو', 'هەنگاوی پێشوو'],
};

/** Words around an exit word that change nothing: "nej, annuller tak", "please cancel". */
export const EXIT_PADDING: readonly string[] = [
  'nej',
  'no',
  'tak',
  'please',
  'pls',
  'bare',
  'just',
  'لا',
  'من فضلك',
  'لو سمحت',
  'ok',
  'okay',
  'maya',
  'hayır',
  'ні',
  'نه',
  'نەخێر',
  'det',
  'it',
];

/** Words that answer a count with none ("ingen børn", "no kids", "ولا طفل"). */
export const ZERO_WORDS: Record<Language, readonly string[]> = {
  da: ['ingen', 'nul', '0', 'ingenting', 'ikke nogen', 'ingen af dem'],
  en: ['none', 'zero', 'no', 'nobody', 'no one', 'not any'],
  ar: ['صفر', 'ولا', 'ولا واحد', 'ولا حدا', 'لا احد', 'ما في', 'مافي', 'بدون', 'ماكو', 'مفيش', 'لا يوجد'],
  so: ['eber', 'midna', 'maya', 'ma jiro'],
  tr: ['yok', 'sıfır', 'hiç', 'hiç yok'],
  uk: ['нуль', 'жодного', 'жодної', 'немає', 'нема', 'ніхто'],
  fa: ['هیچ', 'صفر', 'هیچکس', 'نداریم', 'نه'],
  ckb: ['هیچ', 'سفر', 'نییە', 'هیچ کەس'],
};

/** Word stems for "allergy" itself in each language; "ingen allergi" says there is none. */
export const ALLERGY_STEMS: readonly string[] = ['allergi*', 'allerg*', 'حساسي*', 'xasaasiyad*', 'alerji*', 'алерг*', 'حساسیت*', 'هەستیاری*'];

/**
 * Common allergens as residents name them, in every language ("nødder", "jordnødder", "المكسرات", "fıstık", "горіхи"),
 * by kind: an answer about food that names one is taken as the allergy itself, and staff see the kind in their own
 * language beside what the resident wrote (locales/<lang>/staff.json allergens.<kind>).
 */
export const ALLERGENS: Readonly<Record<string, readonly string[]>> = {
  nuts: [
    'nødder',
    'nødde*',
    'hasselnød*',
    'valnød*',
    'mandler',
    'nuts',
    'nut',
    'مكسرات',
    'المكسرات',
    'lows',
    'looska',
    'fındık*',
    'ceviz*',
    'горіх*',
    'آجیل',
    'بادام',
    'گردو',
    'گوێز',
    'بادەم',
  ],
  peanuts: ['jordnød*', 'peanut*', 'فول سوداني', 'الفول السوداني', 'فستق', 'الفستق', 'fıstık*', 'арахіс*', 'بادام زمینی'],
  gluten: [
    'gluten*',
    'hvede',
    'wheat',
    'جلوتين',
    'الجلوتين',
    'غلوتين',
    'الغلوتين',
    'قمح',
    'القمح',
    'sarreen',
    'buğday*',
    'глютен*',
    'пшениц*',
    'گلوتن',
    'گندم',
    'گلوتین',
    'گەنم',
  ],
  milk: [
    'laktose*',
    'mælk*',
    'lactose',
    'milk',
    'dairy',
    'لاكتوز',
    'اللاكتوز',
    'حليب',
    'الحليب',
    'caano',
    'caanaha',
    'laktoz*',
    'süt*',
    'лактоз*',
    'молок*',
    'لاکتوز',
    'شیر',
  ],
  eggs: ['æg', 'æggene', 'egg', 'eggs', 'بيض', 'البيض', 'ukun', 'ukunta', 'yumurta*', 'яйц*', 'تخم مرغ', 'هێلکە'],
  fish: ['fisk', 'skaldyr', 'rejer', 'fish', 'shellfish', 'shrimp*', 'سمك', 'السمك', 'kalluun', 'kalluunka', 'balık*', 'риб*', 'ماهی', 'ماسی'],
  sesame: ['sesam*', 'sesame', 'سمسم', 'السمسم', 'susam*'],
  soy: ['soja', 'soy'],
};

/** Word stems for an allergy, at the question about food ("allergi", "حساسية", "alerji"), and common allergens. */
export const ALLERGY_WORDS: readonly string[] = [...ALLERGY_STEMS, 'nødder', 'nuts', 'gluten', 'laktose', 'lactose'];

/** Whole answers to the food question that ask for nothing special ("normal mad", "vi spiser alt", "عادي", "farketmez"). */
export const ORDINARY_FOOD_WORDS: Record<Language, readonly string[]> = {
  da: [
    'normal',
    'normal mad',
    'almindelig',
    'almindelig mad',
    'alt',
    'alt er fint',
    'vi spiser alt',
    'spiser alt',
    'lige meget',
    'det er lige meget',
    'ligegyldigt',
    // "nothing special": the button says "Ingen særlige", people write it their own way.
    'intet særligt',
    'ikke noget særligt',
    'intet specielt',
    'ikke noget specielt',
    'intet',
    'ikke noget',
  ],
  en: [
    'normal',
    'normal food',
    'regular',
    'regular food',
    'anything',
    'anything is fine',
    'everything',
    'we eat everything',
    'eat everything',
    'no preference',
    'doesnt matter',
    'it doesnt matter',
    'whatever',
    'nothing special',
    'nothing',
    'no special wishes',
  ],
  ar: [
    'عادي',
    'اكل عادي',
    'أكل عادي',
    'اي شي',
    'أي شيء',
    'كل شي',
    'كل شيء',
    'منوكل كل شي',
    'ناكل كل شي',
    'ما بتفرق',
    'ما تفرق',
    'مش مهم',
    'ما يهم',
    'لا شي خاص',
    'ما في شي خاص',
    'مافي شي خاص',
    'ولا شي خاص',
  ],
  so: ['caadi', 'cunto caadi', 'cunto caadi ah', 'wax walba', 'wax kasta', 'wax walba waan cunnaa'],
  tr: ['normal', 'normal yemek', 'farketmez', 'fark etmez', 'her şey', 'her şeyi yeriz', 'hepsi olur', 'özel bir şey yok', 'özel isteğimiz yok'],
  uk: ['звичайна', 'звичайна їжа', 'звичайне', 'будь яка', 'будь-яка', 'їмо все', 'все їмо', 'все одно', 'без різниці', 'нічого особливого'],
  fa: ['عادی', 'غذای عادی', 'فرقی نمیکنه', 'فرقی نمی کنه', 'فرق نمیکند', 'هر چیزی', 'همه چیز میخوریم', 'چیز خاصی نیست', 'چیز خاصی نه'],
  ckb: ['ئاسایی', 'خواردنی ئاسایی', 'هەرچییەک بێت', 'جیاوازی نییە', 'هەموو شتێک دەخۆین'],
};
