/**
 * The plan as a workbook, for coordinators, behind the same signed links as the dashboard
 * (signed-link.ts): GET /tab/plan-workbook (the page), GET /tab/plan-workbook/download (the current
 * plan as .xlsx), POST /tab/plan-workbook/check (the raw .xlsx body: every problem, or the dry run)
 * and POST /tab/plan-workbook/save (the same bytes again, saved only if they are the ones checked).
 * Validation and the dry run are plan:import's own (readPlanWorkbookBuffer, syncPlan). The body is
 * the file itself, not multipart: restify's multipart parser writes uploads to disk, and the shared
 * server's body reader already caps any body at 1 MB.
 */
import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import type restify from 'restify';
import type { Request, Response } from 'restify';
import type { Translate } from '../../../src/i18n/i18n';
import type { Logger } from '../../../src/logging/logger';
import { readPlanFromDatabase } from '../../../src/plan-data/plan-reader';
import { syncPlan } from '../../../src/plan-data/plan-sync';
import type { Clock } from '../../../src/time/clock';
import type { Nabo } from '../../composition';
import type { TeamsConfig } from '../config';
import { RateLimiter } from '../rate-limit';
import {
  dryRunFragment,
  MAX_WORKBOOK_BYTES,
  messageFragment,
  planWorkbookMessagePage,
  planWorkbookPage,
  problemsFragment,
  refusedFragment,
  savedFragment,
} from './plan-workbook-page';
import { PLAN_WORKBOOK_SCRIPT } from './plan-workbook-script';
import { isTabToken, verifyTabToken } from './signed-link';
import { tabLanguage, type TabLanguage } from './texts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Who may download and upload the plan: coordinators and admins, never staff. */
export const PLAN_WORKBOOK_ROLES: ReadonlySet<string> = new Set(['coordinator', 'admin']);
/** Page paths, for the links the bot hands out (dashboardLink's `path`). */
export const PLAN_WORKBOOK_PAGE_PATH = '/tab/plan-workbook';
export const PLAN_WORKBOOK_DOWNLOAD_PATH = '/tab/plan-workbook/download';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.teams.cloud.microsoft https://*.cloud.microsoft " +
    'https://*.office.com https://*.microsoft365.com',
].join('; ');

export interface PlanWorkbookDeps {
  nabo: Pick<Nabo, 'services' | 'database' | 'translations'>;
  config: Pick<TeamsConfig, 'tabSecret'>;
  clock: Clock;
  logger: Logger;
  /** Per-caller limit on checks and saves (default 20 a minute): each reads a whole workbook. */
  rateLimiter?: RateLimiter;
}

type Caller = { ok: true; personId: string } | { ok: false; status: 401 | 403 };

const urlOf = (req: Request): URL => new URL(req.url ?? '/', 'http://nabo.local');

/** The person a signed link was made for, if they are (still) a coordinator or admin. */
export async function planWorkbookCaller(deps: PlanWorkbookDeps, token: string | null | undefined): Promise<Caller> {
  if (!token || !isTabToken(token)) return { ok: false, status: 401 };
  const link = verifyTabToken(deps.config.tabSecret, token, deps.clock.now());
  if (!link) return { ok: false, status: 401 };
  const person = await deps.nabo.database.db.person.findUnique({ where: { id: link.personId }, select: { role: true, erasedAt: true } });
  return person && !person.erasedAt && PLAN_WORKBOOK_ROLES.has(person.role) ? { ok: true, personId: link.personId } : { ok: false, status: 403 };
}

const bearer = (req: Request): string | undefined => /^Bearer\s+(\S{1,4096})$/i.exec(req.header('authorization') ?? '')?.[1];

function sendHtml(res: Response, status: number, html: string, page = false): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    ...(page ? { 'Content-Security-Policy': CSP } : {}),
  });
  res.end(html);
}

/** Why an upload is not a workbook, or null: type and size checked before any parsing. */
function uploadProblem(req: Request, t: Translate): { status: number; html: string } | null {
  const type = (req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  const body: unknown = req.body;
  if (!Buffer.isBuffer(body) || body.length === 0) return { status: 415, html: messageFragment(t('channel:planWorkbook.wrongType')) };
  if (body.length > MAX_WORKBOOK_BYTES) return { status: 413, html: messageFragment(t('channel:planWorkbook.tooLarge', { size: '1 MB' })) };
  // An .xlsx is a zip archive: "PK\x03\x04". Anything else (a .xls, a CSV, a PDF) is the wrong file.
  const zip = body[0] === 0x50 && body[1] === 0x4b && body[2] === 0x03 && body[3] === 0x04;
  if ((type !== XLSX_TYPE && type !== 'application/octet-stream') || !zip) return { status: 415, html: messageFragment(t('channel:planWorkbook.wrongType')) };
  if (unpackedBytes(body) > MAX_UNPACKED_BYTES) return { status: 413, html: messageFragment(t('channel:planWorkbook.tooLarge', { size: '1 MB' })) };
  return null;
}

/** A plan workbook unpacks to a few MB; an archive that says it unpacks to far more is refused unread. */
const MAX_UNPACKED_BYTES = 40_000_000;

/** What the archive's directory says its files unpack to (nothing is unpacked); 0 when it cannot be read (the reader then says so). */
function unpackedBytes(body: Buffer): number {
  let total = 0;
  try {
    unzipSync(body, {
      filter: (file) => {
        total += file.originalSize;
        return false;
      },
    });
  } catch {
    return 0;
  }
  return total;
}

const digestOf = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('base64url');

/** Mounts the page, its script, the download and the check and save endpoints. */
export function mountPlanWorkbookRoutes(server: restify.Server, deps: PlanWorkbookDeps): void {
  const limiter = deps.rateLimiter ?? new RateLimiter({ limit: 20, windowMs: 60_000 });
  const tr = (language: TabLanguage): Translate => deps.nabo.translations.translator(language);

  server.get(PLAN_WORKBOOK_PAGE_PATH, async (req: Request, res: Response) => {
    const url = urlOf(req);
    const language = tabLanguage(url.searchParams.get('lang'));
    const t = tr(language);
    try {
      const token = url.searchParams.get('token');
      const caller = await planWorkbookCaller(deps, token);
      if (!caller.ok) {
        const message = t(caller.status === 401 ? 'channel:planWorkbook.noAccess' : 'channel:planWorkbook.coordinatorsOnly');
        return sendHtml(res, caller.status, planWorkbookMessagePage(language, t, message), true);
      }
      const plan = await deps.nabo.services.catalogue.currentPlan();
      const downloadUrl = `${PLAN_WORKBOOK_DOWNLOAD_PATH}?token=${encodeURIComponent(token ?? '')}`;
      sendHtml(res, 200, planWorkbookPage({ language, t, planName: plan.name, downloadUrl, token: token ?? '' }), true);
    } catch (err) {
      deps.logger.error('plan workbook page failed', { err });
      sendHtml(res, 500, planWorkbookMessagePage(language, t, t('channel:planWorkbook.failed')), true);
    }
  });

  server.get('/tab/plan-workbook.js', async (_req: Request, res: Response) => {
    res.writeHead(200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Content-Length': Buffer.byteLength(PLAN_WORKBOOK_SCRIPT),
      'Cache-Control': 'public, max-age=300',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(PLAN_WORKBOOK_SCRIPT);
  });

  server.get(PLAN_WORKBOOK_DOWNLOAD_PATH, async (req: Request, res: Response) => {
    const url = urlOf(req);
    const language = tabLanguage(url.searchParams.get('lang'));
    const t = tr(language);
    try {
      const caller = await planWorkbookCaller(deps, url.searchParams.get('token'));
      if (!caller.ok) {
        const message = t(caller.status === 401 ? 'channel:planWorkbook.noAccess' : 'channel:planWorkbook.coordinatorsOnly');
        return sendHtml(res, caller.status, planWorkbookMessagePage(language, t, message), true);
      }
      const current = await deps.nabo.services.catalogue.currentPlan();
      const plan = await readPlanFromDatabase(deps.nabo.database.db, current.key);
      if (!plan) throw new Error('current plan cannot be read');
      // exceljs (~450 modules, ~15 MB) is loaded with the first workbook, not at start.
      const { planToWorkbook } = await import('../../../src/plan-workbook/plan-to-workbook');
      const bytes = Buffer.from(await planToWorkbook(plan).xlsx.writeBuffer());
      res.writeHead(200, {
        'Content-Type': XLSX_TYPE,
        'Content-Length': bytes.length,
        'Content-Disposition': `attachment; filename="plan-${current.key.replace(/[^A-Za-z0-9_-]/g, '_')}.xlsx"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(bytes);
      deps.logger.info('plan workbook downloaded', { by: caller.personId, plan: current.key });
    } catch (err) {
      deps.logger.error('plan workbook download failed', { err });
      sendHtml(res, 500, planWorkbookMessagePage(language, t, t('channel:planWorkbook.failed')), true);
    }
  });

  const upload = (save: boolean) => async (req: Request, res: Response) => {
    const language = tabLanguage(urlOf(req).searchParams.get('lang'));
    const t = tr(language);
    try {
      const token = bearer(req);
      if (
        !limiter.hit(
          createHash('sha256')
            .update(token ?? `ip:${req.socket?.remoteAddress ?? '?'}`)
            .digest('base64url'),
        ).allowed
      ) {
        res.header('Retry-After', '60');
        return sendHtml(res, 429, messageFragment(t('channel:planWorkbook.failed')));
      }
      const caller = await planWorkbookCaller(deps, token);
      if (!caller.ok) {
        return sendHtml(
          res,
          caller.status,
          messageFragment(t(caller.status === 401 ? 'channel:planWorkbook.noAccess' : 'channel:planWorkbook.coordinatorsOnly')),
        );
      }
      const wrong = uploadProblem(req, t);
      if (wrong) return sendHtml(res, wrong.status, wrong.html);
      const bytes = req.body as Buffer;
      const digest = digestOf(bytes);
      if (save && req.header('x-nabo-checked') !== digest) return sendHtml(res, 409, messageFragment(t('channel:planWorkbook.changedSinceCheck')));
      const { readPlanWorkbookBuffer } = await import('../../../src/plan-workbook/workbook-to-plan');
      const read = await readPlanWorkbookBuffer(bytes);
      if (!read.ok) return sendHtml(res, 200, problemsFragment(read.problems, t));
      const result = await syncPlan(deps.nabo.database.db, read.plan, { dryRun: !save });
      if (result.status === 'refused') return sendHtml(res, 200, refusedFragment(result.refusals, t));
      if (result.status === 'dry-run') return sendHtml(res, 200, dryRunFragment({ planName: read.plan.name, changes: result.changes, digest, t }));
      deps.logger.info('plan workbook imported', { by: caller.personId, plan: read.plan.key, changes: result.changes.length });
      return sendHtml(res, 200, savedFragment({ planName: read.plan.name, changes: result.changes, t }));
    } catch (err) {
      deps.logger.error('plan workbook upload failed', { err, save });
      return sendHtml(res, 500, messageFragment(t('channel:planWorkbook.failed')));
    }
  };
  server.post('/tab/plan-workbook/check', upload(false));
  server.post('/tab/plan-workbook/save', upload(true));
}
