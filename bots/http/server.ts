/**
 * The restify HTTP server every channel mounts its routes on: GET /healthz (alive, the database
 * answers), and the operator's /readyz and /metrics (ops-routes.ts). While stopping it refuses new
 * POSTs with 503 so a proxy or Telegram retries them on another instance.
 */
// Before restify: on Node 24 it cannot load without this (see the file).
import './restify-compat';
import restify from 'restify';
import type { Db } from '../../src/database/database';
import type { Logger } from '../../src/logging/logger';
import { ReadinessCheck } from '../../src/database/readiness';
import { mountOpsRoutes, type MetricsSource } from './ops-routes';

export interface HttpServer {
  server: restify.Server;
  /** The bound port (useful with PORT=0 in tests). */
  port(): number;
  /** Stops taking work: /readyz answers 503 and so does every new POST (Telegram and the proxy retry elsewhere). */
  stopTakingRequests(): void;
  /** Closes the listener; requests in progress finish first, idle keep-alive connections are dropped. */
  close(): Promise<void>;
}

/**
 * Where to listen: HOST when set; otherwise only this machine while /api/messages is
 * unauthenticated (no MicrosoftAppId), so a laptop's test setup is not open to its network.
 */
export function listenHost(host: string | undefined, authenticated: boolean): string {
  return host ?? (authenticated ? '0.0.0.0' : '127.0.0.1');
}

export async function startHttpServer(opts: {
  port: number;
  host?: string;
  db: Db;
  logger: Logger;
  provider: string;
  metrics?: MetricsSource;
  metricsToken?: string;
}): Promise<HttpServer> {
  const server = restify.createServer({ name: 'nabo', handleUncaughtExceptions: false });
  let stopping = false;
  server.pre((req: restify.Request, res: restify.Response, next: restify.Next) => {
    if (!stopping || req.method === 'GET') return next();
    res.setHeader('Retry-After', '5');
    res.json(503, { status: 'stopping' });
    return next(false);
  });
  server.use(restify.plugins.bodyParser({ maxBodySize: 1_000_000 }));
  server.get('/healthz', async (_req, res) => {
    try {
      await opts.db.$queryRawUnsafe('SELECT 1');
      res.json(200, { status: 'ok', database: opts.provider });
    } catch (err) {
      opts.logger.error('health check failed', { err });
      res.json(503, { status: 'unavailable', database: opts.provider });
    }
  });
  const readiness = new ReadinessCheck(opts.db, opts.provider === 'postgresql' ? 'postgresql' : 'sqlite');
  mountOpsRoutes(server, { readiness, stopping: () => stopping, metrics: opts.metrics, metricsToken: opts.metricsToken, logger: opts.logger });
  server.on('restifyError', (req: restify.Request, _res: restify.Response, err: Error, cb: () => void) => {
    opts.logger.warn('http error', { path: req.path(), error: err.name });
    cb();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new Error(`Port ${opts.port} is in use: stop the other program or set PORT to another port.`) : err),
    );
    // Only this machine unless the caller says otherwise (bots/main.ts decides with listenHost).
    server.listen(opts.port, opts.host ?? '127.0.0.1', resolve);
  });
  return {
    server,
    port: () => (server.address() as { port: number }).port,
    stopTakingRequests: () => {
      stopping = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.server.closeIdleConnections();
      }),
  };
}
