/**
 * The bot's command menu (/start, /activities …): what each command asks the engine for, and its
 * description in each of our languages, registered with setMyCommands so Telegram shows the menu
 * in the resident's own language.
 */
import type { Api } from 'grammy';
import type { LanguageCode } from 'grammy/types';
import type { Turn } from '../../src/conversation/turn';
import type { Logger } from '../../src/logging/logger';
import { LANGUAGES, type Language } from '../../src/plan-data/plan-file';

export const COMMANDS = ['start', 'activities', 'bookings', 'language', 'help', 'person', 'privacy'] as const;
export type Command = (typeof COMMANDS)[number];

/** The engine input each command stands for; /start carries the deep-link payload. */
export function commandInput(command: Command, payload: string | undefined): Turn['input'] {
  switch (command) {
    case 'start':
      return { kind: 'start', payload };
    case 'activities':
      return { kind: 'action', action: 'find.week' };
    case 'bookings':
      return { kind: 'action', action: 'bookings.list' };
    case 'language':
      return { kind: 'action', action: 'welcome.languages' };
    case 'help':
      return { kind: 'action', action: 'welcome.help' };
    case 'person':
      return { kind: 'action', action: 'handover.ask' };
    case 'privacy':
      return { kind: 'action', action: 'welcome.privacy' };
  }
}

/** Command descriptions (Telegram: 1-256 characters), one table per language. */
export const COMMAND_DESCRIPTIONS: Record<Language, Record<Command, string>> = {
  da: {
    start: 'Start og velkomst',
    activities: 'Aktiviteter denne uge',
    bookings: 'Mine tilmeldinger og aftaler',
    language: 'Skift sprog',
    help: 'Hjælp og eksempler',
    person: 'Tal med en medarbejder',
    privacy: 'Privatliv og dine data',
  },
  ar: {
    start: 'البدء والترحيب',
    activities: 'أنشطة هذا الأسبوع',
    bookings: 'تسجيلاتي ومواعيدي',
    language: 'تغيير اللغة',
    help: 'المساعدة وأمثلة',
    person: 'التحدث مع موظف',
    privacy: 'الخصوصية وبياناتك',
  },
  en: {
    start: 'Start and welcome',
    activities: 'Activities this week',
    bookings: 'My sign-ups and appointments',
    language: 'Change language',
    help: 'Help and examples',
    person: 'Talk to a staff member',
    privacy: 'Privacy and your data',
  },
  so: {
    start: 'Bilow iyo soo dhaweyn',
    activities: 'Hawlaha toddobaadkan',
    bookings: 'Is-diiwaangelintayda iyo ballamahayga',
    language: 'Beddel luqadda',
    help: 'Caawimaad iyo tusaalooyin',
    person: 'La hadal shaqaale',
    privacy: 'Asturnaanta iyo xogtaada',
  },
  tr: {
    start: 'Başlat ve karşılama',
    activities: 'Bu haftaki etkinlikler',
    bookings: 'Kayıtlarım ve randevularım',
    language: 'Dili değiştir',
    help: 'Yardım ve örnekler',
    person: 'Bir çalışanla konuş',
    privacy: 'Gizlilik ve verileriniz',
  },
  uk: {
    start: 'Почати та привітання',
    activities: 'Заходи цього тижня',
    bookings: 'Мої записи та зустрічі',
    language: 'Змінити мову',
    help: 'Довідка та приклади',
    person: 'Поговорити з працівником',
    privacy: 'Конфіденційність і ваші дані',
  },
  fa: {
    start: 'شروع و خوش‌آمدگویی',
    activities: 'فعالیت‌های این هفته',
    bookings: 'ثبت‌نام‌ها و وقت‌های من',
    language: 'تغییر زبان',
    help: 'راهنما و مثال‌ها',
    person: 'صحبت با یک کارمند',
    privacy: 'حریم خصوصی و اطلاعات شما',
  },
  ckb: {
    start: 'دەستپێکردن و بەخێرهاتن',
    activities: 'چالاکییەکانی ئەم هەفتەیە',
    bookings: 'ناونووسین و کاتەکانم',
    language: 'گۆڕینی زمان',
    help: 'یارمەتی و نموونە',
    person: 'قسەکردن لەگەڵ فەرمانبەرێک',
    privacy: 'تایبەتمەندی و زانیارییەکانت',
  },
};

/**
 * Telegram's language_code for each of our languages. The Bot API only takes ISO 639-1 codes and
 * Sorani (ckb) has none, so it is registered under "ku" (Kurdish); the engine reads a "ku" client
 * as Sorani too (ourLanguage), so both directions agree.
 */
export const TELEGRAM_LANGUAGE_CODE: Record<Language, LanguageCode> = { da: 'da', ar: 'ar', en: 'en', so: 'so', tr: 'tr', uk: 'uk', fa: 'fa', ckb: 'ku' };

/** The setMyCommands calls to make: Danish as the default (no language_code), then one per language. */
export function commandMenus(): { languageCode?: LanguageCode; commands: { command: Command; description: string }[] }[] {
  const list = (l: Language) => COMMANDS.map((command) => ({ command, description: COMMAND_DESCRIPTIONS[l][command] }));
  return [{ commands: list('da') }, ...LANGUAGES.map((l) => ({ languageCode: TELEGRAM_LANGUAGE_CODE[l], commands: list(l) }))];
}

/** Registers the menus; a failure is logged, not fatal (the commands still work when typed). */
export async function registerCommands(api: Api, logger: Logger): Promise<void> {
  const failed: string[] = [];
  let error: unknown;
  for (const menu of commandMenus()) {
    try {
      await api.setMyCommands(menu.commands, menu.languageCode ? { language_code: menu.languageCode } : {});
    } catch (err) {
      failed.push(menu.languageCode ?? 'default');
      error = err;
    }
  }
  // One line for all languages: the cause is almost always the same.
  if (failed.length) logger.warn('telegram setMyCommands failed', { languages: failed, err: error instanceof Error ? error : new Error(String(error)) });
}
