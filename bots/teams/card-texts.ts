/**
 * Texts the Teams adapter composes itself (card validation messages, the dashboard button), read
 * from locales/<language>/channel.json through i18next like every other text, so the locale
 * parity test covers them. Placeholders are filled by i18next, which isolates the values.
 */
import { sharedTranslations, type Translate } from '../../src/i18n/i18n';
import type { Language } from '../../src/plan-data/plan-file';

export interface CardTexts {
  required: string;
  /** "Enter a whole number from 1 to 9." */
  range(min: number, max: number): string;
  openDashboard: string;
}

/** The card texts in one language; `t` defaults to the process-wide translations. */
export function cardTexts(language: Language, t: Translate = sharedTranslations().translator(language)): CardTexts {
  return {
    required: t('channel:card.required'),
    range: (min, max) => t('channel:card.range', { min, max }),
    openDashboard: t('channel:card.openDashboard'),
  };
}
