/**
 * The communal dinner named among other words (src/nlu/dinner.ts namesDinnerAmong): a word that is only
 * the dinner's, with the rest naming no other activity (a place, a day left over, a filler), still means
 * the dinners; a word of another activity beside it ("lektiecafé", "klub") or only a loose word
 * ("food", "mad") does not.
 */
import { understand } from '../../src/nlu/reader';
import type { Language } from '../../src/plan-data/plan-file';

const NOW = new Date('2026-11-24T10:00:00Z');
const read = (text: string, language: Language) => understand(text, language, NOW);

describe('the dinner among other words', () => {
  test.each<[string, Language]>([
    ['fællesspisningen i vangdalsparken på fredag', 'da'],
    ['hvad koster fællesspisning for en familie', 'da'],
    ['في عشا جماعي يوم الجمعة بفانغدالن', 'ar'],
    ['is the community dinner thing on thursday', 'en'],
    ['cashada wadaagga ee nordbyen goorma', 'so'],
  ])('"%s" (%s) is about the dinner', (text, language) => {
    expect(read(text, language).details.category).toBe('dinner');
  });

  test.each<[string, Language]>([
    ['er der mad i lektiecafeen', 'da'],
    ['is there food at the baby cafe', 'en'],
    ['strikkeklub eller fællesspisning', 'da'],
  ])('"%s" (%s) names another activity: not the dinner', (text, language) => {
    expect(read(text, language).details.category).toBeUndefined();
  });
});
