/**
 * The shipped plan data (prisma/plans/*.json) against the documents it was extracted from, number
 * for number. The documents live outside the repository, so this is not part of `npm test`:
 * `npm run plan:verify -- DIR` runs it with DIR (for example ../shared/seeds) as NABO_SEEDS_DIR. Every number asserted here is quoted from the document, and
 * the quote itself is checked to be in the document, so a comment cannot drift from the source.
 *
 * Documents:
 *   000 – Bysekretariatet, årsrapport 2013 (plan 2013-17, May-Dec 2013)
 *   001 – Helhedsplan for Randers Nordby 2017-21 (the full plan)
 *   003 – Bysekretariatet, årsrapport 2014 (plan 2013-17)
 *   004 – web page on the plans 2009-25 (the 2021-25 plan)
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config/config';
import type { ActivityInput, DeliveryKind, PlanFile, SubActivityInput, TargetInput, TargetKind } from '../../src/plan-data/plan-file';
import { loadPlanFile, planFilesIn } from '../../src/plan-data/plan-loader';

const PLAN_DIR = join(PROJECT_ROOT, 'prisma', 'plans');
const SEEDS = process.env.NABO_SEEDS_DIR ?? '';
if (!SEEDS || !existsSync(SEEDS)) throw new Error(`NABO_SEEDS_DIR must name the folder of plan documents (got "${SEEDS}"); run npm run plan:verify -- DIR`);

const DOC_2013 = '000_324282358b038286.txt';
const DOC_2017 = '001_49da9f1d2f304679.txt';
const DOC_2014 = '003_d2d4846d759e7a0b.txt';
const DOC_WEB = '004_36149e888fd0efb1.txt';

// ---------------------------------------------------------------------------------------------
// Documents and the normaliser
// ---------------------------------------------------------------------------------------------

const rawDocs = new Map<string, string>();
function rawDoc(file: string): string {
  let text = rawDocs.get(file);
  if (text === undefined) {
    text = readFileSync(join(SEEDS, file), 'utf8');
    rawDocs.set(file, text);
  }
  return text;
}

/** Running page headers of the PDFs ("H E L H E D S P L A N  R A N D E R S …", "BYSEKRETARIATET ÅRSRAPPORT 2013 side 6"). */
const PAGE_HEADER = /^\s*(?:H E L H E D S P L A N\b|BYSEKRETARIATET ÅRSRAPPORT \d{4}\s+side\s+\d+)/;

/** Words after which a line-end hyphen is a suspended compound ("social- og miljøbetingede"), not a split word. */
const KEEPS_HYPHEN = new Set(['og', 'eller', 'samt', 'til']);

/**
 * Text as compared: page headers dropped, words split over a line end rejoined ("be-\nboerne" →
 * "beboerne", "NUSSA-\nforløb" → "NUSSA-forløb", "tale- \nog" → "tale- og"), whitespace collapsed and
 * no space before closing punctuation ("ungdomsuddannelse , skal" → "ungdomsuddannelse, skal").
 */
function normalise(text: string): string {
  return text
    .split('\n')
    .filter((line) => !PAGE_HEADER.test(line))
    .join('\n')
    .replace(/(\p{L})-[ \t]*\n\s*(\p{L}+)/gu, (_m, before: string, word: string) => {
      if (KEEPS_HYPHEN.has(word.toLowerCase())) return `${before}- ${word}`;
      // "UU-\nvejledning", "NUSSA-\nforløb": a hyphen after a capital is part of the word.
      if (/\p{Lu}/u.test(before) || /^\p{Lu}/u.test(word)) return `${before}-${word}`;
      return `${before}${word}`;
    })
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:)])/g, '$1')
    .replace(/\(\s+/g, '(')
    .trim();
}

const normalisedDocs = new Map<string, string>();
function doc(file: string): string {
  let text = normalisedDocs.get(file);
  if (text === undefined) {
    text = normalise(rawDoc(file));
    normalisedDocs.set(file, text);
  }
  return text;
}

/**
 * The document with a table's right-hand column taken out. The PDF of 001 prints the
 * succeskriterier tables row by row, so the "Datakilde" column lands at the end of each line of the
 * criterion: "Der skabes kontakt til 80 unikke børn om året svarende til 320 unikke Egen måling og
 * leverance\n børn/unge i hele …". Removing, at each line end, the longest run of words that is a
 * run of words of the criterion's own data source restores the criterion's text. Nothing else is
 * removed, so a paraphrased criterion still fails to match.
 */
function withoutColumn(file: string, column: string): string {
  // Words compare without trailing punctuation: the data writes "UUR og fremskudt rådgiver: Selvevalueringsskema …"
  // where the PDF cell reads "UUR og fremskudt rådgiver" / "Selvevalueringsskema …".
  const bare = (w: string) => w.replace(/[:.,;]+$/, '');
  const col = column.split(/\s+/).filter(Boolean).map(bare);
  const isRunOfColumn = (words: string[]): boolean => {
    for (let i = 0; i + words.length <= col.length; i++) {
      if (words.every((w, j) => bare(w) === col[i + j])) return true;
    }
    return false;
  };
  const lines = rawDoc(file)
    .split('\n')
    .map((line) => {
      const words = line.trim().split(/\s+/).filter(Boolean);
      let k = 0;
      while (k < words.length && isRunOfColumn(words.slice(words.length - k - 1))) k++;
      return k === 0 ? line : words.slice(0, words.length - k).join(' ');
    });
  return normalise(lines.join('\n'));
}

/** Asserts the document says this (after normalising both), so a quoted line cannot drift from its source. */
function expectQuote(file: string, quote: string): void {
  const q = normalise(quote);
  if (!doc(file).includes(q)) throw new Error(`${file} does not contain the quote:\n  "${q}"`);
}

// ---------------------------------------------------------------------------------------------
// Plans
// ---------------------------------------------------------------------------------------------

const plans = new Map<string, PlanFile>();
function plan(period: '2013-17' | '2017-21' | '2021-25'): PlanFile {
  let p = plans.get(period);
  if (!p) {
    p = loadPlanFile(join(PLAN_DIR, `randers-nordby-${period}.json`));
    plans.set(period, p);
  }
  return p;
}

type AnyActivity = (ActivityInput | SubActivityInput) & { focusArea: string; parent: string | null };

function activities(p: PlanFile): AnyActivity[] {
  return p.focusAreas.flatMap((fa) =>
    fa.activities.flatMap((a) => [{ ...a, focusArea: fa.key, parent: null }, ...a.subActivities.map((s) => ({ ...s, focusArea: fa.key, parent: a.key }))]),
  );
}

function activity(p: PlanFile, key: string): AnyActivity {
  const a = activities(p).find((x) => x.key === key);
  if (!a) throw new Error(`${p.key} has no activity "${key}"`);
  return a;
}

function target(p: PlanFile, activityKey: string, key: string): TargetInput {
  const t = activity(p, activityKey).targets.find((x) => x.key === key);
  if (!t) throw new Error(`${p.key}: activity "${activityKey}" has no target "${key}"`);
  return t;
}

function indicator(p: PlanFile, key: string) {
  for (const fa of p.focusAreas) {
    const i = fa.indicators.find((x) => x.key === key);
    if (i) return { ...i, focusArea: fa.key };
  }
  throw new Error(`${p.key} has no indicator "${key}"`);
}

function focusArea(p: PlanFile, key: string) {
  const fa = p.focusAreas.find((x) => x.key === key);
  if (!fa) throw new Error(`${p.key} has no focus area "${key}"`);
  return fa;
}

/** Every string in a value, with its path. */
function strings(value: unknown, path = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

// ---------------------------------------------------------------------------------------------
// Every file
// ---------------------------------------------------------------------------------------------

describe('the plan files', () => {
  const files = planFilesIn(PLAN_DIR);

  test('prisma/plans holds the three Randers Nordby plans', () => {
    expect(files.map((f) => basename(f))).toEqual(['randers-nordby-2013-17.json', 'randers-nordby-2017-21.json', 'randers-nordby-2021-25.json']);
  });

  test.each(files.map((f) => [basename(f), f]))('%s loads and validates', (_name, file) => {
    expect(() => loadPlanFile(file)).not.toThrow();
  });

  test.each(files.map((f) => [basename(f), f]))('%s names only documents that exist in the seeds', (_name, file) => {
    const p = loadPlanFile(file);
    expect(p.sources.length).toBeGreaterThan(0);
    for (const s of p.sources) expect(existsSync(join(SEEDS, s))).toBe(true);
  });

  describe.each(files.map((f) => [basename(f), f]))('%s: keys are unique', (_name, file) => {
    const p = () => loadPlanFile(file);
    const dupes = (keys: string[]) => keys.filter((k, i) => keys.indexOf(k) !== i);

    test('housing areas, locations, focus areas', () => {
      expect(dupes(p().housingAreas.map((h) => h.key))).toEqual([]);
      expect(dupes(p().locations.map((l) => l.key))).toEqual([]);
      expect(dupes(p().focusAreas.map((f) => f.key))).toEqual([]);
    });

    test('indicators, across the plan', () => {
      expect(dupes(p().focusAreas.flatMap((f) => f.indicators.map((i) => i.key)))).toEqual([]);
    });

    test('activities and sub-activities, across the plan', () => {
      expect(dupes(activities(p()).map((a) => a.key))).toEqual([]);
    });

    test('targets, across the plan', () => {
      expect(dupes(activities(p()).flatMap((a) => a.targets.map((t) => t.key)))).toEqual([]);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// No people in the data
// ---------------------------------------------------------------------------------------------

/** People named in the documents (staff, partners, quoted residents). None belongs in the data. */
const PEOPLE = [
  // 001: bestyrelse, styregruppe, aftalens parter, ansvar, beredskabsplan
  'Louise Hou Kragh',
  'Kenneth Taylor Hansen',
  'Peder Petersen',
  'Peter Pedersen',
  'Karin Jensen',
  'Peter Larsen',
  'Claus Hansen',
  'Lene Gorm Jørgensen',
  'Morten Skivild',
  'Maria Virhøj Madsen',
  'Henrik Johansen',
  'Bjarne Jørgensen',
  'Pia Bendtzen',
  'Bent Raun',
  'Ann Hermansen',
  'Dorte Brøns',
  'Lene Jensen',
  'Lene Byrialsen',
  'Anne Lise Buus Nielsen',
  'Martin Hyldgaard',
  'Allan Aarslev',
  'Niels Jørgensen',
  'Else-Marie Revsbeck',
  'Pia Hesselvig',
  'Michael Maaløe',
  'Ole Andersen',
  'Vibeke Leensbak',
  'Elsebeth Andersen',
  'Peter Nellemann',
  'Kristian Bro Jensen',
  'Rikke Karlov Jørgensen',
  'Helle Jantzen',
  'Karina Brøndum',
  'Marlene Schaap-Kristensen',
  // 000 and 003: speakers, ministers
  'Knud Hansen',
  'Anette Wilhelmsen',
  'Marianne Jelved',
  'Halime',
  'Zarghuna',
  'Winni',
  'Abdi Rahman',
  'Naley',
  'Maihan',
];
/** Phone numbers as the documents write them: "20218240", "4214 8600", "89122924/20758355". */
const PHONE = /(?<!\d)(?:\d{8}|\d{4} \d{4}|\d{2} \d{2} \d{2} \d{2})(?!\d)|\btlf\b|\btelefon|\bmobil\b|@/i;

describe.each(['2013-17', '2017-21', '2021-25'] as const)('plan %s: no personal data', (period) => {
  test('responsible and partners are roles and organisations: no names, no phone numbers', () => {
    for (const a of activities(plan(period))) {
      for (const who of [...a.responsible, ...a.partners]) {
        expect({ activity: a.key, who, phone: PHONE.test(who) }).toEqual({ activity: a.key, who, phone: false });
        for (const name of PEOPLE) expect({ activity: a.key, who, name, named: who.includes(name) }).toMatchObject({ named: false });
      }
    }
  });

  test('no person named in the documents appears anywhere in the file', () => {
    const found = strings(plan(period))
      .filter(([path]) => path !== 'sources' && !path.startsWith('sources['))
      .flatMap(([path, s]) => PEOPLE.filter((n) => new RegExp(`(?<!\\p{L})${n}(?!\\p{L})`, 'u').test(s)).map((n) => `${path}: ${n}`));
    expect(found).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Translations
// ---------------------------------------------------------------------------------------------

const TITLE_LANGUAGES = ['en', 'ar', 'so', 'tr', 'uk', 'fa', 'ckb'] as const;
const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/;
const CYRILLIC = /[\u0400-\u04FF]/;
/**
 * Activities whose title may equal the Danish name in a language because the name is a proper name
 * that is not translated. Empty: every title currently carries a translated description. Add
 * "<plan>/<activity>/<lang>" entries here only for real proper names.
 */
const TITLE_SAME_AS_DANISH_ALLOWED = new Set<string>([]);

describe.each(['2013-17', '2017-21'] as const)('plan %s: titles', (period) => {
  test('every activity and sub-activity has a title in en, ar, so, tr, uk, fa and ckb', () => {
    const missing = activities(plan(period)).flatMap((a) => TITLE_LANGUAGES.filter((l) => !a.titles[l]?.trim()).map((l) => `${a.key}/${l}`));
    expect(missing).toEqual([]);
  });

  test('no title just repeats the Danish name', () => {
    const same = activities(plan(period)).flatMap((a) =>
      TITLE_LANGUAGES.filter((l) => a.titles[l]?.trim().toLowerCase() === a.name.trim().toLowerCase())
        .map((l) => `${period}/${a.key}/${l}`)
        .filter((k) => !TITLE_SAME_AS_DANISH_ALLOWED.has(k)),
    );
    expect(same).toEqual([]);
  });

  test('Arabic, Persian and Sorani titles are in Arabic script, Ukrainian in Cyrillic', () => {
    const wrong = activities(plan(period)).flatMap((a) => [
      ...(['ar', 'fa', 'ckb'] as const).filter((l) => !ARABIC_SCRIPT.test(a.titles[l] ?? '')).map((l) => `${a.key}/${l}`),
      ...(CYRILLIC.test(a.titles.uk ?? '') ? [] : [`${a.key}/uk`]),
    ]);
    expect(wrong).toEqual([]);
  });
});

/**
 * Plan texts residents see beyond titles: target groups, the first contact role (the one shown)
 * and places. Places that are proper names (a street address, a building's own name) need no
 * translation; every other one must be in the glossary in all seven languages.
 */
const PROPER_PLACE_NAMES = new Set([
  'ParkCafeen',
  'Vangdalen',
  'Nørrevangsskolen',
  'Flyvervej 5, Randers',
  'Vangdalsparken, Randers',
  'Nordre Fælled, Randers',
  'Nørrevangsskolen, Randers',
]);
/** Counsellor labels of the counselling slots (the demo calendar's and staff's choices), shown to residents. */
const COUNSELLOR_LABELS = ['Boligsocial medarbejder', 'BRF Kredit'];

function residentTexts(p: PlanFile): string[] {
  const texts = activities(p).flatMap((a) => [...a.targetGroups.map((g) => g.label), ...a.responsible.slice(0, 1)]);
  const places = p.locations.flatMap((l) => [l.name, l.address]).filter((t) => !PROPER_PLACE_NAMES.has(t));
  return [...new Set([...texts, ...places])];
}

/** The demo calendar shows 2017-21 with the 2013-17 financial counselling added, so 2017-21 translates its texts too. */
function shownTexts(period: '2013-17' | '2017-21'): string[] {
  const counselling = period === '2017-21' ? activity(plan('2013-17'), 'oekonomisk-raadgivning') : undefined;
  const borrowed = counselling ? [...counselling.targetGroups.map((g) => g.label), ...counselling.responsible.slice(0, 1)] : [];
  return [...new Set([...residentTexts(plan(period)), ...borrowed])];
}

describe.each(['2013-17', '2017-21'] as const)('plan %s: glossary', (period) => {
  test('every target group, shown contact role and place that is not a proper name is translated into all seven languages', () => {
    const glossary = plan(period).glossary;
    const missing = shownTexts(period).flatMap((text) => TITLE_LANGUAGES.filter((l) => !glossary[text]?.[l]?.trim()).map((l) => `${text} / ${l}`));
    expect(missing).toEqual([]);
  });

  test('the counsellor labels are translated', () => {
    const glossary = plan(period).glossary;
    expect(COUNSELLOR_LABELS.flatMap((c) => TITLE_LANGUAGES.filter((l) => !glossary[c]?.[l]).map((l) => `${c} / ${l}`))).toEqual([]);
  });

  test('every glossary entry is a text of the plan (no stale entries)', () => {
    const known = new Set([...shownTexts(period), ...COUNSELLOR_LABELS, ...activities(plan(period)).flatMap((a) => a.responsible)]);
    expect(Object.keys(plan(period).glossary).filter((k) => !known.has(k))).toEqual([]);
  });

  test('Arabic, Persian and Sorani in Arabic script, Ukrainian in Cyrillic, and no translation just repeats the Danish', () => {
    const wrong = Object.entries(plan(period).glossary).flatMap(([danish, t]) => [
      ...(['ar', 'fa', 'ckb'] as const).filter((l) => !ARABIC_SCRIPT.test(t[l] ?? '')).map((l) => `${danish} / ${l}`),
      ...(CYRILLIC.test(t.uk ?? '') ? [] : [`${danish} / uk`]),
      ...TITLE_LANGUAGES.filter((l) => t[l]?.trim() === danish).map((l) => `${danish} / ${l} repeats the Danish`),
    ]);
    expect(wrong).toEqual([]);
  });
});

describe('prices', () => {
  // A price a resident is told must be one the documents state. They state none: no amount per
  // person, adult, child or cover, and nothing said to be free ("gratis").
  const STATED_PRICE = /\d[\d.]*\s*kr\.?\s*(?:pr\.?|per|for)\s*(?:person|voksen|voksne|barn|børn|kuvert|deltager)|\bgratis\b|\bkuvertpris|\bentré/i;

  test.each([DOC_2013, DOC_2017, DOC_2014, DOC_WEB])('%s states no price for an activity', (file) => {
    expect(doc(file).match(STATED_PRICE)).toBeNull();
  });

  test.each(['2013-17', '2017-21', '2021-25'] as const)('plan %s states no price either (absent = "ask staff", never invented)', (period) => {
    const priced = activities(plan(period)).filter((a) => a.priceAdults !== undefined || a.priceChildren !== undefined);
    expect(priced.map((a) => a.key)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// 2017-21 (document 001)
// ---------------------------------------------------------------------------------------------

describe('plan 2017-21 against the Helhedsplan (001)', () => {
  const p = () => plan('2017-21');

  test('period 1 June 2017 to 31 May 2021', () => {
    // 001 l.139-140: "Samarbejdsaftalen gælder fra:\n01.06.2017 – 31.05.2021"
    expectQuote(DOC_2017, 'Samarbejdsaftalen gælder fra: 01.06.2017 – 31.05.2021');
    expect(p().startDate).toBe('2017-06-01');
    expect(p().endDate).toBe('2021-05-31');
    expect(p().sources).toContain(DOC_2017);
  });

  test('the five overall goals', () => {
    // 001 l.219-227: "• Øget uddannelsesgrad blandt unge • Færre anbringelser • Øget tryghed i boligområderne …"
    const goals = [
      'Øget uddannelsesgrad blandt unge',
      'Færre anbringelser',
      'Øget tryghed i boligområderne',
      'Færre kontanthjælpsmodtagere',
      'Øget beskæftigelsesgrad',
    ];
    for (const g of goals) expectQuote(DOC_2017, `• ${g}`);
    expect(p().goals).toEqual(goals);
  });

  test('four focus areas with the exact names, in the order of the læsevejledning', () => {
    // 001 l.73-76: "1. Tryghed og trivsel 2. Kriminalpræventiv indsats 3. Uddannelse og beskæftigelse 4. Forebyggelse og forældreansvar"
    expectQuote(DOC_2017, '1. Tryghed og trivsel 2. Kriminalpræventiv indsats 3. Uddannelse og beskæftigelse 4. Forebyggelse og forældreansvar');
    expect(p().focusAreas.map((f) => f.name)).toEqual([
      'Tryghed og trivsel',
      'Kriminalpræventiv indsats',
      'Uddannelse og beskæftigelse',
      'Forebyggelse og forældreansvar',
    ]);
  });

  test('activities and sub-activities under each focus area', () => {
    // 001 l.1118-1119: "• Aktivitet til styrkelse af naboskab • Formidling og branding: Fremtiden lever her"
    expectQuote(DOC_2017, '• Aktivitet til styrkelse af naboskab • Formidling og branding: Fremtiden lever her');
    // 001 l.1486: "• HotSpot i Nordbyen - opsøgende relationsarbejde blandt unge"
    expectQuote(DOC_2017, 'HotSpot i Nordbyen - opsøgende relationsarbejde blandt unge');
    // 001 l.1577-1581: "fire delaktiviteter …: • Opsøgende gadeplansarbejde • Individuelle indsatser – herunder brobygning og forældresamarbejde • Gruppeforløb • Det koordinerede samarbejde"
    expectQuote(
      DOC_2017,
      '• Opsøgende gadeplansarbejde • Individuelle indsatser – herunder brobygning og forældresamarbejde • Gruppeforløb • Det koordinerede samarbejde',
    );
    // 001 l.1834-1836: "• Familieorienteret uddannelsesvejledning • Parat til uddannelse og beskæftigelse for unge • Uddannelsestilbud for unge"
    expectQuote(DOC_2017, '• Familieorienteret uddannelsesvejledning • Parat til uddannelse og beskæftigelse for unge • Uddannelsestilbud for unge');
    // 001 l.2034-2038: "• Rådgivning og mestring • Fritidstjansen • Legepatrulje • Brandkadet • Milife"
    expectQuote(DOC_2017, '• Rådgivning og mestring • Fritidstjansen • Legepatrulje • Brandkadet • Milife');
    // 001 l.2470-2477: "• Boligsociale mødregrupper … • NUSSA … • Tidlig sprogindsats … • Fra Fravær til Fremmøde. • Familieklassen … • Boligsociale familiekurser …"
    expectQuote(DOC_2017, '• Fra Fravær til Fremmøde.');
    // 001 l.2973-2976: "• De Utrolige År … • Netværksdannelse … • Det vil også blive muligt at lave Familierådslagningsforløb."
    expectQuote(DOC_2017, 'Det vil også blive muligt at lave Familierådslagningsforløb.');

    const tree = p().focusAreas.map((fa) => [fa.key, fa.activities.map((a) => [a.key, a.subActivities.map((s) => s.key)])]);
    expect(tree).toEqual([
      [
        'tryghed-og-trivsel',
        [
          ['styrkelse-af-naboskab', ['styrkelse-af-foreningslivet', 'beboerambassadoerer', 'faellesspisning']],
          ['formidling-og-branding', []],
        ],
      ],
      [
        'kriminalpraeventiv-indsats',
        [['hotspot-nordbyen', ['opsoegende-gadeplansarbejde', 'individuelle-indsatser', 'hotspot-gruppeforloeb', 'det-koordinerede-samarbejde']]],
      ],
      [
        'uddannelse-og-beskaeftigelse',
        [
          ['familieorienteret-uddannelsesvejledning', []],
          ['parat-til-uddannelse-og-beskaeftigelse', ['raadgivning-og-mestring', 'fritidstjansen', 'legepatrulje', 'brandkadet', 'milife']],
          ['uddannelsestilbud-for-unge', []],
        ],
      ],
      [
        'forebyggelse-og-foraeldreansvar',
        [
          ['boligsociale-moedregrupper', []],
          ['nussa', []],
          ['tidlig-sprogindsats', []],
          ['fra-fravaer-til-fremmoede', []],
          ['familieklassen', []],
          ['boligsociale-familiekurser', ['de-utrolige-aar', 'netvaerksdannelse', 'familieraadslagning']],
        ],
      ],
    ]);
  });

  test('budgets per focus area (LBF + local = total)', () => {
    const budgets: Array<[string, number, number, string[]]> = [
      // 001 l.1144, 1148, 1152
      [
        'tryghed-og-trivsel',
        4_307_000,
        3_412_000,
        ['Landsbyggefonden 3.412.000 kr.', 'Lokal medfinansiering 895.000 kr.', 'Samlet budget for indsatsområdet 4.307.000 kr.'],
      ],
      // 001 l.1538, 1542, 1546
      [
        'kriminalpraeventiv-indsats',
        4_431_000,
        3_806_000,
        ['Landsbyggefonden 3.806.000 kr.', 'Lokal medfinansiering 625.000 kr.', 'Samlet budget for indsatsområdet 4.431.000 kr.'],
      ],
      // 001 l.1893, 1897, 1901
      [
        'uddannelse-og-beskaeftigelse',
        8_303_000,
        4_602_000,
        ['Landsbyggefonden 4.602.000 kr.', 'Lokal medfinansiering 3.701.000 kr', 'Samlet budget for indsatsområdet 8.303.000 kr.'],
      ],
      // 001 l.2542, 2546, 2550
      [
        'forebyggelse-og-foraeldreansvar',
        11_240_000,
        3_666_000,
        ['Landsbyggefonden 3.666.000 kr.', 'Lokal medfinansiering 7.574.000 kr', 'Samlet budget for indsatsområdet 11.240.000 kr.'],
      ],
    ];
    for (const [key, total, lbf, quotes] of budgets) {
      for (const q of quotes) expectQuote(DOC_2017, q);
      expect({ key, total: focusArea(p(), key).budget?.total, lbf: focusArea(p(), key).budget?.lbf }).toEqual({ key, total, lbf });
    }
  });

  describe('lokalt opstillede målinger (indicators)', () => {
    test('klagesager: baseline 57 (2014); 2014: 57, 2015: 64, 2016 (October): 60', () => {
      // 001 l.1108-1115: "2. Antallet af registrerede klagesager er i 2021 reduceres svarede til niveauet fra 2014.
      //   Baseline Der har siden 2014 været en stigning i klagesager: 2014: 57 sager 2015: 64 sager 2016(oktober): 60 sager"
      expectQuote(DOC_2017, 'Der har siden 2014 været en stigning i klagesager: 2014: 57 sager 2015: 64 sager 2016(oktober): 60 sager');
      const i = indicator(p(), 'klagesager');
      expect(i.focusArea).toBe('tryghed-og-trivsel');
      expect(i.baseline?.value).toBe(57);
      expect(i.target.value).toBe(57);
      expect(i.direction).toBe('lower');
      expect(i.dataSource).toBe('RandersBolig');
      expect(i.measurements.map((m) => [m.date.slice(0, 7), m.value])).toEqual([
        ['2014-12', 57],
        ['2015-12', 64],
        ['2016-10', 60],
      ]);
    });

    test('fraflytningsprocent: 2014: 15 %, 2015: ca. 14 %, 2016 (October): 13 %', () => {
      // 001 l.1105-1106: "Fraflyttere i 2014 udgjorde 261 (15%), 2015 udgjorde 235 (ca. 14%), 2016 (oktober) udgjorde 227 (13%)"
      expectQuote(DOC_2017, 'Fraflyttere i 2014 udgjorde 261 (15%), 2015 udgjorde 235 (ca. 14%), 2016 (oktober) udgjorde 227 (13%)');
      const i = indicator(p(), 'fraflytningsprocent');
      expect(i.focusArea).toBe('tryghed-og-trivsel');
      expect(i.baseline?.value).toBe(15);
      expect(i.measurements.map((m) => [m.date.slice(0, 7), m.value])).toEqual([
        ['2014-12', 15],
        ['2015-12', 14],
        ['2016-10', 13],
      ]);
    });

    test('sigtede 10-17 årige: 2.2 % → 1.46 %', () => {
      // 001 l.1506-1509: "… er i 2021 reduceret med en tredjedel til 7,6 børn og unge svarende til 1,46 % af beboerne i aldersgruppen."
      expectQuote(DOC_2017, 'reduceret med en tredjedel til 7,6 børn og unge svarende til 1,46 % af beboerne i aldersgruppen');
      // 001 l.1519: "Gennemsnittet i perioden 2011-2015 er 2,2 % mod 0,9 % i Randers Kommune som helhed."
      expectQuote(DOC_2017, 'Gennemsnittet i perioden 2011-2015 er 2,2 % mod 0,9 % i Randers Kommune som helhed.');
      const i = indicator(p(), 'sigtede-10-17-aarige');
      expect(i.focusArea).toBe('kriminalpraeventiv-indsats');
      expect([i.baseline?.value, i.target.value, i.direction]).toEqual([2.2, 1.46, 'lower']);
    });

    test('10-14 årige i dagtilbud: 21.6 % (2015), 15 % in 2021', () => {
      // 001 l.1522: "2. 15 % af de 10-14 årige er i dagtilbud i 2021."
      expectQuote(DOC_2017, '15 % af de 10-14 årige er i dagtilbud i 2021.');
      // 001 l.1525: "I 2015 udgjorde andelen af 10-14 årige i dagtilbud 21,6 % i Randers Nordby"
      expectQuote(DOC_2017, 'I 2015 udgjorde andelen af 10-14 årige i dagtilbud 21,6 % i Randers Nordby');
      // 001 l.1432 (Boligstatistiske Nøgletal tabel 5): "Andel 10-14 årige i dagtilbud 29 % 17 % 21,6 % 10,2 %"
      expectQuote(DOC_2017, 'Andel 10-14 årige i dagtilbud 29 % 17 % 21,6 % 10,2 %');
      const i = indicator(p(), 'dagtilbud-10-14-aarige');
      expect(i.focusArea).toBe('kriminalpraeventiv-indsats');
      expect([i.baseline?.value, i.target.value]).toEqual([21.6, 15]);
      expect(i.measurements.map((m) => [m.date.slice(0, 4), m.value])).toEqual([
        ['2011', 29],
        ['2015', 21.6],
      ]);
    });

    test('9. klasses afgangselever i ungdomsuddannelse: 68 % → 77 %', () => {
      // 001 l.1863-1869: "… således at 77 % af 9. klasses afgangselever påbegynder en ungdomsuddannelse i 2021. …
      //   Andel af 9. klasses afgangselever fra juni 2014, som var i gang med en ungdomsuddannelse, var 68 % på Nørrevangsskolen"
      expectQuote(DOC_2017, 'således at 77 % af 9. klasses afgangselever påbegynder en ungdomsuddannelse i 2021.');
      expectQuote(DOC_2017, 'Andel af 9. klasses afgangselever fra juni 2014, som var i gang med en ungdomsuddannelse, var 68 % på Nørrevangsskolen');
      const i = indicator(p(), 'afgangselever-i-ungdomsuddannelse');
      expect(i.focusArea).toBe('uddannelse-og-beskaeftigelse');
      expect([i.baseline?.value, i.target.value, i.direction]).toEqual([68, 77, 'higher']);
      expect(i.measurements.map((m) => [m.date.slice(0, 7), m.value])).toEqual([['2014-06', 68]]);
    });

    test('20-24 årige uden uddannelse: 40.6 % → 30 %', () => {
      // 001 l.1873-1874: "højeste fuldførte uddannelse og ikke er i gang med en uddannelse, skal reduceres til 30 % i 2021."
      // 001 l.1877: "I Randers Nordby har 40,6 % (målt i perioden 2011-2015) af de unge"
      expectQuote(DOC_2017, 'højeste fuldførte uddannelse og ikke er i gang med en uddannelse, skal reduceres til 30 % i 2021.');
      expectQuote(DOC_2017, 'I Randers Nordby har 40,6 % (målt i perioden 2011-2015) af de unge');
      const i = indicator(p(), 'unge-20-24-uden-uddannelse');
      expect(i.focusArea).toBe('uddannelse-og-beskaeftigelse');
      expect([i.baseline?.value, i.target.value, i.direction]).toEqual([40.6, 30, 'lower']);
    });

    test('18-29 årige i beskæftigelse: 38 % → 43 %', () => {
      // 001 l.1883-1888: "Andelen af unge mellem 18-29 år der er i beskæftigelse skal være 43 % i 2021. …
      //   Den nuværende andel af unge i beskæftigelse mellem 18-29 år udgør 38 %."
      expectQuote(DOC_2017, 'Den nuværende andel af unge i beskæftigelse mellem 18-29 år udgør 38 %.');
      // 001 l.1810: "Beskæftigede 210 38% 8.440 60%" (ult. nov. 2014)
      expectQuote(DOC_2017, 'Socioøkonomisk status ult. nov. 2014, for personer i alderen 18-29 år');
      expectQuote(DOC_2017, 'Beskæftigede 210 38% 8.440 60%');
      const i = indicator(p(), 'unge-18-29-i-beskaeftigelse');
      expect(i.focusArea).toBe('uddannelse-og-beskaeftigelse');
      expect([i.baseline?.value, i.target.value, i.direction]).toEqual([38, 43, 'higher']);
      expect(i.measurements.map((m) => [m.date.slice(0, 7), m.value])).toEqual([['2014-11', 38]]);
    });

    test('skolefravær: 14.2 → 10 fraværsdage pr. elev', () => {
      // 001 l.2434-2436: "Skolefraværet … reduceres til gennemsnitlig 10 fraværsdage pr. elev i 2021 …"
      // 001 l.2439: "Det nuværende tal er 14,2 fraværsdage pr. elev i 0.-9. klasse bosat i Randers Nordby."
      expectQuote(DOC_2017, 'Det nuværende tal er 14,2 fraværsdage pr. elev i 0.-9. klasse bosat i Randers Nordby.');
      // 001 l.2348: "Antallet af skolefraværsdage 0.-9. klasse i skoleåret 2015/2016. 14,2 dage pr. elev 10,6 dage pr. elev"
      expectQuote(DOC_2017, 'Antallet af skolefraværsdage 0.-9. klasse i skoleåret 2015/2016. 14,2 dage pr. elev 10,6 dage pr. elev');
      const i = indicator(p(), 'skolefravaer');
      expect(i.focusArea).toBe('forebyggelse-og-foraeldreansvar');
      expect([i.baseline?.value, i.target.value, i.direction]).toEqual([14.2, 10, 'lower']);
      expect(i.measurements.map((m) => m.value)).toEqual([14.2]);
    });

    test('sproglige vanskeligheder 2-5 år: 28 children, 10.69 % (May 2016)', () => {
      // 001 l.2449-2450: "Antallet af 2-5 årige børn med sproglige vanskeligheder er 28 børn svarende 10,69 % af aldersgruppen."
      expectQuote(DOC_2017, 'Antallet af 2-5 årige børn med sproglige vanskeligheder er 28 børn svarende 10,69 % af aldersgruppen.');
      // 001 l.2341-2342: "… med sproglige vanskeligheder 10,69 % 5,8 % fordelt på boligområder, maj 2016."
      expectQuote(DOC_2017, 'fordelt på boligområder, maj 2016.');
      const i = indicator(p(), 'sproglige-vanskeligheder-2-5-aar');
      expect(i.focusArea).toBe('forebyggelse-og-foraeldreansvar');
      expect([i.baseline?.value, i.direction]).toEqual([10.69, 'lower']);
      expect(i.measurements.map((m) => [m.date.slice(0, 7), m.value])).toEqual([['2016-05', 10.69]]);
    });

    test('the three institutions: 22 children (sprogligt betinget), 58 (social- og miljøbetinget), medio 2016', () => {
      // 001 l.2458: "Medio 2016 er der i de tre institutioner 22 børn, hvis udfordringer primært er sprogligt betingede."
      expectQuote(DOC_2017, 'Medio 2016 er der i de tre institutioner 22 børn, hvis udfordringer primært er sprogligt betingede.');
      // 001 l.2466-2467: "Medio 2016 er der i de tre institutioner (Mælkevejen, Jennumparken og Glentevejen) 58 børn, …"
      expectQuote(DOC_2017, 'Medio 2016 er der i de tre institutioner (Mælkevejen, Jennumparken og Glentevejen) 58 børn');
      expect(indicator(p(), 'sprogligt-betingede-udfordringer').baseline?.value).toBe(22);
      expect(indicator(p(), 'social-og-miljoebetingede-udfordringer').baseline?.value).toBe(58);
      expect(indicator(p(), 'sprogligt-betingede-udfordringer').focusArea).toBe('forebyggelse-og-foraeldreansvar');
      expect(indicator(p(), 'social-og-miljoebetingede-udfordringer').focusArea).toBe('forebyggelse-og-foraeldreansvar');
    });

    test('every indicator of the plan is checked above', () => {
      expect(
        p()
          .focusAreas.flatMap((f) => f.indicators.map((i) => i.key))
          .sort(),
      ).toEqual(
        [
          'klagesager',
          'fraflytningsprocent',
          'sigtede-10-17-aarige',
          'dagtilbud-10-14-aarige',
          'afgangselever-i-ungdomsuddannelse',
          'unge-20-24-uden-uddannelse',
          'unge-18-29-i-beskaeftigelse',
          'skolefravaer',
          'sproglige-vanskeligheder-2-5-aar',
          'sprogligt-betingede-udfordringer',
          'social-og-miljoebetingede-udfordringer',
        ].sort(),
      );
    });

    test("every indicator's target text is the document's words", () => {
      const unmatched = p().focusAreas.flatMap((f) =>
        f.indicators.filter((i) => !withoutColumn(DOC_2017, i.dataSource).includes(normalise(i.target.text))).map((i) => `${i.key}: ${i.target.text}`),
      );
      expect(unmatched).toEqual([]);
    });
  });

  describe('succeskriterier (targets), number for number', () => {
    interface TargetSpec {
      activity: string;
      target: string;
      /** Fragments of the document's criterion, each on one line of 001 (the data-source column interleaves the rest). */
      quotes: string[];
      kind: TargetKind;
      perYear?: number;
      wholePeriod?: number;
      deliveryKind?: DeliveryKind;
    }
    // Ranges ("3-4 forløb årligt", "12-16 forløb", "144 - 240 børn") are stored as their lower bound.
    const SPECS: TargetSpec[] = [
      // --- Tryghed og trivsel: Aktivitet til styrkelse af naboskab, 001 l.1264-1278
      {
        activity: 'styrkelse-af-naboskab',
        target: 'aktiviteter-med-frivillige-beboere',
        quotes: ['Med hjælp fra frivillige beboere gennemføres minimum 16 aktiviteter'],
        kind: 'event_count',
        wholePeriod: 16,
        deliveryKind: 'event',
      },
      {
        activity: 'styrkelse-af-naboskab',
        target: 'kontakt-nytilflyttede-beboere',
        quotes: ['Kontakt til minimum 100 nytilflyttede beboere i hele perioden.'],
        kind: 'unique_participants',
        wholePeriod: 100,
      },
      {
        activity: 'styrkelse-af-foreningslivet',
        target: 'aktive-lokale-foreninger',
        quotes: ['Til sammenligning er der i 2016 7 aktive lokale foreninger med'],
        kind: 'level_maintained',
        wholePeriod: 7,
      },
      {
        activity: 'beboerambassadoerer',
        target: 'udoevende-beboerambassadoerer',
        quotes: ['Minimum 17 beboere er udøvende beboerambassadører i'],
        kind: 'level_maintained',
        wholePeriod: 17,
        deliveryKind: 'level',
      },
      {
        activity: 'faellesspisning',
        target: 'gennemsnit-deltagere-faellesspisning',
        quotes: ['Mindst gennemsnitligt 25 deltagere til hver fællesspisning i'],
        kind: 'average_attendance',
        wholePeriod: 25,
      },
      // --- Formidling og branding, 001 l.1358-1367
      {
        activity: 'formidling-og-branding',
        target: 'aktivitetsomslag',
        quotes: ['Husstandsomdelt aktivitetsomslag med 5 eksemplarer årligt', 'svarende til 20 i hele perioden.'],
        kind: 'event_count',
        perYear: 5,
        wholePeriod: 20,
      },
      {
        activity: 'formidling-og-branding',
        target: 'nyhedsmail',
        quotes: ['Nyhedsmail én gang månedligt svarende til 48 i hele perioden.'],
        kind: 'event_count',
        wholePeriod: 48,
      },
      {
        activity: 'formidling-og-branding',
        target: 'besoegende-hjemmeside-og-facebook',
        quotes: ['Stigende antal besøgende på Bysekretariatets hjemmeside'],
        kind: 'qualitative',
      },
      {
        activity: 'formidling-og-branding',
        target: 'positive-historier-i-pressen',
        quotes: ['Minimum to positive historier i den lokale presse årligt svarende', 'til 8 i hele perioden.'],
        kind: 'event_count',
        perYear: 2,
        wholePeriod: 8,
      },
      // --- Kriminalpræventiv indsats: HotSpot Nordbyen, 001 l.1642-1650
      {
        activity: 'hotspot-nordbyen',
        target: 'kontakt-unikke-boern-unge',
        quotes: ['Der skabes kontakt til 80 unikke børn om året svarende til 320 unikke'],
        kind: 'unique_participants',
        perYear: 80,
        wholePeriod: 320,
      },
      {
        activity: 'individuelle-indsatser',
        target: 'boern-unge-brobygges',
        quotes: ['25 børn/unge årligt svarende til 100 i hele Helhedsplanens periode'],
        kind: 'unique_participants',
        perYear: 25,
        wholePeriod: 100,
      },
      {
        activity: 'hotspot-gruppeforloeb',
        target: 'gruppeforloeb-for-unge',
        quotes: ['Der gennemføres mindst 2 gruppeforløb årligt af 8-10 ugers varighed', 'svarende til 8 forløb i hele perioden.'],
        kind: 'event_count',
        perYear: 2,
        wholePeriod: 8,
        deliveryKind: 'course',
      },
      // --- Uddannelse og beskæftigelse: Familieorienteret uddannelsesvejledning, 001 l.1957-1963
      {
        activity: 'familieorienteret-uddannelsesvejledning',
        target: 'foraeldre-modtager-raadgivning',
        quotes: ['Forældre til minimum 6 unge modtager årligt rådgivning – svarende', 'til 24 rådgivningsforløb i hele perioden.'],
        kind: 'unique_participants',
        perYear: 6,
        wholePeriod: 24,
      },
      {
        activity: 'familieorienteret-uddannelsesvejledning',
        target: 'familien-bedre-rustet',
        quotes: ['Familien føler sig bedre rustet til at håndtere den udfordring, der var'],
        kind: 'qualitative',
      },
      // --- Parat til uddannelse og beskæftigelse for unge, 001 l.2195-2216
      {
        activity: 'parat-til-uddannelse-og-beskaeftigelse',
        target: 'ikke-uddannelsesparate-reduceres',
        quotes: ['Ultimo oktober 2016 er 36 % af de unge i 9. og 10. klasse registreret'],
        kind: 'qualitative',
      },
      {
        activity: 'fritidstjansen',
        target: 'unge-i-fritidsjob',
        quotes: ['Minimum 16 unge kommer på årsbasis i fritidsjobs, svarende til 64 i'],
        kind: 'unique_participants',
        perYear: 16,
        wholePeriod: 64,
      },
      {
        activity: 'fritidstjansen',
        target: 'opkvalificeringsforloeb',
        quotes: ['Der afvikles årligt 3 opkvalificeringsforløb med 7-10 unge pr gang,', 'svarende til 12 forløb og 84-120 unge i hele perioden.'],
        kind: 'event_count',
        perYear: 3,
        wholePeriod: 12,
        deliveryKind: 'course',
      },
      {
        activity: 'fritidstjansen',
        target: 'fastholdt-job-efter-3-maaneder',
        quotes: ['Minimum 13 unge på årsbasis har fastholdt deres job efter 3 måneder', 'svarende til 52 i hele perioden.'],
        kind: 'unique_participants',
        perYear: 13,
        wholePeriod: 52,
      },
      {
        activity: 'brandkadet',
        target: 'brandkadetforloeb',
        quotes: ['Der afvikles årligt 2 Brandkadetforløb svarende til 8 forløb i hele perioden.'],
        kind: 'event_count',
        perYear: 2,
        wholePeriod: 8,
        deliveryKind: 'course',
      },
      {
        activity: 'milife',
        target: 'milife-forloeb',
        quotes: [
          'til 3-4 forløb årligt afhængig af antal klasser. For hele perioden giver det',
          'samlet set 12-16 forløb for 150 - 350 børn afhængig af klassestørrelser',
        ],
        kind: 'event_count',
        perYear: 3,
        wholePeriod: 12,
        deliveryKind: 'course',
      },
      // --- Uddannelsestilbud for unge, 001 l.2274-2281
      // "20 unge … tilknyttet værkstederne … årligt svarende til 80" is registered by Randers Produktionshøjskole, not by
      // the secretariat: an external target (kind qualitative), shown with its numbers but not computed (domain.md).
      {
        activity: 'uddannelsestilbud-for-unge',
        target: 'unge-tilknyttet-vaerksteder',
        quotes: ['20 unge fra området vil blive tilknyttet værkstederne i Nordbyen årligt', 'svarende til 80 i hele perioden.'],
        kind: 'qualitative',
        perYear: 20,
        wholePeriod: 80,
      },
      {
        activity: 'uddannelsestilbud-for-unge',
        target: 'netvaerksskabende-arrangementer',
        quotes: ['Der afholdes 5 netværksskabende arrangementer årligt med deltagelse', 'af 10 unge svarende til 20 arrangementer og 40 unge i hele perioden.'],
        kind: 'event_count',
        perYear: 5,
        wholePeriod: 20,
        deliveryKind: 'event',
      },
      // --- Forebyggelse og forældreansvar: Boligsociale mødregrupper, 001 l.2603-2611
      {
        activity: 'boligsociale-moedregrupper',
        target: 'moedregruppeforloeb',
        quotes: ['Der afvikles 5 forløb årligt svarende til i alt 20 forløb i hele perioden.'],
        kind: 'event_count',
        perYear: 5,
        wholePeriod: 20,
        deliveryKind: 'course',
      },
      {
        activity: 'boligsociale-moedregrupper',
        target: 'moedregrupper-unikke-boern',
        quotes: ['Mindst 25 unikke børn og deres forældre deltager årligt svarende til', '100 forskellige børn og deres forældre i hele perioden.'],
        kind: 'unique_participants',
        perYear: 25,
        wholePeriod: 100,
      },
      {
        activity: 'boligsociale-moedregrupper',
        target: 'moedregrupper-gennemfoerer',
        quotes: ['Mindst 80 % af deltagerne gennemfører hele forløbet.'],
        kind: 'share_completing',
        perYear: 80,
        wholePeriod: 80,
      },
      {
        activity: 'boligsociale-moedregrupper',
        target: 'moedregrupper-redskaber',
        quotes: ['Mindst 75 % af deltagerne vurderer at have fået redskaber, der styrker'],
        kind: 'share_satisfied',
        perYear: 75,
        wholePeriod: 75,
      },
      // --- NUSSA, 001 l.2678-2685
      { activity: 'nussa', target: 'nussa-oplevet-forandring', quotes: ['Oplevet forandring hos instruktører og pædagoger'], kind: 'qualitative' },
      {
        activity: 'nussa',
        target: 'nussa-forloeb',
        quotes: ['Der gennemføres i alt 21 NUSSA-forløb i hele perioden fordelt på de'],
        kind: 'event_count',
        wholePeriod: 21,
        deliveryKind: 'course',
      },
      {
        activity: 'nussa',
        target: 'nussa-boern-gennemfoerer',
        quotes: ['Fordelt på de tre institutioner gennemfører 144 - 240 børn i alderen'],
        kind: 'unique_participants',
        wholePeriod: 144,
      },
      // --- Tidlig sprogindsats, 001 l.2763-2764
      {
        activity: 'tidlig-sprogindsats',
        target: 'forloebsaktiviteter-boern-og-foraeldre',
        quotes: ['Mindst 8 årlige forløbsaktiviteter rettet mod børn og forældre', 'svarende til 32 i hele perioden.'],
        kind: 'event_count',
        perYear: 8,
        wholePeriod: 32,
      },
      // --- Fra fravær til fremmøde, 001 l.2822-2834
      {
        activity: 'fra-fravaer-til-fremmoede',
        target: 'fravaersteam-moeder',
        quotes: ['Fraværsteamet mødes hver anden uge svarende til minimum 20 gange', 'årligt og 80 møder i hele perioden.'],
        kind: 'event_count',
        perYear: 20,
        wholePeriod: 80,
        deliveryKind: 'event',
      },
      {
        activity: 'fra-fravaer-til-fremmoede',
        target: 'fravaersteam-opstartsfase',
        quotes: ['Mødeaktiviteten vil være særlig intensiv den første tid, hvorfor der må'],
        kind: 'qualitative',
      },
      {
        activity: 'fra-fravaer-til-fremmoede',
        target: 'fravaer-boern-i-forloeb',
        quotes: ['40 børn fra Helhedsplanens områder som har et skolefravær på over', 'årligt i forløbet i løbet af hele perioden.'],
        kind: 'unique_participants',
        perYear: 40,
      },
      {
        activity: 'fra-fravaer-til-fremmoede',
        target: 'fravaer-kursusforloeb',
        quotes: ['Der afholdes 3 årlige kursusforløb for forskellige målgrupper svarende til 12 i hele perioden.'],
        kind: 'event_count',
        perYear: 3,
        wholePeriod: 12,
        deliveryKind: 'course',
      },
      // --- Familieklassen, 001 l.2910-2925
      {
        activity: 'familieklassen',
        target: 'familieklassen-familier',
        quotes: ['12 familier vil årligt påbegynde et forløb i Familieklassen svarende', 'til 48 familier i hele perioden.'],
        kind: 'unique_participants',
        perYear: 12,
        wholePeriod: 48,
      },
      {
        activity: 'familieklassen',
        target: 'familieklassen-gennemfoerer',
        quotes: ['90 % af familierne gennemfører forløbet.'],
        kind: 'share_completing',
        perYear: 90,
        wholePeriod: 90,
      },
      {
        activity: 'familieklassen',
        target: 'familieklassen-oplevet-forandring',
        quotes: ['Oplevet forandring målt ved forældrenes tilfredshed med og udbytte'],
        kind: 'qualitative',
      },
      {
        activity: 'familieklassen',
        target: 'familieklassen-skolefravaer',
        quotes: ['Barnets skolefravær reduceres efter endt familieklasseforløb.'],
        kind: 'qualitative',
      },
      {
        activity: 'familieklassen',
        target: 'familieklassen-stamklasse',
        quotes: ['Barnet bevarer tilknytning til sin stamklasse efter endt forløb i'],
        kind: 'qualitative',
      },
      // --- Boligsociale familiekurser (incl. DUÅ and Netværksdannelse), 001 l.3055-3068
      {
        activity: 'boligsociale-familiekurser',
        target: 'familiekurser-oplevet-forandring-frontpersonale',
        quotes: ['Oplevet forandring hos frontpersonale.'],
        kind: 'qualitative',
      },
      { activity: 'de-utrolige-aar', target: 'duaa-oplevet-forandring', quotes: ['indsatsen, hvor de eller barnet selv har deltaget.'], kind: 'qualitative' },
      {
        activity: 'de-utrolige-aar',
        target: 'duaa-unikke-boerns-foraeldre',
        quotes: ['Minimum 24 unikke børns forældre deltager i familiekurset DUÅ i'],
        kind: 'unique_participants',
        wholePeriod: 24,
      },
      {
        activity: 'netvaerksdannelse',
        target: 'netvaerksforloeb',
        quotes: ['Der gennemføres mindst 3 netværksforløb årligt svarende til 12 i'],
        kind: 'event_count',
        perYear: 3,
        wholePeriod: 12,
        deliveryKind: 'course',
      },
    ];

    test.each(SPECS.map((s) => [`${s.activity}/${s.target}`, s] as const))('%s', (_name, s) => {
      for (const q of s.quotes) expectQuote(DOC_2017, q);
      const t = target(p(), s.activity, s.target);
      const actual: Record<string, unknown> = { kind: t.kind, perYear: t.perYear, wholePeriod: t.wholePeriod };
      const expected: Record<string, unknown> = { kind: s.kind, perYear: s.perYear, wholePeriod: s.wholePeriod };
      if (s.deliveryKind) {
        actual.deliveryKind = t.deliveryKind;
        expected.deliveryKind = s.deliveryKind;
      }
      expect(actual).toEqual(expected);
    });

    // "Der forventes at 95 % af de tilknyttede unge vil overgå til en ungdomsuddannelse efter afsluttet forløb"
    // (001 l.2277-2278) is a share of participants. Whether it is modelled as share_completing or left qualitative
    // is a modelling choice, so only its numbers are checked here; the data stores 95 on a qualitative target,
    // which the rule "a qualitative target carries no numbers" below reports.
    test('uddannelsestilbud-for-unge/overgang-til-ungdomsuddannelse: 95 %', () => {
      expectQuote(DOC_2017, 'Der forventes at 95 % af de tilknyttede unge vil overgå til en ungdoms- Ranpro');
      const t = target(p(), 'uddannelsestilbud-for-unge', 'overgang-til-ungdomsuddannelse');
      expect([t.perYear, t.wholePeriod, t.unit]).toEqual([95, 95, '%']);
    });

    test('every target of the plan is checked above', () => {
      const checked = [...SPECS.map((s) => `${s.activity}/${s.target}`), 'uddannelsestilbud-for-unge/overgang-til-ungdomsuddannelse'].sort();
      expect(
        activities(p())
          .flatMap((a) => a.targets.map((t) => `${a.key}/${t.key}`))
          .sort(),
      ).toEqual(checked);
    });

    test('a yearly number times the four plan years is the whole-period number, where both are counts', () => {
      const off = activities(p()).flatMap((a) =>
        a.targets
          .filter((t) => (t.kind === 'event_count' || t.kind === 'unique_participants') && t.perYear !== undefined && t.wholePeriod !== undefined)
          .filter((t) => t.perYear! * 4 !== t.wholePeriod)
          .map((t) => `${a.key}/${t.key}: ${t.perYear} × 4 ≠ ${t.wholePeriod}`),
      );
      expect(off).toEqual([]);
    });

    test('a qualitative target carries numbers only when someone else registers them (external, shown but not computed)', () => {
      // target-evaluation.ts never judges a qualitative target; numbers on one are for display, so they must come
      // from an external register (Ranpro, Randers Produktionshøjskole), never from the secretariat's own registrations.
      const numbered = activities(p()).flatMap((a) =>
        a.targets
          .filter((t) => t.kind === 'qualitative' && (t.perYear !== undefined || t.wholePeriod !== undefined))
          .map((t) => ({ key: `${a.key}/${t.key}`, source: t.dataSource })),
      );
      expect(numbered.map((n) => n.key).sort()).toEqual([
        'uddannelsestilbud-for-unge/overgang-til-ungdomsuddannelse',
        'uddannelsestilbud-for-unge/unge-tilknyttet-vaerksteder',
      ]);
      for (const n of numbered) expect(n.source).not.toMatch(/^Egen/);
    });
  });

  describe("targets' texts are the document's words", () => {
    /**
     * Targets whose text cannot be found in 001 even with the data-source column taken out, and why.
     * Keep this list short and specific; every other target must match word for word.
     */
    const UNMATCHABLE: Record<string, string> = {
      // 001 l.2960-2963 prints "… etableret.  Selvevalueringsskema efter endt forløb. / Succeskriteriet kvalificeres i
      // styregruppen inden udgangen af 2017)." – the PDF lost the opening "(" the data restores.
      'familieorienteret-uddannelsesvejledning/familien-bedre-rustet': 'opening parenthesis lost in the PDF',
    };

    const all = () => activities(plan('2017-21')).flatMap((a) => a.targets.map((t) => ({ key: `${a.key}/${t.key}`, t })));

    test('every target text appears in 001 (hyphenation repaired, whitespace collapsed, data-source column removed)', () => {
      const unmatched = all()
        .filter(({ key }) => !(key in UNMATCHABLE))
        .filter(({ t }) => !withoutColumn(DOC_2017, t.dataSource).includes(normalise(t.text)))
        .map(({ key, t }) => `${key}: ${t.text}`);
      expect(unmatched).toEqual([]);
    });

    test('the listed exceptions really do not match (remove them once they do)', () => {
      for (const key of Object.keys(UNMATCHABLE)) {
        const hit = all().find((x) => x.key === key);
        expect(hit).toBeDefined();
        expect(withoutColumn(DOC_2017, hit!.t.dataSource).includes(normalise(hit!.t.text))).toBe(false);
      }
    });

    test('the exception for familien-bedre-rustet matches once its restored "(" is ignored', () => {
      const t = target(plan('2017-21'), 'familieorienteret-uddannelsesvejledning', 'familien-bedre-rustet');
      expect(withoutColumn(DOC_2017, t.dataSource)).toContain(normalise(t.text.replace('(Succeskriteriet', 'Succeskriteriet')));
    });

    test('the check is not vacuous: a paraphrase is caught', () => {
      const t = target(plan('2017-21'), 'boligsociale-moedregrupper', 'moedregruppeforloeb');
      expect(withoutColumn(DOC_2017, t.dataSource)).toContain(normalise(t.text));
      expect(withoutColumn(DOC_2017, t.dataSource)).not.toContain(normalise('Der afvikles 5 forløb om året svarende til i alt 20 forløb i hele perioden.'));
    });
  });

  test('housing areas: three, with the street rules of "ADRESSER I OMRÅDET"', () => {
    // 001 l.26-27: "… dækker over de tre udsatte boligområder Gl. Jennumparken, Vangdalsparken og området omkring Glarbjergvej."
    expectQuote(DOC_2017, 'dækker over de tre udsatte boligområder Gl. Jennumparken, Vangdalsparken og området omkring Glarbjergvej.');
    const p = plan('2017-21');
    expect(p.housingAreas.map((h) => h.name).sort()).toEqual(['Gl. Jennumparken', 'Området omkring Glarbjergvej', 'Vangdalsparken']);
    // Every rule's source is a line of the address list (001 l.44-66).
    const addressLines = rawDoc(DOC_2017)
      .split('\n')
      .slice(43, 66)
      .map((l) => l.trim());
    for (const h of p.housingAreas) for (const r of h.streetRules) expect(addressLines).toContain(r.source);
    const rules = (key: string) => p.housingAreas.find((h) => h.key === key)!.streetRules.map((r) => [r.street, r.parity, r.from ?? null, r.to ?? null]);
    // 001 l.62-66
    expect(rules('gl-jennumparken')).toEqual([
      ['Flyvervej', 'all', null, null],
      ['Husarvej', 'odd', null, null], // "Husarvej (alle ulige numre og lige numre 2-40)"
      ['Husarvej', 'even', 2, 40],
      ['Gl. Jennumvej', 'even', null, null], // "Gl. Jennumvej (kun lige numre)"
      ['Kompagnivej', 'all', null, null],
      ['Garnisonsvej', 'odd', 1, 3], // "Garnisonsvej (ulige numre 1-3, 7-35 og lige numre 30-40)"
      ['Garnisonsvej', 'odd', 7, 35],
      ['Garnisonsvej', 'even', 30, 40],
    ]);
    // 001 l.53-59
    expect(rules('glarbjergvej')).toEqual([
      ['Falkevej', 'all', null, null],
      ['Glarbjergvej', 'even', 88, 156], // "Glarbjergvej 88-156 (kun lige numre) + 109-111"
      ['Glarbjergvej', 'all', 109, 111],
      ['Nørrebrogade', 'even', 96, 182], // "Nørrebrogade 96-182 (kun lige numre)"
      ['Hadsundvej', 'odd', 85, 93], // "Hadsundvej 85-93 (kun ulige numre)"
      ['Infanterivej', 'odd', 1, 31],
      ['Glentevej', 'odd', 1, 9],
      ['Brigadevej', 'odd', 1, 21],
    ]);
    // 001 l.45-50
    expect(rules('vangdalsparken')).toEqual([
      ['Rørhaven', 'all', null, null],
      ['Sivhaven', 'all', null, null],
      ['Basthaven', 'all', null, null],
      ['Bambushaven', 'all', null, null],
      ['Græshaven', 'all', null, null],
      ['Ved Byskellet', 'odd', null, null], // "Ved Byskellet (ulige numre)"
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// 2013-17 (annual reports 000 and 003)
// ---------------------------------------------------------------------------------------------

describe('plan 2013-17 against the annual reports 2013 (000) and 2014 (003)', () => {
  const p = () => plan('2013-17');

  test('started 1 May 2013 and ran four years', () => {
    // 000 l.103: "… Helhedsplanen 2013-17, der trådte i kraft 1. maj 2013, …"
    expectQuote(DOC_2013, 'vedrører Helhedsplanen 2013-17, der trådte i kraft 1. maj 2013');
    expect(p().startDate).toBe('2013-05-01');
    // The reports give no end date; four years from 1 May 2013 (the plans are financed "for fire år ad gangen", 004 l.32).
    expectQuote(DOC_WEB, 'den finansieres for fire år ad gangen');
    expect(p().endDate).toBe('2017-04-30');
  });

  test('six focus areas', () => {
    // 003 l.67: "I helhedsplanen er beskrevet 6 indsatsområder og i alt 27 aktiviteter …"
    expectQuote(DOC_2014, 'I helhedsplanen er beskrevet 6 indsatsområder');
    // 000 l.109-137: "Indsatsområder i Helhedsplanen 2013-17 … Uddannelse, beskæftigelse og erhverv / Sundhed / Børn, unge og
    // familie / Udsatte grupper / Beboernetværk, inddragelse og demokrati / Image og kommunikation"
    for (const q of [
      'Uddannelse, beskæftigelse og erhverv',
      'Sundhed',
      'Børn, unge og familie',
      'Udsatte grupper',
      'Beboernetværk, inddragelse og demokrati',
      'Image og kommunikation',
    ]) {
      expectQuote(DOC_2013, q);
    }
    expect(
      p()
        .focusAreas.map((f) => f.name)
        .sort(),
    ).toEqual(
      [
        'Uddannelse, beskæftigelse og erhverv',
        'Sundhed',
        'Børn, unge og familie',
        'Udsatte grupper',
        'Beboernetværk, inddragelse og demokrati',
        'Image og kommunikation',
      ].sort(),
    );
  });

  test('the activities each report names under its focus area', () => {
    const names = (key: string) => focusArea(p(), key).activities.map((a) => a.key);
    // 000 l.151-152 / 003 l.198: "Indsatsområdet omfatter i alt 9 forskellige aktiviteter"
    expectQuote(DOC_2014, 'Indsatsområdet omfatter i alt 9 forskellige aktiviteter');
    expect(names('uddannelse-beskaeftigelse-og-erhverv')).toHaveLength(9);
    // 003 l.268-270: "… er Familieklassen, børn og unge i foreningsliv, PLUS12, Babycafe, Åben anonym rådgivning og teenagegrupper."
    expectQuote(DOC_2014, 'er Familieklassen, børn og unge i foreningsliv, PLUS12, Babycafe, Åben anonym rådgivning og teenagegrupper.');
    expect(names('boern-unge-og-familie')).toEqual(
      expect.arrayContaining(['familieklassen', 'boern-og-unge-i-foreningsliv', 'plus12', 'babycafe', 'aaben-anonym-raadgivning', 'teenagegrupper']),
    );
    // 003 l.388-390: "Beboerambassadører (beboerrådet), initiativ vedr. særligt udsatte beboere, kompetenceløft til afdelings-
    // bestyrelser, fællesspisninger, beboeraktiviteter og beboeraktivitetspulje."
    expectQuote(
      DOC_2014,
      'Beboerambassadører (beboerrådet), initiativ vedr. særligt udsatte beboere, kompetenceløft til afdelingsbestyrelser, fællesspisninger, beboeraktiviteter og beboeraktivitetspulje.',
    );
    expect(names('beboernetvaerk-inddragelse-og-demokrati')).toEqual(
      expect.arrayContaining([
        'beboerambassadoerer',
        'initiativ-vedr-saerligt-udsatte-beboere',
        'kompetenceloeft-til-afdelingsbestyrelser',
        'faellesspisning',
        'beboeraktiviteter',
        'beboeraktivitetspulje',
      ]),
    );
    // 003 l.523-527: "… er en styrkelse af intern og ekstern kommunikation, pressestrategi og borgerjournalister."
    expectQuote(DOC_2014, 'er en styrkelse af intern og ekstern kommunikation, pressestrategi og borgerjournalister.');
    expect(names('image-og-kommunikation')).toEqual(['intern-og-ekstern-kommunikation', 'pressestrategi', 'borgerjournalister']);
    // 003 l.582-586: "Indsatsområdet har blot én aktivitet … Det drejer sig om økonomisk rådgivning"
    expectQuote(DOC_2014, 'Indsatsområdet har blot én aktivitet');
    expect(names('udsatte-grupper')).toEqual(['oekonomisk-raadgivning']);
    // 003 l.476: "Indsatsen består af en enkelt aktivitet: Familiers sundhed"
    expectQuote(DOC_2014, 'Indsatsen består af en enkelt aktivitet: Familiers sundhed');
    expect(names('sundhed')).toEqual(['familiers-sundhed']);
  });

  describe('historical deliveries, number for number', () => {
    type Row = {
      activity: string;
      year: 2013 | 2014;
      kind: DeliveryKind;
      occurrences: number;
      participants: number;
      completed?: number;
      volunteers?: number;
      newParticipants?: number;
      quotes: string[];
    };
    // Quotes from 000 (2013) or 003 (2014) by the row's year.
    const ROWS: Row[] = [
      // Økonomisk rådgivning
      // 000 l.514-516: "I 2013 har der været 31 henvendelser fra beboere, og i alt 27 har fået hjælp til budget og/eller udredning af sag."
      {
        activity: 'oekonomisk-raadgivning',
        year: 2013,
        kind: 'contact',
        occurrences: 31,
        participants: 31,
        completed: 27,
        quotes: ['I 2013 har der været 31 henvendelser fra beboere, og i alt 27 har fået hjælp til budget og/eller udredning af sag.'],
      },
      // 003 l.455-463: "52 henvendelser, og i 30 tilfælde … I 37 tilfælde vurderes det, at den rådgivning … har givet anledning til en forbedring …"
      {
        activity: 'oekonomisk-raadgivning',
        year: 2014,
        kind: 'contact',
        occurrences: 52,
        participants: 52,
        completed: 37,
        quotes: [
          '52 henvendelser, og i 30 tilfælde har henvendelserne ført til en henvisning til eksterne rådgivere.',
          'I 37 tilfælde vurderes det, at den rådgivning og støtte som beboerne har modtaget hos medarbejderen, har givet anledning til en forbedring af beboerens økonomiske situation.',
        ],
      },
      // Fællesspisning
      // 000 l.413-415: "Der er blevet afholdt 11 fællesspisninger i ParkCafeen med deltagelse af gennemsnitligt 37 beboere." (11 × 37 = 407)
      {
        activity: 'faellesspisning',
        year: 2013,
        kind: 'event',
        occurrences: 11,
        participants: 11 * 37,
        quotes: ['Der er blevet afholdt 11 fællesspisninger i ParkCafeen med deltagelse af gennemsnitligt 37 beboere.'],
      },
      // 003 l.422-424: "… 11 fællesspisninger i ParkCafeen med deltagelse af gennemsnitligt 34 beboere. Der har i gennemsnit været to
      // frivillige beboere tilknyttet de enkelte fællesspisninger" (11 × 34 = 374; 11 × 2 = 22)
      {
        activity: 'faellesspisning',
        year: 2014,
        kind: 'event',
        occurrences: 11,
        participants: 11 * 34,
        volunteers: 11 * 2,
        quotes: [
          'Der er blevet afholdt 11 fællesspisninger i ParkCafeen med deltagelse af gennemsnitligt 34 beboere.',
          'Der har i gennemsnit været to frivillige beboere tilknyttet de enkelte fællesspisninger',
        ],
      },
      // Uddannelse, beskæftigelse og erhverv
      {
        activity: 'fritidstjansen',
        year: 2013,
        kind: 'contact',
        occurrences: 36,
        participants: 36,
        completed: 18,
        quotes: [
          '36 unge har kontaktet Fritidstjansen for at få vejledning om fritidsjob. Heraf er 18 unge blevet tilknyttet et lommepengejob i Bysekretariatet',
        ],
      },
      {
        activity: 'fritidstjansen',
        year: 2014,
        kind: 'contact',
        occurrences: 23,
        participants: 23,
        completed: 19,
        quotes: [
          '23 unge har kontaktet Fritidstjansen for at få vejledning om fritidsjob. Heraf er 19 unge blevet tilknyttet et lommepengejob i Bysekretariatet',
        ],
      },
      {
        activity: 'jobvejledning-for-voksne',
        year: 2013,
        kind: 'contact',
        occurrences: 40,
        participants: 40,
        completed: 18,
        quotes: ['40 voksne har modtaget individuel jobvejledning, og 18 er kommet i beskæftigelse.'],
      },
      {
        activity: 'jobvejledning-for-voksne',
        year: 2014,
        kind: 'contact',
        occurrences: 60,
        participants: 60,
        completed: 29,
        quotes: ['60 voksne har modtaget individuel jobvejledning i løbet af 2014, og 29 er kommet i beskæftigelse, praktik eller påbegyndt uddannelse.'],
      },
      {
        activity: 'lektiehjaelp-for-voksne',
        year: 2013,
        kind: 'course',
        occurrences: 5,
        participants: 5,
        completed: 2,
        quotes: ['5 voksne har modtaget individuel lektiehjælp og mentorstøtte. To har fuldført deres uddannelse'],
      },
      {
        activity: 'lektiehjaelp-for-voksne',
        year: 2014,
        kind: 'course',
        occurrences: 13,
        participants: 13,
        completed: 6,
        quotes: ['13 voksne har modtaget individuel lektiehjælp og mentorstøtte i 2014, og 6 personer har gennemført deres uddannelsesforløb.'],
      },
      {
        activity: 'uddannelsesvejledning-for-unge',
        year: 2013,
        kind: 'contact',
        occurrences: 11,
        participants: 11,
        quotes: ['11 unge har modtaget individuel UU-vejledning'],
      },
      {
        activity: 'uddannelsesvejledning-for-unge',
        year: 2014,
        kind: 'contact',
        occurrences: 11,
        participants: 11,
        quotes: ['Hertil har 11 unge modtaget individuel vejledning.'],
      },
      {
        activity: 'parkcafeen-praktik',
        year: 2013,
        kind: 'course',
        occurrences: 18,
        participants: 18,
        completed: 9,
        quotes: [
          '18 unge har været i praktikforløb i ParkCafeen som en del af deres forløb hos Produktionshøjskolen, og 9 unge er efterfølgende begyndt i uddannelse.',
        ],
      },
      {
        activity: 'parkcafeen-praktik',
        year: 2014,
        kind: 'course',
        occurrences: 16,
        participants: 16,
        quotes: ['16 unge har været i praktikforløb i ParkCafeen som en del af deres forløb hos Produktionshøjskolen.'],
      },
      {
        activity: 'aktivt-medborgerskab',
        year: 2013,
        kind: 'course',
        occurrences: 1,
        participants: 9,
        quotes: ['9 voksne har deltaget i et særligt kursusforløb vedr.'],
      },
      {
        activity: 'aktivt-medborgerskab',
        year: 2014,
        kind: 'course',
        occurrences: 1,
        participants: 25,
        completed: 25,
        quotes: ['25 personer har i løbet af 2014 gennemført forløb, der har til hensigt at styrke kompetencer'],
      },
      {
        activity: 'uddannelsestilbud',
        year: 2013,
        kind: 'course',
        occurrences: 1,
        participants: 94,
        quotes: ['94 beboere har deltaget i et kursus eller andet uddannelsestilbud'],
      },
      {
        activity: 'uddannelsestilbud',
        year: 2014,
        kind: 'course',
        occurrences: 1,
        participants: 173,
        quotes: ['Der har i 2014 været 173 deltagere til undervisningstilbud'],
      },
      {
        activity: 'uddannelsestilbud',
        year: 2014,
        kind: 'event',
        occurrences: 7,
        participants: 208,
        quotes: ['Dertil er der blevet afholdt 7 arrangementer', 'hvor i alt 208 personer har deltaget.'],
      },
      {
        activity: 'jobklubber',
        year: 2014,
        kind: 'course',
        occurrences: 1,
        participants: 18,
        completed: 7,
        quotes: ['18 personer har i 2014 deltaget i Jobcentrets fremskudte indsats Jobklubber.', 'Af de 18 personer er 7 personer opstartet i en praktik.'],
      },
      // Børn, unge og familie
      {
        activity: 'boern-og-unge-i-foreningsliv',
        year: 2013,
        kind: 'contact',
        occurrences: 32,
        participants: 32,
        completed: 29,
        quotes: ['32 børn og unge har henvendt sig for mere viden om fritidsaktivitet og 29 er blevet indmeldt i foreninger med kontingentstøtte.'],
      },
      {
        activity: 'boern-og-unge-i-foreningsliv',
        year: 2014,
        kind: 'contact',
        occurrences: 25,
        participants: 25,
        completed: 18,
        quotes: ['25 børn og unge har henvendt sig for mere viden om fritidsaktivitet og 18 er blevet indmeldt i foreninger med kontingentstøtte.'],
      },
      {
        activity: 'boern-og-unge-i-foreningsliv',
        year: 2014,
        kind: 'event',
        occurrences: 1,
        participants: 25,
        quotes: ['I alt 25 deltog de dage det stod på.'],
      },
      {
        activity: 'plus12',
        year: 2013,
        kind: 'course',
        occurrences: 13,
        participants: 13,
        completed: 4,
        quotes: ['13 unge er blevet tilknyttet PLUS12 i 2013. Blandt disse er 4 unge blevet tilknyttet ekstern mentor'],
      },
      {
        activity: 'plus12',
        year: 2013,
        kind: 'level',
        occurrences: 1,
        participants: 10,
        quotes: ['Til klubben er tilknyttet 10 børn og unge fra boligområdet.'],
      },
      {
        activity: 'plus12',
        year: 2014,
        kind: 'course',
        occurrences: 14,
        participants: 14,
        completed: 12,
        quotes: ['14 unge er blevet tilknyttet PLUS12 i 2014. Af disse er 12 brobygget til andet relevant tilbud.'],
      },
      { activity: 'babycafe', year: 2013, kind: 'level', occurrences: 1, participants: 5, quotes: ['gennemsnitligt 5 mødre og deres børn pr. åbningsdag.'] },
      { activity: 'babycafe', year: 2014, kind: 'level', occurrences: 1, participants: 8, quotes: ['gennemsnitligt 8 mødre og deres børn pr. åbningsdag.'] },
      {
        activity: 'aaben-anonym-raadgivning',
        year: 2013,
        kind: 'contact',
        occurrences: 17,
        participants: 17,
        quotes: ['Der har været et ugentligt tilbud om anonym rådgivning ved sagsbehandler, og der har været i alt 17 henvendelser.'],
      },
      {
        activity: 'aaben-anonym-raadgivning',
        year: 2014,
        kind: 'level',
        occurrences: 1,
        participants: 1,
        quotes: ['der har gennemsnitligt været 1 bruger pr. åbningsdag.'],
      },
      {
        activity: 'familieklassen',
        year: 2013,
        kind: 'course',
        occurrences: 5,
        participants: 5,
        completed: 5,
        quotes: ['Familieklassen har haft 5 familier i et 12 ugers forløb i Familieklassen, og alle elever har opnået en bedre trivsel'],
      },
      {
        activity: 'familieklassen',
        year: 2014,
        kind: 'course',
        occurrences: 15,
        participants: 15,
        quotes: ['Familieklassen har givet 15 familier mulighed for at deltage i et 12 ugers forløb i Familieklassen.'],
      },
      {
        activity: 'teenagegrupper',
        year: 2013,
        kind: 'contact',
        occurrences: 54,
        participants: 54,
        completed: 27,
        quotes: [
          'Der er opnået kontakt til 54 unge i boligområderne i aktiviteten teenagegrupper.',
          'Der har været brobygning til boligsociale og kommunale tilbud for 27 af de unge',
        ],
      },
      // 003 l.293: "Der er i årene 2013-2014 opnået kontakt til 66 unge" – 66 − 54 (2013) = 12 new in 2014.
      {
        activity: 'teenagegrupper',
        year: 2014,
        kind: 'contact',
        occurrences: 66 - 54,
        participants: 66 - 54,
        newParticipants: 66 - 54,
        quotes: ['Der er i årene 2013-2014 opnået kontakt til 66 unge'],
      },
      {
        activity: 'koordinationsplatform-boern-og-unge',
        year: 2013,
        kind: 'level',
        occurrences: 1,
        participants: 25,
        quotes: ['Til platformen var der ved årets udgang tilknyttet 25 personer fra 17 forskellige institutioner.'],
      },
      // Beboernetværk, inddragelse og demokrati
      { activity: 'beboerambassadoerer', year: 2013, kind: 'level', occurrences: 1, participants: 13, quotes: ['Etablering af et beboerråd med 13 beboere'] },
      {
        activity: 'beboerambassadoerer',
        year: 2014,
        kind: 'level',
        occurrences: 1,
        participants: 17,
        quotes: ['Der har i årets løb været 17 beboere tilknyttet beboerrådet.'],
      },
      { activity: 'beboerambassadoerer', year: 2014, kind: 'event', occurrences: 1, participants: 70, quotes: ['hvor over 70 naboer mødte hinanden'] },
      {
        activity: 'kompetenceloeft-til-afdelingsbestyrelser',
        year: 2013,
        kind: 'contact',
        occurrences: 53,
        participants: 53,
        completed: 14,
        quotes: [
          'Der har i årets løb været kontakt til 53 unikke bestyrelsesmedlemmer',
          'Fjorten af disse bestyrelsesmedlemmer har indgået i et kompetenceløftende forløb.',
        ],
      },
      {
        activity: 'kompetenceloeft-til-afdelingsbestyrelser',
        year: 2014,
        kind: 'contact',
        occurrences: 59,
        participants: 59,
        newParticipants: 6,
        completed: 31,
        quotes: [
          'Der har i årets løb været kontakt til 6 nye bestyrelsesmedlemmer',
          'løbende dialog med op mod 59 bestyrelsesmedlemmer',
          'I 2014 har i alt 31 bestyrelsesmedlemmer taget imod tilbud om kompetenceløft.',
        ],
      },
      { activity: 'beboeraktiviteter', year: 2014, kind: 'level', occurrences: 1, participants: 1200, quotes: ['foreningens godt 1200 medlemmer'] },
      {
        activity: 'temadage-for-ejendomsfunktionaerer',
        year: 2013,
        kind: 'event',
        occurrences: 1,
        participants: 16,
        quotes: ['I alt 16 ejendomsfunktionærer deltog.'],
      },
      {
        activity: 'temadage-for-ejendomsfunktionaerer',
        year: 2014,
        kind: 'contact',
        occurrences: 19,
        participants: 19,
        quotes: ['19 ejendomsfunktionærer har i årets løb deltaget en eller flere gange i arrangementer'],
      },
      // Image og kommunikation
      {
        activity: 'intern-og-ekstern-kommunikation',
        year: 2013,
        kind: 'event',
        occurrences: 2,
        participants: 0,
        quotes: ['nåede at udkomme to gange i 2013 i hhv. juni og oktober.'],
      },
      {
        activity: 'intern-og-ekstern-kommunikation',
        year: 2013,
        kind: 'level',
        occurrences: 1,
        participants: 444,
        quotes: ['Gennemsnitligt 444 besøgende på hjemmesiden hver måned'],
      },
      {
        activity: 'intern-og-ekstern-kommunikation',
        year: 2014,
        kind: 'level',
        occurrences: 1,
        participants: 541,
        quotes: ['Gennemsnitligt 541 besøgende på hjemmesiden hver måned.'],
      },
      { activity: 'pressestrategi', year: 2013, kind: 'event', occurrences: 6, participants: 0, quotes: ['6 udsendte pressemeddelelser'] },
      { activity: 'pressestrategi', year: 2014, kind: 'event', occurrences: 4, participants: 0, quotes: ['I årets løb er der udsendt 4 pressemeddelelser.'] },
      {
        activity: 'borgerjournalister',
        year: 2013,
        kind: 'level',
        occurrences: 1,
        participants: 14,
        quotes: ['69 bidrag (artikler og billeder) til Nordbyposten og hjemmesiden leveret af 14 borgerjournalister.'],
      },
      {
        activity: 'borgerjournalister',
        year: 2014,
        kind: 'level',
        occurrences: 1,
        participants: 16,
        quotes: ['50 bidrag (artikler og billeder) til Nordbyposten og hjemmesiden leveret af 16 borgerjournalister.'],
      },
      // Sundhed
      {
        activity: 'familiers-sundhed',
        year: 2013,
        kind: 'course',
        occurrences: 12,
        participants: 12,
        quotes: ['I 2013 har den tilknyttede boligsociale medarbejder haft 12 familier i forløb'],
      },
      {
        activity: 'familiers-sundhed',
        year: 2013,
        kind: 'course',
        occurrences: 1,
        participants: 4,
        quotes: ['Fire af de i alt 12 familier har ydermere deltaget i et særligt tilrettelagt gruppeforløb'],
      },
      { activity: 'familiers-sundhed', year: 2014, kind: 'course', occurrences: 1, participants: 10, quotes: ['10 familier har deltaget i gruppeforløb.'] },
      {
        activity: 'familiers-sundhed',
        year: 2014,
        kind: 'course',
        occurrences: 13,
        participants: 13,
        quotes: ['Af de individuelle forløb har der i 2014 været iværksat i alt 13 forløb.'],
      },
    ];

    const shape = (d: {
      activity: string;
      date: string;
      kind: string;
      occurrences: number;
      participants: number;
      completed?: number;
      volunteers?: number;
      newParticipants?: number;
    }) => ({
      activity: d.activity,
      date: d.date,
      kind: d.kind,
      occurrences: d.occurrences,
      participants: d.participants,
      completed: d.completed,
      volunteers: d.volunteers,
      newParticipants: d.newParticipants,
    });

    const expectedRow = (r: Row) => shape({ ...r, date: `${r.year}-12-31` });

    test.each(ROWS.map((r, i) => [`${r.activity} ${r.year} #${i}`, r] as const))('%s', (_name, r) => {
      for (const q of r.quotes) expectQuote(r.year === 2013 ? DOC_2013 : DOC_2014, q);
      expect(p().historicalDeliveries.map(shape)).toContainEqual(expectedRow(r));
    });

    test('the data holds exactly these rows, no more', () => {
      const expected = ROWS.map(expectedRow);
      const key = (x: ReturnType<typeof shape>) => JSON.stringify(x);
      expect(p().historicalDeliveries.map(shape).map(key).sort()).toEqual(expected.map(key).sort());
    });

    test('every row is dated at the end of a reported year inside the plan period', () => {
      for (const d of p().historicalDeliveries) {
        expect(['2013-12-31', '2014-12-31']).toContain(d.date);
        expect(d.date >= p().startDate && d.date <= p().endDate).toBe(true);
      }
    });
  });
});

// ---------------------------------------------------------------------------------------------
// 2021-25 (web page 004)
// ---------------------------------------------------------------------------------------------

describe('plan 2021-25 against the web page (004)', () => {
  const p = () => plan('2021-25');

  test('five housing areas', () => {
    // 004 l.7: "… fem boligområder i Randers. Gl. Jennumparken og Glarbjergvej-området, … Vangdalen, Hermann Stillingsvej-området og Energivej-området …"
    expectQuote(
      DOC_WEB,
      'Med den nye helhedsplan kommer indsatsen til at involvere fem boligområder i Randers. Gl. Jennumparken og Glarbjergvej-området, ' +
        'som er såkaldte udsatte boligområder. Vangdalen, Hermann Stillingsvej-området og Energivej-området',
    );
    const areas = p().housingAreas;
    expect(areas).toHaveLength(5);
    const names = areas.map((h) => [h.name, ...h.aliases]);
    for (const n of ['Gl. Jennumparken', 'Glarbjergvej-området', 'Vangdalen', 'Hermann Stillingsvej-området', 'Energivej-området']) {
      expect({ n, found: names.some((all) => all.includes(n)) }).toEqual({ n, found: true });
    }
  });

  test('four focus areas as named on the page', () => {
    // 004 l.11-14: "• Uddannelse og livschancer • Beskæftigelse • Kriminalitetsforebyggelse • Sammenhængskraft og medborgerskab"
    expectQuote(DOC_WEB, '• Uddannelse og livschancer • Beskæftigelse • Kriminalitetsforebyggelse • Sammenhængskraft og medborgerskab');
    expect(p().focusAreas.map((f) => f.name)).toEqual([
      'Uddannelse og livschancer',
      'Beskæftigelse',
      'Kriminalitetsforebyggelse',
      'Sammenhængskraft og medborgerskab',
    ]);
  });

  test('runs from 2021 to 2025', () => {
    // 004 l.1: "Helhedsplanen 2021-2025"; l.5: "I marts 2021 godkendte byrådet en ny boligsocial helhedsplan, der indtil 2025 …"
    expectQuote(DOC_WEB, 'I marts 2021 godkendte byrådet en ny boligsocial helhedsplan, der indtil 2025');
    expect(p().startDate.slice(0, 4)).toBe('2021');
    expect(p().endDate.slice(0, 4)).toBe('2025');
    expect(p().sources).toContain(DOC_WEB);
  });

  test('street rules copied from 001 say so and quote an address line of 001', () => {
    const addressLines = rawDoc(DOC_2017)
      .split('\n')
      .slice(43, 66)
      .map((l) => l.trim());
    for (const period of ['2013-17', '2021-25'] as const) {
      for (const h of plan(period).housingAreas) {
        for (const r of h.streetRules) {
          const m = /^som i helhedsplan 2017-21 \(001\): (.*)$/.exec(r.source ?? '');
          expect({ period, area: h.key, street: r.street, source: r.source, ok: !!m && addressLines.includes(m[1]!) }).toMatchObject({ ok: true });
        }
      }
    }
  });
});
