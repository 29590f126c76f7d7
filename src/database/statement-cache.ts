/**
 * Prepared statements kept for reuse on SQLite. Prisma's better-sqlite3 adapter prepares every
 * statement afresh (`client.prepare(sql).bind(args)`), so SQLite parses and plans the same SQL on
 * every call: about a tenth of a whole-plan progress question and of a sign-up turn went there
 * (issue 15). Here the connection's `prepare` hands out a cached statement behind a small wrapper
 * that takes the arguments per call instead of binding them for good (better-sqlite3 allows one
 * `bind` per statement). Everything else the adapter does is unchanged.
 *
 * Safe because better-sqlite3 is synchronous: a statement runs to its end (`all`/`run`) before
 * another call can use it, and SQLite re-prepares a statement itself after a schema change (a
 * migration, the progress triggers set aside and back). At most `limit` distinct texts are kept;
 * past that the cache starts over (statements with lists of varying length make new texts).
 */
import type BetterSqlite3 from 'better-sqlite3';

type Statement = BetterSqlite3.Statement<unknown[]>;

/** What the adapter calls on `prepare(sql).bind(args)`: `reader`, `columns()`, `raw().all()` and `run()`. */
class Bound {
  constructor(
    private readonly stmt: Statement,
    private readonly args: unknown[],
  ) {}

  get reader(): boolean {
    return this.stmt.reader;
  }

  columns(): BetterSqlite3.ColumnDefinition[] {
    return this.stmt.columns();
  }

  raw(): { all: () => unknown[] } {
    return { all: () => this.stmt.raw(true).all(...this.args) };
  }

  run(): BetterSqlite3.RunResult {
    return this.stmt.run(...this.args);
  }
}

/** A prepared statement whose arguments come with each use. */
class Reusable {
  constructor(private readonly stmt: Statement) {}

  bind(args: unknown[] = []): Bound {
    return new Bound(this.stmt, args);
  }

  run(...args: unknown[]): BetterSqlite3.RunResult {
    return this.stmt.run(...args);
  }
}

/** How many statements a connection keeps, and how often one was reused (for tests and the bench). */
export interface StatementCacheStats {
  size: number;
  hits: number;
  misses: number;
}

const stats = new WeakMap<object, StatementCacheStats>();

/** Makes `connection.prepare` hand out cached statements; returns the connection. */
export function cacheStatements<T extends BetterSqlite3.Database>(connection: T, limit = 1000): T {
  const prepare = connection.prepare.bind(connection) as (sql: string) => Statement;
  const cache = new Map<string, Statement>();
  const counts: StatementCacheStats = { size: 0, hits: 0, misses: 0 };
  stats.set(connection, counts);
  (connection as unknown as { prepare: (sql: string) => Reusable }).prepare = (sql: string) => {
    let stmt = cache.get(sql);
    if (stmt) counts.hits++;
    else {
      counts.misses++;
      stmt = prepare(sql);
      if (cache.size >= limit) cache.clear();
      cache.set(sql, stmt);
      counts.size = cache.size;
    }
    return new Reusable(stmt);
  };
  return connection;
}

/** The cache's counts for a connection made by `cacheStatements`, else undefined. */
export function statementCacheStats(connection: object): StatementCacheStats | undefined {
  return stats.get(connection);
}
