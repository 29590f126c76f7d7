/// <reference lib="dom" />
/**
 * Inline SVG charts (no chart library): a target's actual value against its target, with a tick
 * where the value is expected by now, coloured by status; the stacked bar of statuses; and an area
 * indicator's measurements as a small line chart with its baseline (dashed) and target (dotted).
 * Bars grow from the right and time runs right to left in right-to-left languages.
 */
import type { TabStatus } from '../texts';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 300;

/** The CSS class of each status: its own colour, so "på sporet" is never the green of "nået". */
export const STATUS_CLASS: Record<TabStatus, string> = {
  achieved: 'achieved',
  on_track: 'on-track',
  at_risk: 'at-risk',
  behind: 'behind',
  not_computable: 'neutral',
};

function svg(height: number, label: string, cls = 'bar', width = WIDTH): SVGSVGElement {
  const el = document.createElementNS(SVG, 'svg');
  el.setAttribute('viewBox', `0 0 ${width} ${height}`);
  if (cls === 'bar') el.setAttribute('preserveAspectRatio', 'none');
  el.setAttribute('role', 'img');
  el.setAttribute('aria-label', label);
  el.classList.add(cls);
  return el;
}

function node<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, typeof v === 'number' ? v.toFixed(1) : v);
  return e;
}

function rect(x: number, width: number, height: number, cls: string): SVGRectElement {
  return node('rect', { x, y: 0, width: Math.max(0, width), height, class: cls });
}

/** Actual vs target (0–100 % of the bar; past the target the bar is full), expected as a tick. */
export function targetBar(
  v: { actual: number | null; target: number | null; expected: number | null; status: TabStatus },
  rtl: boolean,
  label: string,
): SVGSVGElement {
  const height = 14;
  const el = svg(height, label);
  el.append(rect(0, WIDTH, height, 'track'));
  if (v.target !== null && v.target > 0 && v.actual !== null) {
    const w = Math.min(1, Math.max(0, v.actual / v.target)) * WIDTH;
    el.append(rect(rtl ? WIDTH - w : 0, w, height, `fill ${STATUS_CLASS[v.status]}`));
  }
  if (v.target !== null && v.target > 0 && v.expected !== null) {
    const x = Math.min(1, Math.max(0, v.expected / v.target)) * WIDTH;
    el.append(rect((rtl ? WIDTH - x : x) - 1, 2, height, 'expected'));
  }
  return el;
}

/** One bar split by how many targets have each status. */
export function statusBar(counts: Record<TabStatus, number>, order: readonly TabStatus[], rtl: boolean, label: string): SVGSVGElement {
  const height = 18;
  const el = svg(height, label);
  const total = order.reduce((n, s) => n + counts[s], 0);
  let x = 0;
  for (const s of order) {
    const w = total === 0 ? 0 : (counts[s] / total) * WIDTH;
    el.append(rect(rtl ? WIDTH - x - w : x, w, height, `fill ${STATUS_CLASS[s]}`));
    x += w;
  }
  return el;
}

/** What the line chart draws: dated values (ms), and the baseline and target levels when known. */
export interface LineData {
  points: { at: number; value: number }[];
  baseline: number | null;
  target: number | null;
}

/**
 * Measurements over time as a line with dots; the baseline as a dashed line and the target as a
 * dotted one across the chart, so the three read apart in black and white too.
 */
export function lineChart(d: LineData, rtl: boolean, label: string, format: (v: number) => string): SVGSVGElement {
  const [w, h, pad, labelRoom] = [WIDTH, 96, 8, 44];
  const el = svg(h, label, 'line-chart', w);
  const levels = [...d.points.map((p) => p.value), ...(d.baseline !== null ? [d.baseline] : []), ...(d.target !== null ? [d.target] : [])];
  if (levels.length === 0) return el;
  let [lo, hi] = [Math.min(...levels), Math.max(...levels)];
  if (hi === lo) [lo, hi] = [lo - 1, hi + 1];
  const span = hi - lo;
  [lo, hi] = [lo - span * 0.1, hi + span * 0.1];
  const times = d.points.map((p) => p.at);
  const [t0, t1] = times.length ? [Math.min(...times), Math.max(...times)] : [0, 1];
  // Values sit left of the level labels (right of them in right-to-left languages).
  const [x0, x1] = rtl ? [labelRoom, w - pad] : [pad, w - labelRoom];
  const x = (at: number): number => {
    const share = t1 === t0 ? 0.5 : (at - t0) / (t1 - t0);
    return rtl ? x1 - share * (x1 - x0) : x0 + share * (x1 - x0);
  };
  const y = (v: number): number => pad + (1 - (v - lo) / (hi - lo)) * (h - 2 * pad);
  el.append(node('line', { x1: x0, x2: x1, y1: h - pad, y2: h - pad, class: 'axis' }));
  const level = (v: number, cls: string): void => {
    el.append(node('line', { x1: x0, x2: x1, y1: y(v), y2: y(v), class: cls }));
    const text = node('text', { x: rtl ? x0 - 4 : x1 + 4, y: y(v) + 3, class: `level-label ${cls}`, 'text-anchor': rtl ? 'end' : 'start' });
    text.textContent = format(v);
    el.append(text);
  };
  if (d.baseline !== null) level(d.baseline, 'baseline');
  if (d.target !== null) level(d.target, 'goal');
  if (d.points.length > 1)
    el.append(node('polyline', { points: d.points.map((p) => `${x(p.at).toFixed(1)},${y(p.value).toFixed(1)}`).join(' '), class: 'series' }));
  for (const p of d.points) el.append(node('circle', { cx: x(p.at), cy: y(p.value), r: 3, class: 'point' }));
  return el;
}
