/**
 * Every language has every key of the Danish source, with the same interpolation variables, and
 * every plural form its language needs (Arabic six, Ukrainian four…). Every error code has a text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config/config';
import { ERROR_CODES } from '../../src/errors/domain-error';
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
