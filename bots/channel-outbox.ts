/**
 * A core outbox worker that serves one channel only (its Messenger), for a channel run on its own
 * or in tests. The server instead registers every channel's Messenger with the one worker in
 * bots/composition.ts, which also runs the scheduler.
 */
import type { Logger } from '../src/logging/logger';
import { DEFAULT_MESSAGING_CONFIG, type QuietHours } from '../src/outbox/config';
import type { Messenger } from '../src/outbox/messenger';
import { OutboxRenderer } from '../src/outbox/render';
import { OutboxWorker } from '../src/outbox/worker';
import type { Clock } from '../src/time/clock';
import type { Nabo } from './composition';

/** What a one-channel worker needs. */
export interface ChannelOutboxDeps {
  nabo: Pick<Nabo, 'database' | 'services' | 'translations'>;
  clock: Clock;
  logger: Logger;
  /** Non-urgent messages wait through these hours (NABO_QUIET_HOURS); null: never. Default 21-8. */
  quietHours?: QuietHours | null;
  /** Round interval (default 3 s). */
  intervalMs?: number;
}

/** A worker that claims and sends only `channel`'s rows through `messenger`. */
export function channelOutboxWorker(deps: ChannelOutboxDeps, channel: string, messenger: Messenger): OutboxWorker {
  const { db, provider } = deps.nabo.database;
  const { translations, services } = deps.nabo;
  return new OutboxWorker({
    db,
    provider,
    clock: deps.clock,
    logger: deps.logger,
    renderer: new OutboxRenderer({ db, translations, catalogue: services.catalogue, signUps: services.signUps }),
    messengers: { [channel]: messenger },
    quietHours: deps.quietHours === undefined ? DEFAULT_MESSAGING_CONFIG.quietHours : deps.quietHours,
    intervalMs: deps.intervalMs,
  });
}
