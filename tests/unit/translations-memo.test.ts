/**
 * Texts without values are remembered per language (src/i18n/i18n.ts): asked again they are the same
 * text, each language keeps its own, texts with values are still filled in each time, and a missing
 * key is still reported.
 */
import i18next from 'i18next';
import { isolate, NAMESPACES, readLocales, Translations } from '../../src/i18n/i18n';
import { localDigits } from '../../src/i18n/format';
import { LANGUAGES } from '../../src/plan-data/plan-file';

test('remembered texts stay per language, values are filled in each time, a missing key is reported', () => {
  const missing: string[] = [];
  const translations = new Translations(
    {
      da: { common: { hello: 'Hej', count: 'Du har {{n}} tilmeldinger' } },
      ar: { common: { hello: 'مرحبا' } },
    },
    (lang, key) => missing.push(`${lang} ${key}`),
  );
  const da = translations.translator('da');
  const ar = translations.translator('ar');
  expect([da('common:hello'), da('common:hello'), ar('common:hello'), ar('common:hello')]).toEqual(['Hej', 'Hej', 'مرحبا', 'مرحبا']);
  // A key only Danish has falls back to Danish in Arabic.
  expect(ar('common:count', { n: 2 })).toBe('Du har \u20682\u2069 tilmeldinger');
  expect(da('common:count', { n: 3 })).toBe('Du har \u20683\u2069 tilmeldinger');
  expect(da('common:count', { n: 4 })).toBe('Du har \u20684\u2069 tilmeldinger');
  // A second translator for the same language shares what was remembered and gives the same text.
  expect(translations.translator('da')('common:hello')).toBe('Hej');
  da('common:nothing');
  da('common:nothing');
  expect(missing).toHaveLength(1);
  expect(missing[0]).toContain('common:nothing');
});

test('numbers take the digits the language writes dates with: Dari and Sorani counts and values in their own digits, the rest unchanged', () => {
  const translations = new Translations();
  const fa = translations.translator('fa');
  const ckb = translations.translator('ckb');
  const da = translations.translator('da');
  expect(fa('resident:event.places_left', { count: 25 })).toBe('(۲۵ جای خالی مانده)');
  expect(da('resident:event.places_left', { count: 25 })).toContain('25');
  expect(fa('resident:signup.party_changed', { adults: 2, children: 1 })).not.toMatch(/[0-9]/);
  expect(fa('resident:signup.party_changed', { adults: 2, children: 1 })).toContain('۲');
  expect(ckb('resident:signup.party_changed', { adults: 2, children: 1 })).toContain('٢');
  // Only the digits change: no grouping, so a year stays a year.
  expect(da('resident:signup.party_changed', { adults: 2022, children: 1 })).toContain('2022');
});

/** A plain i18next instance set up as src/i18n/i18n.ts sets up its own, the 'digits' format included: the reference. */
async function i18nextAsNaboSetsItUp(resources: ReturnType<typeof readLocales>): Promise<ReturnType<typeof i18next.createInstance>> {
  const reference = i18next.createInstance();
  await reference.init({
    resources,
    lng: 'da',
    fallbackLng: 'da',
    ns: [...NAMESPACES],
    defaultNS: 'common',
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  reference.services.formatter?.add('digits', (value: unknown, lng?: string) =>
    typeof value === 'number' && (LANGUAGES as readonly string[]).includes(lng ?? '') ? localDigits(value, lng as (typeof LANGUAGES)[number]) : String(value),
  );
  return reference;
}

/**
 * Texts with {{name}} places are filled without i18next once split (src/i18n/i18n.ts): every such text of every
 * language must read exactly as i18next itself writes it, with the same values, isolates and digits.
 */
test('every text with values reads as i18next writes it, in every language', async () => {
  const resources = readLocales();
  const reference = await i18nextAsNaboSetsItUp(resources);
  const translations = new Translations(resources);
  const flat = (prefix: string, value: unknown, out: [string, string][]): [string, string][] => {
    if (typeof value === 'string') out.push([prefix, value]);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) flat(prefix ? `${prefix}.${k}` : k, v, out);
    return out;
  };
  let compared = 0;
  for (const language of LANGUAGES) {
    const t = translations.translator(language);
    const ref = reference.getFixedT(language);
    for (const ns of NAMESPACES) {
      const texts = flat('', (resources.da as Record<string, unknown>)[ns], []);
      for (const [key, text] of texts) {
        const names = [...new Set([...text.matchAll(/\{\{\s*([A-Za-z_]\w*)\s*\}\}/g)].map((m) => m[1] as string))];
        if (names.length === 0 || names.includes('count')) continue;
        // Half the values are numbers (they take the language's digits), half words with a place sign in them.
        const params = Object.fromEntries(names.map((n, i) => [n, i % 2 ? 10 + i : `«${n} {{x}}»`]));
        const expected = String(
          ref(`${ns}:${key}`, Object.fromEntries(Object.entries(params).map(([k, v]) => [k, isolate(typeof v === 'number' ? localDigits(v, language) : v)]))),
        );
        expect(`${language} ${ns}:${key} ${t(`${ns}:${key}`, params)}`).toBe(`${language} ${ns}:${key} ${expected}`);
        // Asked again (now from the split text), the same.
        expect(t(`${ns}:${key}`, params)).toBe(expected);
        compared++;
      }
    }
  }
  expect(compared).toBeGreaterThan(500);
});

/**
 * Plural texts stay with i18next and what it wrote is remembered (src/i18n/i18n.ts): every plural text of
 * every language, asked twice with the same count and then with others, reads as i18next writes it.
 */
test('plural texts read as i18next writes them, asked once or again, for every count form', async () => {
  const resources = readLocales();
  const reference = await i18nextAsNaboSetsItUp(resources);
  const translations = new Translations(resources);
  const plurals = new Set<string>();
  const walk = (prefix: string, value: unknown): void => {
    if (typeof value === 'string') {
      const m = /^(.*)_(zero|one|two|few|many|other)$/.exec(prefix);
      if (m) plurals.add(m[1] as string);
    } else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(prefix ? `${prefix}.${k}` : k, v);
  };
  for (const ns of NAMESPACES) walk(ns, (resources.da as Record<string, unknown>)[ns]);
  const key = (path: string): string => path.replace('.', ':');
  let compared = 0;
  for (const language of LANGUAGES) {
    const t = translations.translator(language);
    const ref = reference.getFixedT(language);
    for (const path of plurals) {
      const names = [
        ...new Set(
          [...JSON.stringify((resources.da as Record<string, unknown>)[path.split('.')[0] as string]).matchAll(/\{\{\s*([A-Za-z_]\w*)/g)].map(
            (m) => m[1] as string,
          ),
        ),
      ];
      for (const count of [0, 1, 2, 5, 11, 21, 1, 0]) {
        const params: Record<string, string | number> = { count, ...Object.fromEntries(names.filter((n) => n !== 'count').map((n) => [n, `«${n}»`])) };
        const expected = String(ref(key(path), { ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, k === 'count' ? v : isolate(v)])) }));
        expect(`${language} ${path} ${count} ${t(key(path), params)}`).toBe(`${language} ${path} ${count} ${expected}`);
        compared++;
      }
    }
  }
  expect(compared).toBeGreaterThan(300);
});
