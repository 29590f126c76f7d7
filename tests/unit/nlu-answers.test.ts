/**
 * Answers typed at a flow's question (src/nlu/answers.ts, src/conversation/replies.ts typedChoice,
 * src/nlu/fuzzy.ts): counts in all eight languages with nouns, number words, duals and eastern
 * digits; negatives; none; the words that leave a flow; value buttons; misspelt names.
 */
import { typedChoice } from '../../src/conversation/replies';
import { allergensIn, isExit, isOrdinaryFood, namesAllergen, readCount } from '../../src/nlu/answers';
import { closestName, editDistance } from '../../src/nlu/fuzzy';
import { understand } from '../../src/nlu/reader';
import type { Language } from '../../src/plan-data/plan-file';

const NOW = new Date('2026-11-24T10:00:00Z');
const count = (text: string, language: Language, role: 'adults' | 'children') => readCount(text, language, understand(text, language, NOW), role);

describe('counts at a count question', () => {
  test.each<[string, Language, 'adults' | 'children', number]>([
    ['tre voksne', 'da', 'adults', 3],
    ['3 voksne', 'da', 'adults', 3],
    ['vi er to', 'da', 'adults', 2],
    ['ingen børn', 'da', 'children', 0],
    ['en', 'da', 'adults', 1],
    ['two adults', 'en', 'adults', 2],
    ['no kids', 'en', 'children', 0],
    ['شخصان', 'ar', 'adults', 2],
    ['ثلاثة أطفال', 'ar', 'children', 3],
    ['طفل واحد', 'ar', 'children', 1],
    ['٣', 'ar', 'adults', 3],
    ['ولا طفل', 'ar', 'children', 0],
    ['وبنت', 'ar', 'children', 1],
    ['ولد', 'ar', 'children', 1],
    ['laba qof', 'so', 'adults', 2],
    ['kow', 'so', 'children', 1],
    ['iki', 'tr', 'adults', 2],
    ['çocuk yok', 'tr', 'children', 0],
    ['двоє дорослих', 'uk', 'adults', 2],
    ['۲', 'fa', 'adults', 2],
    ['دوو', 'ckb', 'adults', 2],
  ])('%s (%s, %s) is %i', (text, language, role, value) => {
    expect(count(text, language, role)).toMatchObject({ kind: 'count', value });
  });

  test('an Arabic singular beside another count is one: "اثنين كبار وولد" is 2 adults and 1 child; a lone "الطفل" in a question counts no one', () => {
    expect(count('اثنين كبار وولد', 'ar', 'adults')).toEqual({ kind: 'count', value: 2, children: 1 });
    expect(understand('هل الطفل لازم يجي مع اهله', 'ar', NOW).details.children).toBeUndefined();
    expect(count('اطفال', 'ar', 'children')).toEqual({ kind: 'none' });
  });

  test.each<[string, Language]>([
    ['1 voksen ingen børn', 'da'],
    ['2 voksne og ingen børn', 'da'],
    ['2 adults no kids', 'en'],
    ['شخصين بدون اطفال', 'ar'],
    ['2 yetişkin çocuk yok', 'tr'],
  ])('the adults and none for the children at once: "%s" (%s)', (text, language) => {
    expect(count(text, language, 'adults')).toEqual({ kind: 'count', value: expect.any(Number), children: 0 });
  });

  test('a child counted is not none: "1 voksen og 1 barn", and "ingen voksne" is no answer about children', () => {
    expect(count('1 voksen og 1 barn', 'da', 'adults')).toEqual({ kind: 'count', value: 1, children: 1 });
    expect(count('2 voksne', 'da', 'adults')).toEqual({ kind: 'count', value: 2 });
  });

  test.each<[string, Language, number, number | undefined]>([
    ['انا ومرتي و٣ ولاد', 'ar', 2, 3],
    ['انا ومرتي', 'ar', 2, undefined],
    ['mig og min kone og 2 børn', 'da', 2, 2],
  ])('who comes, told by who they are, at the adults question: "%s" (%s)', (text, language, adults, children) => {
    expect(count(text, language, 'adults')).toEqual({ kind: 'count', value: adults, ...(children !== undefined ? { children } : {}) });
  });

  test.each<[string, boolean]>([
    ['en af dem er allergisk overfor noedder', true],
    ['jordnødder', true],
    ['عندهم حساسية من المكسرات', true],
    ['süt alerjisi var', true],
    ['алергія на горіхи', true],
    ['allergi', false],
    ['jeg har en allergi', false],
    ['hvad er jeg tilmeldt', false],
  ])('"%s" names an allergen: %s', (text, named) => {
    expect(namesAllergen(text)).toBe(named);
  });

  test('the kinds of allergen named, in order, once each', () => {
    expect(allergensIn('حليب وبيض وحليب')).toEqual(['milk', 'eggs']);
    expect(allergensIn('jordnødder og gluten')).toEqual(['peanuts', 'gluten']);
    expect(allergensIn('nøddeallergi, valnødder')).toEqual(['nuts']);
    expect(allergensIn('peanut allergy')).toEqual(['peanuts']);
    expect(allergensIn('ingen særlige')).toEqual([]);
  });

  test('both counts at once: "2 voksne og 1 barn" at the adults question', () => {
    expect(count('2 voksne og 1 barn', 'da', 'adults')).toEqual({ kind: 'count', value: 2, children: 1 });
  });

  test.each(['-3', '− 1', 'minus 2', '-٣'])('%s is negative, never read as a count', (text) => {
    expect(count(text, 'da', 'adults')).toEqual({ kind: 'negative' });
  });

  test('words that are no count, and a count of the other kind, are no answer', () => {
    expect(count('hvad sker der', 'da', 'adults')).toEqual({ kind: 'none' });
    expect(count('3 børn', 'da', 'adults')).toEqual({ kind: 'none' });
  });
});

describe('a way out of any flow', () => {
  test.each<[string, Language]>([
    ['annuller', 'da'],
    ['Annullér!', 'da'],
    ['nej glem det', 'da'],
    ['tilbage', 'da'],
    ['stop', 'da'],
    ['cancel please', 'en'],
    ['never mind', 'en'],
    ['إلغاء', 'ar'],
    ['خلاص', 'ar'],
    ['stop', 'ar'],
    ['annuller', 'ar'],
    ['iska daa', 'so'],
    ['iptal', 'tr'],
    ['скасувати', 'uk'],
    ['لغو', 'fa'],
    ['بەسە', 'ckb'],
  ])('%s (%s) leaves', (text, language) => {
    expect(isExit(text, language)).toBe(true);
  });

  test.each<[string, Language]>([
    ['annuller min tilmelding på torsdag', 'da'],
    ['Hvornår åbner vaskeriet igen?', 'da'],
    ['cancel my booking for friday', 'en'],
    ['الغاء التسجيل في العشاء يوم الخميس', 'ar'],
  ])('%s (%s) is a message, not a way out', (text, language) => {
    expect(isExit(text, language)).toBe(false);
  });
});

describe('typed numbers at buttons (console)', () => {
  const children = [0, 1, 2, 3, 4, 5, 6].map((n) => ({ label: String(n), action: `signup.children|${n}` }));
  test('at value buttons a number is the value, not the position', () => {
    expect(typedChoice(children, '1')?.action).toBe('signup.children|1');
    expect(typedChoice(children, ' 0 ')?.action).toBe('signup.children|0');
    expect(typedChoice(children, '9')).toBeUndefined();
  });
  test('value buttons in Dari or Sorani digits ("۱", "١") are the value too, typed in either kind of digit', () => {
    const dari = [0, 1, 2, 3].map((n) => ({ label: '۰۱۲۳'[n] as string, action: `signup.children|${n}` }));
    const sorani = [0, 1, 2, 3].map((n) => ({ label: '٠١٢٣'[n] as string, action: `signup.children|${n}` }));
    expect(typedChoice(dari, '1')?.action).toBe('signup.children|1');
    expect(typedChoice(dari, '۲')?.action).toBe('signup.children|2');
    expect(typedChoice(sorani, '1')?.action).toBe('signup.children|1');
    expect(typedChoice(sorani, '9')).toBeUndefined();
  });

  test('at other buttons a number is the position; text presses nothing', () => {
    const menu = [
      { label: 'Aktiviteter', action: 'find.week' },
      { label: 'Tilmeld', action: 'signup.pick' },
    ];
    expect(typedChoice(menu, '2')?.action).toBe('signup.pick');
    expect(typedChoice(menu, 'tilmeld')).toBeUndefined();
  });
});

describe('misspelt names', () => {
  test('edit distance counts a swap as one', () => {
    expect(editDistance('husarvej', 'husavej')).toBe(1);
    expect(editDistance('husarvej', 'huasrvej')).toBe(1);
  });
  test('the one close street is suggested; far or tied names are not', () => {
    const streets = ['Husarvej', 'Rørhaven', 'Gl. Jennumvej', 'Falkevej'];
    expect(closestName('Husavej', streets)).toBe('Husarvej');
    expect(closestName('Rorhavn', streets)).toBe('Rørhaven');
    expect(closestName('Vestergade', streets)).toBeUndefined();
    expect(closestName('Vangdalsparkn', ['Vangdalsparken', 'Vangdalen'])).toBe('Vangdalsparken');
  });
});

describe('ordinary food at the food question', () => {
  test.each<[string, Language]>([
    ['normal mad', 'da'],
    ['vi spiser alt', 'da'],
    ['regular food please', 'en'],
    ['عادي', 'ar'],
    ['كل شي', 'ar'],
    ['caadi', 'so'],
    ['farketmez', 'tr'],
    ['будь-яка', 'uk'],
    ['فرقی نمیکنه', 'fa'],
    ['ئاسایی', 'ckb'],
  ])('%s (%s) asks for nothing special', (text, language) => {
    expect(isOrdinaryFood(text, language)).toBe(true);
  });

  test.each<[string, Language]>([
    ['halal', 'da'],
    ['normal men uden svinekød', 'da'],
    ['عادي بس بدون لحم خنزير', 'ar'],
    ['normal', 'ar'],
  ])('%s (%s) is not only that', (text, language) => {
    expect(isOrdinaryFood(text, language)).toBe(false);
  });
});
