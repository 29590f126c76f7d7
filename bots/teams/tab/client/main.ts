/// <reference lib="dom" />
/**
 * The dashboard tab in the browser. Inside Teams it initialises teams-js for the user's locale and
 * theme (and, with SSO configured, a token); outside Teams that call never answers, so it gives up
 * after a moment and falls back to ?lang= and the light theme. Data comes from /api/progress with
 * the signed link's token (?token=) as bearer token. Its texts come from the server: embedded in
 * the page for the link's language, or from /tab/texts when Teams reports another one. The
 * selector offers every plan year and reporting period, the whole plan and a custom range;
 * coordinators get a button that downloads the report's workbook, and everyone a print button
 * (the page prints on A4 without its controls).
 */
import { app, authentication } from '@microsoft/teams-js';
import type { PeriodOptionDto, ProgressDto } from '../progress-dto';
import { RTL_TAB_LANGUAGES, tabLanguage, type TabLanguage, type TabPeriod, type TabTexts } from '../texts';
import { dayFirstDates, el, fill, renderProgress } from './render';

const TEAMS_TIMEOUT_MS = 1500;
const PERIODS: readonly TabPeriod[] = ['plan-year', 'reporting-period', 'whole-plan'];
/** The selector's value that opens the date fields. */
const CUSTOM = 'custom';

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);
}

interface Host {
  inTeams: boolean;
  locale?: string;
  theme?: string;
}

async function host(): Promise<Host> {
  try {
    await withTimeout(app.initialize(), TEAMS_TIMEOUT_MS);
    const ctx = await withTimeout(app.getContext(), TEAMS_TIMEOUT_MS);
    app.registerOnThemeChangeHandler((theme) => applyTheme(theme));
    return { inTeams: true, locale: ctx.app.locale, theme: ctx.app.theme };
  } catch {
    return { inTeams: false };
  }
}

function applyTheme(theme: string | undefined): void {
  document.body.dataset['theme'] = theme === 'dark' || theme === 'contrast' ? theme : 'default';
}

function byId<T extends HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`missing #${id}`);
  return e as T;
}

async function bearer(h: Host, params: URLSearchParams): Promise<string | null> {
  const link = params.get('token');
  if (link) return link;
  if (h.inTeams && document.body.dataset['sso'] === '1') {
    try {
      return await authentication.getAuthToken();
    } catch {
      return null;
    }
  }
  return null;
}

/** The texts the page came with, and in which language. */
function embeddedTexts(): { language: string; texts: TabTexts } {
  const e = byId('tab-texts');
  return { language: e.dataset['lang'] ?? 'da', texts: JSON.parse(e.textContent ?? '{}') as TabTexts };
}

/** The texts for `language`: the embedded ones when they match, else asked from the server (embedded on failure). */
async function textsFor(language: TabLanguage): Promise<TabTexts> {
  const embedded = embeddedTexts();
  if (embedded.language === language) return embedded.texts;
  try {
    const res = await fetch(`/tab/texts?lang=${encodeURIComponent(language)}`);
    if (res.ok) return ((await res.json()) as { texts: TabTexts }).texts;
  } catch {
    // The page's own language is still better than nothing.
  }
  return embedded.texts;
}

function applyLanguage(language: TabLanguage, texts: TabTexts): void {
  document.documentElement.lang = language;
  document.documentElement.dir = RTL_TAB_LANGUAGES.includes(language) ? 'rtl' : 'ltr';
  document.title = texts.title;
  byId('title').textContent = texts.title;
  byId('period-label').textContent = texts.period;
  byId('plan-label').textContent = texts.plan;
  byId('from-label').textContent = texts.from;
  byId('to-label').textContent = texts.to;
  byId('show').textContent = texts.show;
  byId('download').textContent = texts.download;
  byId('plan-workbook').textContent = texts.planWorkbook;
  byId('print').textContent = texts.print;
  const select = byId<HTMLSelectElement>('period');
  select.replaceChildren(...PERIODS.map((p) => new Option(texts.periods[p], p)));
}

/** "Planår 2", "Leverancemåling 5", "Hele planen", or the dates of a custom range. */
function periodNamer(texts: TabTexts, periods: readonly PeriodOptionDto[], locale: string): (code: string) => string {
  return (code) => {
    const p = periods.find((x) => x.code === code);
    if (p?.kind === 'plan-year') return fill(texts.planYearN, { n: p.year });
    if (p?.kind === 'reporting-period') return fill(texts.reportingN, { n: p.index ?? 0 });
    if (p?.kind === 'whole-plan') return texts.periods['whole-plan'];
    const d = /^d(\d{4})(\d{2})(\d{2})-(\d{4})(\d{2})(\d{2})$/.exec(code);
    return d ? dayFirstDates(`${d[1]}-${d[2]}-${d[3]}–${d[4]}-${d[5]}-${d[6]}`, locale).replace('–', ' – ') : code;
  };
}

/** The selector: plan years, reporting periods, the whole plan and a custom range, the shown period chosen. */
function fillSelector(texts: TabTexts, data: ProgressDto, name: (code: string) => string, locale: string): void {
  const span = (p: PeriodOptionDto): string => dayFirstDates(`${p.from}–${p.to}`, locale).replace('–', ' – ');
  const select = byId<HTMLSelectElement>('period');
  const group = (label: string, kind: PeriodOptionDto['kind']): HTMLOptGroupElement => {
    const g = document.createElement('optgroup');
    g.label = label;
    g.append(...data.periods.filter((p) => p.kind === kind).map((p) => new Option(`${name(p.code)} (${span(p)})`, p.code)));
    return g;
  };
  const custom = new Option(texts.custom, CUSTOM);
  const options: HTMLElement[] = [
    group(texts.periods['plan-year'], 'plan-year'),
    group(texts.periods['reporting-period'], 'reporting-period'),
    ...data.periods.filter((p) => p.kind === 'whole-plan').map((p) => new Option(`${name(p.code)} (${span(p)})`, p.code)),
  ];
  if (data.period.kind === 'custom') options.push(new Option(`${name(data.period.code)}`, data.period.code));
  select.replaceChildren(...options, custom);
  select.value = data.period.code;
  const [from, to] = [byId<HTMLInputElement>('from'), byId<HTMLInputElement>('to')];
  // The plan's first and last day: plan year 1 comes first, the whole plan last.
  for (const input of [from, to]) [input.min, input.max] = [data.periods[0]?.from ?? '', data.periods[data.periods.length - 1]?.to ?? ''];
  if (!from.value) [from.value, to.value] = [data.period.from, data.period.to];
}

/** The report's address for the shown period; with a signed link its token goes in the URL, an SSO token in a header. */
function reportUrl(data: ProgressDto, language: TabLanguage, link: string | null): string {
  const q = new URLSearchParams({ plan: data.planKey, period: data.period.code, lang: language });
  if (link) q.set('token', link);
  return `/tab/report.xlsx?${q.toString()}`;
}

interface State {
  language: TabLanguage;
  texts: TabTexts;
  token: string | null;
  /** The signed link's token (for URLs); null when the token is an SSO token. */
  link: string | null;
  /** The plan chosen in the selector; undefined = the current plan. */
  plan?: string;
  data?: ProgressDto;
}

async function load(state: State, period: string): Promise<void> {
  const { texts, token, language } = state;
  const status = byId('status');
  const root = byId('progress');
  const download = byId<HTMLAnchorElement>('download');
  status.textContent = texts.loading;
  status.className = 'status';
  if (!token) {
    root.replaceChildren();
    status.textContent = texts.noAccess;
    status.className = 'status error';
    document.body.dataset['loaded'] = 'error';
    return;
  }
  try {
    const planQuery = state.plan ? `&plan=${encodeURIComponent(state.plan)}` : '';
    const res = await fetch(`/api/progress?period=${encodeURIComponent(period)}${planQuery}`, { headers: { Authorization: `Bearer ${token}` } });
    if (res.status === 401 || res.status === 403) throw Object.assign(new Error('denied'), { denied: true });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const data = (await res.json()) as ProgressDto;
    state.data = data;
    const name = periodNamer(texts, data.periods, language);
    fillSelector(texts, data, name, language);
    fillPlans(data);
    byId('custom').hidden = true;
    renderProgress(root, data, texts, language, RTL_TAB_LANGUAGES.includes(language), name);
    download.hidden = !data.canDownload;
    download.href = reportUrl(data, language, state.link);
    // The workbook page accepts signed links only, so without one (Teams SSO) the button stays hidden.
    const workbook = byId<HTMLAnchorElement>('plan-workbook');
    workbook.hidden = !(data.canDownload && state.link);
    if (state.link) workbook.href = `/tab/plan-workbook?token=${encodeURIComponent(state.link)}&lang=${language}`;
    status.textContent = '';
    document.body.dataset['loaded'] = period;
  } catch (err) {
    root.replaceChildren();
    download.hidden = true;
    byId('plan-workbook').hidden = true;
    status.textContent = (err as { denied?: boolean }).denied ? texts.noAccess : texts.failed;
    status.className = 'status error';
    document.body.dataset['loaded'] = 'error';
  }
}

/** Without a signed link (SSO) the workbook is fetched with the token in a header and saved from memory. */
async function downloadWithHeader(state: State, a: HTMLAnchorElement): Promise<void> {
  if (!state.token) return;
  const res = await fetch(a.href, { headers: { Authorization: `Bearer ${state.token}` } });
  if (!res.ok) return;
  const url = URL.createObjectURL(await res.blob());
  const save = el('a');
  save.href = url;
  save.download = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'fremdriftsrapport.xlsx';
  save.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The plan selector: every plan (a demo copy says so in its name), the one shown selected; hidden when there is one. */
function fillPlans(data: ProgressDto): void {
  const select = byId<HTMLSelectElement>('plan');
  select.replaceChildren(...data.plans.map((p) => new Option(p.name, p.key, false, p.key === data.planKey)));
  const label = select.closest('label');
  if (label) label.hidden = data.plans.length < 2;
}

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const h = await host();
  const language = tabLanguage(h.locale ?? params.get('lang'));
  applyTheme(h.theme);
  const texts = await textsFor(language);
  applyLanguage(language, texts);
  const token = await bearer(h, params);
  const state: State = { language, texts, token, link: params.get('token') };
  const select = byId<HTMLSelectElement>('period');
  const first = params.get('period') ?? 'plan-year';
  select.addEventListener('change', () => {
    if (select.value === CUSTOM) {
      byId('custom').hidden = false;
      byId<HTMLInputElement>('from').focus();
      return;
    }
    void load(state, select.value);
  });
  byId('custom').addEventListener('submit', (e) => {
    e.preventDefault();
    const [from, to] = [byId<HTMLInputElement>('from').value, byId<HTMLInputElement>('to').value];
    if (/^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to)
      void load(state, `d${from.replace(/-/g, '')}-${to.replace(/-/g, '')}`);
  });
  byId('print').addEventListener('click', () => window.print());
  // Another plan opens on its whole period, which every plan has.
  byId<HTMLSelectElement>('plan').addEventListener('change', (e) => {
    state.plan = (e.currentTarget as HTMLSelectElement).value;
    void load(state, 'whole-plan');
  });
  byId<HTMLAnchorElement>('download').addEventListener('click', (e) => {
    if (state.link) return;
    e.preventDefault();
    void downloadWithHeader(state, e.currentTarget as HTMLAnchorElement);
  });
  document.body.dataset['host'] = h.inTeams ? 'teams' : 'browser';
  await load(state, first);
}

void main();
