/**
 * The dashboard tab's languages and the shape of its texts. The words themselves are in
 * locales/<language>/channel.json ("tab.*"); the server reads them with i18next and sends them
 * with the page (server-texts.ts), because the browser bundle cannot load i18next's files. Shared
 * by the server and the bundle, so it imports nothing: the bundle stays small.
 */

export const TAB_LANGUAGES = ['da', 'ar', 'en', 'so', 'tr', 'uk', 'fa', 'ckb'] as const;
export type TabLanguage = (typeof TAB_LANGUAGES)[number];
export const RTL_TAB_LANGUAGES: readonly TabLanguage[] = ['ar', 'fa', 'ckb'];

export type TabStatus = 'achieved' | 'on_track' | 'at_risk' | 'behind' | 'not_computable';
export type TabPeriod = 'plan-year' | 'reporting-period' | 'whole-plan';

/** The tab's texts in one language, as the server sends them. */
export interface TabTexts {
  title: string;
  period: string;
  periods: Record<TabPeriod, string>;
  status: Record<TabStatus, string>;
  actual: string;
  target: string;
  expected: string;
  asOf: string;
  loading: string;
  noAccess: string;
  failed: string;
  noTargets: string;
  elapsed: string;
  /** "Planår {n}", "Leverancemåling {n}": the selector's options, {n} filled in by the bundle. */
  planYearN: string;
  reportingN: string;
  custom: string;
  from: string;
  to: string;
  show: string;
  previous: string;
  compared: string;
  noPrevious: string;
  indicators: string;
  baseline: string;
  measurements: string;
  noMeasurements: string;
  download: string;
  /** The plan selector's label. */
  plan: string;
  /** The coordinator's link to the page where the plan is downloaded and uploaded as a workbook. */
  planWorkbook: string;
  print: string;
  /** "Frivillige: {people} · {hours} timer". */
  volunteers: string;
  /** "Frivillige: {people}", when no hours were logged. */
  volunteersPeople: string;
  inPeriod: string;
}

/** "ar-SA" → "ar"; Dari (prs) reads Persian, Kurdish (ku) Sorani; anything else Danish. */
export function tabLanguage(tag: string | null | undefined): TabLanguage {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  const mapped = base === 'prs' ? 'fa' : base === 'ku' ? 'ckb' : base;
  return (TAB_LANGUAGES as readonly string[]).includes(mapped) ? (mapped as TabLanguage) : 'da';
}
