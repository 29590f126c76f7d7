/**
 * The one sentence the Teams channel says before the engine is reached: to a user whose tenant is
 * not allowed. The person is never identified, so the client's language picks the text
 * (locales/<language>/channel.json, "refusal.tenant"), Danish otherwise.
 */
import { ourLanguage } from '../../src/conversation/engine';
import { sharedTranslations, type Translations } from '../../src/i18n/i18n';

/** The refusal in the client's language when it is one of ours, else Danish. */
export function tenantRefusal(clientLocale: string | undefined, translations: Translations = sharedTranslations()): string {
  return translations.translator(ourLanguage(clientLocale) ?? 'da')('channel:refusal.tenant');
}
