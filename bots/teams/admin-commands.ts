/**
 * Channel identity administration: an admin (NABO_ADMINS) makes a Teams colleague coordinator, or
 * staff again, by typing "promote <Entra object id> coordinator|staff". This only sets the stored
 * role of an existing Teams identity (PeopleService.setRole); it is no business rule, so it lives
 * in the adapter. Admin rights themselves come only from configuration.
 */
import type { PeopleService } from '../../src/people/people-service';
import type { Db } from '../../src/database/database';
import type { Translate } from '../../src/i18n/i18n';

const COMMAND = /^\s*promote\b/i;
const FULL = /^\s*promote\s+([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\s+(coordinator|staff)\s*$/i;

/** Whether a message is the role command (only checked for admins). */
export const isRoleCommand = (text: string): boolean => COMMAND.test(text);

/** Runs the role command; returns the answer to show the admin. */
export async function runRoleCommand(text: string, deps: { db: Db; people: Pick<PeopleService, 'setRole'> }, t: Translate): Promise<string> {
  const m = FULL.exec(text);
  if (!m) return t('channel:role.usage');
  const objectId = (m[1] as string).toLowerCase();
  const role = (m[2] as string).toLowerCase() as 'coordinator' | 'staff';
  const identity = await deps.db.channelIdentity.findUnique({ where: { channel_externalId: { channel: 'teams', externalId: objectId } } });
  if (!identity) return t('channel:role.unknownUser');
  await deps.people.setRole(identity.personId, role);
  return t('channel:role.changed', { id: objectId, role: t(`channel:role.names.${role}`) });
}
