import { matchActivities, matchScore } from '../../src/catalogue/activity-matcher';
import { normalizeText } from '../../src/text/normalize';

const dinner = { id: 'd', aliases: ['fællesspisning', 'spisning', 'fælles spisning', 'communal dinner', 'العشاء الجماعي'].map(normalizeText).join('|') };
const mothers = { id: 'm', aliases: ['boligsociale mødregrupper', 'mødregruppe', 'mothers group'].map(normalizeText).join('|') };
const homework = { id: 'h', aliases: ['lektiehjælp', 'homework club'].map(normalizeText).join('|') };

describe('activity matching by what people type', () => {
  test.each([
    ['fællesspisning', 'd'],
    ['Fælles spisning', 'd'],
    ['faellesspisning', 'd'],
    ['spisning', 'd'],
    ['fællesspisning i dag 34 deltagere', 'd'],
    ['العشاء الجماعي', 'd'],
    ['mødregrupperne', 'm'],
    ['hvordan går det med mødregrupperne?', 'm'],
    ['logged homework club yesterday 12 kids', 'h'],
  ])('%s → %s', (query, id) => {
    expect(matchActivities(query, [dinner, mothers, homework])[0]?.activity.id).toBe(id);
  });

  test('nothing for unrelated or empty text', () => {
    expect(matchActivities('vejret i morgen', [dinner, mothers, homework])).toEqual([]);
    expect(matchActivities('   ', [dinner])).toEqual([]);
    expect(matchScore('🙂', dinner)).toBe(0);
  });

  test('an inflected word meets a compound written apart or its tail, not letters spanning two words', () => {
    const milife = { id: 'x', aliases: ['milife', 'milife for elever i 7 og 8 klasse'].map(normalizeText).join('|') };
    // "registrer levering": "leveri" stands in "elever i" only across the word break, so Milife is not named.
    expect(matchActivities('levering', [dinner, mothers, homework, milife])).toEqual([]);
    expect(matchActivities('fællesspisningen', [milife, dinner])[0]?.activity.id).toBe('d');
    expect(matchActivities('spisningen på torsdag', [milife, { id: 'c', aliases: 'faellesspisning' }])[0]?.activity.id).toBe('c');
  });
});
