/**
 * The restify HTTP server every channel mounts its routes on. For now: GET /healthz, which also
 * checks the database answers.
 */
import restify from 'restify';
import type { Db } from '../../src/database/database';
import type { Logger } from '../../src/logging/logger';

export interface HttpServer {
  server: restify.Server;
  /** The bound port (useful with PORT=0 in tests). */
  port(): number;
  close(): Promise<void>;
}

export async function startHttpServer(opts: { port: number; db: Db; logger: Logger; provider: string }): Promise<HttpServer> {
  const server = restify.createServer({ name: 'nabo', handleUncaughtExceptions: false });
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
  server.on('restifyError', (req: restify.Request, _res: restify.Response, err: Error, cb: () => void) => {
    opts.logger.warn('http error', { path: req.path(), error: err.name });
    cb();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new Error(`Port ${opts.port} is in use: stop the other program or set PORT to another port.`) : err),
    );
    server.listen(opts.port, '0.0.0.0', resolve);
  });
  return {
    server,
    port: () => (server.address() as { port: number }).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
