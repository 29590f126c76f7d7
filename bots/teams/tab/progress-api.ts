/**
 * GET /api/progress?period=plan-year|reporting-period|whole-plan|<code>[&plan=KEY] — the dashboard's
 * data (the period next to the previous one, the periods to choose from, the area indicators), for
 * staff (read-only), coordinators and admins; coordinators and admins may also download the report. The bearer token is a signed link from the bot (signed-link.ts) or,
 * when TEAMS_SSO_AUDIENCE is set, a Teams SSO token (sso.ts); anything else is 401, a valid token
 * of someone who is not (or no longer) a coordinator 403.
 */
import { createHash } from 'node:crypto';
import type { Request, Response } from 'restify';
import { z } from 'zod';
import type { Logger } from '../../../src/logging/logger';
import type { ActivityProgress, PlanProgress } from '../../../src/progress/progress-service';
import { PERIOD_KINDS, planYearPeriod, reportingPeriodByIndex, wholePlanPeriod, type Period, type PeriodKind } from '../../../src/progress/periods';
import { resolvePeriod, specCode, specFromCode, specOf, type PeriodSpec } from '../../../src/progress/period-spec';
import { currentPlanOf, type PlanSummary } from '../../../src/progress/plan-names';
import { allTargets } from '../../../src/progress/progress-types';
import type { ReportIndicatorRow } from '../../../src/reports/report-model';
import { addDays, copenhagenDate, formatCalendarDate } from '../../../src/time/calendar-date';
import type { Clock } from '../../../src/time/clock';
import type { Nabo } from '../../composition';
import type { TeamsConfig } from '../config';
import type { ActivityDto, PeriodOptionDto, ProgressDto } from './progress-dto';
import { REPORT_ROLES } from './report-link';
import { DASHBOARD_ROLES, isTabToken, verifyTabToken } from './signed-link';
import type { SsoVerifier } from './sso';
import { RateLimiter } from '../rate-limit';

/** ?period= is a kind (the one holding today: plan-year, reporting-period, whole-plan) or a period code (y2, r5, w, d20190601-20190930). */
const querySchema = z.object({ period: z.string().max(24).default('plan-year'), plan: z.string().max(80).optional() });

export interface ProgressApiDeps {
  nabo: Pick<Nabo, 'services' | 'database' | 'translations'>;
  config: Pick<TeamsConfig, 'tabSecret' | 'coordinators' | 'admins'>;
  clock: Clock;
  logger: Logger;
  sso: SsoVerifier | undefined;
  /** Per-caller limit on /api/progress (by token; default 30 requests a minute). */
  rateLimiter?: RateLimiter;
}

const day = (d: Date): string => formatCalendarDate(d);
const lastDay = (p: Period): string => day(addDays(p.toExclusive, -1));

/** A period as the selector knows it. */
export function periodOption(p: Period): PeriodOptionDto {
  return { code: specCode(specOf(p)), kind: p.kind, year: p.year, index: p.index, from: day(p.from), to: lastDay(p) };
}

/** Every plan year and reporting period of a plan, and the whole plan. */
export function periodOptions(plan: PlanSummary): PeriodOptionDto[] {
  const out: PeriodOptionDto[] = [];
  for (let y = 1; planYearPeriod(plan, y); y++) out.push(periodOption(planYearPeriod(plan, y) as Period));
  for (let i = 1; reportingPeriodByIndex(plan, i); i++) out.push(periodOption(reportingPeriodByIndex(plan, i) as Period));
  out.push(periodOption(wholePlanPeriod(plan)));
  return out;
}

/** The spec ?period= asks for; null when it is neither a kind nor a code. */
export function periodSpecOf(value: string): PeriodSpec | null {
  return (PERIOD_KINDS as readonly string[]).includes(value) ? { kind: 'current', of: value as PeriodKind } : specFromCode(value);
}

function activityDto(a: ActivityProgress, before: ReadonlyMap<string, number | null>): ActivityDto {
  return {
    name: a.name,
    status: a.status,
    volunteers: a.volunteers,
    targets: a.targets.map((t) => {
      const previous = before.get(t.id) ?? null;
      return {
        text: t.text,
        unit: t.unit,
        kind: t.kind,
        actual: t.actual,
        inPeriod: t.inPeriod,
        basis: t.basis,
        target: t.target,
        expected: t.expected,
        status: t.status,
        previous,
        change: previous !== null && t.inPeriod !== null ? Math.round((t.inPeriod - previous) * 10) / 10 : null,
      };
    }),
    subActivities: a.subActivities.map((s) => activityDto(s, before)),
  };
}

/** The plan's progress (and the previous period's) as the dashboard reads it. */
export function progressDto(
  p: PlanProgress,
  o: {
    previous?: PlanProgress | null;
    plan: PlanSummary;
    plans?: readonly PlanSummary[];
    indicators?: readonly ReportIndicatorRow[];
    canDownload?: boolean;
  },
): ProgressDto {
  const before = new Map(o.previous ? allTargets(o.previous).map((x) => [x.target.id, x.target.inPeriod]) : []);
  return {
    planKey: p.planKey,
    planName: p.planName,
    isDemo: p.isDemo,
    period: { ...periodOption(p.period), label: p.period.label },
    previous: o.previous ? { ...periodOption(o.previous.period), label: o.previous.period.label, counts: o.previous.counts } : null,
    periods: periodOptions(o.plan),
    plans: [...(o.plans ?? [o.plan])]
      .sort((a, b) => b.startDate.getTime() - a.startDate.getTime() || Number(a.isDemo) - Number(b.isDemo))
      .map((x) => ({ key: x.key, name: x.name, isDemo: x.isDemo })),
    canDownload: o.canDownload ?? false,
    asOf: formatCalendarDate(p.asOf),
    elapsed: p.elapsed,
    status: p.status,
    counts: p.counts,
    focusAreas: p.focusAreas.map((f) => ({ name: f.name, status: f.status, activities: f.activities.map((a) => activityDto(a, before)) })),
    indicators: (o.indicators ?? []).map((i) => ({
      focusArea: i.focusArea,
      name: i.name,
      unit: i.unit,
      baseline: i.baselineValue,
      baselineLabel: i.baselineLabel,
      target: i.targetValue,
      targetText: i.targetText,
      status: i.status,
      measurements: i.measurements.map((m) => ({ date: day(m.date), value: m.value })),
    })),
  };
}

/**
 * The role of the person a token belongs to ('none' for someone Nabo does not know, or an erased
 * person); null when the token is missing, forged, expired or an SSO token Nabo cannot check.
 */
export async function callerRole(deps: ProgressApiDeps, token: string | undefined): Promise<string | null> {
  if (!token) return null;
  const { db } = deps.nabo.database;
  if (isTabToken(token)) {
    const link = verifyTabToken(deps.config.tabSecret, token, deps.clock.now());
    if (!link) return null;
    const person = await db.person.findUnique({ where: { id: link.personId }, select: { role: true, erasedAt: true } });
    return person && !person.erasedAt ? person.role : 'none';
  }
  // Not a signed link: a Teams SSO token, when SSO is configured; refused otherwise.
  const user = deps.sso ? await deps.sso(token) : null;
  if (!user) return null;
  if (deps.config.admins.has(user.objectId)) return 'admin';
  if (deps.config.coordinators.has(user.objectId)) return 'coordinator';
  const identity = await db.channelIdentity.findUnique({
    where: { channel_externalId: { channel: 'teams', externalId: user.objectId } },
    select: { person: { select: { role: true } } },
  });
  return identity?.person.role ?? 'none';
}

/** The bearer token of an Authorization header. */
export const bearerOf = (header: string | undefined): string | undefined => /^Bearer\s+(\S{1,4096})$/i.exec(header ?? '')?.[1];

/** Whether the bearer token belongs to one of `roles` (staff, coordinators and admins by default): 'ok', or the HTTP status to answer. */
export async function authorize(deps: ProgressApiDeps, header: string | undefined, roles: ReadonlySet<string> = DASHBOARD_ROLES): Promise<'ok' | 401 | 403> {
  const role = await callerRole(deps, bearerOf(header));
  if (role === null) return 401;
  return roles.has(role) ? 'ok' : 403;
}

/** The restify handler. */
export function progressHandler(deps: ProgressApiDeps) {
  // Each progress answer is a heavy query: one caller may not hammer it.
  const limiter = deps.rateLimiter ?? new RateLimiter({ limit: 30, windowMs: 60_000 });
  return async (req: Request, res: Response): Promise<void> => {
    res.header('Cache-Control', 'no-store');
    try {
      // Keyed by the token (one per person and link), or the address when there is none.
      const caller = /^Bearer\s+(\S{1,4096})$/i.exec(req.header('authorization') ?? '')?.[1] ?? `ip:${req.socket?.remoteAddress ?? '?'}`;
      if (!limiter.hit(createHash('sha256').update(caller).digest('base64url')).allowed) {
        res.header('Retry-After', '60');
        res.json(429, { error: 'too many requests' });
        return;
      }
      const role = await callerRole(deps, bearerOf(req.header('authorization')));
      if (role === null || !DASHBOARD_ROLES.has(role)) {
        res.json(role === null ? 401 : 403, { error: role === null ? 'unauthorized' : 'forbidden' });
        return;
      }
      // The shared server has no query parser; read the URL directly.
      const query = querySchema.safeParse(Object.fromEntries(new URL(req.url ?? '/', 'http://nabo.local').searchParams));
      const spec = query.success ? periodSpecOf(query.data.period) : null;
      if (!query.success || !spec) {
        res.json(400, { error: 'period must be plan-year, reporting-period, whole-plan or a period code (y2, r5, w, d20190601-20190930)' });
        return;
      }
      const { progress, reports } = deps.nabo.services;
      const plans = await progress.plans();
      const wanted = query.data.plan;
      const plan = wanted ? plans.find((p) => p.key === wanted || p.id === wanted) : currentPlanOf(plans, deps.clock.now());
      if (!plan) {
        res.json(404, { error: 'no such plan' });
        return;
      }
      let period: Period;
      try {
        period = resolvePeriod(plan, spec, copenhagenDate(deps.clock.now()));
      } catch {
        res.json(400, { error: 'the plan has no such period' });
        return;
      }
      const [{ current, previous }, indicators] = await Promise.all([progress.compare(plan.id, period), reports.indicators(plan, period)]);
      res.json(200, progressDto(current, { previous, plan, plans, indicators, canDownload: REPORT_ROLES.has(role) }));
    } catch (err) {
      deps.logger.error('progress api failed', { err });
      res.json(500, { error: 'failed' });
    }
  };
}
