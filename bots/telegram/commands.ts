/**
 * The bot's command menu (/start, /activities …): what each command asks the engine for, and its
 * description in each of our languages, registered with setMyCommands so Telegram shows the menu
 * in the resident's own language.
 */
import type { Api } from 'grammy';
import type { LanguageCode } from 'grammy/types';
import type { Turn } from '../../src/conversation/turn';
import { sharedTranslations, type Translations } from '../../src/i18n/i18n';
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

/** A command's description (Telegram: 1-256 characters) in one language, from locales/<language>/channel.json. */
export function commandDescription(language: Language, command: Command, translations: Translations = sharedTranslations()): string {
  return translations.translator(language)(`channel:telegram.commands.${command}`);
}

/**
 * Telegram's language_code for each of our languages. The Bot API only takes ISO 639-1 codes and
 * Sorani (ckb) has none, so it is registered under "ku" (Kurdish); the engine reads a "ku" client
 * as Sorani too (ourLanguage), so both directions agree.
 */
export const TELEGRAM_LANGUAGE_CODE: Record<Language, LanguageCode> = { da: 'da', ar: 'ar', en: 'en', so: 'so', tr: 'tr', uk: 'uk', fa: 'fa', ckb: 'ku' };

/** The setMyCommands calls to make: Danish as the default (no language_code), then one per language. */
export function commandMenus(): { languageCode?: LanguageCode; commands: { command: Command; description: string }[] }[] {
  const list = (l: Language) => COMMANDS.map((command) => ({ command, description: commandDescription(l, command) }));
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
