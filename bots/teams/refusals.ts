/**
 * The one sentence the Teams channel says before the engine is reached: to a user whose tenant is
 * not allowed. It cannot come from locales/ (the person is never identified), so it lives here, in
 * every language Nabo speaks; the client's language picks it, Danish otherwise.
 */
import { ourLanguage } from '../../src/conversation/engine';
import type { Language } from '../../src/plan-data/plan-file';

export const TENANT_REFUSAL: Readonly<Record<Language, string>> = {
  da: 'Beklager, Nabo i Teams er kun for medarbejdere i helhedsplanens organisationer, og din organisation har ikke adgang.',
  en: 'Sorry, Nabo in Teams is only for staff of the housing-social plan’s organisations, and your organisation does not have access.',
  ar: 'عذرًا، Nabo في Teams مخصّص فقط لموظفي المؤسسات المشاركة في الخطة الاجتماعية للإسكان، ومؤسستك ليس لديها صلاحية الوصول.',
  so: 'Waan ka xumahay, Nabo ee Teams waxaa loogu talagalay oo keliya shaqaalaha hay’adaha qorshaha bulshada guryaha, hay’addaaduna ma laha fursad ay ku gasho.',
  tr: 'Üzgünüz, Teams’teki Nabo yalnızca konut sosyal planındaki kuruluşların çalışanları içindir ve kuruluşunuzun erişimi yok.',
  uk: 'Вибачте, Nabo в Teams доступний лише працівникам організацій житлово-соціального плану, а ваша організація не має доступу.',
  fa: 'متأسفیم، Nabo در Teams فقط برای کارمندان سازمان‌های طرح اجتماعی مسکن است و سازمان شما دسترسی ندارد.',
  ckb: 'ببورە، Nabo لە Teams تەنها بۆ کارمەندانی ڕێکخراوەکانی پلانی کۆمەڵایەتیی نیشتەجێبوونە، و ڕێکخراوەکەت دەستی پێی ناگات.',
};

/** The refusal in the client's language when it is one of ours, else Danish. */
export function tenantRefusal(clientLocale: string | undefined): string {
  return TENANT_REFUSAL[ourLanguage(clientLocale) ?? 'da'];
}
