/// <reference lib="dom" />
/**
 * Draws the progress: a summary (statuses of all targets as one bar and as counts), then each
 * focus area with its activities and their targets as bars with "actual / target · expected".
 * Built with DOM calls and textContent only, so no plan text is ever read as HTML. Numbers and
 * plan text set inside a sentence are wrapped in Unicode isolates, so a right-to-left page keeps
 * "12 / 40" and a Danish name in their logical order.
 */
import type { ActivityDto, ProgressDto, TargetDto } from '../progress-dto';
import type { TabStatus, TabTexts } from '../texts';
import { STATUS_CLASS, statusBar, targetBar } from './chart';

const ORDER: readonly TabStatus[] = ['achieved', 'on_track', 'at_risk', 'behind', 'not_computable'];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function badge(status: TabStatus, texts: TabTexts): HTMLSpanElement {
  return el('span', `badge ${STATUS_CLASS[status]}`, texts.status[status]);
}

const isolate = (s: string): string => `\u2068${s}\u2069`;

function number(v: number | null, unit: string, locale: string): string {
  if (v === null) return '—';
  return isolate(`${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(v)}${unit === '%' ? ' %' : ''}`);
}

function targetRow(t: TargetDto, texts: TabTexts, locale: string, rtl: boolean): HTMLElement {
  const row = el('div', 'target');
  const head = el('div', 'target-head');
  head.append(el('span', 'target-text', t.text), badge(t.status, texts));
  const figures = `${texts.actual} ${number(t.actual, t.unit, locale)} / ${texts.target} ${number(t.target, t.unit, locale)} · ${texts.expected} ${number(t.expected, t.unit, locale)}`;
  row.append(head, targetBar(t, rtl, figures), el('div', 'figures', figures));
  return row;
}

function activityBlock(a: ActivityDto, texts: TabTexts, locale: string, rtl: boolean, prefix = ''): HTMLElement[] {
  const block = el('article', 'activity');
  const h = el('h3', undefined, `${prefix}${a.name}`);
  h.append(' ', badge(a.status, texts));
  block.append(h);
  if (a.targets.length === 0) block.append(el('p', 'muted', texts.noTargets));
  for (const t of a.targets) block.append(targetRow(t, texts, locale, rtl));
  return [block, ...a.subActivities.flatMap((s) => activityBlock(s, texts, locale, rtl, `${a.name} › `))];
}

/** Replaces the content of `root` with the progress. */
export function renderProgress(root: HTMLElement, p: ProgressDto, texts: TabTexts, locale: string, rtl: boolean): void {
  root.replaceChildren();
  const summary = el('section', 'summary');
  summary.append(el('h2', undefined, `${isolate(p.planName)} · ${isolate(p.period.label)}`));
  const elapsed = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(p.elapsed);
  summary.append(el('p', 'muted', `${texts.asOf} ${isolate(p.asOf)} · ${isolate(elapsed)} ${texts.elapsed}`));
  summary.append(statusBar(p.counts, ORDER, rtl, ORDER.map((s) => `${texts.status[s]}: ${p.counts[s]}`).join(', ')));
  const legend = el('ul', 'legend');
  for (const s of ORDER) {
    const li = el('li');
    li.append(el('span', `swatch ${STATUS_CLASS[s]}`), `${texts.status[s]}: ${p.counts[s]}`);
    legend.append(li);
  }
  summary.append(legend);
  root.append(summary);
  for (const f of p.focusAreas) {
    const section = el('section', 'focus-area');
    const h = el('h2', undefined, f.name);
    h.append(' ', badge(f.status, texts));
    section.append(h, ...f.activities.flatMap((a) => activityBlock(a, texts, locale, rtl)));
    root.append(section);
  }
}
