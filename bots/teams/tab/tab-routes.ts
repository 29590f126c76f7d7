/**
 * The dashboard's routes on the shared restify server: GET /tab (the page), GET /tab/app.js (the
 * bundle), GET /api/progress (the data) and GET /tab/report.xlsx (the report's workbook, for
 * coordinators). Headers keep the page framable
 * by Teams only and the token in its URL out of Referer headers.
 */
import type restify from 'restify';
import { tabBundle } from './bundle';
import { tabPage } from './page';
import { progressHandler, type ProgressApiDeps } from './progress-api';
import { REPORT_PATH } from './report-link';
import { reportHandler } from './report-route';
import { mountPlanWorkbookRoutes } from './plan-workbook-routes';
import type { Nabo } from '../../composition';
import { RTL_TAB_LANGUAGES, tabLanguage, type TabLanguage, type TabTexts } from './texts';

/** Hosts that may show the tab in a frame: Teams on the web and desktop, and Microsoft 365. */
const FRAME_ANCESTORS =
  "'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.teams.cloud.microsoft https://*.cloud.microsoft https://*.office.com https://*.microsoft365.com https://*.skype.com";
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  // teams-js reads its list of valid host origins from Microsoft's CDN.
  "connect-src 'self' https://res.cdn.office.net",
  "img-src 'self' data:",
  `frame-ancestors ${FRAME_ANCESTORS}`,
].join('; ');

/** The privacy notice page (the manifest's privacy and terms link), in the core's words. */
function privacyPage(language: TabLanguage, text: string): string {
  const dir = RTL_TAB_LANGUAGES.includes(language) ? 'rtl' : 'ltr';
  const safe = text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return (
    `<!doctype html><html lang="${language}" dir="${dir}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>Nabo</title></head>` +
    `<body style="font:15px/1.5 system-ui,sans-serif;max-width:720px;margin:24px auto;padding:0 16px"><h1>Nabo</h1>` +
    `<p>${safe}</p></body></html>`
  );
}

/** What the routes need besides the progress API: the privacy notice and the tab's texts (from i18next). */
export interface TabRouteDeps extends ProgressApiDeps {
  /** Translations too: the plan-workbook page (plan-workbook-routes.ts) speaks the coordinator's language. */
  nabo: Pick<Nabo, 'services' | 'database' | 'translations'>;
  privacyText(language: TabLanguage): string;
  tabTexts(language: TabLanguage): TabTexts;
}

export function mountTabRoutes(server: restify.Server, deps: TabRouteDeps): void {
  server.get('/tab', async (req: restify.Request, res: restify.Response) => {
    const lang = tabLanguage(new URL(req.url ?? '/', 'http://nabo.local').searchParams.get('lang'));
    const html = tabPage(lang, deps.sso !== undefined, deps.tabTexts(lang));
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': Buffer.byteLength(html),
      'Content-Security-Policy': CSP,
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
    res.end(html);
  });
  server.get('/tab/app.js', async (_req: restify.Request, res: restify.Response) => {
    try {
      const js = await tabBundle();
      res.writeHead(200, {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Content-Length': Buffer.byteLength(js),
        'Cache-Control': 'public, max-age=300',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(js);
    } catch (err) {
      deps.logger.error('tab bundle failed', { err });
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end('bundle failed');
    }
  });
  // The texts for the language Teams reports, when it differs from the link's ?lang=.
  server.get('/tab/texts', async (req: restify.Request, res: restify.Response) => {
    const lang = tabLanguage(new URL(req.url ?? '/', 'http://nabo.local').searchParams.get('lang'));
    const body = JSON.stringify({ language: lang, texts: deps.tabTexts(lang) });
    res.writeHead(200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'public, max-age=300',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(body);
  });
  server.get('/tab/privacy', async (req: restify.Request, res: restify.Response) => {
    const lang = tabLanguage(new URL(req.url ?? '/', 'http://nabo.local').searchParams.get('lang'));
    const html = privacyPage(lang, deps.privacyText(lang).replace(/[\u2068\u2069]/g, ''));
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': Buffer.byteLength(html),
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    });
    res.end(html);
  });
  server.get('/api/progress', progressHandler(deps));
  server.get(REPORT_PATH, reportHandler(deps));
  mountPlanWorkbookRoutes(server, { nabo: deps.nabo, config: deps.config, clock: deps.clock, logger: deps.logger });
}
