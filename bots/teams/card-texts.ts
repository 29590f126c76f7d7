/**
 * Texts the Teams adapter composes itself: card validation messages, the dashboard button, the
 * cards it posts on its own (new handover request, attendance reminder) and the admin's role
 * command. The core's texts live in locales/; these belong to the channel's presentation, so they
 * stay beside it, typed, in all eight languages.
 */
import { isolate } from '../../src/i18n/i18n';
import type { Language } from '../../src/plan-data/plan-file';

export interface CardTexts {
  required: string;
  range: string;
  openDashboard: string;
  handoverTitle: string;
  handoverReplyLabel: string;
  handoverSend: string;
  handoverAll: string;
  attendanceReminder: string;
  attendanceButton: string;
  roleChanged: string;
  roleUnknownUser: string;
  roleUsage: string;
  roleNames: { staff: string; coordinator: string };
  fileUnavailable: string;
}

export const CARD_TEXTS: Readonly<Record<Language, CardTexts>> = {
  da: {
    required: 'Udfyld dette felt.',
    range: 'Skriv et helt tal fra {min} til {max}.',
    openDashboard: 'Åbn dashboard',
    handoverTitle: 'Ny henvendelse fra en beboer',
    handoverReplyLabel: 'Dit svar til beboeren',
    handoverSend: 'Send svar',
    handoverAll: 'Alle åbne henvendelser',
    attendanceReminder: '{title} sluttede kl. {time}. Husk at tage fremmøde.',
    attendanceButton: 'Tag fremmøde',
    roleChanged: '{id} er nu {role}.',
    roleUnknownUser: 'Jeg kender ikke den bruger endnu. Vedkommende skal først skrive til Nabo i Teams.',
    roleUsage: 'Brug: promote <objekt-id> coordinator (eller staff for at fjerne rollen igen).',
    roleNames: { staff: 'medarbejder', coordinator: 'koordinator' },
    fileUnavailable: 'Filen kan ikke vises her.',
  },
  en: {
    required: 'Please fill in this field.',
    range: 'Enter a whole number from {min} to {max}.',
    openDashboard: 'Open dashboard',
    handoverTitle: 'New request from a resident',
    handoverReplyLabel: 'Your answer to the resident',
    handoverSend: 'Send answer',
    handoverAll: 'All open requests',
    attendanceReminder: '{title} ended at {time}. Remember to take attendance.',
    attendanceButton: 'Take attendance',
    roleChanged: '{id} is now {role}.',
    roleUnknownUser: 'I do not know that user yet. They need to write to Nabo in Teams first.',
    roleUsage: 'Usage: promote <object id> coordinator (or staff to remove the role again).',
    roleNames: { staff: 'staff', coordinator: 'coordinator' },
    fileUnavailable: 'The file cannot be shown here.',
  },
  ar: {
    required: 'يرجى ملء هذا الحقل.',
    range: 'أدخل رقمًا صحيحًا من {min} إلى {max}.',
    openDashboard: 'فتح لوحة المتابعة',
    handoverTitle: 'طلب جديد من أحد السكان',
    handoverReplyLabel: 'ردّك على الساكن',
    handoverSend: 'إرسال الرد',
    handoverAll: 'كل الطلبات المفتوحة',
    attendanceReminder: 'انتهى {title} الساعة {time}. تذكّر تسجيل الحضور.',
    attendanceButton: 'تسجيل الحضور',
    roleChanged: '{id} أصبح الآن {role}.',
    roleUnknownUser: 'لا أعرف هذا المستخدم بعد. يجب أن يكتب إلى Nabo في Teams أولًا.',
    roleUsage: 'الاستخدام: promote <معرّف الكائن> coordinator (أو staff لإزالة الدور مرة أخرى).',
    roleNames: { staff: 'موظف', coordinator: 'منسّق' },
    fileUnavailable: 'لا يمكن عرض الملف هنا.',
  },
  so: {
    required: 'Fadlan buuxi goobtan.',
    range: 'Geli tiro dhan oo u dhexeysa {min} ilaa {max}.',
    openDashboard: 'Fur dashboard-ka',
    handoverTitle: 'Codsi cusub oo ka yimid deggane',
    handoverReplyLabel: 'Jawaabtaada deggane',
    handoverSend: 'Dir jawaabta',
    handoverAll: 'Dhammaan codsiyada furan',
    attendanceReminder: '{title} wuxuu dhammaaday {time}. Xusuuso inaad diiwaangeliso imaanshaha.',
    attendanceButton: 'Diiwaangeli imaanshaha',
    roleChanged: '{id} hadda waa {role}.',
    roleUnknownUser: 'Weli ma aqaan isticmaalahaas. Marka hore waa inuu u qoraa Nabo ee Teams.',
    roleUsage: 'Isticmaal: promote <aqoonsiga shayga> coordinator (ama staff si aad doorka uga saarto).',
    roleNames: { staff: 'shaqaale', coordinator: 'isku-duwe' },
    fileUnavailable: 'Faylka halkan laguma muujin karo.',
  },
  tr: {
    required: 'Lütfen bu alanı doldurun.',
    range: '{min} ile {max} arasında bir tam sayı girin.',
    openDashboard: 'Panoyu aç',
    handoverTitle: 'Bir sakinden yeni talep',
    handoverReplyLabel: 'Sakine yanıtınız',
    handoverSend: 'Yanıtı gönder',
    handoverAll: 'Tüm açık talepler',
    attendanceReminder: '{title} saat {time} itibarıyla bitti. Yoklama almayı unutmayın.',
    attendanceButton: 'Yoklama al',
    roleChanged: '{id} artık {role}.',
    roleUnknownUser: 'Bu kullanıcıyı henüz tanımıyorum. Önce Teams’te Nabo’ya yazması gerekiyor.',
    roleUsage: 'Kullanım: promote <nesne kimliği> coordinator (rolü geri almak için staff).',
    roleNames: { staff: 'çalışan', coordinator: 'koordinatör' },
    fileUnavailable: 'Dosya burada gösterilemiyor.',
  },
  uk: {
    required: 'Заповніть це поле.',
    range: 'Введіть ціле число від {min} до {max}.',
    openDashboard: 'Відкрити панель',
    handoverTitle: 'Нове звернення від мешканця',
    handoverReplyLabel: 'Ваша відповідь мешканцю',
    handoverSend: 'Надіслати відповідь',
    handoverAll: 'Усі відкриті звернення',
    attendanceReminder: '{title} закінчився о {time}. Не забудьте відмітити присутність.',
    attendanceButton: 'Відмітити присутність',
    roleChanged: '{id} тепер {role}.',
    roleUnknownUser: 'Я ще не знаю цього користувача. Спершу він має написати Nabo в Teams.',
    roleUsage: 'Використання: promote <ідентифікатор об’єкта> coordinator (або staff, щоб зняти роль).',
    roleNames: { staff: 'працівник', coordinator: 'координатор' },
    fileUnavailable: 'Файл не можна показати тут.',
  },
  fa: {
    required: 'لطفاً این بخش را پر کنید.',
    range: 'یک عدد صحیح از {min} تا {max} وارد کنید.',
    openDashboard: 'باز کردن داشبورد',
    handoverTitle: 'درخواست تازه از یک ساکن',
    handoverReplyLabel: 'پاسخ شما به ساکن',
    handoverSend: 'فرستادن پاسخ',
    handoverAll: 'همه درخواست‌های باز',
    attendanceReminder: '{title} ساعت {time} تمام شد. ثبت حاضری را فراموش نکنید.',
    attendanceButton: 'ثبت حاضری',
    roleChanged: '{id} اکنون {role} است.',
    roleUnknownUser: 'هنوز این کاربر را نمی‌شناسم. او باید اول در Teams به Nabo پیام بدهد.',
    roleUsage: 'طرز استفاده: promote <شناسه شیء> coordinator (یا staff برای برداشتن نقش).',
    roleNames: { staff: 'کارمند', coordinator: 'هماهنگ‌کننده' },
    fileUnavailable: 'این فایل را نمی‌توان اینجا نشان داد.',
  },
  ckb: {
    required: 'تکایە ئەم خانەیە پڕ بکەرەوە.',
    range: 'ژمارەیەکی تەواو لە {min} تا {max} بنووسە.',
    openDashboard: 'کردنەوەی داشبۆرد',
    handoverTitle: 'داواکارییەکی نوێ لە دانیشتوویەک',
    handoverReplyLabel: 'وەڵامەکەت بۆ دانیشتووەکە',
    handoverSend: 'ناردنی وەڵام',
    handoverAll: 'هەموو داواکارییە کراوەکان',
    attendanceReminder: '{title} لە کاتژمێر {time} کۆتایی هات. لەبیرت نەچێت ئامادەبوون تۆمار بکەیت.',
    attendanceButton: 'تۆمارکردنی ئامادەبوون',
    roleChanged: '{id} ئێستا {role}ە.',
    roleUnknownUser: 'هێشتا ئەم بەکارهێنەرە ناناسم. سەرەتا دەبێت لە Teams نامە بۆ Nabo بنێرێت.',
    roleUsage: 'بەکارهێنان: promote <ناسنامەی شت> coordinator (یان staff بۆ لابردنی ڕۆڵەکە).',
    roleNames: { staff: 'کارمەند', coordinator: 'هەماهەنگکار' },
    fileUnavailable: 'ناتوانرێت فایلەکە لێرە پیشان بدرێت.',
  },
};

/** Fills "{name}" placeholders; values are wrapped in Unicode isolates like the core's texts. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? isolate(params[k] as string | number) : m));
}
