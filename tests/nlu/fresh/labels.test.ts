/**
 * The fresh sets (tests/nlu/fresh/<lang>.json, and fresh2/, fresh3/ and fresh4/ for the second, third and fourth rounds) were each written
 * before that round's changes to the reader and measure how it generalises: every sentence must be well formed (a known
 * intent, known details with valid values), large enough per language, and none may repeat a tuning sentence. The third and
 * fourth blind sets (tests/nlu/blind3/ and blind4/<lang>.json, now retired into tuning) and the current one, blind5/, are checked the
 * same way; blind5 (session 11), blind6 (session 12) and blind7 (session 13) are retired into tuning too;
 * the current one, blind8/, stays hidden from `nlu:eval --verbose`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SETS } from '../../../src/cli/nlu-eval';
import { loadLabelled } from '../../../src/nlu/evaluation';
import { INTENTS } from '../../../src/nlu/understanding';
import { LANGUAGES, type Language } from '../../../src/plan-data/plan-file';
import { normalizeText } from '../../../src/text/normalize';

const MIN: Record<'fresh' | 'fresh2' | 'fresh3' | 'fresh4' | 'blind3' | 'blind4' | 'blind5' | 'blind6' | 'blind7' | 'blind8', Record<Language, number>> = {
  fresh: { da: 60, ar: 60, en: 60, so: 30, tr: 30, uk: 30, fa: 30, ckb: 30 },
  fresh2: { da: 70, ar: 70, en: 70, so: 35, tr: 35, uk: 35, fa: 35, ckb: 35 },
  fresh3: { da: 85, ar: 85, en: 85, so: 38, tr: 38, uk: 38, fa: 38, ckb: 38 },
  fresh4: { da: 100, ar: 100, en: 100, so: 45, tr: 45, uk: 45, fa: 45, ckb: 45 },
  blind3: { da: 85, ar: 85, en: 85, so: 38, tr: 38, uk: 38, fa: 38, ckb: 38 },
  blind4: { da: 100, ar: 100, en: 100, so: 45, tr: 45, uk: 45, fa: 45, ckb: 45 },
  blind5: { da: 110, ar: 95, en: 110, so: 45, tr: 45, uk: 36, fa: 45, ckb: 36 },
  blind6: { da: 85, ar: 85, en: 85, so: 35, tr: 35, uk: 30, fa: 35, ckb: 30 },
  blind7: { da: 110, ar: 100, en: 105, so: 40, tr: 40, uk: 35, fa: 40, ckb: 40 },
  blind8: { da: 100, ar: 100, en: 100, so: 40, tr: 30, uk: 30, fa: 45, ckb: 35 },
};
const DETAIL_KEYS = new Set([
  'activityText',
  'asks',
  'category',
  'date',
  'dateRange',
  'participants',
  'volunteers',
  'newParticipants',
  'adults',
  'children',
  'numbers',
  'audience',
  'address',
  'period',
  'topic',
  'dietary',
  'language',
  'year',
  'value',
]);
const ENUMS: Record<string, readonly unknown[]> = {
  asks: ['price', 'place', 'audience'],
  audience: ['children', 'youth', 'parents', 'adults'],
  period: ['plan-year', 'reporting-period', 'whole-plan'],
  topic: ['budget', 'debt', 'housing_benefit', 'rent_arrears', 'other'],
  language: LANGUAGES,
};
const COUNTS = ['participants', 'volunteers', 'newParticipants', 'adults', 'children'];

const isDay = (v: unknown): boolean =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T12:00:00Z`).toISOString().slice(0, 10) === v;

/** What is wrong with one labelled sentence, if anything. */
function problemsOf(item: { text: unknown; intent: unknown; details?: Record<string, unknown> }): string[] {
  const out: string[] = [];
  if (typeof item.text !== 'string') out.push('text is not a string');
  if (!(INTENTS as readonly unknown[]).includes(item.intent)) out.push(`unknown intent ${String(item.intent)}`);
  for (const [key, value] of Object.entries(item.details ?? {})) {
    if (!DETAIL_KEYS.has(key)) out.push(`unknown detail ${key}`);
    if (value === null) continue;
    if (key === 'date' && !isDay(value)) out.push(`bad date ${String(value)}`);
    if (key === 'dateRange') {
      const r = value as { from?: unknown; to?: unknown };
      if (!isDay(r.from) || !isDay(r.to) || (r.from as string) > (r.to as string)) out.push(`bad range ${JSON.stringify(value)}`);
    }
    if (ENUMS[key] && !ENUMS[key].includes(value)) out.push(`bad ${key} ${String(value)}`);
    if (COUNTS.includes(key) && !(Number.isInteger(value) && (value as number) > 0)) out.push(`bad ${key} ${String(value)}`);
  }
  return out;
}

describe('the fresh labelled sets', () => {
  it('are scored by nlu:eval between the tuning and the blind sets; only the current blind set is kept out of --verbose', () => {
    expect(SETS.map((s) => s.name)).toEqual(['tuning', 'fresh', 'fresh2', 'fresh3', 'fresh4', 'blind', 'blind2', 'blind3', 'blind4', 'blind5', 'blind6', 'blind7', 'blind8']);
    expect(SETS.filter((s) => s.hidden).map((s) => s.name)).toEqual(['blind8']);
  });

  describe.each(['fresh', 'fresh2', 'fresh3', 'fresh4', 'blind3', 'blind4', 'blind5', 'blind6', 'blind7', 'blind8'] as const)('%s', (name) => {
    const set = SETS.find((s) => s.name === name);

    it.each(LANGUAGES)('%s: well formed, big enough, and no tuning sentence', (l) => {
      const file = set?.file(l) as string;
      expect(file).toMatch(new RegExp(`tests[\\\\/]nlu[\\\\/]${name}[\\\\/]${l}\\.json$`));
      const items = loadLabelled(file);
      expect(items.length).toBeGreaterThanOrEqual(MIN[name][l]);
      expect(items.flatMap((i) => problemsOf(i).map((p) => `${JSON.stringify(i.text)}: ${p}`))).toEqual([]);
      const texts = items.map((i) => normalizeText(i.text));
      expect(texts.filter((t, i) => texts.indexOf(t) !== i)).toEqual([]);
      const tuning = new Set(
        (JSON.parse(readFileSync(join(__dirname, '..', `${l}.json`), 'utf8')) as { text: string }[]).map((i) => normalizeText(i.text)),
      );
      expect(texts.filter((t) => tuning.has(t))).toEqual([]);
    });
  });
});
