/// <reference lib="dom" />
/**
 * The dashboard tab in the browser. Inside Teams it initialises teams-js for the user's locale and
 * theme (and, with SSO configured, a token); outside Teams that call never answers, so it gives up
 * after a moment and falls back to ?lang= and the light theme. Data comes from /api/progress with
 * the signed link's token (?token=) as bearer token. Its texts come from the server: embedded in
 * the page for the link's language, or from /tab/texts when Teams reports another one.
 */
import { app, authentication } from '@microsoft/teams-js';
import type { ProgressDto } from '../progress-dto';
import { RTL_TAB_LANGUAGES, tabLanguage, type TabLanguage, type TabPeriod, type TabTexts } from '../texts';
import { renderProgress } from './render';

const TEAMS_TIMEOUT_MS = 1500;
const PERIODS: readonly TabPeriod[] = ['plan-year', 'reporting-period', 'whole-plan'];

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
  const select = byId<HTMLSelectElement>('period');
  select.replaceChildren(...PERIODS.map((p) => new Option(texts.periods[p], p)));
}

async function load(language: TabLanguage, texts: TabTexts, token: string | null, period: TabPeriod): Promise<void> {
  const status = byId('status');
  const root = byId('progress');
  status.textContent = texts.loading;
  status.className = 'status';
  if (!token) {
    root.replaceChildren();
    status.textContent = texts.noAccess;
    status.className = 'status error';
    return;
  }
  try {
    const res = await fetch(`/api/progress?period=${encodeURIComponent(period)}`, { headers: { Authorization: `Bearer ${token}` } });
    if (res.status === 401 || res.status === 403) throw Object.assign(new Error('denied'), { denied: true });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const data = (await res.json()) as ProgressDto;
    renderProgress(root, data, texts, language, RTL_TAB_LANGUAGES.includes(language));
    status.textContent = '';
    document.body.dataset['loaded'] = period;
  } catch (err) {
    root.replaceChildren();
    status.textContent = (err as { denied?: boolean }).denied ? texts.noAccess : texts.failed;
    status.className = 'status error';
    document.body.dataset['loaded'] = 'error';
  }
}

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const h = await host();
  const language = tabLanguage(h.locale ?? params.get('lang'));
  applyTheme(h.theme);
  const texts = await textsFor(language);
  applyLanguage(language, texts);
  const token = await bearer(h, params);
  const select = byId<HTMLSelectElement>('period');
  const first = PERIODS.find((p) => p === params.get('period')) ?? 'plan-year';
  select.value = first;
  select.addEventListener('change', () => void load(language, texts, token, select.value as TabPeriod));
  document.body.dataset['host'] = h.inTeams ? 'teams' : 'browser';
  await load(language, texts, token, first);
}

void main();
