/**
 * Forms on Telegram. Telegram has no form widget and forms only reach staff (residents get buttons
 * and short questions), so a form is shown as its title and a numbered list of its fields, with
 * their current values and options, followed by one sentence saying how to answer. There is no
 * submit button: a button cannot carry the typed values, so pressing it would only send blanks.
 */
import type { Reply } from '../../src/conversation/replies';
import { sharedTranslations, type Translations } from '../../src/i18n/i18n';
import type { Language } from '../../src/plan-data/plan-file';

/** The text of a form reply as a numbered list. */
export function formText(form: Extract<Reply, { kind: 'form' }>, language: Language): string {
  const lines = [form.text, ''];
  form.fields.forEach((f, i) => {
    const chosen = f.options?.find((o) => o.value === f.value)?.label ?? f.value;
    const current = chosen ? `: ${chosen}` : '';
    const required = f.required ? ' *' : '';
    lines.push(`${i + 1}. ${f.label}${required}${current}`);
    // Long option lists (every activity) would drown the form; the first few show what is meant.
    const options = f.options?.slice(0, 8).map((o) => o.label) ?? [];
    if (options.length) lines.push(`   (${options.join(' · ')}${(f.options?.length ?? 0) > options.length ? ' …' : ''})`);
  });
  lines.push('', formHint(language));
  return lines.join('\n');
}

/** How to answer a form here, in the reader's language (locales/<language>/channel.json). */
export function formHint(language: Language, translations: Translations = sharedTranslations()): string {
  return translations.translator(language)('channel:telegram.formHint');
}
