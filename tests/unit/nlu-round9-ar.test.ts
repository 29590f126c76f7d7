/**
 * Round 9, Arabic (src/nlu/lexicon/ar.ts): the classes of miss seen on the retired blind sets 2-4, said in sentences of
 * no labelled set. Each is read by the rules and decided on as the conversation would (src/nlu/decision.ts): the wrong
 * act of the round (news about one subject only switched the news on) is read right, the requests said in dialect
 * that were asked about are acted on, and talk of the weather, the rubbish and repairs is left alone.
 */
import { decide } from '../../src/nlu/decision';
import { understand } from '../../src/nlu/reader';
import type { Details, Intent } from '../../src/nlu/understanding';

const NOW = new Date('2026-11-24T10:00:00Z');

describe('Arabic, round 9: acted on', () => {
  test.each<[string, Intent, Partial<Details>]>([
    // news about one subject only chooses the topics
    ['ابعتولي بس اخبار الشباب', 'news_topics', {}],
    ['بدي الاخبار عن الدورات فقط', 'news_topics', {}],
    // "ولا", "و لا" alone are a no
    ['ولا', 'no', {}],
    ['و لا', 'no', {}],
    ['ولا شي', 'no', {}],
    // one's own appointment and bookings
    ['نسيت موعدي امتى', 'my_bookings', {}],
    ['شو الفعاليات اللي حجزتها', 'my_bookings', {}],
    ['وصلكم حجزي لعشا الخميس', 'my_bookings', { date: '2026-11-26' }],
    // taking a booking off; "I can't come" in Iraqi
    ['امسحي حجزي تبع الجمعة', 'cancel_booking', { date: '2026-11-27' }],
    ['ماكدر اجي للعشا الخميس', 'cancel_booking', { date: '2026-11-26', category: 'dinner' }],
    // changing the appointment, moving to another dinner
    ['بدنا نبدل الموعد لبعد يومين', 'move_booking', {}],
    ['انقلني لعشا الجمعة', 'move_booking', { date: '2026-11-27' }],
    // register me, we want to join, add me
    ['قيدني بعشا الخميس', 'sign_up', { date: '2026-11-26', category: 'dinner' }],
    ['بدنا ننضم لمجموعة الامهات', 'sign_up', {}],
    ['ممكن تضيفوني لقائمة العشا', 'sign_up', {}],
    // the words around a request in dialect and Arabizi name no activity: the dinner is still the dinner
    ['ana bdi sajel 3al 3asha el jum3a', 'sign_up', { date: '2026-11-27', category: 'dinner' }],
    ['امتى العشا الجاي', 'find_activities', { category: 'dinner' }],
    // delete me from your system
    ['احذفوني من النظام تبعكم', 'delete_my_data', {}],
    // why do you need my data
    ['ليش بتحتاجوا بياناتي', 'privacy', {}],
    // switch the reminders off
    ['اطفي التذكيرات لو سمحت', 'reminders_off', {}],
    // stop sending me the news
    ['بطلوا تبعتولي اخبار', 'news_off', {}],
    // what can I do here
    ['شو ممكن اعمل هون', 'help', {}],
    // whom to call
    ['مين بقدر اتصل فيه اذا عندي سؤال', 'talk_to_person', {}],
    // how an activity is going
    ['كيف ماشية البيبي كافيه هالسنة', 'progress', { period: 'plan-year' }],
    // correct the count
    ['عدل العدد ل ٢٥ مشارك', 'correct_delivery', { participants: 25 }],
    // Egyptian "this week", Maghrebi "the kids"
    ['شو في الاسبوع ده للاطفال', 'find_activities', { audience: 'children', dateRange: { from: '2026-11-24', to: '2026-11-29' } }],
    ['في شي للدراري', 'find_activities', { audience: 'children' }],
    // money that runs out before the month does is a budget
    ['بدي نصيحة حتى ما تخلص المصاري قبل اخر الشهر', 'book_counselling', { topic: 'budget' }],
    // "could you write to me in …"
    ['ممكن تكتبولي بالتركي', 'change_language', { language: 'tr' }],
    // for the residents only: who may come, not an address
    ['النشاط للساكنين بس؟', 'find_activities', {}],
  ])('"%s" is %s', (text, intent, details) => {
    const u = understand(text, 'ar', NOW);
    expect(u.intent).toBe(intent);
    expect(u.details).toMatchObject(details);
    expect(decide(u)).toEqual({ kind: 'act', intent });
  });
});

describe('Arabic, round 9: life elsewhere is left alone', () => {
  test.each(['الحنفية عم تنقط بالحمام', 'امتى بيجو ياخدو الزبالة'])('"%s" asks for nothing here', (text) => {
    const u = understand(text, 'ar', NOW);
    expect(u.intent).toBe('unknown');
    expect(decide(u).kind).toBe('none');
  });

  test('"ولا" inside a question is its "or", no answer: "العشا للساكنين بس ولا للكل"', () => {
    expect(understand('العشا للساكنين بس ولا للكل', 'ar', NOW).intent).toBe('find_activities');
  });
});
