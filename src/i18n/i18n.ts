/**
 * Translations with i18next: locales/<language>/<namespace>.json, Danish the source and fallback.
 * Interpolated values are wrapped in Unicode isolates (U+2068 … U+2069) so a Latin name inside
 * Arabic text, or an Arabic name inside Danish, keeps its order. Missing keys are reported loudly.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n as I18n, type Resource, type ResourceKey } from 'i18next';
import { PROJECT_ROOT } from '../config/config';
import { LANGUAGES, type Language } from '../plan-data/plan-file';
import { localDigits } from './format';

const isLanguage = (l: unknown): l is Language => (LANGUAGES as readonly unknown[]).includes(l);

export const NAMESPACES = ['common', 'resident', 'staff', 'coordinator', 'errors', 'plan-workbook', 'series', 'broadcast', 'channel', 'handover'] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** Languages written right to left. */
export const RTL_LANGUAGES: readonly Language[] = ['ar', 'fa', 'ckb'];
export const FSI = '\u2068';
export const PDI = '\u2069';

/** Each language's own name, for the language menu. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  da: 'Dansk',
  ar: 'العربية',
  en: 'English',
  so: 'Soomaali',
  tr: 'Türkçe',
  uk: 'Українська',
  fa: 'دری / فارسی',
  ckb: 'کوردی (سۆرانی)',
};

/** A translate function bound to one language. Keys are "namespace:key". */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Wraps a value in Unicode isolates. */
export function isolate(value: string | number): string {
  return `${FSI}${value}${PDI}`;
}

/** Removes Unicode isolates, for plain-text comparisons in tests and logs. */
export function stripIsolates(text: string): string {
  return text.replace(/[\u2068\u2069]/g, '');
}

/**
 * Parameter names i18next reads as options (a count picks a plural form, a context another key…):
 * a call with any of them is left to i18next.
 */
const I18NEXT_OPTIONS = new Set([
  'count',
  'context',
  'ordinal',
  'defaultValue',
  'lng',
  'lngs',
  'ns',
  'replace',
  'returnObjects',
  'returnDetails',
  'joinArrays',
  'postProcess',
  'interpolation',
  'skipInterpolation',
  'keySeparator',
  'nsSeparator',
  'fallbackLng',
]);

/** Per language, how many texts i18next wrote are remembered before starting over. */
const RENDERED_REMEMBERED = 5000;

/** A stored text split at its {{name}} places: literal, name, literal, …, literal. */
interface Template {
  literals: string[];
  names: string[];
}

const PLACE = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * Splits a stored text at plain {{name}} places; null when it holds anything else i18next would
 * interpret (nesting with $t(…), a format after a comma, an unescaped {{- name}}): those stay with i18next.
 */
function compileTemplate(raw: unknown): Template | null {
  if (typeof raw !== 'string' || raw.includes('$t(')) return null;
  const literals: string[] = [];
  const names: string[] = [];
  let last = 0;
  for (const m of raw.matchAll(PLACE)) {
    literals.push(raw.slice(last, m.index));
    names.push(m[1] as string);
    last = m.index + m[0].length;
  }
  literals.push(raw.slice(last));
  if (literals.some((l) => l.includes('{{'))) return null;
  return { literals, names };
}

function fillTemplate(template: Template, values: Record<string, string | number>): string {
  let out = template.literals[0] as string;
  for (let i = 0; i < template.names.length; i++) out += String(values[template.names[i] as string]) + (template.literals[i + 1] as string);
  return out;
}

/** Reads every locale file below `dir` into i18next's resource shape. */
export function readLocales(dir = join(PROJECT_ROOT, 'locales')): Resource {
  const resources: Resource = {};
  for (const lang of readdirSync(dir)) {
    const namespaces: Record<string, ResourceKey> = {};
    for (const ns of NAMESPACES) {
      const file = join(dir, lang, `${ns}.json`);
      if (existsSync(file)) namespaces[ns] = JSON.parse(readFileSync(file, 'utf8')) as ResourceKey;
    }
    resources[lang] = namespaces;
  }
  return resources;
}

/** The translations, loaded once; `translator(lang)` gives a bound translate function. */
export class Translations {
  private readonly instance: I18n;
  private readonly missing = new Set<string>();
  /** Texts without values, per language: the resources never change after loading, and i18next's lookup is costly (a menu asks for ten of them on most turns). */
  private readonly plain = new Map<Language, Map<string, string>>();
  /** Texts with simple {{name}} places, per language, split once (null: i18next interpolates them). */
  private readonly templates = new Map<Language, Map<string, Template | null>>();
  /** What i18next wrote for a key and its values, per language (see translator). */
  private readonly rendered = new Map<Language, Map<string, string>>();

  constructor(
    resources = readLocales(),
    private readonly onMissing: (lang: string, key: string) => void = () => undefined,
  ) {
    this.instance = i18next.createInstance();
    void this.instance.init({
      resources,
      lng: 'da',
      fallbackLng: 'da',
      supportedLngs: [...LANGUAGES],
      ns: [...NAMESPACES],
      defaultNS: 'common',
      initAsync: false,
      interpolation: { escapeValue: false },
      saveMissing: true,
      missingKeyHandler: (lngs: readonly string[], ns: string, key: string) => {
        const id = `${lngs.join(',')}:${ns}:${key}`;
        if (!this.missing.has(id)) {
          this.missing.add(id);
          this.onMissing(lngs.join(','), `${ns}:${key}`);
        }
      },
    });
    // A count stays a number for the plural form; written as "{{count, digits}}" it gets the language's digits, like
    // every other number (Dari "۲۸", Sorani "٢٨").
    this.instance.services.formatter?.add('digits', (value: unknown, lng?: string) =>
      typeof value === 'number' && isLanguage(lng) ? localDigits(value, lng) : String(value),
    );
  }

  /** A translate function for one language; numbers in params also choose the plural form via `count`. */
  translator(language: Language): Translate {
    const t = this.instance.getFixedT(language);
    let plain = this.plain.get(language);
    if (!plain) this.plain.set(language, (plain = new Map()));
    const known = plain;
    let templates = this.templates.get(language);
    if (!templates) this.templates.set(language, (templates = new Map()));
    const compiled = templates;
    let renderedTexts = this.rendered.get(language);
    if (!renderedTexts) this.rendered.set(language, (renderedTexts = new Map()));
    const rendered = renderedTexts;
    return (key, params) => {
      if (params === undefined) {
        let text = known.get(key);
        if (text === undefined) known.set(key, (text = String(t(key, {}))));
        return text;
      }
      const wrapped: Record<string, string | number> = {};
      let plainValues = true;
      for (const [k, v] of Object.entries(params)) {
        wrapped[k] = k === 'count' ? v : isolate(typeof v === 'number' ? localDigits(v, language) : v);
        if (I18NEXT_OPTIONS.has(k)) plainValues = false;
      }
      if (plainValues) {
        // Values that only fill {{name}} places: filled here from the text as stored, without i18next's
        // lookup and interpolation on every call (a progress table asks for hundreds of such texts).
        let template = compiled.get(key);
        if (template === undefined) compiled.set(key, (template = compileTemplate(t(key, { skipInterpolation: true }))));
        if (template && template.names.every((n) => wrapped[n] !== undefined)) return fillTemplate(template, wrapped);
      }
      // The rest (plural forms, formats) is i18next's; what it wrote for the same key and values is
      // remembered, since the resources never change (an event's "3 places left" is listed on turn after turn).
      let id = key;
      for (const [k, v] of Object.entries(params)) id += `\u0000${k}\u0000${typeof v}\u0000${v}`;
      const seen = rendered.get(id);
      if (seen !== undefined) return seen;
      const options: Record<string, unknown> = { ...wrapped };
      if (typeof params['count'] === 'number') options['count'] = params['count'];
      const text = String(t(key, options));
      if (rendered.size >= RENDERED_REMEMBERED) rendered.clear();
      rendered.set(id, text);
      return text;
    };
  }

  /** Keys asked for that exist in no language (programming errors). */
  missingKeys(): string[] {
    return [...this.missing];
  }
}

/** Text direction of a language. */
export function directionOf(language: Language): 'rtl' | 'ltr' {
  return RTL_LANGUAGES.includes(language) ? 'rtl' : 'ltr';
}

let shared: Translations | null = null;

/**
 * One process-wide instance for texts an adapter says outside a conversation turn (the rate
 * limit, the tenant refusal, cards it posts on its own), where no engine is at hand. Loaded on
 * first use; the composition root's instance is used wherever a turn is.
 */
export function sharedTranslations(): Translations {
  shared ??= new Translations();
  return shared;
}
