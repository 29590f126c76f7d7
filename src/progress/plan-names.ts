/**
 * Which plan a text names: "helhedsplanen 2017-21", "planen 2017-2021", "2013-17", a plan key.
 * The years are what people say; a demo copy is only chosen when the text says "demo".
 */

/** A plan as lists and headings need it. */
export interface PlanSummary {
  id: string;
  key: string;
  name: string;
  startDate: Date;
  endDate: Date;
  planYearStartMonth: number;
  isDemo: boolean;
}

/** "2017-21", "2017–2021", "2017/21", "2017 til 2021": first and last year, or null. */
export function yearsNamed(text: string): { first: number; last: number } | null {
  const m = /\b(20\d{2})\s*(?:-|–|—|\/|til|to)\s*(\d{2}|20\d{2})\b/.exec(text);
  if (!m) return null;
  const first = Number(m[1]);
  const lastRaw = Number(m[2]);
  const last = m[2]?.length === 2 ? Math.floor(first / 100) * 100 + lastRaw : lastRaw;
  return last > first && last - first <= 10 ? { first, last } : null;
}

/** The plan `text` names among `plans`; null when it names none. */
export function findPlanByName(plans: readonly PlanSummary[], text: string): PlanSummary | null {
  const lower = text.toLowerCase();
  const byKey = plans.find((p) => lower.includes(p.key.toLowerCase()));
  if (byKey) return byKey;
  const years = yearsNamed(lower);
  if (!years) return null;
  const wantDemo = /\bdemo\b/.test(lower);
  const fits = plans.filter((p) => p.startDate.getUTCFullYear() === years.first && p.endDate.getUTCFullYear() === years.last);
  return fits.find((p) => p.isDemo === wantDemo) ?? null;
}

/**
 * The plan a calendar date belongs to among `plans`: the real plan whose period holds it (a demo
 * copy only when no real plan does); null when none covers the date.
 */
export function planHolding(plans: readonly PlanSummary[], date: Date): PlanSummary | null {
  const holding = plans.filter((p) => p.startDate <= date && date <= p.endDate);
  return holding.find((p) => !p.isDemo) ?? holding[0] ?? null;
}

/**
 * The current plan among `plans`, as CatalogueService.currentPlan picks it: running at `now` (a
 * demo copy first, then the latest start), else the one that ended last; null when there is none.
 */
export function currentPlanOf(plans: readonly PlanSummary[], now: Date): PlanSummary | null {
  const running = plans
    .filter((p) => p.startDate <= now && now <= p.endDate)
    .sort((a, b) => Number(b.isDemo) - Number(a.isDemo) || b.startDate.getTime() - a.startDate.getTime());
  return running[0] ?? [...plans].sort((a, b) => b.endDate.getTime() - a.endDate.getTime())[0] ?? null;
}
