/**
 * Round 9, Somali and Turkish: the classes of miss seen on the retired blind sets 2-4, said in other words than any
 * labelled sentence. "When was my appointment" asked in the past tense shows one's bookings; an appointment pushed on or
 * brought forward by a span is moved; only some of the news is a choice of topics; the newsletter named by its own word
 * and not wanted stops the news. Then the classes that were asked about though plain: a later or earlier time asked with its
 * question word ("olur mu", "olabilir mi") is no "was it?"; "can I/we come" signs up, "can they come" asks who may;
 * a party counted "for the Friday dinner" books it; "take us off" cancels; one of the staff, the staff's number and a call
 * asked for with "ha" reach a person; what you wrote down about me shows my data; someone to look at one's money
 * situation, or money that does not last, is counselling; "remind me again / before" turns reminders on; "maxa" is
 * "maxaa" typed short; and the other spelling of "I live at", with the floor after the address, sets the area. Last, the
 * words of asking when or what it costs ("ne zaman", "ücretsiz", "ayay tahay", "immisa … ku kacdaa") and "helal olsun"
 * are no part of the activity's name, so the dinner is still the dinner. And a few more plain requests: "waxaan rabaa
 * cashada" (I want the dinner), a hyphenated name then "ku qor", "boos ii qabo" and "isdiiwaan geli" sign up; "ii wac" and
 * "beni telefonla arayın" ask for a call; "caawimaad dhaqaale" is money counselling; "haber konuları" asks for topics.
 */
import { decide } from '../../src/nlu/decision';
import { understand } from '../../src/nlu/reader';
import type { Language } from '../../src/plan-data/plan-file';

const NOW = new Date('2026-11-24T10:00:00Z');

type Case = [text: string, intent: string, details: Record<string, unknown>];

const CASES: Record<'tr' | 'so', Case[]> = {
  tr: [
    ['danışmanla görüşmem ne zamandı hatırlamıyorum', 'my_bookings', {}],
    ['danışman görüşmesini öne çekebilir misiniz', 'move_booking', {}],
    ['yalnızca gençlerle ilgili haberleri gönderin', 'news_topics', { audience: 'youth' }],
    ['daha erken bir saat olabilir mi', 'move_booking', {}],
    ['yarın akşam yemeğine gelebilir miyiz', 'sign_up', { date: '2026-11-25', category: 'dinner' }],
    ['üç yetişkin bir çocuk perşembe yemeği için', 'sign_up', { adults: 3, children: 1, date: '2026-11-26' }],
    ['cumartesi bizi silebilir misiniz', 'cancel_booking', { date: '2026-11-28' }],
    ['adıma ne kaydedildi', 'my_data', {}],
    ['mali durumuma bakabilecek biri var mı', 'book_counselling', { topic: 'budget' }],
    ['kiramı ödeyemedim iki aydır geride kaldım', 'book_counselling', { topic: 'rent_arrears' }],
    ['ortak yemek ne zaman', 'find_activities', { category: 'dinner' }],
    ['akşam yemeği ücretsiz mi', 'find_activities', { asks: 'price', category: 'dinner' }],
    ['perşembe günkü yemeğe katılmak istiyoruz helal olsun', 'sign_up', { dietary: { halal: true }, category: 'dinner' }],
    ['yarın biri beni telefonla arayabilir mi', 'talk_to_person', {}],
    ['haber konusu seçmek istiyorum', 'news_topics', {}],
  ],
  so: [
    ['keliya warka dhallinyarada ayaan rabaa', 'news_topics', { audience: 'youth' }],
    ['warsidaha bishii ha ii soo dirin', 'news_off', {}],
    ['cashada berri ma imaan karnaa', 'sign_up', { date: '2026-11-25', category: 'dinner' }],
    ['carruurtu ma imaan karaan cashada', 'find_activities', { audience: 'children', category: 'dinner' }],
    ['waxaan rabaa inaan iska qoro kooxda hooyooyinka', 'sign_up', {}],
    ['qof ila taliya ayaan u baahanahay xaaladda dhaqaale', 'book_counselling', { topic: 'budget' }],
    ['lacagtu iima filna ilaa dhamaadka bisha', 'book_counselling', { topic: 'budget' }],
    ['fadlan shaqaalaha midkood ha ii soo waco', 'talk_to_person', {}],
    ['berri maxa socda', 'find_activities', { date: '2026-11-25' }],
    ['waxaan degenahay Rørhaven 12', 'set_area', { address: 'Rørhaven 12' }],
    ['goorma ayay tahay cashada', 'find_activities', { category: 'dinner' }],
    ['imisa ayay ku kacdaa cashada', 'find_activities', { asks: 'price', category: 'dinner' }],
    ['waxaan rabnaa cashada khamiista laba qof', 'sign_up', { date: '2026-11-26' }],
    ['wiilkayga fodbold-ka ku qor', 'sign_up', {}],
    ['boos noo qabo cashada sabtida', 'sign_up', { date: '2026-11-28' }],
    ['galabta ii wac', 'talk_to_person', {}],
    ['caawimaad dhaqaale ayaan u baahanahay', 'book_counselling', { topic: 'budget' }],
  ],
};

describe.each(Object.keys(CASES) as ('tr' | 'so')[])('round 9 classes in %s', (language) => {
  test.each(CASES[language])('"%s" is %s', (text, intent, details) => {
    const u = understand(text, language as Language, NOW);
    expect(u.intent).toBe(intent);
    expect(u.details).toMatchObject(details);
    // Each of these is plain enough to act on without asking.
    if (intent !== 'unknown') expect(decide(u)).toEqual({ kind: 'act', intent });
    else expect(decide(u).kind).not.toBe('act');
  });
});
