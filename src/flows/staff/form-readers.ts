/**
 * Readers of form values the staff forms share (delivery, attendance, broadcasts, events):
 * whole numbers, ISO days, times, today, the plan's activities as options, and a form shown again.
 */
import { text, type Reply } from '../../conversation/replies';
import type { FlowContext, Step } from '../../conversation/flow';
import { done } from '../../conversation/flow';
import { copenhagenDate, formatCalendarDate, parseCalendarDate } from '../../time/calendar-date';

/** A whole number from a form or a message: undefined when empty, null when not a number in range. */
export function wholeNumber(raw: string | undefined, min: number, max: number): number | undefined | null {
  const s = raw?.trim() ?? '';
  if (!s) return undefined;
  if (!/^\d+$/.test(s)) return null;
  const n = Number(s);
  return n >= min && n <= max ? n : null;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isDay(raw: string | undefined): raw is string {
  try {
    parseCalendarDate(raw?.trim() ?? '');
    return true;
  } catch {
    return false;
  }
}

/** "17:30" or "17.30" → [17, 30]; null otherwise. */
export function readTime(raw: string | undefined): [number, number] | null {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(raw?.trim() ?? '');
  if (!m) return null;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  return h < 24 && mi < 60 ? [h, mi] : null;
}

/** Today in Copenhagen as YYYY-MM-DD. */
export const todayOf = (ctx: FlowContext): string => formatCalendarDate(copenhagenDate(ctx.clock.now()));

/** The plan's activities for a form's choice field: those with targets first, at most `limit`. */
export async function activityOptions(ctx: FlowContext, limit = 25): Promise<{ label: string; value: string }[]> {
  const plan = await ctx.services.catalogue.currentPlan();
  const progress = await ctx.services.progress.forPlan(plan.id, 'plan-year');
  const withTargets = new Set(
    progress.focusAreas
      .flatMap((f) => f.activities.flatMap((a) => [a, ...a.subActivities]))
      .filter((a) => a.targets.length > 0)
      .map((a) => a.id),
  );
  const all = await ctx.services.catalogue.findActivities({ planId: plan.id }, ctx.language);
  const ordered = [...all.filter((a) => withTargets.has(a.id)), ...all.filter((a) => !withTargets.has(a.id))];
  return ordered.slice(0, limit).map((a) => ({ label: a.title, value: a.id }));
}

/** A form again, with the entered values and what to fix. */
export function formAgain(ctx: FlowContext, problems: string[], form: Reply): Step {
  return done(text([ctx.t('staff:form.fix'), ...problems].join('\n')), form);
}
