import { startHttpServer } from '../../bots/http/server';
import { silentLogger } from '../../src/logging/logger';
import { createTestDatabase } from '../support/test-database';

describe('HTTP server', () => {
  test('GET /healthz answers ok when the database answers', async () => {
    const database = await createTestDatabase('sqlite');
    const http = await startHttpServer({ port: 0, db: database.db, logger: silentLogger, provider: database.provider });
    try {
      const res = await fetch(`http://127.0.0.1:${http.port()}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok', database: 'sqlite' });
      const busy = await startHttpServer({ port: http.port(), db: database.db, logger: silentLogger, provider: 'sqlite' }).catch((e: Error) => e);
      expect(String(busy)).toMatch(/Port \d+ is in use/);
    } finally {
      await http.close();
      await database.destroy();
    }
  });
});
