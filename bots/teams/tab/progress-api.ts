/**
 * GET /api/progress?period=plan-year|reporting-period|whole-plan — the dashboard's data, for
 * staff (read-only), coordinators and admins. The bearer token is a signed link from the bot (signed-link.ts) or,
 * when TEAMS_SSO_AUDIENCE is set, a Teams SSO token (sso.ts); anything else is 401, a valid token
 * of someone who is not (or no longer) a coordinator 403.
 */
import { createHash } from 'node:crypto';
import type { Request, Response } from 'restify';
import { z } from 'zod';
import type { Logger } from '../../../src/logging/logger';
import type { ActivityProgress, PlanProgress } from '../../../src/progress/progress-service';
import { PERIOD_KINDS } from '../../../src/progress/periods';
import { formatCalendarDate } from '../../../src/time/calendar-date';
import type { Clock } from '../../../src/time/clock';
import type { Nabo } from '../../composition';
import type { TeamsConfig } from '../config';
import type { ActivityDto, ProgressDto } from './progress-dto';
import { DASHBOARD_ROLES, isTabToken, verifyTabToken } from './signed-link';
import type { SsoVerifier } from './sso';
import { RateLimiter } from '../rate-limit';

const querySchema = z.object({ period: z.enum(PERIOD_KINDS).default('plan-year') });

export interface ProgressApiDeps {
  nabo: Pick<Nabo, 'services' | 'database'>;
  config: Pick<TeamsConfig, 'tabSecret' | 'coordinators' | 'admins'>;
  clock: Clock;
  logger: Logger;
  sso: SsoVerifier | undefined;
  /** Per-caller limit on /api/progress (by token; default 30 requests a minute). */
  rateLimiter?: RateLimiter;
}

function activityDto(a: ActivityProgress): ActivityDto {
  return {
    name: a.name,
    status: a.status,
    targets: a.targets.map((t) => ({ text: t.text, unit: t.unit, kind: t.kind, actual: t.actual, target: t.target, expected: t.expected, status: t.status })),
    subActivities: a.subActivities.map(activityDto),
  };
}

/** The plan's progress as the dashboard reads it. */
export function progressDto(p: PlanProgress): ProgressDto {
  return {
    planName: p.planName,
    // The tab asks for plan years, reporting periods and the whole plan only, never a custom range.
    period: { kind: p.period.kind === 'custom' ? 'whole-plan' : p.period.kind, label: p.period.label, year: p.period.year, part: p.period.part },
    asOf: formatCalendarDate(p.asOf),
    elapsed: p.elapsed,
    status: p.status,
    counts: p.counts,
    focusAreas: p.focusAreas.map((f) => ({ name: f.name, status: f.status, activities: f.activities.map(activityDto) })),
  };
}

/** Whether the bearer token belongs to staff, a coordinator or an admin: 'ok', or the HTTP status to answer. */
export async function authorize(deps: ProgressApiDeps, header: string | undefined): Promise<'ok' | 401 | 403> {
  const token = /^Bearer\s+(\S{1,4096})$/i.exec(header ?? '')?.[1];
  if (!token) return 401;
  const { db } = deps.nabo.database;
  if (isTabToken(token)) {
    const link = verifyTabToken(deps.config.tabSecret, token, deps.clock.now());
    if (!link) return 401;
    const person = await db.person.findUnique({ where: { id: link.personId }, select: { role: true, erasedAt: true } });
    return person && !person.erasedAt && DASHBOARD_ROLES.has(person.role) ? 'ok' : 403;
  }
  // Not a signed link: a Teams SSO token, when SSO is configured; refused otherwise.
  const user = deps.sso ? await deps.sso(token) : null;
  if (!user) return 401;
  if (deps.config.admins.has(user.objectId) || deps.config.coordinators.has(user.objectId)) return 'ok';
  const identity = await db.channelIdentity.findUnique({
    where: { channel_externalId: { channel: 'teams', externalId: user.objectId } },
    select: { person: { select: { role: true } } },
  });
  return identity && DASHBOARD_ROLES.has(identity.person.role) ? 'ok' : 403;
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
      const auth = await authorize(deps, req.header('authorization'));
      if (auth !== 'ok') {
        res.json(auth, { error: auth === 401 ? 'unauthorized' : 'forbidden' });
        return;
      }
      // The shared server has no query parser; read the URL directly.
      const query = querySchema.safeParse(Object.fromEntries(new URL(req.url ?? '/', 'http://nabo.local').searchParams));
      if (!query.success) {
        res.json(400, { error: 'period must be plan-year, reporting-period or whole-plan' });
        return;
      }
      const plan = await deps.nabo.services.catalogue.currentPlan();
      res.json(200, progressDto(await deps.nabo.services.progress.forPlan(plan.id, query.data.period)));
    } catch (err) {
      deps.logger.error('progress api failed', { err });
      res.json(500, { error: 'failed' });
    }
  };
}
