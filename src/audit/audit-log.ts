/** Records changes made by staff, by pseudonymous id and without personal data. */
import type { Tx } from '../database/database';

/** One audited change. `details` must not contain names, notes or channel ids. */
export interface AuditEntry {
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  details?: Record<string, string | number | boolean | null>;
}

/** Writes an audit entry inside the caller's transaction, so it stands or falls with the change. */
export async function audit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      details: JSON.stringify(entry.details ?? {}),
    },
  });
}
