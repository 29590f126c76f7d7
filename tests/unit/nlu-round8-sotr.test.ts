/**
 * Round 8, Somali and Turkish: the classes of miss seen on the fourth fresh set, said in other words than any labelled
 * sentence. An appointment no longer needed is cancelled; what a doctor or a school did to one's own appointment asks
 * nothing here; "are we signed up or not" asks to see one's bookings; taken off an activity is a cancellation; "not this
 * time" is a no; "don't remind me" stops reminders; shops and the weather are nothing to find here; the waiting list is a
 * sign-up; and privacy, help, a call back and money worries are read for what they are.
 */
import { decide } from '../../src/nlu/decision';
import { understand } from '../../src/nlu/reader';
import type { Language } from '../../src/plan-data/plan-file';

const NOW = new Date('2026-11-24T10:00:00Z');

type Case = [text: string, intent: string, details: Record<string, unknown>];

const CASES: Record<'tr' | 'so', Case[]> = {
  tr: [
    ['danışmanla randevuma artık ihtiyacım kalmadı', 'cancel_booking', {}],
    ['hastane randevumu perşembeye ertelediler', 'unknown', {}],
    ['kızımın yüzme kursu cumartesi iptal oldu', 'unknown', {}],
    ['danışmanla görüşmem var mı', 'my_bookings', {}],
    ['perşembe yemeğine kayıtlı mıyız yok muyuz', 'my_bookings', { date: '2026-11-26' }],
    ['cumartesi yemeğinden bizi çıkarın lütfen', 'cancel_booking', { date: '2026-11-28' }],
    ['şimdilik hayır sağolun', 'no', {}],
    ['bana bir daha hatırlatmayın', 'reminders_off', {}],
    ['bugün hava nasıl olacak', 'unknown', {}],
    ['perşembe yemeği için bekleme listesine yazın beni', 'sign_up', { date: '2026-11-26' }],
    ['mesajlarımı kimler okuyabiliyor', 'privacy', {}],
    ['neler yapabiliyorsun', 'help', {}],
    ['beni geri arayabilir misiniz', 'talk_to_person', {}],
    ['maaşım ay sonuna yetmiyor', 'book_counselling', { topic: 'budget' }],
  ],
  so: [
    ['ballanta lataliyaha uma baahnin mar dambe', 'cancel_booking', {}],
    ['isbitaalka ayaa ballantayda beddelay', 'unknown', {}],
    ['casharka dabaasha wiilkayga waa la baajiyay', 'unknown', {}],
    ['ballan ma ila leeyahay isniinta', 'my_bookings', { date: '2026-11-30' }],
    ['jimcaha ma nala qoray mise maya', 'my_bookings', { date: '2026-11-27' }],
    ['cashada sabtida naga saar', 'cancel_booking', { date: '2026-11-28' }],
    ['markan maya mahadsanid', 'no', {}],
    ['ha i xasuusin cashada', 'reminders_off', {}],
    ['netto goorma ayuu xirmaa', 'unknown', {}],
    ['liiska sugitaanka na geli cashada khamiista', 'sign_up', { date: '2026-11-26' }],
    ['yaa akhriya fariimaha aan qoro', 'privacy', {}],
    ['maxaad ii qaban kartaa', 'help', {}],
    ['dib ii soo wac fadlan', 'talk_to_person', {}],
    ['mushaharkaygu kuma filna bisha', 'book_counselling', { topic: 'budget' }],
  ],
};

describe.each(Object.keys(CASES) as ('tr' | 'so')[])('round 8 classes in %s', (language) => {
  test.each(CASES[language])('"%s" is %s', (text, intent, details) => {
    const u = understand(text, language as Language, NOW);
    expect(u.intent).toBe(intent);
    expect(u.details).toMatchObject(details);
    // Read as nothing asked, the conversation acts on nothing: a report of life elsewhere changes no booking here.
    if (intent === 'unknown') expect(decide(u).kind).not.toBe('act');
  });
});
