/**
 * Round 11, Arabic (src/nlu/lexicon/ar.ts): the classes of miss seen on the retired blind6 set, each with the blind6
 * sentence and a new one of the same kind. Read by the rules and decided on as the conversation would
 * (src/nlu/decision.ts): Arabizi days, weeks and counts, Levantine and Egyptian requests, and the Danish word of the
 * leaflet inside an Arabic message are acted on; what these fixes could over-reach to stays as it was.
 */
import { decide } from '../../src/nlu/decision';
import { understand } from '../../src/nlu/reader';
import type { Details, Intent } from '../../src/nlu/understanding';

const NOW = new Date('2026-11-24T10:00:00Z');
const WEEK = { from: '2026-11-24', to: '2026-11-29' };

describe('Arabic, round 11: acted on', () => {
  test.each<[string, Intent, Partial<Details>]>([
    // Arabizi "this week" ("hal osbou3") and "next week"
    ['fi nashatat lal shabab hal osbou3', 'find_activities', { audience: 'youth', dateRange: WEEK }],
    ['shu fi lal wlad hal esbu3', 'find_activities', { audience: 'children', dateRange: WEEK }],
    ['shu fi el osbou3 el jay', 'find_activities', { dateRange: { from: '2026-11-30', to: '2026-12-06' } }],
    // Arabizi children counted ("zghar", "sghar")
    ['ana bade asajel 3al 3asha yom el jum3a, 2 kbar w 2 zghar', 'sign_up', { date: '2026-11-27', adults: 2, children: 2, category: 'dinner' }],
    ['ana 3ayza asajel 3al 3asha bokra 1 kbar w 3 sghar', 'sign_up', { date: '2026-11-25', adults: 1, children: 3, category: 'dinner' }],
    // the Danish "tilmeld mig" / "afmeld mig" inside an Arabic message
    ['tilmeld mig للعشا يوم الاحد', 'sign_up', { date: '2026-11-29', category: 'dinner' }],
    ['tilmeld os til العشا الخميس', 'sign_up', { date: '2026-11-26', category: 'dinner' }],
    ['afmeld mig من العشا بكرا', 'cancel_booking', { date: '2026-11-25', category: 'dinner' }],
    // Levantine imperative without its alif: "لغيلي", "لغولي"
    ['لغيلي الموعد مع المستشار المالي', 'cancel_booking', {}],
    ['لغيلي حجزي بالعشا يوم الخميس', 'cancel_booking', { date: '2026-11-26', category: 'dinner' }],
    // Arabizi "tonight" ("el lela")
    ['mish ra7 2a2dar aji 3al 3asha el lela, elghi esmi', 'cancel_booking', { date: '2026-11-24', category: 'dinner' }],
    ['bade a7jez 3al 3asha el lela', 'sign_up', { date: '2026-11-24', category: 'dinner' }],
    // behind with the rent, said by a woman or a family ("متأخرة", "متأخرين")
    ['متأخرة بدفع الايجار شهرين وبدي حدا يساعدني', 'book_counselling', { topic: 'rent_arrears' }],
    ['متأخرين بدفع الاجار وبدنا مساعدة', 'book_counselling', { topic: 'rent_arrears' }],
    // Arabizi move: "2ajjel maw3di", Monday as "tnen"
    ['2ajjel maw3di la yom el tnen', 'move_booking', { date: '2026-11-30' }],
    ['a2ajjel maw3di lal khamis', 'move_booking', { date: '2026-11-26' }],
    // something of one's own booked
    ['عندي اشي محجوز هالاسبوع؟', 'my_bookings', { dateRange: WEEK }],
    ['هل عندي شي محجوز بكرا؟', 'my_bookings', { date: '2026-11-25' }],
    // someone of the staff to talk to me, in Arabic letters and in Arabizi
    ['ممكن حد من الموظفين يكلمني بالعربي', 'talk_to_person', {}],
    ['ممكن حدا من الموظفين يحكي معي', 'talk_to_person', {}],
    ['3awez akalem 7ad men el mowazafeen', 'talk_to_person', {}],
    ['bade akalem 7ad bel maktab', 'talk_to_person', {}],
    // delete my number
    ['امسحوا رقمي من عندكم ما بدي اكون معكم', 'delete_my_data', {}],
    ['احذفوا رقمي لو سمحتوا', 'delete_my_data', {}],
    // Egyptian "how do I use this app"
    ['إزاي أستخدم البرنامج ده', 'help', {}],
    ['ازاي استعمل التطبيق ده', 'help', {}],
    // "على العشا" run together ("علعشا")
    ['اريد اسجل علعشا ثلاث كبار واربع اطفال يوم السبت', 'sign_up', { date: '2026-11-28', adults: 3, children: 4, category: 'dinner' }],
    ['بدي سجلنا علعشا الجمعة', 'sign_up', { date: '2026-11-27', category: 'dinner' }],
    // English named in Arabizi ("englizi", "inglizi")
    ['baddi el lugha el englizi', 'change_language', { language: 'en' }],
    ['baddi lugha inglizi law samaht', 'change_language', { language: 'en' }],
    // a teenager's age names the youth
    [
      'السلام عليكم اختي انا جديدة بالمنطقة وما بعرف حدا وعندي بنت عمرها ١٤ سنة قاعدة بالبيت طول الوقت عالموبايل بدي اعرف اذا في اشي للبنات بعمرها هون بالحي رياضة او اي شي',
      'find_activities',
      { audience: 'youth' },
    ],
    ['في شي للبنات اللي عمرهم 15 هون بالحي؟', 'find_activities', { audience: 'youth' }],
  ])('"%s" is %s', (text, intent, details) => {
    const u = understand(text, 'ar', NOW);
    expect(u.intent).toBe(intent);
    expect(u.details).toMatchObject(details);
    expect(decide(u)).toEqual({ kind: 'act', intent });
  });
});

describe('Arabic, round 11: who may come, asked', () => {
  test.each<[string, Partial<Details>]>([
    // someone brought along ("can my husband come with me"), an audience said to be the only one ("only for women?")
    ['ممكن جوزي يجي معي على مجموعة الأمهات ولا بس للنسوان', { asks: 'audience' }],
    ['ممكن حماتي تيجي معي على البيبي كافيه', { asks: 'audience' }],
    ['هو الكورس ده للستات بس؟', { asks: 'audience', audience: 'adults' }],
    ['النادي للبنات بس ولا للولاد كمان؟', { asks: 'audience' }],
  ])('"%s" asks who may come', (text, details) => {
    const u = understand(text, 'ar', NOW);
    expect(u.intent).toBe('find_activities');
    expect(u.details).toMatchObject(details);
    expect(decide(u)).toEqual({ kind: 'act', intent: 'find_activities' });
  });

  test('"just me and my husband" in a sign-up is no question: "بدي سجل بس انا وجوزي"', () => {
    const u = understand('بدي سجل بس انا وجوزي', 'ar', NOW);
    expect(u.intent).toBe('sign_up');
    expect(u.details.asks).toBeUndefined();
  });
});

describe('Arabic, round 11: must not change', () => {
  test.each<[string, Intent, Partial<Details>]>([
    // a Levantine "الجمعة" is still Friday, Monday still "الاثنين"
    ['بدي سجل على العشا يوم الجمعة', 'sign_up', { date: '2026-11-27', category: 'dinner' }],
    ['شو في يوم الاثنين', 'find_activities', { date: '2026-11-30' }],
    // the Standard alif form still cancels
    ['الغيلي الموعد مع المستشار', 'cancel_booking', {}],
    // my own appointment asked about stays my bookings
    ['امتى موعدي', 'my_bookings', {}],
  ])('"%s" stays %s', (text, intent, details) => {
    const u = understand(text, 'ar', NOW);
    expect(u.intent).toBe(intent);
    expect(u.details).toMatchObject(details);
  });

  test.each(['انت انسان ولا روبوت', 'هل انت روبوت؟', 'انت حقيقي ولا كمبيوتر'])('"%s" asks about the bot, it hands nothing over', (text) => {
    const u = understand(text, 'ar', NOW);
    expect(u.intent).toBe('unknown');
    expect(decide(u).kind).toBe('none');
  });

  test('a real person asked for after the question still hands over: "انت روبوت؟ بدي احكي مع انسان حقيقي"', () => {
    expect(decide(understand('انت روبوت؟ بدي احكي مع انسان حقيقي', 'ar', NOW))).toEqual({ kind: 'act', intent: 'talk_to_person' });
  });

  test('"بدي احكي مع انسان" still hands over', () => {
    expect(decide(understand('بدي احكي مع انسان', 'ar', NOW))).toEqual({ kind: 'act', intent: 'talk_to_person' });
  });

  test('a young child\'s age is no teenager: "في شي لولاد بعمر 8 سنين"', () => {
    expect(understand('في شي لولاد بعمر 8 سنين', 'ar', NOW).details.audience).toBe('children');
  });

  test('"how do I sign up" in Egyptian still asks whether a sign-up or help was meant: "ازاي اسجل في العشا"', () => {
    expect(decide(understand('ازاي اسجل في العشا', 'ar', NOW))).not.toEqual({ kind: 'act', intent: 'help' });
  });

  test('"is the dinner booked up?" is not one\'s own booking: "العشا محجوز كله؟"', () => {
    expect(understand('العشا محجوز كله؟', 'ar', NOW).intent).not.toBe('my_bookings');
  });
});
