import { parseArgs } from '../../src/cli/nlu';
import { MAX_INPUT_CHARS } from '../../src/nlu/text';
import { understand } from '../../src/nlu/reader';
import { INTENTS } from '../../src/nlu/understanding';
import { LANGUAGES } from '../../src/plan-data/plan-file';

const NOW = new Date('2026-11-24T10:00:00Z');

describe('messages that are not really messages', () => {
  test.each(['', '   ', '\n\t', '!!!???', '🙂🙂🙂', '...', '----'])('%j is unknown with no confidence', (text) => {
    for (const l of LANGUAGES) expect(understand(text, l, NOW)).toEqual({ intent: 'unknown', confidence: 0, details: { numbers: [] } });
  });

  test('gibberish is unknown with low confidence', () => {
    const u = understand('asdfgh qwerty', 'da', NOW);
    expect(u.intent).toBe('unknown');
    expect(u.confidence).toBeLessThan(0.5);
  });

  test('emoji answers', () => {
    expect(understand('👍', 'ar', NOW).intent).toBe('yes');
    expect(understand('👎', 'so', NOW).intent).toBe('no');
    expect(understand('🙏', 'uk', NOW).intent).toBe('thanks');
  });
});

describe('robustness', () => {
  // Its speed is measured in the benchmark (npm run bench, tests/bench/nlu-bench.ts), not timed here: what keeps it
  // bounded is the cut, and the cut is what this checks.
  test('a very long message is cut: read as its first MAX_INPUT_CHARS characters', () => {
    const long = `fællesspisning i dag 34 deltagere ${'bla '.repeat(2000)} 99 frivillige`;
    const u = understand(long, 'da', NOW);
    expect(u).toEqual(understand(long.slice(0, MAX_INPUT_CHARS), 'da', NOW));
    expect(u.details.participants).toBe(34);
    expect(u.details.volunteers).toBeUndefined(); // past the cut
    expect(MAX_INPUT_CHARS).toBe(1000);
  });

  test('never throws, and always answers a known intent with confidence 0-1', () => {
    const samples = [
      '?',
      '1/1/1',
      '2022:',
      ':49',
      '٠٠٠',
      'ي',
      'ـــ',
      "''",
      '12345678901234567890',
      'uge',
      'uge 99',
      '31/02',
      'kl',
      'kl 99',
      'الساعة',
      'the the the',
    ];
    let seed = 7;
    const rnd = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const alphabet = 'abcæøå ١٢٣ بتثجح 0123456789/.:,?!-ийїє şğı ێۆڕڵە🙂';
    for (let i = 0; i < 200; i++) samples.push(Array.from({ length: Math.floor(rnd() * 40) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join(''));
    for (const text of samples) {
      for (const l of LANGUAGES) {
        const u = understand(text, l, NOW);
        expect(INTENTS).toContain(u.intent);
        expect(u.confidence).toBeGreaterThanOrEqual(0);
        expect(u.confidence).toBeLessThanOrEqual(1);
        expect(Array.isArray(u.details.numbers)).toBe(true);
      }
    }
  });

  test('punctuation, capitals and missing Danish letters do not matter', () => {
    for (const text of ['FÆLLESSPISNING I DAG: 34 DELTAGERE!!', 'faellesspisning idag 34 deltagere', 'Fællesspisning, i dag, 34 deltagere.']) {
      expect(understand(text, 'da', NOW)).toMatchObject({ intent: 'log_delivery', details: { participants: 34, date: '2026-11-24' } });
    }
  });

  test('Arabic with and without vowel marks reads the same', () => {
    expect(understand('شُكْرًا', 'ar', NOW).intent).toBe('thanks');
    expect(understand('شكرا', 'ar', NOW).intent).toBe('thanks');
  });

  test('mixed scripts: Danish activity words in an Arabic or Somali message', () => {
    expect(understand('اريد التسجيل في fællesspisning يوم الخميس', 'ar', NOW)).toMatchObject({
      intent: 'sign_up',
      details: { activityText: 'fællesspisning', date: '2026-11-26' },
    });
    expect(understand('fællesspisning i dag', 'so', NOW).details.date).toBe('2026-11-24');
  });

  test('a clear command is sure enough for the engine to switch flows (≥ 0.8); a bare word is not', () => {
    expect(understand('menu', 'da', NOW).confidence).toBeGreaterThanOrEqual(0.8);
    expect(understand('jeg vil tilmelde mig fællesspisning på torsdag', 'da', NOW).confidence).toBeGreaterThanOrEqual(0.8);
    expect(understand('fællesspisning i dag 34 deltagere 2 frivillige', 'da', NOW).confidence).toBeGreaterThanOrEqual(0.8);
    expect(understand('torsdag', 'da', NOW).confidence).toBeLessThan(0.8);
    expect(understand('fællesspisning', 'da', NOW).confidence).toBeLessThan(0.8);
  });
});

describe('details', () => {
  test.each([
    ['da', 'kan du skrive på arabisk', 'ar'],
    ['en', 'in English please', 'en'],
    ['ar', 'بالعربية', 'ar'],
    ['so', 'Soomaali', 'so'],
    ['tr', 'Türkçe', 'tr'],
    ['uk', 'українською', 'uk'],
    ['fa', 'فارسی', 'fa'],
    ['ckb', 'کوردی', 'ckb'],
    ['da', 'på dansk', 'da'],
  ] as const)('%s %s → language %s', (l, text, want) => {
    expect(understand(text, l, NOW).details.language).toBe(want);
  });

  test.each([
    ['da', 'hvordan går det i år', 'plan-year'],
    ['en', 'progress this year', 'plan-year'],
    ['da', 'fremdrift for perioden', 'whole-plan'],
    ['da', 'status for hele perioden', 'whole-plan'],
    ['en', 'status whole plan', 'whole-plan'],
    ['da', 'status denne periode', 'reporting-period'],
    ['da', 'leverancemåling for mødregrupper', 'reporting-period'],
    ['da', '4-måneders status', 'reporting-period'],
    ['en', 'progress reporting period', 'reporting-period'],
  ] as const)('%s %s → period %s', (l, text, want) => {
    expect(understand(text, l, NOW).details.period).toBe(want);
  });

  test.each([
    ['da', 'hjælp til budget', 'budget'],
    ['da', 'jeg har gæld', 'debt'],
    ['en', 'rent arrears', 'rent_arrears'],
    ['da', 'husleje restance', 'rent_arrears'],
    ['en', 'housing benefit', 'housing_benefit'],
    ['ar', 'عندي ديون', 'debt'],
  ] as const)('%s %s → topic %s', (l, text, want) => {
    expect(understand(text, l, NOW)).toMatchObject({ intent: 'book_counselling', details: { topic: want } });
  });

  test('diet, audience, address', () => {
    expect(understand('tilmeld mig fællesspisning, halal og vegetar', 'da', NOW).details.dietary).toEqual({ halal: true, vegetarian: true });
    expect(understand('نباتي', 'ar', NOW).details.dietary).toEqual({ vegetarian: true });
    expect(understand('aktiviteter for voksne', 'da', NOW).details.audience).toBe('adults');
    expect(understand('noget for forældre', 'da', NOW).details.audience).toBe('parents');
    expect(understand('my address is Rørhaven 7', 'en', NOW).details.address).toBe('Rørhaven 7');
    expect(understand('jeg bor på Gl. Jennumvej 5', 'da', NOW).details.address).toBe('Gl. Jennumvej 5');
  });

  test('activity text keeps the words that name something', () => {
    expect(understand('hvordan går det med Tryghed og trivsel', 'da', NOW).details.activityText).toBe('Tryghed og trivsel');
    expect(understand('status Kriminalpræventiv indsats', 'da', NOW).details.activityText).toBe('Kriminalpræventiv indsats');
    expect(understand('hvornår er der lektiehjælp?', 'da', NOW).details.activityText).toBe('lektiehjælp');
  });
});

describe('text-message shorthand', () => {
  test('"u", "pls", "2morrow", "tmrw", "wknd" read as the words they stand for', () => {
    expect(understand('pls sign me up 4 dinner tmrw', 'en', NOW).details.date).toBe('2026-11-25');
    expect(understand('anything for kids 2morrow', 'en', NOW).details).toMatchObject({ audience: 'children', date: '2026-11-25' });
    expect(understand('whats goin on this wknd', 'en', NOW).details.dateRange).toEqual({ from: '2026-11-28', to: '2026-11-29' });
    expect(understand('how do u use my data', 'en', NOW).intent).toBe('privacy');
  });
});

describe('npm run nlu arguments', () => {
  test('language, text and now', () => {
    expect(parseArgs(['--lang', 'ar', 'مرحبا', 'بكم'])).toMatchObject({ language: 'ar', text: 'مرحبا بكم' });
    expect(parseArgs(['--lang=en', '--now', '2026-11-24T10:00:00Z', 'hi'])).toMatchObject({ language: 'en', now: NOW, text: 'hi' });
    expect(parseArgs(['hej'])).toMatchObject({ language: 'da', text: 'hej' });
  });
  test('an unknown language lists the languages; no text gives usage', () => {
    expect(parseArgs(['--lang', 'xx', 'hej'])).toEqual({ error: 'unknown language "xx"; the languages are: da, ar, en, so, tr, uk, fa, ckb' });
    expect(parseArgs(['--lang', 'da'])).toEqual({ error: expect.stringContaining('usage:') });
    expect(parseArgs(['--lang'])).toEqual({ error: expect.stringContaining('needs a value') });
    expect(parseArgs(['--now', 'nonsense', 'hej'])).toEqual({ error: expect.stringContaining('--now') });
  });
});
