/**
 * "mandag i stedet for onsdag" (src/nlu/instead.ts): of two days, the one "instead of" points at is given up.
 */
import { understand } from '../../src/nlu/reader';

const NOW = new Date('2026-11-24T10:00:00Z');

describe('"instead of" gives a day up', () => {
  test.each([
    ['da', 'kan vi tage mandag i stedet for onsdag', '2026-11-30'],
    ['en', 'could we do monday instead of wednesday', '2026-11-30'],
    ['ar', 'ممكن موعدي الاثنين بدل الاربعاء', '2026-11-30'],
    ['tr', 'randevum çarşamba yerine pazartesi olsun', '2026-11-30'],
    ['uk', 'перенесіть мій запис на понеділок замість середи', '2026-11-30'],
  ] as const)('%s: "%s" asks for %s', (language, text, date) => {
    expect(understand(text, language, NOW).details.date).toBe(date);
  });
});
