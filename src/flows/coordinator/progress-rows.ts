/**
 * The progress table's words: period names, one row per target (actual, target, expected, status
 * with the reason when there is none, and the previous period's figure with the change), the
 * summary line and the heading that always says which plan (and whether it is a demo copy).
 */
import type { TableRow } from '../../conversation/replies';
import type { FlowContext } from '../../conversation/flow';
import { formatCalendarRange, formatNumber } from '../../i18n/format';
import type { Period } from '../../progress/periods';
import type { ActivityProgress, PlanProgress, TargetProgress } from '../../progress/progress-service';
import { STATUSES } from '../../progress/target-evaluation';
import { statusLabel } from '../../progress/status-display';

const TEXT_CELL = 70;

export const cut = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** "planår 2 (1.6.2025–31.5.2026)", "leverancemåling 5 (…)", "perioden 1.6.2019–30.9.2019". */
export function periodName(ctx: FlowContext, p: Period): string {
  // Day first, as every date a person reads: "1.6.2025–31.5.2026", never the ISO label the code keys on.
  const label = formatCalendarRange(p.from, p.toExclusive, ctx.language);
  switch (p.kind) {
    case 'whole-plan':
      return ctx.t('coordinator:period.whole', { label });
    case 'reporting-period':
      return ctx.t('coordinator:period.reporting_n', { index: p.index ?? 0, part: p.part ?? 1, year: p.year, label });
    case 'plan-year':
      return ctx.t('coordinator:period.year', { year: p.year, label });
    case 'custom':
      return ctx.t('coordinator:period.custom', { label });
  }
}

/** The plan as the heading names it; a demo copy says so. */
export function planName(ctx: FlowContext, p: Pick<PlanProgress, 'planName' | 'isDemo'>): string {
  return p.isDemo && !p.planName.includes('DEMO') ? ctx.t('coordinator:progress.demo_plan', { plan: p.planName }) : p.planName;
}

/** Formats one value of a target ("83,3 %", "—"). */
function value(ctx: FlowContext, t: TargetProgress, v: number | null): string {
  return v === null ? '—' : `${formatNumber(v, ctx.language)}${t.unit === '%' ? ' %' : ''}`;
}

/** One target's row; `previous` is the same figure (the period's own value) in the period before. */
export function targetRow(ctx: FlowContext, t: TargetProgress, label: string, previous: TargetProgress | undefined): TableRow {
  const now =
    t.basis === 'year-to-date'
      ? ctx.t('coordinator:progress.ytd_cell', { actual: value(ctx, t, t.actual), inPeriod: value(ctx, t, t.inPeriod) })
      : value(ctx, t, t.actual);
  const statusWord = statusLabel(ctx.t(`coordinator:status.${t.status}`), t.status);
  const status = t.reason
    ? ctx.t('coordinator:progress.status_reason', { status: statusWord, reason: ctx.t(`coordinator:reason_short.${t.reason}`) })
    : statusWord;
  let before = '—';
  if (previous && previous.inPeriod !== null) {
    const change = t.inPeriod === null ? null : Math.round((t.inPeriod - previous.inPeriod) * 10) / 10;
    const sign = change === null ? '' : change > 0 ? '+' : change < 0 ? '−' : '±';
    before =
      change === null
        ? value(ctx, t, previous.inPeriod)
        : ctx.t('coordinator:progress.previous_cell', {
            value: value(ctx, t, previous.inPeriod),
            change: `${sign}${formatNumber(Math.abs(change), ctx.language)}`,
          });
  }
  // The status stays the last cell: channels colour the last column of a progress table.
  return { cells: [cut(label, TEXT_CELL), now, value(ctx, t, t.target), value(ctx, t, t.expected), before, status], status: t.status };
}

/** An activity's rows: its own targets, then its sub-activities' (named, since they count apart). */
export function activityRows(ctx: FlowContext, a: ActivityProgress, prefix: boolean, previous: Map<string, TargetProgress>): TableRow[] {
  return [
    ...a.targets.map((t) => targetRow(ctx, t, prefix ? `${a.name}: ${t.text}` : t.text, previous.get(t.id))),
    ...a.subActivities.flatMap((s) => s.targets.map((t) => targetRow(ctx, t, `${s.name}: ${t.text}`, previous.get(t.id)))),
  ];
}

/** "3 nået · 2 bagud" for the rows given. */
export function countsText(ctx: FlowContext, rows: readonly TableRow[]): string {
  const parts = STATUSES.map((s) => [s, rows.filter((r) => r.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${statusLabel(ctx.t(`coordinator:status.${s}`), s)}`);
  return parts.join(' · ') || '—';
}

/** The table's column headers. */
export function columns(ctx: FlowContext): string[] {
  return ['col_target_text', 'col_actual', 'col_target', 'col_expected', 'col_previous', 'col_status'].map((k) => ctx.t(`coordinator:progress.${k}`));
}
