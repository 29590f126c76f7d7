/**
 * "Hvordan går det med mødregrupperne i planår 1?": progress of an activity, a focus area or the
 * whole plan for any period (plan year, leverancemåling 1-12 or "2. tertial 2019", the whole plan,
 * a date range; the current plan year unless asked otherwise) in any plan ("i helhedsplanen
 * 2017-21"; a date range picks the plan holding it; else the current plan). Each figure stands
 * next to the previous period's with the change; the heading names the plan. The whole plan leads
 * with the summary and the targets that need attention, the rest one button away. Staff see it
 * read-only, as coordinators do; residents never reach it. A focus area is tried before
 * activities because its name is the longer, rarer phrase ("Kriminalpræventiv indsats").
 */
import { choice, choices, text, type Choice, type Reply, type TableRow } from '../../conversation/replies';
import { STAFF_ROLES, done, type Flow, type FlowContext, type Step } from '../../conversation/flow';
import type { Understanding } from '../../nlu/understanding';
import { parsePeriodSpec, resolvePeriod, specCode, specFromCode, specOf, type PeriodSpec } from '../../progress/period-spec';
import { periodOf, previousPeriod } from '../../progress/periods';
import { currentPlanOf, findPlanByName, planHolding, type PlanSummary } from '../../progress/plan-names';
import { DomainError } from '../../errors/domain-error';
import type { ActivityProgress, TargetProgress } from '../../progress/progress-service';
import { allTargets } from '../../progress/progress-types';
import { compactText, normalizeText } from '../../text/normalize';
import { formatNumber } from '../../i18n/format';
import { copenhagenDate, parseCalendarDate } from '../../time/calendar-date';
import { activityRows, columns, countsText, cut, periodName, planName } from './progress-rows';
import { asksForReport, reportReply } from './progress-report-reply';
import { indicatorReply, indicatorsNamed } from './progress-indicator-reply';

/** Scope letters keep 'progress.period|a:<id>:<code>' within 64 bytes. */
type Scope = 'a' | 'f' | 'p';
const DRILL_BUTTONS = 8;
const ATTENTION = new Set(['behind', 'at_risk']);
/** Words around a plan's name or a period that name no activity ("i helhedsplanen 2017-21"). */
const NOT_A_NAME = /\b(?:i|for|med|det|gik|går|status|helhedsplan(?:en)?|planen|planår|leverancemåling|tertial)\b|\b\d{1,4}\b|[-–.?!,]/g;

/**
 * Whether what was said names a focus area: one contains the other (normalised, spaces ignored),
 * or every word said is in the name — the reader drops "og" ("Tryghed trivsel"), and a Danish
 * ending may differ ("kriminalpræventive").
 */
function namesArea(said: string, name: string): boolean {
  const [s, n] = [compactText(said), compactText(name)];
  if (s.length >= 4 && (n.includes(s) || s.includes(n))) return true;
  const words = normalizeText(said)
    .split(' ')
    .filter((w) => w.length >= 3);
  const full = normalizeText(name);
  return words.length > 0 && words.every((w) => full.includes(w) || (w.length >= 6 && full.includes(w.slice(0, -2))));
}

/** The period the message names, else the reader's period word, else the current plan year. */
function specFrom(message: string | undefined, u?: Understanding): PeriodSpec {
  return (message ? parsePeriodSpec(message) : null) ?? { kind: 'current', of: u?.details.period ?? 'plan-year' };
}

/**
 * The plan the message names, else the one a date range or "N. tertial YYYY" points to, else the
 * current plan; the plans are read once for all three.
 */
async function planFrom(ctx: FlowContext, message: string | undefined, spec: PeriodSpec): Promise<PlanSummary> {
  const plans = await ctx.services.progress.plans();
  const named = message ? findPlanByName(plans, message) : null;
  if (named) return named;
  const day = spec.kind === 'custom' ? spec.from : spec.kind === 'tertial-of-year' ? `${spec.startYear}-12-31` : null;
  const byDate = day ? planHolding(plans, parseCalendarDate(day)) : null;
  const plan = byDate ?? currentPlanOf(plans, ctx.clock.now());
  if (!plan) throw new DomainError('plan.not_found');
  return plan;
}

/** Buttons to other periods: the one before, the plan year and the 4 months around it, the whole plan. */
function periodButtons(ctx: FlowContext, plan: PlanSummary, scope: Scope, id: string, current: ReturnType<typeof resolvePeriod>): Choice[] {
  const t = ctx.t;
  const on = current.kind === 'whole-plan' ? copenhagenDate(ctx.clock.now()) : current.from;
  const options: [string, PeriodSpec | null][] = [
    [
      t('coordinator:progress.switch_previous'),
      (() => {
        const before = previousPeriod(plan, current);
        return before ? specOf(before) : null;
      })(),
    ],
    [t('coordinator:progress.switch_plan-year'), specOf(periodOf(plan, 'plan-year', on))],
    [t('coordinator:progress.switch_reporting-period'), specOf(periodOf(plan, 'reporting-period', on))],
    [t('coordinator:progress.switch_whole-plan'), { kind: 'whole-plan' }],
  ];
  const here = specCode(specOf(current));
  return options.filter(([, s]) => s && specCode(s) !== here).map(([label, s]) => choice(label, `progress.period|${scope}:${id}:${specCode(s as PeriodSpec)}`));
}

/** Renders one scope and period; `all` shows every target of the whole plan, not only those needing attention. */
async function render(ctx: FlowContext, scope: Scope, id: string, spec: PeriodSpec, all = false, known?: PlanSummary): Promise<Step> {
  const { t } = ctx;
  const progress = ctx.services.progress;
  const plan = known ?? (await progress.planOf(scope, id));
  const period = resolvePeriod(plan, spec, copenhagenDate(ctx.clock.now()));
  const { current, previous } = await progress.compare(plan.id, period);
  const before = new Map<string, TargetProgress>(previous ? allTargets(previous).map((x) => [x.target.id, x.target]) : []);
  const code = specCode(specOf(period));
  let name: string;
  let rows: TableRow[];
  let targets: TargetProgress[];
  const drill: Choice[] = [];
  let volunteers: ActivityProgress['volunteers'] | undefined;
  if (scope === 'a') {
    const activity = current.focusAreas.flatMap((f) => f.activities.flatMap((a) => [a, ...a.subActivities])).find((a) => a.id === id);
    volunteers = activity?.volunteers;
    [name, rows, targets] = [activity?.name ?? '', activity ? activityRows(ctx, activity, false, before) : [], activity ? targetsOf(activity) : []];
    drill.push(...noteButtons(ctx, id, code, targets));
  } else if (scope === 'f') {
    const area = current.focusAreas.find((f) => f.id === id);
    [name, rows, targets] = [
      area?.name ?? '',
      area ? area.activities.flatMap((a) => activityRows(ctx, a, true, before)) : [],
      area ? area.activities.flatMap(targetsOf) : [],
    ];
    for (const a of area?.activities.slice(0, DRILL_BUTTONS) ?? []) drill.push(choice(cut(a.name, 60), `progress.period|a:${a.id}:${code}`));
  } else {
    name = planName(ctx, current);
    rows = current.focusAreas.flatMap((f) => f.activities.flatMap((a) => activityRows(ctx, a, true, before)));
    targets = allTargets(current).map((x) => x.target);
    for (const f of current.focusAreas.slice(0, DRILL_BUTTONS)) drill.push(choice(cut(f.name, 60), `progress.period|f:${f.id}:${code}`));
  }
  const what = periodName(ctx, period);
  const title =
    scope === 'p'
      ? t('coordinator:progress.title', { name, period: what })
      : t('coordinator:progress.title_in_plan', { name, period: what, plan: planName(ctx, current) });
  const lead = scope === 'p' && !all;
  const shown = lead ? rows.filter((r) => r.status && ATTENTION.has(r.status)) : rows;
  const buttons = [
    ...(lead && shown.length < rows.length ? [choice(t('coordinator:progress.show_all'), `progress.all|p:${id}:${code}`)] : []),
    ...periodButtons(ctx, plan, scope, id, period),
    ...drill,
  ];
  const more = choices(t('coordinator:progress.more'), buttons);
  if (rows.length === 0) return done(text(t('coordinator:progress.no_targets', { name, period: what })), more);
  const summary: Reply[] = [text(t('coordinator:progress.summary', { period: what, counts: countsText(ctx, rows) }))];
  if (previous) {
    const earlier = targets
      .map((x) => before.get(x.id))
      .filter((x) => x !== undefined)
      .map((x) => ({ cells: [], status: x.status }));
    summary.push(text(t('coordinator:progress.previous_summary', { period: periodName(ctx, previous.period), counts: countsText(ctx, earlier) })));
  }
  if (targets.some((x) => x.basis === 'year-to-date')) summary.push(text(t('coordinator:progress.ytd_note')));
  if (volunteers && (volunteers.people > 0 || volunteers.hours > 0)) {
    summary.push(
      text(
        t('coordinator:progress.volunteers_line', {
          people: formatNumber(volunteers.people, ctx.language),
          hours: formatNumber(volunteers.hours, ctx.language),
        }),
      ),
    );
  }
  if (lead && shown.length === 0) return done(...summary, text(t('coordinator:progress.no_attention')), more);
  const table: Reply = { kind: 'table', title: lead ? t('coordinator:progress.attention_title', { title }) : title, columns: columns(ctx), rows: shown };
  return done(...(lead ? [...summary, table] : [table, ...summary]), more);
}

/** MAX_VALUE_BUTTONS targets at most offer "register a value" (coordinators only). */
const MAX_VALUE_BUTTONS = 3;

/** The comment button (staff and coordinators) and, for coordinators, a value for each target Nabo cannot count. */
function noteButtons(ctx: FlowContext, activityId: string, code: string, targets: TargetProgress[]): Choice[] {
  const out = [choice(ctx.t('coordinator:notes.comment_button'), `notes.comment|${activityId}:${code}`)];
  if (ctx.person.role !== 'coordinator' && ctx.person.role !== 'admin') return out;
  const open = targets.filter((x) => x.source === 'external' || (x.reason !== null && x.reason !== 'no_data' && x.reason !== 'no_target'));
  for (const x of open.slice(0, MAX_VALUE_BUTTONS))
    out.push(choice(ctx.t('coordinator:notes.value_button', { target: cut(x.text, 40) }), `notes.value|${x.id}:${code}`));
  return out;
}

/** An activity's targets and its sub-activities'. */
function targetsOf(a: ActivityProgress): TargetProgress[] {
  return [...a.targets, ...a.subActivities.flatMap((s) => s.targets)];
}

/** Finds what was asked about: a focus area by its (normalised) name, else an activity, else the plan. */
async function fromMessage(ctx: FlowContext, u?: Understanding, message?: string): Promise<Step> {
  const { t } = ctx;
  const spec = specFrom(message, u);
  const plan = await planFrom(ctx, message, spec);
  // The period must exist in that plan before anything is looked up (a clear answer if not).
  const period = resolvePeriod(plan, spec, copenhagenDate(ctx.clock.now()));
  if (asksForReport(message)) return reportReply(ctx, plan, period);
  const code = specCode(specOf(period));
  const said = u?.details.activityText?.replace(NOT_A_NAME, ' ').replace(/\s+/g, ' ').trim();
  if (!said) return render(ctx, 'p', plan.id, spec, false, plan);
  const wanted = compactText(said);
  const overview = await ctx.services.progress.forPlan(plan.id, 'whole-plan');
  const area = overview.focusAreas.find((f) => namesArea(said, f.name));
  if (area) return render(ctx, 'f', area.id, spec, false, plan);
  const hits = await ctx.services.catalogue.findActivities({ planId: plan.id, text: said }, ctx.language);
  const only = hits.length === 1 ? hits[0] : hits.find((h) => compactText(h.title) === wanted);
  if (only) return render(ctx, 'a', only.id, spec, false, plan);
  if (hits.length > 1) {
    return done(
      choices(
        t('coordinator:progress.which', { text: said }),
        hits.slice(0, DRILL_BUTTONS).map((h) => choice(cut(h.title, 60), `progress.period|a:${h.id}:${code}`)),
      ),
    );
  }
  // No activity by that name: an area indicator ("klagesager") perhaps.
  const indicator = (await indicatorsNamed(ctx, plan, said))[0];
  if (indicator) return indicatorReply(ctx, plan, indicator);
  const areas = overview.focusAreas.slice(0, DRILL_BUTTONS).map((f) => choice(cut(f.name, 60), `progress.period|f:${f.id}:${code}`));
  return done(
    text(t('coordinator:progress.not_found', { text: said })),
    choices(t('coordinator:progress.pick_area'), [choice(t('coordinator:progress.whole_plan'), `progress.period|p:${plan.id}:${code}`), ...areas]),
  );
}

export const progressFlow: Flow = {
  name: 'progress',
  roles: STAFF_ROLES,
  intents: ['progress'],
  start: (ctx, u) => fromMessage(ctx, u, ctx.message),
  async resume(ctx, input) {
    if (input.kind === 'text') return fromMessage(ctx, input.understanding, input.text);
    const m = input.step === 'period' || input.step === 'all' ? /^([afp]):([^:]+):([a-z0-9-]{1,20})$/.exec(input.arg ?? '') : null;
    const spec = m ? specFromCode(m[3] as string) : null;
    if (!m || !spec) return fromMessage(ctx);
    return render(ctx, m[1] as Scope, m[2] as string, spec, input.step === 'all');
  },
};
