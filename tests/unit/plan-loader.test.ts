/**
 * parsePlan / loadPlanFile / planFilesIn: what a plan file must look like, and that every problem
 * names where it is, so whoever edits a plan file can find it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PlanFile } from '../../src/plan-data/plan-file';
import { loadPlanFile, parsePlan, PlanFileError, planFilesIn } from '../../src/plan-data/plan-loader';

/** The smallest plan the schema accepts. */
function minimal() {
  return {
    key: 'test-plan',
    name: 'Testplan',
    sources: ['tests/unit/plan-loader.test.ts'],
    startDate: '2024-06-01',
    endDate: '2028-05-31',
    focusAreas: [{ key: 'tryghed', name: 'Tryghed og trivsel' }],
  };
}

type Loose = { key: string; [field: string]: unknown };

function activity(key: string, extra: Record<string, unknown> = {}): Loose {
  return { key, name: `Aktivitet ${key}`, category: 'community', purpose: 'Et formål.', ...extra };
}

/** A copy without one field. */
function without<T extends object>(value: T, field: keyof T): Partial<T> {
  const copy: Partial<T> = { ...value };
  delete copy[field];
  return copy;
}

function targetOf(extra: Record<string, unknown> = {}) {
  return { key: 'antal', text: '5 forløb årligt', kind: 'event_count', perYear: 5, wholePeriod: 20, unit: 'forløb', dataSource: 'Egen måling', ...extra };
}

/** A fuller valid plan: two areas with rules, a location, activities with a sub-activity and targets, a delivery. */
function fuller() {
  return {
    ...minimal(),
    housingAreas: [
      { key: 'gl-jennumparken', name: 'Gl. Jennumparken', streetRules: [{ street: 'Husarvej', parity: 'even', from: 2, to: 40 }] },
      { key: 'vangdalsparken', name: 'Vangdalsparken', streetRules: [{ street: 'Rørhaven' }] },
    ],
    locations: [{ key: 'parkcafeen', name: 'ParkCafeen', address: 'Flyvervej 5, Randers', housingArea: 'gl-jennumparken' }],
    focusAreas: [
      {
        key: 'tryghed',
        name: 'Tryghed og trivsel',
        activities: [activity('naboskab', { targets: [targetOf()], subActivities: [activity('faellesspisning')] }), activity('branding')],
      },
    ],
    historicalDeliveries: [{ activity: 'faellesspisning', date: '2024-12-31', occurrences: 11, participants: 374, note: 'Årsrapport' }],
  };
}

/** The problems parsePlan reports for this data, or [] when it accepts it. */
function problems(data: unknown): string[] {
  try {
    parsePlan(data, 'test.json');
    return [];
  } catch (err) {
    if (!(err instanceof PlanFileError)) throw err;
    return err.problems;
  }
}

/** Asserts parsePlan rejects the data with a problem that matches. */
function expectProblem(data: unknown, pattern: RegExp): void {
  const found = problems(data);
  expect(found.length).toBeGreaterThan(0);
  expect(found).toEqual(expect.arrayContaining([expect.stringMatching(pattern)]));
}

describe('parsePlan accepts', () => {
  test('a minimal plan, filling in the defaults', () => {
    const plan: PlanFile = parsePlan(minimal(), 'minimal.json');
    expect(plan).toMatchObject({
      key: 'test-plan',
      planYearStartMonth: 6,
      goals: [],
      housingAreas: [],
      locations: [],
      historicalDeliveries: [],
    });
    expect(plan.focusAreas[0]).toMatchObject({ key: 'tryghed', goals: [], indicators: [], activities: [] });
  });

  test('a fuller plan, with defaults inside: parity all, delivery kind event, empty lists', () => {
    const plan = parsePlan(fuller());
    expect(plan.housingAreas[1]!.streetRules[0]).toEqual({ street: 'Rørhaven', parity: 'all' });
    expect(plan.historicalDeliveries[0]).toMatchObject({ kind: 'event', occurrences: 11, participants: 374 });
    const naboskab = plan.focusAreas[0]!.activities[0]!;
    expect(naboskab).toMatchObject({ aliases: [], responsible: [], partners: [], signupRequired: false, titles: {}, summaries: {} });
    expect(naboskab.subActivities[0]).toMatchObject({ key: 'faellesspisning', targets: [] });
  });

  test('a plan that ends the day after it starts', () => {
    expect(problems({ ...minimal(), startDate: '2024-06-01', endDate: '2024-06-02' })).toEqual([]);
  });

  test('the same target key in two different activities', () => {
    const data = fuller();
    data.focusAreas[0]!.activities[1] = activity('branding', { targets: [targetOf()] });
    expect(problems(data)).toEqual([]);
  });
});

describe('parsePlan rejects, naming the offending path or key', () => {
  test('an empty object: every required field is named', () => {
    const found = problems({});
    for (const field of ['key', 'name', 'sources', 'startDate', 'endDate', 'focusAreas']) {
      expect(found).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^${field}: `))]));
    }
  });

  test('a missing name', () => {
    expect(problems(without(minimal(), 'name'))).toEqual(['name: Invalid input: expected string, received undefined']);
  });

  test('no sources and no focus areas', () => {
    expectProblem({ ...minimal(), sources: [] }, /^sources: /);
    expectProblem({ ...minimal(), focusAreas: [] }, /^focusAreas: /);
  });

  test('a missing field deep inside: an activity without a purpose', () => {
    const data = fuller();
    data.focusAreas[0]!.activities[1] = without(activity('branding'), 'purpose') as Loose;
    expectProblem(data, /^focusAreas\.0\.activities\.1\.purpose: /);
  });

  test.each([['2024-6-1'], ['01.06.2024'], ['2024/06/01'], ['juni 2024']])('a start date written %s', (date) => {
    expectProblem({ ...minimal(), startDate: date }, /^startDate: dates are written YYYY-MM-DD$/);
  });

  // The end-after-start check compares the raw strings even when a date is malformed, so "juni 2024" (which sorts
  // after "2028-…") also reports "(root): the plan must end after it starts" – a second, misleading problem.
  // The end-before-start check skips malformed dates.
  test('a malformed start date is reported once, without a misleading end-before-start', () => {
    expect(problems({ ...minimal(), startDate: 'juni 2024' })).toEqual(['startDate: dates are written YYYY-MM-DD']);
  });

  test('a bad date in a historical delivery', () => {
    const data = fuller();
    data.historicalDeliveries[0]!.date = '31-12-2024';
    expectProblem(data, /^historicalDeliveries\.0\.date: dates are written YYYY-MM-DD$/);
  });

  test('an end before the start', () => {
    expect(problems({ ...minimal(), startDate: '2028-05-31', endDate: '2024-06-01' })).toEqual(['endDate: the plan must end after it starts']);
  });

  test('an end on the start day', () => {
    expectProblem({ ...minimal(), startDate: '2024-06-01', endDate: '2024-06-01' }, /the plan must end after it starts/);
  });

  // The message says what is wrong but is filed under "(root)", not under the field to fix: the refine in
  // plan-file.ts names endDate as the offending path.
  test('an end before the start is reported under endDate', () => {
    expectProblem({ ...minimal(), startDate: '2028-05-31', endDate: '2024-06-01' }, /^endDate: /);
  });

  test('two activities with one key, also when one is a sub-activity', () => {
    const data = fuller();
    data.focusAreas[0]!.activities[1] = activity('faellesspisning');
    expect(problems(data)).toEqual(['activity key "faellesspisning" is used twice']);
  });

  test('two activities with one key in different focus areas', () => {
    const data = fuller();
    data.focusAreas.push({ key: 'andet', name: 'Andet', activities: [activity('branding')] });
    expect(problems(data)).toEqual(['activity key "branding" is used twice']);
  });

  test('two targets with one key in one activity', () => {
    const data = fuller();
    data.focusAreas[0]!.activities[0]!.targets = [targetOf(), targetOf({ text: 'Et andet mål' })];
    expect(problems(data)).toEqual(['activity "naboskab" has two targets with one key']);
  });

  test('a target with a kind the schema does not know', () => {
    const data = fuller();
    data.focusAreas[0]!.activities[0]!.targets = [targetOf({ kind: 'satisfaction' })];
    expectProblem(data, /^focusAreas\.0\.activities\.0\.targets\.0\.kind: /);
  });

  test('a target with a negative number', () => {
    const data = fuller();
    data.focusAreas[0]!.activities[0]!.targets = [targetOf({ perYear: -5 })];
    expectProblem(data, /^focusAreas\.0\.activities\.0\.targets\.0\.perYear: /);
  });

  test('a street rule with from > to', () => {
    const data = fuller();
    data.housingAreas[0]!.streetRules = [{ street: 'Husarvej', parity: 'even', from: 40, to: 2 }];
    expect(problems(data)).toEqual(['housingAreas.0.streetRules.0: from must be ≤ to']);
  });

  test('a street rule with from but no to', () => {
    const data = fuller();
    data.housingAreas[0]!.streetRules = [{ street: 'Husarvej', from: 2 } as never];
    expect(problems(data)).toEqual(['housingAreas.0.streetRules.0: from and to go together']);
  });

  test('a street rule with an unknown parity', () => {
    const data = fuller();
    data.housingAreas[1]!.streetRules = [{ street: 'Rørhaven', parity: 'uneven' } as never];
    expectProblem(data, /^housingAreas\.1\.streetRules\.0\.parity: /);
  });

  test('a location naming an unknown housing area', () => {
    const data = fuller();
    data.locations[0]!.housingArea = 'glarbjergvej';
    expect(problems(data)).toEqual(['location "parkcafeen" names unknown housing area "glarbjergvej"']);
  });

  test('a historical delivery for an unknown activity', () => {
    const data = fuller();
    data.historicalDeliveries[0]!.activity = 'fællesspisning-2';
    expectProblem(data, /^historicalDeliveries\.0\.activity: keys are lower-case words joined by hyphens$/);
    data.historicalDeliveries[0]!.activity = 'spisning';
    expect(problems(data)).toEqual(['historicalDeliveries.0: unknown activity "spisning"']);
  });

  test('a historical delivery dated before the plan starts', () => {
    const data = fuller();
    data.historicalDeliveries[0]!.date = '2024-05-31';
    expect(problems(data)).toEqual(['historicalDeliveries.0: date 2024-05-31 is before the plan starts']);
  });

  test.each([['Test Plan'], ['test_plan'], ['test--plan'], ['-test'], ['fællesspisning']])('a key written %j', (key) => {
    expect(problems({ ...minimal(), key })).toEqual(['key: keys are lower-case words joined by hyphens']);
  });

  test('several problems at once are all listed', () => {
    const data = fuller();
    data.locations[0]!.housingArea = 'nowhere';
    data.historicalDeliveries[0]!.activity = 'nothing';
    data.focusAreas[0]!.activities[1] = activity('naboskab');
    expect(problems(data).sort()).toEqual(
      [
        'activity key "naboskab" is used twice',
        'location "parkcafeen" names unknown housing area "nowhere"',
        'historicalDeliveries.0: unknown activity "nothing"',
      ].sort(),
    );
  });

  test('the error names the file and lists every problem', () => {
    const data = fuller();
    data.locations[0]!.housingArea = 'nowhere';
    try {
      parsePlan(data, '/some/dir/randers.json');
      throw new Error('parsePlan accepted a bad plan');
    } catch (err) {
      expect(err).toBeInstanceOf(PlanFileError);
      const e = err as PlanFileError;
      expect(e.name).toBe('PlanFileError');
      expect(e.file).toBe('/some/dir/randers.json');
      expect(e.message).toBe('randers.json is not a valid plan file:\n  - location "parkcafeen" names unknown housing area "nowhere"');
    }
  });

  // Keys that the importer upserts by (plan, key) are not checked for duplicates: two housing areas with one key
  // make the second overwrite the first and delete its street rules; two focus areas or locations with one key
  // merge silently, so parsePlan refuses them.
  test('two housing areas with one key', () => {
    const data = fuller();
    data.housingAreas[1]!.key = 'gl-jennumparken';
    expect(problems(data)).toEqual(expect.arrayContaining([expect.stringMatching(/gl-jennumparken/)]));
  });

  test('two focus areas with one key', () => {
    const data = fuller();
    data.focusAreas.push({ key: 'tryghed', name: 'Tryghed igen', activities: [] });
    expect(problems(data)).toEqual(expect.arrayContaining([expect.stringMatching(/tryghed/)]));
  });

  test('two locations with one key', () => {
    const data = fuller();
    data.locations.push({ key: 'parkcafeen', name: 'ParkCafeen 2', address: 'Et andet sted', housingArea: 'vangdalsparken' });
    expect(problems(data)).toEqual(expect.arrayContaining([expect.stringMatching(/parkcafeen/)]));
  });

  test('two indicators with one key in a focus area', () => {
    const data = fuller();
    const ind = { key: 'klagesager', name: 'Klagesager', target: { text: 'Færre' }, dataSource: 'RandersBolig', direction: 'lower' };
    (data.focusAreas[0] as Record<string, unknown>).indicators = [ind, { ...ind, name: 'Klagesager igen' }];
    expect(problems(data)).toEqual(expect.arrayContaining([expect.stringMatching(/klagesager/)]));
  });
});

describe('loadPlanFile and planFilesIn', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nabo-plans-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('loads a valid file', () => {
    const file = join(dir, 'a.json');
    writeFileSync(file, JSON.stringify(fuller()));
    expect(loadPlanFile(file).key).toBe('test-plan');
  });

  test('a file that is not JSON is a PlanFileError naming the file', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ "key": "test-plan", ');
    expect(() => loadPlanFile(file)).toThrow(PlanFileError);
    try {
      loadPlanFile(file);
    } catch (err) {
      expect((err as PlanFileError).file).toBe(file);
      expect((err as PlanFileError).problems).toEqual([expect.stringMatching(/^cannot read JSON: /)]);
      expect((err as Error).message).toMatch(/^broken\.json is not a valid plan file:/);
    }
  });

  test('a missing file is a PlanFileError, not a crash', () => {
    expect(() => loadPlanFile(join(dir, 'missing.json'))).toThrow(PlanFileError);
  });

  test('an invalid plan in a file reports the file and its problems', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ ...minimal(), startDate: '2024-6-1' }));
    expect(() => loadPlanFile(file)).toThrow(/bad\.json is not a valid plan file:\n {2}- startDate: dates are written YYYY-MM-DD/);
  });

  test('planFilesIn lists the .json files of a folder in name order, with their paths', () => {
    for (const f of ['b.json', 'a.json', 'notes.txt', 'c.json.bak', 'c.json']) writeFileSync(join(dir, f), '{}');
    expect(planFilesIn(dir)).toEqual([join(dir, 'a.json'), join(dir, 'b.json'), join(dir, 'c.json')]);
  });

  test('planFilesIn of an empty folder is empty', () => {
    expect(planFilesIn(dir)).toEqual([]);
  });
});

describe('prices and the glossary', () => {
  test('prices in whole kroner (0 = free) and a glossary with some languages are accepted', () => {
    const data = { ...fuller(), glossary: { Beboere: { ar: 'السكان', en: 'Residents' } } };
    data.focusAreas[0]!.activities[0] = activity('naboskab', { priceAdults: 20, priceChildren: 0, subActivities: [activity('faellesspisning')] });
    const plan = parsePlan(data);
    expect(plan.focusAreas[0]?.activities[0]).toMatchObject({ priceAdults: 20, priceChildren: 0 });
    expect(plan.focusAreas[0]?.activities[1]?.priceAdults).toBeUndefined();
    expect(plan.glossary).toEqual({ Beboere: { ar: 'السكان', en: 'Residents' } });
    expect(parsePlan(minimal()).glossary).toEqual({});
  });

  test.each([
    [-10, 'priceAdults cannot be negative (0 = free)'],
    [12.5, 'priceAdults is whole kroner (no øre)'],
    ['20 kr.', 'priceAdults is a number of kroner'],
  ])('a price of %p', (price, message) => {
    const data = fuller();
    data.focusAreas[0]!.activities[1] = activity('branding', { priceAdults: price });
    expect(problems(data)).toEqual([`focusAreas.0.activities.1.priceAdults: ${message}`]);
  });

  test.each([
    [{ Beboere: { xx: 'x' } }, 'glossary.Beboere: unknown language "xx"; use ar, en, so, tr, uk, fa, ckb (the Danish text is the key)'],
    [{ Beboere: { ar: '  ' } }, 'glossary.Beboere.ar: a translation may not be empty'],
    [{ Beboere: 'السكان' }, 'glossary.Beboere: a glossary entry is an object of translations, e.g. { "ar": "…", "en": "…" }'],
    [{ Beboere: {} }, 'glossary.Beboere: a glossary entry needs at least one translation'],
    [{ ' ': { ar: 'السكان' } }, 'glossary. : a glossary entry needs its Danish text as the key, not an empty one'],
  ])('a malformed glossary %j is rejected with a clear message', (glossary, message) => {
    expect(problems({ ...minimal(), glossary })).toEqual(expect.arrayContaining([message]));
  });
});
