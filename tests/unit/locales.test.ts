/**
 * Every language has every key of the Danish source, with the same interpolation variables, and
 * every plural form its language needs (Arabic six, Ukrainian four…). Every error code has a text.
 * No per-language text table hides in TypeScript; dates are day-first; counts take plural forms.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { PROJECT_ROOT } from '../../src/config/config';
import { ERROR_CODES } from '../../src/errors/domain-error';
import { formatCalendarDay, formatDateTime, formatDay, formatShortDay, intlLocale } from '../../src/i18n/format';
import { NAMESPACES, RTL_LANGUAGES, Translations, stripIsolates } from '../../src/i18n/i18n';
import { LANGUAGES } from '../../src/plan-data/plan-file';

const PLURAL = /_(zero|one|two|few|many|other)$/;
type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

function load(lang: string, ns: string): Map<string, string> {
  const file = join(PROJECT_ROOT, 'locales', lang, `${ns}.json`);
  return existsSync(file) ? flatten(JSON.parse(readFileSync(file, 'utf8')) as Tree) : new Map();
}

const vars = (s: string): string[] => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] as string).sort();

/** Base keys (plural suffix removed) with the union of their variables. */
function baseKeys(entries: Map<string, string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [k, v] of entries) {
    const base = k.replace(PLURAL, '');
    out.set(base, [...new Set([...(out.get(base) ?? []), ...vars(v)])].sort());
  }
  return out;
}

describe.each(LANGUAGES.filter((l) => l !== 'da'))('locale %s', (lang) => {
  const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
  test.each([...NAMESPACES])('%s has every Danish key, the same variables and its plural forms', (ns) => {
    const da = load('da', ns);
    const other = load(lang, ns);
    const problems: string[] = [];
    const daBase = baseKeys(da);
    const otherBase = baseKeys(other);
    for (const [key, daVars] of daBase) {
      if (!otherBase.has(key)) {
        problems.push(`missing ${key}`);
        continue;
      }
      const plural = [...da.keys()].some((k) => k !== key && k.replace(PLURAL, '') === key);
      if (plural) {
        for (const c of categories) if (!other.has(`${key}_${c}`)) problems.push(`missing plural ${key}_${c}`);
      }
      const theirs = otherBase.get(key) ?? [];
      // A plural form may leave out {{count}} ("one seat left"), nothing else.
      const need = plural ? daVars.filter((v) => v !== 'count') : daVars;
      for (const v of need) if (!theirs.includes(v)) problems.push(`${key}: variable {{${v}}} missing`);
      for (const v of theirs) if (!daVars.includes(v)) problems.push(`${key}: unknown variable {{${v}}}`);
    }
    for (const key of otherBase.keys()) if (!daBase.has(key)) problems.push(`extra key ${key}`);
    for (const [key, value] of other) if (!value.trim()) problems.push(`${key} is empty`);
    expect(problems).toEqual([]);
  });

  if (RTL_LANGUAGES.includes(lang)) {
    test('right-to-left texts are written in Arabic script', () => {
      const values = NAMESPACES.flatMap((ns) => [...load(lang, ns).values()]);
      const arabic = values.filter((v) => /[\u0600-\u06FF]/.test(v));
      expect(arabic.length / values.length).toBeGreaterThan(0.95);
    });
  }
});

describe('Danish source', () => {
  test('every error code has a text', () => {
    const errors = load('da', 'errors');
    expect(ERROR_CODES.filter((c) => !errors.has(c))).toEqual([]);
  });

  test('interpolated values are isolated so right-to-left text keeps its order', () => {
    const t = new Translations().translator('ar');
    const line = t('common:language.changed', { language: 'Dansk' });
    expect(line).toContain('\u2068Dansk\u2069');
    expect(stripIsolates(line)).toContain('Dansk');
  });

  test('Arabic picks its plural forms', () => {
    const t = new Translations().translator('ar');
    const forms = [0, 1, 2, 3, 11, 100].map((count) => stripIsolates(t('resident:event.places_left', { count })));
    expect(new Set(forms).size).toBeGreaterThanOrEqual(5);
  });
});

/**
 * One text system: a per-language text table left in TypeScript is a test failure. The rule, read
 * with the TypeScript parser over every .ts file under bots/ and src/ (generated Prisma code
 * aside): an object literal with at least three of our language codes as keys (`da:`, `ar:` …)
 * whose values hold a string of two or more words, directly or in nested objects. Word lists
 * in arrays are not shown to anyone (they are what the reader understands: NLU lexicons, cancel
 * words), so strings inside arrays do not count. The exceptions are listed here with their reason.
 */
describe('no visible text outside locales/', () => {
  const ALLOWED: Record<string, string> = {
    // Column headers of the plan workbook, a Danish document for the plan's coordinators by design.
    'src/plan-workbook/layout.ts:LANGUAGE_HEADERS': 'Danish workbook headers',
  };

  function tsFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = join(dir, e.name);
      if (e.isDirectory()) return e.name === 'generated' || e.name === 'node_modules' ? [] : tsFiles(p);
      return e.name.endsWith('.ts') ? [p] : [];
    });
  }

  const key = (p: ts.ObjectLiteralElementLike): string | undefined =>
    p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;

  // Strings of two or more words reachable through object values (not through arrays).
  function wordyStrings(node: ts.Node): string[] {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return /\p{L}+\s+\p{L}+/u.test(node.text) ? [node.text] : [];
    if (ts.isObjectLiteralExpression(node)) return node.properties.flatMap((p) => (ts.isPropertyAssignment(p) ? wordyStrings(p.initializer) : []));
    if (ts.isAsExpression(node) || ts.isParenthesizedExpression(node) || ts.isSatisfiesExpression(node)) return wordyStrings(node.expression);
    return [];
  }

  function textTables(file: string): string[] {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const found: string[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isObjectLiteralExpression(node)) {
        const langs = node.properties.filter((p) => (LANGUAGES as readonly string[]).includes(key(p) ?? ''));
        if (langs.length >= 3 && langs.some((p) => ts.isPropertyAssignment(p) && wordyStrings(p.initializer).length > 0)) {
          let holder: ts.Node = node.parent;
          while (holder && !ts.isVariableDeclaration(holder) && !ts.isPropertyAssignment(holder) && !ts.isSourceFile(holder)) holder = holder.parent;
          const name =
            holder && (ts.isVariableDeclaration(holder) || ts.isPropertyAssignment(holder))
              ? holder.name.getText(source)
              : `line ${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
          found.push(`${relative(PROJECT_ROOT, file)}:${name}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    return found;
  }

  test('no per-language text table is kept in TypeScript under bots/ or src/', () => {
    const tables = ['bots', 'src'].flatMap((d) => tsFiles(join(PROJECT_ROOT, d))).flatMap(textTables);
    expect(tables.filter((t) => !(t in ALLOWED))).toEqual([]);
    // The exceptions still exist (a stale exception would hide nothing, but says something false).
    expect(Object.keys(ALLOWED).filter((a) => !tables.includes(a))).toEqual([]);
  });

  test('the rule catches a table like the ones that were moved', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nabo-locale-rule-'));
    const file = join(dir, 'texts.ts');
    writeFileSync(
      file,
      "export const SLOW_DOWN = { da: 'Vent et øjeblik.', en: 'Please wait a moment.', ar: 'انتظر لحظة من فضلك.' };\nconst WORDS = { da: ['glem det'], en: ['never mind'], ar: ['إلغاء الأمر'] };\n",
    );
    expect(textTables(file)).toEqual([`${relative(PROJECT_ROOT, file)}:SLOW_DOWN`]);
  });
});

describe('dates are day-first in every language', () => {
  // 2 December 2026 at 17.30 Copenhagen time: day 2, month 12 ("12/2" would read as 12 February).
  const instant = new Date('2026-12-02T16:30:00Z');
  const day = new Date(Date.UTC(2026, 11, 2));
  const ascii = (s: string): string =>
    s
      .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660))
      .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x6f0))
      .replace(/[\u200e\u200f\u061c]/g, '');

  test.each([...LANGUAGES])('%s: the day comes before the month in every date helper', (lang) => {
    const parts = new Intl.DateTimeFormat(intlLocale(lang), { day: 'numeric', month: 'long', timeZone: 'UTC' }).formatToParts(day);
    const monthName = parts.find((p) => p.type === 'month')?.value ?? '?';
    for (const text of [formatDay(instant, lang), formatDateTime(instant, lang), formatCalendarDay(day, lang)].map(ascii)) {
      const dayAt = text.search(/(^|\D)0?2(\D|$)/);
      const monthAt = text.indexOf(monthName);
      expect({ text, dayFirst: dayAt >= 0 && dayAt < monthAt }).toEqual({ text, dayFirst: true });
    }
    const short = ascii(formatShortDay(instant, lang));
    expect({ short, numbers: short.match(/\d+/g)?.map(Number) }).toEqual({ short, numbers: [2, 12] });
  });
});

/**
 * Counts take plural forms: a number written right before a counted Danish noun ("{{x}} børn")
 * must be `{{count}}` in a plural key, whose _one form has the singular ("1 barn", never "1 børn").
 */
describe('plural forms for counts', () => {
  const NOUNS: Record<string, string> = {
    voksen: 'voksne',
    barn: 'børn',
    plads: 'pladser',
    person: 'personer',
    dag: 'dage',
    time: 'timer',
    uge: 'uger',
    måned: 'måneder',
    arrangement: 'arrangementer',
    gang: 'gange',
    tilmelding: 'tilmeldinger',
    henvendelse: 'henvendelser',
    rådgivningstid: 'rådgivningstider',
    minut: 'minutter',
  };
  const PLURALS = new Map(Object.entries(NOUNS).map(([one, other]) => [other, one]));
  // Stated exceptions, each with its reason; a stale entry fails the test too.
  const ALLOWED: Record<string, string> = {
    'staff:attendance.none': '{{days}} is the constant DAYS_BACK (7), never 1',
  };

  test('a number before a counted noun comes from a plural key with the right form', () => {
    const problems: string[] = [];
    for (const ns of NAMESPACES) {
      for (const [key, value] of load('da', ns)) {
        const id = `${ns}:${key.replace(PLURAL, '')}`;
        const form = PLURAL.exec(key)?.[1];
        for (const m of value.matchAll(/\{\{\s*(\w+)\s*\}\}\s+(\p{L}+)/gu)) {
          const [, variable, noun] = m as unknown as [string, string, string];
          const isOne = noun in NOUNS;
          const isOther = PLURALS.has(noun);
          if (!isOne && !isOther) continue;
          if (variable !== 'count' || !form) problems.push(`${id}: "{{${variable}}} ${noun}" is not a plural key`);
          else if (form === 'one' && !isOne) problems.push(`${id}_one: "${noun}" should be singular (${PLURALS.get(noun)})`);
          else if (form === 'other' && !isOther) problems.push(`${id}_other: "${noun}" should be plural (${NOUNS[noun]})`);
        }
      }
    }
    // An entry ending in ":" covers a namespace; otherwise one key (and its plural forms).
    const covers = (entry: string, p: string): boolean => (entry.endsWith(':') ? p.startsWith(entry) : p.startsWith(`${entry}:`) || p.startsWith(`${entry}_`));
    const unexplained = [...new Set(problems)].filter((p) => !Object.keys(ALLOWED).some((a) => covers(a, p)));
    expect(unexplained).toEqual([]);
    expect(Object.keys(ALLOWED).filter((a) => !problems.some((p) => covers(a, p)))).toEqual([]);
  });

  test('one child is "1 barn", one place "1 plads", one day "1 dag"', () => {
    const t = new Translations().translator('da');
    expect(stripIsolates(t('resident:event.places_left', { count: 1 }))).toMatch(/\b1 plads\b/);
    expect(stripIsolates(t('staff:handovers.days', { count: 1 }))).toBe('1 dag');
    expect(stripIsolates(t('staff:handovers.days', { count: 3 }))).toBe('3 dage');
    const existing = stripIsolates(t('resident:signup.existing', { title: 'Fællesspisning', when: 'torsdag', adults: 1, children: 1, position: 0 }));
    expect(existing).not.toMatch(/\b1 (børn|voksne)\b/);
  });
});
