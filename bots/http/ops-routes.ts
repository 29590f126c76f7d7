/**
 * The routes an operator and a load balancer use: GET /readyz (database reachable and every
 * migration applied: 200, otherwise 503; 503 also while the instance stops) and GET /metrics
 * (Prometheus text format), which asks for `Authorization: Bearer <NABO_METRICS_TOKEN>` when a
 * token is configured. GET /healthz (alive) stays in server.ts.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type restify from 'restify';
import type { ReadinessCheck } from '../../src/database/readiness';
import type { Logger } from '../../src/logging/logger';

/** What GET /metrics renders (PrometheusMetrics). */
export interface MetricsSource {
  render(): Promise<{ contentType: string; body: string }>;
  /** Counts an HTTP answer by route pattern ("unmatched" for unknown paths) and status. */
  countResponse(route: string, status: number): void;
}

export interface OpsRoutesDeps {
  readiness: ReadinessCheck;
  /** True once the instance is stopping: it reports unready so the proxy sends traffic elsewhere. */
  stopping(): boolean;
  metrics?: MetricsSource;
  /** When set, /metrics answers 401 without this bearer token. */
  metricsToken?: string;
  logger: Logger;
}

/** Whether an Authorization header carries the bearer token; compared in constant time. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  if (given === undefined) return false;
  const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(token));
}

export function mountOpsRoutes(server: restify.Server, deps: OpsRoutesDeps): void {
  server.get('/readyz', async (_req: restify.Request, res: restify.Response) => {
    if (deps.stopping()) {
      res.json(503, { status: 'stopping' });
      return;
    }
    const r = await deps.readiness.check();
    if (r.ready) {
      res.json(200, { status: 'ready' });
      return;
    }
    deps.logger.warn('not ready', { reason: r.reason, pending: r.pending?.length });
    res.json(503, { status: 'unavailable', reason: r.reason, ...(r.pending ? { pending: r.pending } : {}) });
  });

  const metrics = deps.metrics;
  if (!metrics) return;
  server.on('after', (req: restify.Request, res: restify.Response) => {
    const path = req.getRoute()?.path;
    metrics.countResponse(typeof path === 'string' ? path : 'unmatched', res.statusCode);
  });
  server.get('/metrics', async (req: restify.Request, res: restify.Response) => {
    if (deps.metricsToken && !bearerMatches(req.header('authorization') || undefined, deps.metricsToken)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="nabo-metrics"');
      res.json(401, { error: 'unauthorized' });
      return;
    }
    const { contentType, body } = await metrics.render();
    res.writeHead(200, { 'Content-Type': contentType });
    res.end(body);
  });
}
