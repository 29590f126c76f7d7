/// <reference lib="dom" />
/**
 * Inline SVG bars (no chart library): a target's actual value against its target, with a tick
 * where the value is expected by now, coloured by status; and the stacked bar of statuses. Bars
 * grow from the right in right-to-left languages.
 */
import type { TabStatus } from '../texts';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 300;

export const STATUS_CLASS: Record<TabStatus, string> = {
  achieved: 'good',
  on_track: 'good',
  at_risk: 'warning',
  behind: 'attention',
  not_computable: 'neutral',
};

function svg(height: number, label: string): SVGSVGElement {
  const el = document.createElementNS(SVG, 'svg');
  el.setAttribute('viewBox', `0 0 ${WIDTH} ${height}`);
  el.setAttribute('preserveAspectRatio', 'none');
  el.setAttribute('role', 'img');
  el.setAttribute('aria-label', label);
  el.classList.add('bar');
  return el;
}

function rect(x: number, width: number, height: number, cls: string): SVGRectElement {
  const r = document.createElementNS(SVG, 'rect');
  r.setAttribute('x', x.toFixed(1));
  r.setAttribute('y', '0');
  r.setAttribute('width', Math.max(0, width).toFixed(1));
  r.setAttribute('height', String(height));
  r.setAttribute('class', cls);
  return r;
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
