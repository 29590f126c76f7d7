/**
 * The dashboard tab's texts in Nabo's eight languages. Shared by the server (page title, direction)
 * and the browser bundle, so it imports nothing: the bundle stays small.
 */

export const TAB_LANGUAGES = ['da', 'ar', 'en', 'so', 'tr', 'uk', 'fa', 'ckb'] as const;
export type TabLanguage = (typeof TAB_LANGUAGES)[number];
export const RTL_TAB_LANGUAGES: readonly TabLanguage[] = ['ar', 'fa', 'ckb'];

export type TabStatus = 'achieved' | 'on_track' | 'at_risk' | 'behind' | 'not_computable';
export type TabPeriod = 'plan-year' | 'reporting-period' | 'whole-plan';

export interface TabTexts {
  title: string;
  period: string;
  periods: Record<TabPeriod, string>;
  status: Record<TabStatus, string>;
  actual: string;
  target: string;
  expected: string;
  asOf: string;
  loading: string;
  noAccess: string;
  failed: string;
  noTargets: string;
  elapsed: string;
}

export const TAB_TEXTS: Readonly<Record<TabLanguage, TabTexts>> = {
  da: {
    title: 'Fremdrift i helhedsplanen',
    period: 'Periode',
    periods: { 'plan-year': 'Planår', 'reporting-period': '4-måneders periode', 'whole-plan': 'Hele planen' },
    status: { achieved: 'Nået', on_track: 'På vej', at_risk: 'I risiko', behind: 'Bagud', not_computable: 'Kan ikke beregnes' },
    actual: 'Faktisk',
    target: 'Mål',
    expected: 'Forventet nu',
    asOf: 'Opgjort',
    loading: 'Henter tal …',
    noAccess: 'Linket er udløbet eller ugyldigt. Spørg Nabo om fremdriften igen for at få et nyt link.',
    failed: 'Tallene kunne ikke hentes. Prøv igen om lidt.',
    noTargets: 'Ingen målbare succeskriterier.',
    elapsed: 'af perioden er gået',
  },
  en: {
    title: 'Progress of the housing-social plan',
    period: 'Period',
    periods: { 'plan-year': 'Plan year', 'reporting-period': '4-month period', 'whole-plan': 'Whole plan' },
    status: { achieved: 'Achieved', on_track: 'On track', at_risk: 'At risk', behind: 'Behind', not_computable: 'Not computable' },
    actual: 'Actual',
    target: 'Target',
    expected: 'Expected by now',
    asOf: 'As of',
    loading: 'Loading figures …',
    noAccess: 'The link has expired or is not valid. Ask Nabo about progress again to get a new link.',
    failed: 'The figures could not be loaded. Please try again shortly.',
    noTargets: 'No measurable targets.',
    elapsed: 'of the period has passed',
  },
  ar: {
    title: 'تقدّم الخطة الاجتماعية للإسكان',
    period: 'الفترة',
    periods: { 'plan-year': 'سنة الخطة', 'reporting-period': 'فترة الأربعة أشهر', 'whole-plan': 'الخطة كاملة' },
    status: { achieved: 'تحقّق', on_track: 'على المسار', at_risk: 'معرّض للخطر', behind: 'متأخر', not_computable: 'لا يمكن حسابه' },
    actual: 'الفعلي',
    target: 'الهدف',
    expected: 'المتوقع حتى الآن',
    asOf: 'حتى تاريخ',
    loading: 'جارٍ تحميل الأرقام …',
    noAccess: 'انتهت صلاحية الرابط أو أنه غير صالح. اسأل Nabo عن التقدّم مرة أخرى للحصول على رابط جديد.',
    failed: 'تعذّر تحميل الأرقام. حاول مرة أخرى بعد قليل.',
    noTargets: 'لا توجد أهداف قابلة للقياس.',
    elapsed: 'من الفترة قد مضى',
  },
  so: {
    title: 'Horumarka qorshaha bulshada guryaha',
    period: 'Muddada',
    periods: { 'plan-year': 'Sannadka qorshaha', 'reporting-period': 'Muddada 4-ta bilood', 'whole-plan': 'Qorshaha oo dhan' },
    status: { achieved: 'La gaaray', on_track: 'Waddada ku jira', at_risk: 'Khatar ku jira', behind: 'Ka dambeeya', not_computable: 'Lama xisaabin karo' },
    actual: 'Dhabta',
    target: 'Hadafka',
    expected: 'La filayo hadda',
    asOf: 'Ilaa',
    loading: 'Tirooyinka waa la soo rarayaa …',
    noAccess: 'Xiriirku wuu dhacay ama ma shaqeynayo. Mar kale Nabo weydii horumarka si aad u hesho xiriir cusub.',
    failed: 'Tirooyinka lama soo rari karin. Fadlan mar kale isku day wax yar kadib.',
    noTargets: 'Ma jiraan hadafyo la cabbiri karo.',
    elapsed: 'oo muddada ka mid ah ayaa dhammaatay',
  },
  tr: {
    title: 'Konut sosyal planının ilerleyişi',
    period: 'Dönem',
    periods: { 'plan-year': 'Plan yılı', 'reporting-period': '4 aylık dönem', 'whole-plan': 'Planın tamamı' },
    status: { achieved: 'Ulaşıldı', on_track: 'Yolunda', at_risk: 'Risk altında', behind: 'Geride', not_computable: 'Hesaplanamıyor' },
    actual: 'Gerçekleşen',
    target: 'Hedef',
    expected: 'Şu ana kadar beklenen',
    asOf: 'Tarih itibarıyla',
    loading: 'Rakamlar yükleniyor …',
    noAccess: 'Bağlantının süresi dolmuş veya geçersiz. Yeni bir bağlantı için Nabo’ya ilerlemeyi yeniden sorun.',
    failed: 'Rakamlar yüklenemedi. Lütfen biraz sonra tekrar deneyin.',
    noTargets: 'Ölçülebilir hedef yok.',
    elapsed: 'dönemin geçen kısmı',
  },
  uk: {
    title: 'Хід виконання житлово-соціального плану',
    period: 'Період',
    periods: { 'plan-year': 'Рік плану', 'reporting-period': '4-місячний період', 'whole-plan': 'Увесь план' },
    status: { achieved: 'Досягнуто', on_track: 'За планом', at_risk: 'Під загрозою', behind: 'Відставання', not_computable: 'Неможливо обчислити' },
    actual: 'Фактично',
    target: 'Ціль',
    expected: 'Очікується на зараз',
    asOf: 'Станом на',
    loading: 'Завантаження даних …',
    noAccess: 'Посилання застаріло або недійсне. Запитайте Nabo про хід виконання ще раз, щоб отримати нове посилання.',
    failed: 'Не вдалося завантажити дані. Спробуйте ще раз трохи згодом.',
    noTargets: 'Немає вимірюваних цілей.',
    elapsed: 'періоду минуло',
  },
  fa: {
    title: 'پیشرفت طرح اجتماعی مسکن',
    period: 'دوره',
    periods: { 'plan-year': 'سال طرح', 'reporting-period': 'دوره چهارماهه', 'whole-plan': 'کل طرح' },
    status: { achieved: 'رسیده', on_track: 'در مسیر', at_risk: 'در خطر', behind: 'عقب', not_computable: 'قابل محاسبه نیست' },
    actual: 'واقعی',
    target: 'هدف',
    expected: 'مورد انتظار تا اکنون',
    asOf: 'تا تاریخ',
    loading: 'در حال بارگذاری ارقام …',
    noAccess: 'پیوند منقضی شده یا نامعتبر است. برای گرفتن پیوند تازه، دوباره از Nabo درباره پیشرفت بپرسید.',
    failed: 'ارقام بارگذاری نشد. لطفاً کمی بعد دوباره امتحان کنید.',
    noTargets: 'هدف قابل اندازه‌گیری وجود ندارد.',
    elapsed: 'از دوره گذشته است',
  },
  ckb: {
    title: 'پێشکەوتنی پلانی کۆمەڵایەتیی نیشتەجێبوون',
    period: 'ماوە',
    periods: { 'plan-year': 'ساڵی پلان', 'reporting-period': 'ماوەی چوار مانگ', 'whole-plan': 'هەموو پلانەکە' },
    status: { achieved: 'گەیشتووە', on_track: 'لەسەر ڕێگایە', at_risk: 'لە مەترسیدایە', behind: 'دواکەوتووە', not_computable: 'ناتوانرێت هەژمار بکرێت' },
    actual: 'ڕاستەقینە',
    target: 'ئامانج',
    expected: 'چاوەڕوانکراو تا ئێستا',
    asOf: 'تا بەرواری',
    loading: 'ژمارەکان بار دەکرێن …',
    noAccess: 'بەستەرەکە بەسەرچووە یان دروست نییە. دووبارە پرسیار لە Nabo بکە دەربارەی پێشکەوتن بۆ وەرگرتنی بەستەرێکی نوێ.',
    failed: 'ژمارەکان بار نەکران. تکایە کەمێکی تر دووبارە هەوڵ بدەرەوە.',
    noTargets: 'هیچ ئامانجێکی پێوانەکراو نییە.',
    elapsed: 'لە ماوەکە تێپەڕیوە',
  },
};

/** "ar-SA" → "ar"; Dari (prs) reads Persian, Kurdish (ku) Sorani; anything else Danish. */
export function tabLanguage(tag: string | null | undefined): TabLanguage {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  const mapped = base === 'prs' ? 'fa' : base === 'ku' ? 'ckb' : base;
  return (TAB_LANGUAGES as readonly string[]).includes(mapped) ? (mapped as TabLanguage) : 'da';
}
