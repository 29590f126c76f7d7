/**
 * GET /tab/report.xlsx?token=…&plan=KEY&period=CODE&lang=da — the progress report's workbook, for
 * coordinators and admins: from a signed link in the chat (report-link.ts) or the dashboard's
 * download button (the same token as ?token=, or a Teams SSO token as bearer). A link that is
 * forged or has expired gets a page that says so in plain words (401), someone who is not a
 * coordinator a page saying the report is theirs to make (403); nothing else is told.
 */
import { createHash } from 'node:crypto';
import type { Request, Response } from 'restify';
import { isDomainError } from '../../../src/errors/domain-error';
import { specFromCode, resolvePeriod } from '../../../src/progress/period-spec';
import { currentPlanOf } from '../../../src/progress/plan-names';
import { copenhagenDate } from '../../../src/time/calendar-date';
import { RateLimiter } from '../rate-limit';
import { bearerOf, callerRole, type ProgressApiDeps } from './progress-api';
import { REPORT_ROLES } from './report-link';
import { RTL_TAB_LANGUAGES, tabLanguage, type TabLanguage } from './texts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const escape = (s: string): string => s.replace(/[\u2068\u2069]/g, '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A short page in the reader's language (Danish unless the link says otherwise). */
function page(language: TabLanguage, title: string, body: string): string {
  const dir = RTL_TAB_LANGUAGES.includes(language) ? 'rtl' : 'ltr';
  return (
    `<!doctype html><html lang="${language}" dir="${dir}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="referrer" content="no-referrer"><title>${escape(title)}</title></head>` +
    `<body style="font:15px/1.5 system-ui,sans-serif;max-width:640px;margin:32px auto;padding:0 16px">` +
    `<h1 style="font-size:20px">${escape(title)}</h1><p>${escape(body)}</p></body></html>`
  );
}

function sendPage(res: Response, status: number, html: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
  });
  res.end(html);
}

/** The restify handler. */
export function reportHandler(deps: ProgressApiDeps & { rateLimiter?: RateLimiter }) {
  // A workbook is a heavy answer: one caller may not ask for many in a row.
  const limiter = deps.rateLimiter ?? new RateLimiter({ limit: 10, windowMs: 60_000 });
  return async (req: Request, res: Response): Promise<void> => {
    const params = new URL(req.url ?? '/', 'http://nabo.local').searchParams;
    const language = tabLanguage(params.get('lang'));
    const t = deps.nabo.translations.translator(language);
    const refuse = (status: number, key: string): void =>
      sendPage(res, status, page(language, t('channel:report_link.title'), t(`channel:report_link.${key}`)));
    try {
      const token = params.get('token') ?? bearerOf(req.header('authorization'));
      const caller = createHash('sha256')
        .update(token ?? `ip:${req.socket?.remoteAddress ?? '?'}`)
        .digest('base64url');
      if (!limiter.hit(caller).allowed) return refuse(429, 'rate_limited');
      const role = await callerRole(deps, token ?? undefined);
      if (role === null) return refuse(401, 'expired');
      if (!REPORT_ROLES.has(role)) return refuse(403, 'coordinators_only');
      const spec = specFromCode(params.get('period') ?? 'cy');
      const progress = deps.nabo.services.progress;
      const plans = await progress.plans();
      const key = params.get('plan');
      const plan = key ? plans.find((p) => p.key === key || p.id === key) : currentPlanOf(plans, deps.clock.now());
      if (!spec || !plan) return refuse(404, 'not_found');
      const period = resolvePeriod(plan, spec, copenhagenDate(deps.clock.now()));
      const report = await deps.nabo.services.reports.build(plan.id, period);
      // exceljs (~450 modules, ~15 MB) is loaded with the first download, not at start.
      const { reportXlsx } = await import('../../../src/reports/xlsx-report');
      const body = await reportXlsx(report, t, language);
      const name = `fremdriftsrapport-${plan.key}-${period.label.replace(/[^0-9-]+/g, '_')}.xlsx`;
      res.writeHead(200, {
        'Content-Type': XLSX,
        'Content-Length': body.length,
        'Content-Disposition': `attachment; filename="${name}"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      });
      res.end(body);
    } catch (err) {
      if (isDomainError(err)) return refuse(404, 'not_found');
      deps.logger.error('report download failed', { err });
      refuse(500, 'failed');
    }
  };
}
