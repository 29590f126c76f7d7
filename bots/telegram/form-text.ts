/**
 * Forms on Telegram. Telegram has no form widget and forms only reach staff (residents get buttons
 * and short questions), so a form is shown as its title and a numbered list of its fields, with
 * their current values and options, followed by one sentence saying how to answer. There is no
 * submit button: a button cannot carry the typed values, so pressing it would only send blanks.
 */
import type { Reply } from '../../src/conversation/replies';
import type { Language } from '../../src/plan-data/plan-file';

/** How to answer a form here, in each of our languages (kept here: locales are the core's). */
export const FORM_HINT: Record<Language, string> = {
  da: 'Skriv svarene i én besked med dine egne ord – eller udfyld formularen i Nabo i Teams.',
  ar: 'اكتب الإجابات في رسالة واحدة بكلماتك الخاصة، أو املأ النموذج في Nabo على Teams.',
  en: 'Write the answers in one message in your own words, or fill in the form in Nabo in Teams.',
  so: 'Ku qor jawaabaha hal fariin oo ereyadaada ah, ama foomka ku buuxi Nabo ee Teams.',
  tr: 'Cevapları kendi kelimelerinizle tek bir mesajda yazın ya da formu Teams’teki Nabo’da doldurun.',
  uk: 'Напишіть відповіді одним повідомленням своїми словами або заповніть форму в Nabo у Teams.',
  fa: 'پاسخ‌ها را در یک پیام با کلمات خودتان بنویسید، یا فرم را در Nabo در Teams پر کنید.',
  ckb: 'وەڵامەکان لە یەک نامەدا بە وشەی خۆت بنووسە، یان فۆرمەکە لە Nabo لە Teams پڕ بکەرەوە.',
};

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
  lines.push('', FORM_HINT[language]);
  return lines.join('\n');
}
