/**
 * Graceful stop on SIGTERM/SIGINT (a deploy, `docker stop`, a scale-in): stop taking updates
 * (/readyz and new POSTs answer 503, Telegram polling ends after its batch), let the turns in
 * flight finish, close the HTTP listener, then stop the outbox worker — which sends the message
 * in hand and releases the rest of its claim — and close the database.
 */
import type { Logger } from '../src/logging/logger';
import type { Nabo } from './composition';
import type { HttpServer } from './http/server';

/** How long a stop waits for turns in flight; below the 30 s grace of compose.yaml and Azure. */
export const TURNS_GRACE_MS = 20_000;

/** Something that stops taking work (a channel); may be absent when it never started. */
export interface Stoppable {
  stop(): Promise<void>;
}

export interface StopDeps {
  http: HttpServer;
  channels: (Stoppable | null)[];
  nabo: Pick<Nabo, 'turnsInFlight' | 'close'>;
  logger: Logger;
  turnsGraceMs?: number;
}

/** Stops in order; resolves when the database is closed. Turns still running after the grace are logged and cut. */
export async function stopGracefully(deps: StopDeps): Promise<void> {
  const { http, nabo, logger } = deps;
  http.stopTakingRequests();
  for (const channel of deps.channels) {
    await channel?.stop().catch((err: unknown) => logger.warn('channel stop failed', { err: err instanceof Error ? err : new Error(String(err)) }));
  }
  const started = Date.now();
  const drained = await nabo.turnsInFlight.drained(deps.turnsGraceMs ?? TURNS_GRACE_MS);
  if (drained) logger.info('turns finished', { waitedMs: Date.now() - started });
  else logger.warn('stopping with turns still running', { turns: nabo.turnsInFlight.size });
  await http.close();
  await nabo.close();
}
