/** Which database a Prisma client talks to, read from the client itself (no statement). */
import type { Db } from '../database/database';

/** The provider a Prisma client was generated for: 'sqlite' or 'postgresql'. */
export function providerOf(db: Db): string {
  return (db as unknown as { _activeProvider?: string })._activeProvider ?? 'sqlite';
}
