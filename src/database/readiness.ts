/**
 * Readiness: the database answers and every committed migration is applied to it. A load balancer
 * sends traffic only to a ready instance (GET /readyz); a database that is behind the code (a
 * migration missing) or out of reach makes the instance unready instead of answering with errors.
 */
import type { Db, Provider } from './database';
import { readMigrations } from './migrations';

/** The answer of one readiness check; `reason` is a fixed phrase, safe to show and log. */
export type Readiness = { ready: true } | { ready: false; reason: 'database unreachable' | 'migrations pending'; pending?: string[] };

/** Checks readiness against the migrations committed for `provider`; resolves within `timeoutMs`. */
export class ReadinessCheck {
  private readonly expected: string[];

  constructor(
    private readonly db: Db,
    provider: Provider,
    private readonly timeoutMs = 2000,
  ) {
    // The committed migrations do not change while the process runs: read them once.
    this.expected = readMigrations(provider).map((m) => m.name);
  }

  /** Never throws: a failing or slow database is an unready answer. */
  async check(): Promise<Readiness> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), this.timeoutMs);
    });
    try {
      const applied = await Promise.race([this.appliedMigrations(), timeout]);
      if (applied === null) return { ready: false, reason: 'database unreachable' };
      const pending = this.expected.filter((name) => !applied.has(name));
      return pending.length ? { ready: false, reason: 'migrations pending', pending } : { ready: true };
    } catch {
      return { ready: false, reason: 'database unreachable' };
    } finally {
      clearTimeout(timer);
    }
  }

  private async appliedMigrations(): Promise<Set<string>> {
    const rows = await this.db.$queryRawUnsafe<{ name: string }[]>(
      'SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    return new Set(rows.map((r) => r.name));
  }
}
