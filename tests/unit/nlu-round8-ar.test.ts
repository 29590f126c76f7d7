/**
 * Round 8, Arabic (src/nlu/lexicon/ar.ts): the classes of miss seen on fresh4, said in sentences of no labelled set.
 * Each is read by the rules and decided on as the conversation would (src/nlu/decision.ts): the wrong acts of the
 * round (an appointment no longer needed booked, an appointment moved by the doctor moved here, an "or not" read
 * as a no, a shop's hours read as what is on) are read right or left alone.
 */
import { decide } from '../../src/nlu/decision';
import { understand } from '../../src/nlu/reader';
import type { Details, Intent } from '../../src/nlu/understanding';

const NOW = new Date('2026-11-24T10:00:00Z');

describe('Arabic, round 8: acted on', () => {
  test.each<[string, Intent, Partial<Details>]>([
    // 1. no longer needing the appointment gives it up
    ['الحمدلله ما عدت محتاجة الاستشارة الغوها', 'cancel_booking', {}],
    // 4. asking whether one is signed up, "or not" included
    ['احنا مسجلين للبيبي كافيه بكرا او لا', 'my_bookings', { date: '2026-11-25' }],
    // 5. someone taken off an activity
    ['شيلو بنتي من عشا السبت', 'cancel_booking', { date: '2026-11-28', category: 'dinner' }],
    // 6. not this time
    ['مش هالمرة يسلمو', 'no', {}],
    // 7. stop reminding me
    ['بطلوا تذكروني بالعشا', 'reminders_off', {}],
    // 9. the waiting list
    ['حطني على قائمة الانتظار لعشا الجمعة', 'sign_up', { date: '2026-11-27' }],
    // 10. money as a price, not a trouble
    ['العشا الجماعي بيكلف مصاري؟', 'find_activities', { asks: 'price' }],
    // 11. who reads my messages
    ['مين بيقرا الرسايل اللي ببعتها', 'privacy', {}],
    // 17. a party of "we are 4 people"
    ['احنا ٤ اشخاص رح نيجي عالعشا الجمعة', 'sign_up', { participants: 4, date: '2026-11-27' }],
    // 18. postponing the session
    ['ممكن نأجل الجلسة للاسبوع الجاي', 'move_booking', {}],
  ])('"%s" is %s', (text, intent, details) => {
    const u = understand(text, 'ar', NOW);
    expect(u.intent).toBe(intent);
    expect(u.details).toMatchObject(details);
    expect(decide(u)).toEqual({ kind: 'act', intent });
  });
});

describe('Arabic, round 8: life elsewhere is left alone', () => {
  test.each([
    // 2. the dentist moved the appointment; the school cancelled a trip
    'دكتور الاسنان اجل الموعد لبعد اسبوع',
    'المدرسة غيرت موعد الاجتماع',
    // 8. a shop's hours
    'امتى بيفتح السوبرماركت بكرا',
  ])('"%s" asks for nothing here', (text) => {
    const u = understand(text, 'ar', NOW);
    expect(u.intent).toBe('unknown');
    expect(decide(u).kind).toBe('none');
  });

  test('asked to us, with the verb first, the move is ours: "ممكن تأجل موعدي لاني عندي دكتور"', () => {
    expect(understand('ممكن تأجل موعدي لاني عندي دكتور', 'ar', NOW).intent).toBe('move_booking');
  });
});
