/**
 * The second blind set (tests/nlu/blind2) is only useful if every label can be scored: the intent
 * is one the reader knows, each listed detail is a field of `Details` with a value of the right
 * shape, and dates are calendar dates. This checks the labels, never the reader's answers.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadLabelled } from '../../../src/nlu/evaluation';
import { INTENTS } from '../../../src/nlu/understanding';
import { LANGUAGES } from '../../../src/plan-data/plan-file';

const DIR = __dirname;
const MAIN = ['da', 'ar', 'en'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (v: unknown): boolean => typeof v === 'string' && DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));
const isCount = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 0;

/** Each detail a label may list, with what its value must look like. */
const DETAIL: Record<string, (v: unknown) => boolean> = {
  activityText: (v) => typeof v === 'string' && v.trim() !== '',
  asks: (v) => ['price', 'place', 'audience'].includes(v as string),
  category: (v) => v === 'dinner',
  date: isDate,
  dateRange: (v) => {
    const r = v as { from?: unknown; to?: unknown };
    return typeof v === 'object' && v !== null && Object.keys(r).length === 2 && isDate(r.from) && isDate(r.to) && (r.from as string) <= (r.to as string);
  },
  participants: isCount,
  volunteers: isCount,
  newParticipants: isCount,
  adults: isCount,
  children: isCount,
  audience: (v) => ['children', 'youth', 'parents', 'adults'].includes(v as string),
  address: (v) => typeof v === 'string' && /\d/.test(v),
  period: (v) => ['plan-year', 'reporting-period', 'whole-plan'].includes(v as string),
  topic: (v) => ['budget', 'debt', 'housing_benefit', 'rent_arrears', 'other'].includes(v as string),
  dietary: (v) => {
    const d = v as Record<string, unknown>;
    return (
      typeof v === 'object' &&
      v !== null &&
      Object.keys(d).length > 0 &&
      Object.entries(d).every(([k, x]) => ['halal', 'vegetarian'].includes(k) && typeof x === 'boolean')
    );
  },
  language: (v) => (LANGUAGES as readonly string[]).includes(v as string),
  year: (v) => Number.isInteger(v) && (v as number) >= 2000 && (v as number) <= 2100,
  value: (v) => typeof v === 'number' && Number.isFinite(v),
};

describe('blind set 2 labels', () => {
  it('has one file per language and no other files of sentences', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(LANGUAGES.map((l) => `${l}.json`).sort());
  });

  it.each(LANGUAGES.map((l) => [l]))('%s has enough distinct sentences with valid labels', (language) => {
    const items = loadLabelled(join(DIR, `${language}.json`));
    expect(items.length).toBeGreaterThanOrEqual(MAIN.includes(language) ? 80 : 30);
    const texts = items.map((x) => x.text.trim().toLowerCase());
    expect(texts.filter((t, i) => texts.indexOf(t) !== i)).toEqual([]);
    const bad: string[] = [];
    for (const item of items) {
      if (typeof item.text !== 'string' || item.text.trim() === '') bad.push(`empty text: ${JSON.stringify(item)}`);
      if (!(INTENTS as readonly string[]).includes(item.intent)) bad.push(`${item.text}: intent ${item.intent}`);
      for (const [key, value] of Object.entries(item.details ?? {})) {
        const ok = DETAIL[key];
        if (!ok) bad.push(`${item.text}: unknown detail ${key}`);
        else if (value !== null && !ok(value)) bad.push(`${item.text}: ${key} = ${JSON.stringify(value)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('covers every resident intent in da, ar and en', () => {
    const staff = [
      'log_delivery',
      'undo_delivery',
      'correct_delivery',
      'upcoming_events',
      'kitchen_summary',
      'take_attendance',
      'create_event',
      'create_slots',
      'cancel_event',
      'handovers',
      'broadcast',
      'broadcast_report',
      'progress',
      'register_measurement',
    ];
    const resident = INTENTS.filter((i) => !staff.includes(i));
    for (const l of MAIN) {
      const seen = new Set(loadLabelled(join(DIR, `${l}.json`)).map((x) => x.intent));
      expect([l, resident.filter((i) => !seen.has(i))]).toEqual([l, []]);
    }
  });
});
