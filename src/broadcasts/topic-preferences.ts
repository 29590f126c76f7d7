/**
 * A resident's news choices: which topics they want, and "stop" / "start" for all news. Stop is
 * stored on the person (newsOffAt) and skips the broadcast messages already queued for them, as
 * "stop" for reminders does (src/reminders/reminder-preferences.ts); start clears it.
 */
import type { Db } from '../database/database';
import type { Clock } from '../time/clock';
import { formatTopics, parseTopics, type Topic } from './topics';

/** What a resident chose: their topics and whether news are stopped. */
export interface NewsChoices {
  topics: Topic[];
  stopped: boolean;
}

export class TopicPreferences {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** The person's topics and stop state. */
  async choices(personId: string): Promise<NewsChoices> {
    const p = await this.db.person.findUnique({ where: { id: personId }, select: { topics: true, newsOffAt: true } });
    return { topics: parseTopics(p?.topics), stopped: p?.newsOffAt != null };
  }

  /** Adds a topic when it is not chosen, removes it when it is; returns the topics after. */
  async toggle(personId: string, topic: Topic): Promise<Topic[]> {
    const { topics } = await this.choices(personId);
    const next = topics.includes(topic) ? topics.filter((t) => t !== topic) : [...topics, topic];
    await this.db.person.update({ where: { id: personId }, data: { topics: formatTopics(next) } });
    return parseTopics(formatTopics(next));
  }

  /** Replaces the person's topics. */
  async setTopics(personId: string, topics: readonly Topic[]): Promise<void> {
    await this.db.person.update({ where: { id: personId }, data: { topics: formatTopics(topics) } });
  }

  /** Stops (true) or restarts (false) all news; stopping skips what is queued for them, in one transaction. */
  async setStopped(personId: string, stopped: boolean): Promise<void> {
    await this.db.$transaction(async (tx) => {
      await tx.person.update({ where: { id: personId }, data: { newsOffAt: stopped ? this.clock.now() : null } });
      if (stopped)
        await tx.outboxMessage.updateMany({
          where: { personId, kind: 'broadcast', status: 'pending' },
          data: { status: 'skipped', lastError: 'news stopped' },
        });
    });
  }
}
