/// <reference lib="dom" />
/**
 * Draws the progress: a summary (statuses of all targets as one bar and as counts, next to the
 * previous period's), then each focus area with its activities and their targets as bars with
 * "actual / target · expected · previous period (change)", then the area indicators as small line
 * charts. Statuses carry a symbol and a word as well as a colour. Built with DOM calls and
 * textContent only, so no plan text is ever read as HTML. Numbers and plan text set inside a
 * sentence are wrapped in Unicode isolates, so a right-to-left page keeps "12 / 40" and a Danish
 * name in their logical order.
 */
import { STATUS_SYMBOL } from '../../../../src/progress/status-display';
import type { ActivityDto, IndicatorDto, ProgressDto, TargetDto } from '../progress-dto';
import type { TabStatus, TabTexts } from '../texts';
import { lineChart, STATUS_CLASS, statusBar, targetBar } from './chart';

const ORDER: readonly TabStatus[] = ['achieved', 'on_track', 'at_risk', 'behind', 'not_computable'];

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The word with its symbol, in the status's colour. */
function badge(status: TabStatus, texts: TabTexts): HTMLSpanElement {
  const b = el('span', `badge ${STATUS_CLASS[status]}`);
  b.append(el('span', 'symbol', STATUS_SYMBOL[status]), ` ${texts.status[status]}`);
  b.dataset['status'] = status;
  return b;
}

export const isolate = (s: string): string => `\u2068${s}\u2069`;

/** A text with {name} placeholders filled in (the server left them for the bundle). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

function number(v: number | null, unit: string, locale: string): string {
  if (v === null) return '—';
  return isolate(`${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(v)}${unit === '%' ? ' %' : ''}`);
}

function signed(v: number, locale: string): string {
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(Math.abs(v));
  // Left to right outright (LRI, not FSI): a sign and digits hold no strong letter, and a first-strong
  // isolate of them takes the page's direction, turning "−7" into "7−" in Arabic.
  return `\u2066${v > 0 ? `+${n}` : v < 0 ? `−${n}` : `±${n}`}\u2069`;
}

function targetRow(t: TargetDto, texts: TabTexts, locale: string, rtl: boolean, hasPrevious: boolean): HTMLElement {
  const row = el('div', 'target');
  const head = el('div', 'target-head');
  const text = el('span', 'target-text', t.text);
  // The plan's Danish text keeps its own direction on an Arabic page (its full stop at its end).
  text.dir = 'auto';
  head.append(text, badge(t.status, texts));
  const actual =
    t.basis === 'year-to-date'
      ? `${number(t.actual, t.unit, locale)} (${number(t.inPeriod, t.unit, locale)} ${texts.inPeriod})`
      : number(t.actual, t.unit, locale);
  const figures = `${texts.actual} ${actual} / ${texts.target} ${number(t.target, t.unit, locale)} · ${texts.expected} ${number(t.expected, t.unit, locale)}`;
  const line = el('div', 'figures', figures);
  if (hasPrevious) {
    const before = el('span', 'previous');
    before.textContent = ` · ${texts.previous} ${number(t.previous, t.unit, locale)}${t.change === null ? '' : ` (${signed(t.change, locale)})`}`;
    if (t.change !== null) before.dataset['change'] = String(t.change);
    line.append(before);
  }
  row.append(head, targetBar(t, rtl, figures), line);
  return row;
}

function activityBlock(a: ActivityDto, texts: TabTexts, locale: string, rtl: boolean, hasPrevious: boolean, prefix = ''): HTMLElement[] {
  const block = el('article', 'activity');
  const h = el('h3', undefined, `${prefix}${a.name}`);
  h.append(' ', badge(a.status, texts));
  block.append(h);
  if (a.volunteers.people > 0 || a.volunteers.hours > 0) {
    const f = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    const template = a.volunteers.hours > 0 ? texts.volunteers : texts.volunteersPeople;
    block.append(el('p', 'muted volunteers', fill(template, { people: isolate(f.format(a.volunteers.people)), hours: isolate(f.format(a.volunteers.hours)) })));
  }
  if (a.targets.length === 0) block.append(el('p', 'muted', texts.noTargets));
  for (const t of a.targets) block.append(targetRow(t, texts, locale, rtl, hasPrevious));
  return [block, ...a.subActivities.flatMap((s) => activityBlock(s, texts, locale, rtl, hasPrevious, `${a.name} › `))];
}

function indicatorBlock(i: IndicatorDto, texts: TabTexts, locale: string, rtl: boolean): HTMLElement {
  const block = el('article', 'indicator');
  const h = el('h3', undefined, i.name);
  h.append(' ', badge(i.status, texts));
  block.append(h);
  const unit = i.unit ?? '';
  const format = (v: number): string => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(v);
  const values = i.measurements.map((m) => `${isolate(m.date)}: ${number(m.value, unit, locale)}`);
  const summary = `${texts.baseline} ${number(i.baseline, unit, locale)}${i.baselineLabel ? ` (${isolate(i.baselineLabel)})` : ''} · ${texts.target} ${isolate(i.targetText)}`;
  const chart = lineChart(
    { points: i.measurements.map((m) => ({ at: Date.parse(m.date), value: m.value })), baseline: i.baseline, target: i.target },
    rtl,
    `${i.name}. ${summary}. ${texts.measurements}: ${values.join(', ') || texts.noMeasurements}`,
    format,
  );
  block.append(chart, el('div', 'figures', summary));
  block.append(el('div', 'figures', i.measurements.length ? `${texts.measurements}: ${values.join(' · ')}` : texts.noMeasurements));
  return block;
}

function legend(counts: Record<TabStatus, number>, texts: TabTexts): HTMLUListElement {
  const list = el('ul', 'legend');
  for (const s of ORDER) {
    const li = el('li');
    li.append(el('span', `swatch ${STATUS_CLASS[s]}`), `${STATUS_SYMBOL[s]} ${texts.status[s]}: ${counts[s]}`);
    list.append(li);
  }
  return list;
}

/** A YYYY-MM-DD date, or a range of two joined by "–", day first in the page's language ("1.6.2025–31.5.2026"). */
export function dayFirstDates(iso: string, locale: string): string {
  const f = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' });
  const one = (d: string): string => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return d;
    const parts = f.formatToParts(new Date(`${d}T00:00:00Z`));
    const [day, month] = [parts.findIndex((x) => x.type === 'day'), parts.findIndex((x) => x.type === 'month')];
    const values = parts.map((x) => x.value);
    // Some locales write the month first ("6/1/2025"); the day goes first, as on every other screen.
    if (day > month && month >= 0) [values[day], values[month]] = [values[month] as string, values[day] as string];
    return values.join('');
  };
  return iso.split('–').map(one).join('–');
}

/** Replaces the content of `root` with the progress. */
export function renderProgress(root: HTMLElement, p: ProgressDto, texts: TabTexts, locale: string, rtl: boolean, periodName: (code: string) => string): void {
  root.replaceChildren();
  const summary = el('section', 'summary');
  summary.append(el('h2', undefined, `${isolate(p.planName)} · ${isolate(periodName(p.period.code))} (${isolate(dayFirstDates(p.period.label, locale))})`));
  const elapsed = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(p.elapsed);
  summary.append(el('p', 'muted', `${texts.asOf} ${isolate(dayFirstDates(p.asOf, locale))} · ${isolate(elapsed)} ${texts.elapsed}`));
  summary.append(statusBar(p.counts, ORDER, rtl, ORDER.map((s) => `${texts.status[s]}: ${p.counts[s]}`).join(', ')), legend(p.counts, texts));
  const before = el('div', 'compared');
  if (p.previous) {
    before.append(
      el('p', 'muted', `${texts.compared} ${isolate(periodName(p.previous.code))} (${isolate(dayFirstDates(p.previous.label, locale))})`),
      legend(p.previous.counts, texts),
    );
  } else before.append(el('p', 'muted', texts.noPrevious));
  summary.append(before);
  root.append(summary);
  for (const f of p.focusAreas) {
    const section = el('section', 'focus-area');
    const h = el('h2', undefined, f.name);
    h.append(' ', badge(f.status, texts));
    section.append(h, ...f.activities.flatMap((a) => activityBlock(a, texts, locale, rtl, p.previous !== null)));
    root.append(section);
  }
  if (p.indicators.length) {
    const section = el('section', 'indicators');
    section.append(el('h2', undefined, texts.indicators), ...p.indicators.map((i) => indicatorBlock(i, texts, locale, rtl)));
    root.append(section);
  }
}
