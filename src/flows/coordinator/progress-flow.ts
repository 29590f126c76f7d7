/**
 * "Hvordan går det med mødregrupperne?": progress of an activity, a focus area or the whole plan
 * for a period (the plan year unless asked otherwise), as a table of targets with actual, target,
 * expected and a status, a one-line summary and buttons to switch period. A focus area is tried
 * before activities because its name is the longer, rarer phrase ("Kriminalpræventiv indsats").
 */
import { choice, choices, text, type Choice, type TableRow } from '../../conversation/replies';
import { COORDINATOR_ROLES, done, type Flow, type FlowContext, type Step } from '../../conversation/flow';
import { formatNumber } from '../../i18n/format';
import type { Understanding } from '../../nlu/understanding';
import type { Period, PeriodKind } from '../../progress/periods';
import type { ActivityProgress, TargetProgress } from '../../progress/progress-service';
import { STATUSES } from '../../progress/target-evaluation';
import { compactText, normalizeText } from '../../text/normalize';

/** Scope letters and period letters keep 'progress.period|a:<id>:y' within 64 bytes. */
type Scope = 'a' | 'f' | 'p';
const PERIOD_CODES: Record<string, PeriodKind> = { y: 'plan-year', r: 'reporting-period', w: 'whole-plan' };
const codeOf = (p: PeriodKind): string => Object.keys(PERIOD_CODES).find((k) => PERIOD_CODES[k] === p) ?? 'y';
const TEXT_CELL = 70;
const DRILL_BUTTONS = 8;

const cut = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** "planår 2 (2025-06-01–2026-05-31)". */
function periodName(ctx: FlowContext, p: Period): string {
  if (p.kind === 'whole-plan') return ctx.t('coordinator:period.whole', { label: p.label });
  if (p.kind === 'reporting-period') return ctx.t('coordinator:period.reporting', { part: p.part ?? 1, year: p.year, label: p.label });
  return ctx.t('coordinator:period.year', { year: p.year, label: p.label });
}

function cells(ctx: FlowContext, target: TargetProgress, label: string): TableRow {
  const n = (v: number | null): string => (v === null || target.kind === 'qualitative' ? '—' : `${formatNumber(v, ctx.language)}${target.unit === '%' ? ' %' : ''}`);
  return { cells: [cut(label, TEXT_CELL), n(target.actual), n(target.target), n(target.expected), ctx.t(`coordinator:status.${target.status}`)], status: target.status };
}

/** An activity's rows: its own targets, then its sub-activities' (named, since they count apart). */
function activityRows(ctx: FlowContext, a: ActivityProgress, prefix: boolean): TableRow[] {
  return [
    ...a.targets.map((t) => cells(ctx, t, prefix ? `${a.name}: ${t.text}` : t.text)),
    ...a.subActivities.flatMap((s) => s.targets.map((t) => cells(ctx, t, `${s.name}: ${t.text}`))),
  ];
}

function summaryLine(ctx: FlowContext, period: Period, rows: TableRow[]): string {
  const parts = STATUSES.map((s) => [s, rows.filter((r) => r.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${ctx.t(`coordinator:status.${s}`)}`);
  return ctx.t('coordinator:progress.summary', { period: periodName(ctx, period), counts: parts.join(' · ') || '—' });
}

/**
 * Whether what was said names a focus area: one contains the other (normalised, spaces ignored),
 * or every word said is in the name — the reader drops "og" ("Tryghed trivsel"), and a Danish
 * ending may differ ("kriminalpræventive").
 */
function namesArea(said: string, name: string): boolean {
  const [s, n] = [compactText(said), compactText(name)];
  if (s.length >= 4 && (n.includes(s) || s.includes(n))) return true;
  const words = normalizeText(said).split(' ').filter((w) => w.length >= 3);
  const full = normalizeText(name);
  return words.length > 0 && words.every((w) => full.includes(w) || (w.length >= 6 && full.includes(w.slice(0, -2))));
}

/** Renders one scope and period. */
async function render(ctx: FlowContext, scope: Scope, id: string, kind: PeriodKind): Promise<Step> {
  const { t } = ctx;
  const p = ctx.services.progress;
  let name: string;
  let period: Period;
  let rows: TableRow[];
  const drill: Choice[] = [];
  if (scope === 'a') {
    const r = await p.forActivity(id, kind);
    [name, period, rows] = [r.activity.name, r.plan.period, activityRows(ctx, r.activity, false)];
  } else if (scope === 'f') {
    const r = await p.forFocusArea(id, kind);
    [name, period, rows] = [r.focusArea.name, r.plan.period, r.focusArea.activities.flatMap((a) => activityRows(ctx, a, true))];
    for (const a of r.focusArea.activities.slice(0, DRILL_BUTTONS)) drill.push(choice(cut(a.name, 60), `progress.period|a:${a.id}:${codeOf(kind)}`));
  } else {
    const r = await p.forPlan(id, kind);
    [name, period] = [r.planName, r.period];
    rows = r.focusAreas.flatMap((f) => f.activities.flatMap((a) => activityRows(ctx, a, true)));
    for (const f of r.focusAreas.slice(0, DRILL_BUTTONS)) drill.push(choice(cut(f.name, 60), `progress.period|f:${f.id}:${codeOf(kind)}`));
  }
  const switches = Object.entries(PERIOD_CODES)
    .filter(([, k]) => k !== kind)
    .map(([code, k]) => choice(t(`coordinator:progress.switch_${k}`), `progress.period|${scope}:${id}:${code}`));
  const buttons = choices(t('coordinator:progress.more'), [...switches, ...drill]);
  if (rows.length === 0) return done(text(t('coordinator:progress.no_targets', { name, period: periodName(ctx, period) })), buttons);
  return done(
    {
      kind: 'table',
      title: t('coordinator:progress.title', { name, period: periodName(ctx, period) }),
      columns: [t('coordinator:progress.col_target_text'), t('coordinator:progress.col_actual'), t('coordinator:progress.col_target'), t('coordinator:progress.col_expected'), t('coordinator:progress.col_status')],
      rows,
    },
    text(summaryLine(ctx, period, rows)),
    buttons,
  );
}

/** Finds what was asked about: a focus area by its (normalised) name, else an activity, else the plan. */
async function fromMessage(ctx: FlowContext, u?: Understanding): Promise<Step> {
  const { t } = ctx;
  const kind: PeriodKind = u?.details.period ?? 'plan-year';
  const plan = await ctx.services.catalogue.currentPlan();
  const said = u?.details.activityText?.trim();
  if (!said) return render(ctx, 'p', plan.id, kind);
  const wanted = compactText(said);
  const overview = await ctx.services.progress.forPlan(plan.id, kind);
  const area = overview.focusAreas.find((f) => namesArea(said, f.name));
  if (area) return render(ctx, 'f', area.id, kind);
  const hits = await ctx.services.catalogue.findActivities({ planId: plan.id, text: said }, ctx.language);
  const only = hits.length === 1 ? hits[0] : hits.find((h) => compactText(h.title) === wanted);
  if (only) return render(ctx, 'a', only.id, kind);
  if (hits.length > 1) {
    return done(choices(t('coordinator:progress.which', { text: said }), hits.slice(0, DRILL_BUTTONS).map((h) => choice(cut(h.title, 60), `progress.period|a:${h.id}:${codeOf(kind)}`))));
  }
  const areas = overview.focusAreas.slice(0, DRILL_BUTTONS).map((f) => choice(cut(f.name, 60), `progress.period|f:${f.id}:${codeOf(kind)}`));
  return done(text(t('coordinator:progress.not_found', { text: said })), choices(t('coordinator:progress.pick_area'), [choice(t('coordinator:progress.whole_plan'), `progress.period|p:${plan.id}:${codeOf(kind)}`), ...areas]));
}

export const progressFlow: Flow = {
  name: 'progress',
  roles: COORDINATOR_ROLES,
  intents: ['progress'],
  start: (ctx, u) => fromMessage(ctx, u),
  async resume(ctx, input) {
    if (input.kind === 'text') return fromMessage(ctx, input.understanding);
    const m = input.step === 'period' ? /^([afp]):([^:]+):([yrw])$/.exec(input.arg ?? '') : null;
    if (!m) return fromMessage(ctx);
    return render(ctx, m[1] as Scope, m[2] as string, PERIOD_CODES[m[3] as string] ?? 'plan-year');
  },
};
