/**
 * Round 10, Arabic (src/nlu/lexicon/ar.ts): the classes of miss seen on the retired blind5 set, said in sentences of
 * no labelled set. Each is read by the rules and decided on as the conversation would (src/nlu/decision.ts): Standard
 * and Levantine requests that were asked about or read as another intent are acted on, and rain to come, the laundry,
 * the wifi and someone's homework are left alone.
 */
import { decide } from '../../src/nlu/decision';
import { understand } from '../../src/nlu/reader';
import type { Details, Intent } from '../../src/nlu/understanding';

const NOW = new Date('2026-11-24T10:00:00Z');

describe('Arabic, round 10: acted on', () => {
  test.each<[string, Intent, Partial<Details>]>([
    // the Standard future no, the bare imperative "ألغِ", and "I can no longer attend"
    ['لن نحضر العشا يوم الخميس', 'cancel_booking', { date: '2026-11-26', category: 'dinner' }],
    ['ألغِ موعدي يوم الاثنين', 'cancel_booking', { date: '2026-11-30' }],
    ['ما عاد فيني اجي على مجموعة الامهات', 'cancel_booking', {}],
    // a time said not to suit (feminine "الساعة"), another appointment wanted
    ['الساعة 5 ما بتناسبني', 'move_booking', {}],
    ['الساعة 3 ما بتناسبنا', 'move_booking', {}],
    ['بدي موعد تاني الاسبوع الجاي', 'move_booking', {}],
    // a wish to attend, others wanting to take part
    ['اود حضور مقهى الرضع يوم الجمعة', 'sign_up', { date: '2026-11-27' }],
    ['ولادي بدهم يشاركوا بالعشا الخميس', 'sign_up', { date: '2026-11-26', category: 'dinner' }],
    // the Danish word for counselling after a booking verb
    ['احجزلي rådgivning بكرا', 'book_counselling', { date: '2026-11-25' }],
    // what you keep about me
    ['شو البيانات اللي بتحفظوها عني', 'my_data', {}],
    // receiving the news
    ['حابب استلم الاخبار كل شهر', 'news_on', {}],
    ['بدنا نستلم اخباركم', 'news_on', {}],
    // what can we do
    ['شو فينا نعمل السبت', 'find_activities', { date: '2026-11-28' }],
    ['ماذا يمكننا أن نفعل في عطلة نهاية الأسبوع', 'find_activities', { dateRange: { from: '2026-11-28', to: '2026-11-29' } }],
    // the common dinner ("المشترك") is no slip of "اشترك" (sign up); "بكرة" (tomorrow) is no ball game
    ['شو وقت العشاء المشترك الجاي', 'find_activities', {}],
    ['في شي للصغار بكرة', 'find_activities', { audience: 'children', date: '2026-11-25' }],
    // Egyptian "can someone call me"
    ['ممكن حد يتصل بيا بكرا', 'talk_to_person', {}],
    // who may take part
    ['مين يقدر يحضر مجموعة الامهات', 'find_activities', {}],
    // Arabizi adults, Gulf children counted
    ['bdi sajel 3al 3asha 3 kbar', 'sign_up', { adults: 3, category: 'dinner' }],
    ['بدي سجل جهالي الثلاثة بالعشا', 'sign_up', { children: 3, category: 'dinner' }],
    // Arabizi "when does … open"
    ['emta byfta7 el nadi', 'find_activities', {}],
    // Levantine "the whole week"; staff recording the attendance
    ['شو في الجمعة كلها للولاد', 'find_activities', { audience: 'children', dateRange: { from: '2026-11-24', to: '2026-11-29' } }],
    ['سجل الحضور للبيبي كافيه', 'take_attendance', {}],
  ])('"%s" is %s', (text, intent, details) => {
    const u = understand(text, 'ar', NOW);
    expect(u.intent).toBe(intent);
    expect(u.details).toMatchObject(details);
    expect(decide(u)).toEqual({ kind: 'act', intent });
  });
});

describe('Arabic, round 10: life elsewhere is not acted on', () => {
  test.each(['هل ستمطر يوم السبت', 'شو كلمة السر تبع الواي فاي', 'ممكن تحل واجب الانجليزي عني', 'بدي تكسي للمطار', 'كم الساعة الحين'])(
    '"%s" asks for nothing here',
    (text) => {
      const u = understand(text, 'ar', NOW);
      expect(u.intent).toBe('unknown');
      expect(decide(u).kind).toBe('none');
    },
  );

  test('the price of a laundry card is not answered as an activity without asking: "كم سعر كرت الغسيل"', () => {
    expect(decide(understand('كم سعر كرت الغسيل', 'ar', NOW))).not.toEqual({ kind: 'act', intent: 'find_activities' });
  });

  test('"who may take part" stays a question, not a sign-up: "مين بيقدر يشارك بالعشا"', () => {
    expect(decide(understand('مين بيقدر يشارك بالعشا', 'ar', NOW))).not.toEqual({ kind: 'act', intent: 'sign_up' });
  });

  test('what time the dinner is still asks about the dinner: "كم الساعة العشا"', () => {
    expect(understand('كم الساعة العشا', 'ar', NOW).intent).toBe('find_activities');
  });

  test('a shop\'s opening hours in Arabic letters are not acted on as an activity: "امتى بيفتح الصيدلية"', () => {
    expect(decide(understand('امتى بيفتح الصيدلية', 'ar', NOW))).not.toEqual({ kind: 'act', intent: 'find_activities' });
  });
});
