/**
 * Keeps personal data no longer than it is needed (the README's privacy section says why each
 * period): the text of sent messages, allergy notes once the meal is well past, and everything about
 * residents who have not been in touch for a long time. Counts stay: rows are blanked or erased
 * the way "delete my data" does it, never deleted in a way that changes a target.
 */
import type { RetentionConfig } from '../config/config';
import type { Db } from '../database/database';
import type { Logger } from '../logging/logger';
import type { PeopleService } from '../people/people-service';
import { parseDietary } from '../sign-ups/dietary';
import type { Clock } from '../time/clock';

const DAY_MS = 86_400_000;
/** Rows handled per pass, so one pass never holds the database long. */
const BATCH = 200;

/** What one pass did, for the log and the tests. */
export interface RetentionReport {
  /** Residents without consent who still had a name or area (kept by an older version, or by a "no"). */
  unconsentedCleared: number;
  messagesBlanked: number;
  allergyNotesErased: number;
  peopleErased: number;
}

export interface RetentionDeps {
  db: Db;
  clock: Clock;
  people: Pick<PeopleService, 'erase'>;
  config: RetentionConfig;
  logger: Logger;
}

/** Without consent a resident is a channel id and a language: nothing else is kept, whatever wrote it. */
async function clearUnconsented(deps: RetentionDeps): Promise<number> {
  const r = await deps.db.person.updateMany({
    where: { role: 'resident', consentAt: null, OR: [{ firstName: { not: null } }, { housingAreaId: { not: null } }] },
    data: { firstName: null, housingAreaId: null },
  });
  return r.count;
}

/** Sent messages older than the period keep their row (kind, refId: sent once), not their text. */
async function blankSentMessages(deps: RetentionDeps): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - deps.config.sentMessageDays * DAY_MS);
  const r = await deps.db.outboxMessage.updateMany({
    where: {
      NOT: { payload: '{}' },
      OR: [
        { status: 'sent', sentAt: { lt: before } },
        { status: { in: ['failed', 'skipped'] }, createdAt: { lt: before } },
      ],
    },
    data: { payload: '{}', lastError: null },
  });
  return r.count;
}

/** Allergy notes are health data: gone a set time after the event, the menu choice stays for the kitchen's history. */
async function eraseAllergyNotes(deps: RetentionDeps): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - deps.config.allergyDays * DAY_MS);
  let erased = 0;
  for (;;) {
    const rows = await deps.db.signUp.findMany({
      where: { dietary: { contains: '"allergies"' }, event: { endsAt: { lt: before } } },
      select: { id: true, dietary: true },
      take: BATCH,
    });
    if (rows.length === 0) return erased;
    for (const row of rows) {
      const kept = { ...parseDietary(row.dietary), allergies: undefined };
      await deps.db.signUp.update({ where: { id: row.id }, data: { dietary: JSON.stringify(kept) } });
      erased++;
    }
    if (rows.length < BATCH) return erased;
  }
}

/**
 * Residents with no sign-up, appointment, question or conversation for the period are erased.
 * Teams identities are staff (or the staff channel), whose data their organisation manages.
 */
async function eraseInactiveResidents(deps: RetentionDeps): Promise<number> {
  const now = deps.clock.now();
  const before = new Date(now.getFullYear(), now.getMonth() - deps.config.inactiveMonths, now.getDate(), now.getHours());
  const candidates = await deps.db.person.findMany({
    where: {
      role: 'resident',
      erasedAt: null,
      createdAt: { lt: before },
      identities: { none: { channel: 'teams' } },
      conversations: { none: { updatedAt: { gte: before } } },
      // Not updatedAt: staff taking attendance touches a sign-up, the resident did nothing.
      signUps: { none: { OR: [{ createdAt: { gte: before } }, { cancelledAt: { gte: before } }, { event: { startsAt: { gte: before } } }] } },
      appointments: { none: { OR: [{ createdAt: { gte: before } }, { slot: { startsAt: { gte: before } } }] } },
      handovers: { none: { createdAt: { gte: before } } },
    },
    select: { id: true },
    take: BATCH,
  });
  for (const p of candidates) await deps.people.erase(p.id);
  return candidates.length;
}

/** One retention pass. */
export async function runRetention(deps: RetentionDeps): Promise<RetentionReport> {
  const report = {
    unconsentedCleared: await clearUnconsented(deps),
    messagesBlanked: await blankSentMessages(deps),
    allergyNotesErased: await eraseAllergyNotes(deps),
    peopleErased: await eraseInactiveResidents(deps),
  };
  if (Object.values(report).some((n) => n > 0)) deps.logger.info('retention pass', { ...report });
  return report;
}

/** Runs a pass now and then every `everyMs` (default hourly); `stop()` ends it. */
export function startRetention(deps: RetentionDeps, everyMs = 3_600_000): { stop(): void } {
  let running = false;
  const pass = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      await runRetention(deps);
    } catch (err) {
      deps.logger.error('retention pass failed', { err });
    } finally {
      running = false;
    }
  };
  void pass();
  const timer = setInterval(() => void pass(), everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
