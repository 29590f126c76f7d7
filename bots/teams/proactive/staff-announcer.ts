/**
 * Announcements to staff that must go out once: a new handover request, an attendance reminder.
 * Each is guarded by a ProcessedUpdate key claimed before sending (so two instances never both
 * post it); when no recipient could be reached the key is released and the next run tries again.
 */
import type { Activity } from 'botbuilder';
import type { Database } from '../../../src/database/database';
import type { Logger } from '../../../src/logging/logger';
import type { PeopleService } from '../../../src/people/people-service';
import type { Language } from '../../../src/plan-data/plan-file';
import type { Clock } from '../../../src/time/clock';
import { claimedKeys, claimKey, releaseKey } from '../processed-updates';
import { isGone, statusOf, type ProactiveSender } from './proactive-sender';
import { staffRecipients } from './staff-audience';
import type { StaffChannel } from './staff-channel';

export interface AnnouncerDeps {
  database: Pick<Database, 'db' | 'provider'>;
  people: Pick<PeopleService, 'markBlocked'>;
  staffChannel: StaffChannel;
  sender: ProactiveSender;
  clock: Clock;
  logger: Logger;
}

/** One thing to announce: its once-only key and its message in a given language. */
export interface Announcement {
  key: string;
  build(language: Language): Partial<Activity>;
}

/** Posts each announcement not yet made; returns how many went out. */
export async function announceOnce(deps: AnnouncerDeps, announcements: readonly Announcement[]): Promise<number> {
  const done = await claimedKeys(
    deps.database,
    announcements.map((a) => a.key),
  );
  const todo = announcements.filter((a) => !done.has(a.key));
  if (todo.length === 0) return 0;
  const recipients = await staffRecipients(deps.database.db, deps.staffChannel);
  if (recipients.length === 0) return 0; // nobody to tell yet: try again when someone is there
  let announced = 0;
  for (const a of todo) {
    if (!(await claimKey(deps.database, a.key, deps.clock.now()))) continue;
    let reached = 0;
    for (const r of recipients) {
      try {
        await deps.sender.send(r.reference, [a.build(r.language)]);
        reached++;
      } catch (err) {
        if (isGone(err)) {
          await deps.people.markBlocked('teams', r.externalId);
          deps.staffChannel.forgetIfCached(r.externalId);
        } else deps.logger.warn('teams announcement failed', { status: statusOf(err) });
      }
    }
    if (reached === 0) await releaseKey(deps.database, a.key);
    else announced++;
  }
  return announced;
}
