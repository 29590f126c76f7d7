/**
 * Words understood whatever language a person chose: names of languages (people name the language
 * they want in their own words or in its own), emoji answers and "ok".
 */
import type { Intent } from '../understanding';
import type { LanguageNames } from './types';

// Turkish names take case endings ("türkçeye", "ingilizceden"): they are stems.
export const LANGUAGE_NAMES: LanguageNames = {
  da: ['dansk', 'danish', 'danca*', 'دنماركي*', 'الدنماركي*', 'دانماركي*', 'دانمارکی', 'دانیمارکی', 'данськ*', 'deenish', 'af deenish'],
  ar: ['arabisk', 'arabic', 'arapça*', 'arapca*', 'عربي*', 'العربي*', 'عربى', 'عربی', 'عەرەبی', 'арабськ*', 'carabi', 'af carabi'],
  en: [
    'engelsk',
    'english',
    'ingilizce*',
    'انجليزي*',
    'الانجليزي*',
    'انكليزي*',
    'الانكليزي*',
    'englizi*',
    'inglizi*',
    'انگلیسی',
    'ئینگلیزی',
    'англійськ*',
    'ingiriis*',
    'af ingiriis',
  ],
  so: ['somali', 'somalisk', 'somalice*', 'soomaali', 'af soomaali', 'صومالي*', 'الصومالي*', 'سومالی', 'сомалійськ*'],
  tr: ['tyrkisk', 'turkish', 'türkçe*', 'turkce*', 'تركي*', 'التركي*', 'ترکی', 'تورکی', 'турецьк*', 'turki'],
  uk: ['ukrainsk', 'ukrainian', 'ukraynaca*', 'українськ*', 'украинск*', 'اوكراني*', 'الاوكراني*', 'اوکراینی', 'ukrayni'],
  fa: ['persisk', 'persian', 'farsi', 'dari', 'farsça*', 'farsca*', 'فارسي*', 'الفارسي*', 'فارسی', 'دری', 'перськ*', 'фарсі', 'дарі'],
  ckb: ['kurdisk', 'kurdish', 'sorani', 'kürtçe*', 'kurtce*', 'كردي', 'الكردي', 'الكرديه', 'بالكردي', 'کردی', 'کوردی', 'سۆرانی', 'سورانی', 'курдськ*'],
};

/** Shops people name in any language ("netto kaçta açılıyor", "متى يفتح نيتو" names it in its own script too). */
export const SHARED_ELSEWHERE: readonly string[] = ['netto', 'rema', 'lidl', 'aldi', 'føtex', 'bilka'];

/** Answers by emoji or "ok" mean the same in every language. */
export const SHARED_INTENTS: Partial<Record<Intent, readonly string[]>> = {
  yes: ['👍', 'ok=1.5', 'okay=1.5', 'okey=1.5', 'oki=1.5'],
  no: ['👎'],
  thanks: ['🙏'],
  // The Muslim greeting, typed in Latin letters, in any language.
  greet: [
    '👋',
    'salam=1.5',
    'salaam=1.5',
    'salam alaikum=1.5',
    'salam aleikum=1.5',
    'salam alaykum=1.5',
    'assalamu alaikum=1.5',
    'assalamualaikum=1.5',
    'slm=1.5',
  ],
  // "stop" and "start" are how text-message services everywhere turn messages off and on.
  reminders_off: ['stop=2.5', 'stopp=2.5', '/stop=2.5'],
  reminders_on: ['start=2.5'],
};
