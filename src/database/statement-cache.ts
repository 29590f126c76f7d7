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
 * past that the cache starts over (statements with lists of varying length make new texts). A
 * statement that changes the schema is never kept and empties the cache, so a kept column list
 * never outlives the table it describes.
 */
import type BetterSqlite3 from 'better-sqlite3';

type Statement = BetterSqlite3.Statement<unknown[]>;

/** What the adapter calls on `prepare(sql).bind(args)`: `reader`, `columns()`, `raw().all()` and `run()`. */
class Bound {
  constructor(
    private readonly stmt: Statement,
    private readonly args: unknown[],
    private readonly cached: Cached,
  ) {}

  get reader(): boolean {
    return this.stmt.reader;
  }

  /** Asked on every read; the same for a statement until the schema changes (which empties the cache). */
  columns(): BetterSqlite3.ColumnDefinition[] {
    return (this.cached.columns ??= this.stmt.columns());
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
  constructor(
    private readonly stmt: Statement,
    private readonly cached: Cached,
  ) {}

  bind(args: unknown[] = []): Bound {
    return new Bound(this.stmt, args, this.cached);
  }

  run(...args: unknown[]): BetterSqlite3.RunResult {
    return this.stmt.run(...args);
  }
}

/** A kept statement and its result columns, once asked. */
interface Cached {
  stmt: Statement;
  columns?: BetterSqlite3.ColumnDefinition[];
}

/** Statements that change the schema: they empty the cache, so no column list outlives them. */
const SCHEMA_CHANGE = /^\s*(CREATE|ALTER|DROP)\b/i;

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
  const cache = new Map<string, Cached>();
  const counts: StatementCacheStats = { size: 0, hits: 0, misses: 0 };
  stats.set(connection, counts);
  (connection as unknown as { prepare: (sql: string) => Reusable }).prepare = (sql: string) => {
    let cached = cache.get(sql);
    if (cached) counts.hits++;
    else {
      counts.misses++;
      if (cache.size >= limit || SCHEMA_CHANGE.test(sql)) cache.clear();
      cached = { stmt: prepare(sql) };
      if (!SCHEMA_CHANGE.test(sql)) cache.set(sql, cached);
      counts.size = cache.size;
    }
    return new Reusable(cached.stmt, cached);
  };
  return connection;
}

/** The cache's counts for a connection made by `cacheStatements`, else undefined. */
export function statementCacheStats(connection: object): StatementCacheStats | undefined {
  return stats.get(connection);
}
