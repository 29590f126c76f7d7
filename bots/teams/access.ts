/**
 * Who may talk to Nabo in Teams, and as what. Staff are the users of the allowed tenants; admins
 * and coordinators are named by their Entra object ids in the configuration. An admin may promote a
 * colleague to coordinator by a command (admin-commands.ts); that choice is stored on the person,
 * so it is honoured here. Admin itself comes only from NABO_ADMINS, so removing an id from that
 * list takes effect at the next message.
 */
import type { Activity } from 'botbuilder';
import type { Role } from '../../src/people/people-service';
import type { TeamsConfig } from './config';

/** What the channel vouches for about the sender of an activity. */
export type Access =
  | { allowed: true; objectId: string; tenantId: string | undefined; role: Extract<Role, 'staff' | 'coordinator' | 'admin'> }
  | { allowed: false; reason: 'tenant' | 'no_user' };

/** The tenant an activity comes from (channelData.tenant.id, or conversation.tenantId). */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  const data = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const id = typeof data?.tenant?.id === 'string' ? data.tenant.id : activity.conversation?.tenantId;
  return id ? id.toLowerCase() : undefined;
}

/** The sender's Entra object id; Teams always sends it, other clients (Emulator) may not. */
export function objectIdOf(activity: Partial<Activity>): string | undefined {
  const id = activity.from?.aadObjectId ?? undefined;
  return id ? id.toLowerCase() : undefined;
}

/** Whether an activity comes from a tenant Nabo serves (any tenant when none is configured). */
export function tenantAllowed(activity: Partial<Activity>, config: Pick<TeamsConfig, 'allowedTenants'>): boolean {
  const tenantId = tenantOf(activity);
  return config.allowedTenants.length === 0 || (tenantId !== undefined && config.allowedTenants.includes(tenantId));
}

/**
 * Decides access from the configuration and the role stored for the person (if they wrote before).
 * Without an object id (a local client without Entra), the channel account id stands in, only when
 * no tenant list is configured.
 */
export function resolveAccess(activity: Partial<Activity>, config: Pick<TeamsConfig, 'allowedTenants' | 'admins' | 'coordinators'>, storedRole?: Role): Access {
  if (!tenantAllowed(activity, config)) return { allowed: false, reason: 'tenant' };
  const tenantId = tenantOf(activity);
  const restricted = config.allowedTenants.length > 0;
  const objectId = objectIdOf(activity) ?? (restricted ? undefined : activity.from?.id?.toLowerCase());
  if (!objectId) return { allowed: false, reason: 'no_user' };
  const role = config.admins.has(objectId) ? 'admin' : config.coordinators.has(objectId) || storedRole === 'coordinator' ? 'coordinator' : 'staff';
  return { allowed: true, objectId, tenantId, role };
}
