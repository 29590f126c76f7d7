/**
 * Outbox test helpers: a Messenger that records what it was asked to send (and can be told to
 * fail or report the person blocked), and a worker + scheduler wired like production on a test
 * context's database and clock.
 */
import { Translations } from '../../src/i18n/i18n';
import { silentLogger } from '../../src/logging/logger';
import { DEFAULT_MESSAGING_CONFIG, type MessagingConfig } from '../../src/outbox/config';
import type { Messenger, Recipient, RenderedMessage } from '../../src/outbox/messenger';
import { OutboxRenderer } from '../../src/outbox/render';
import { OutboxScheduler } from '../../src/outbox/scheduler';
import { OutboxWorker, type OutboxWorkerDeps } from '../../src/outbox/worker';
import type { TestContext } from './test-context';

let translations: Translations | undefined;

/** The translations, failing loudly on a key that exists in no language. */
export function testTranslations(): Translations {
  translations ??= new Translations(undefined, (lang, key) => {
    throw new Error(`missing translation ${lang} ${key}`);
  });
  return translations;
}

/** What a RecordingMessenger does with the next send. */
export type Behaviour = (to: Recipient) => 'sent' | 'blocked' | Error;

/** Records every send; by default everything is 'sent'. */
export class RecordingMessenger implements Messenger {
  readonly sent: { to: Recipient; message: RenderedMessage }[] = [];
  calls = 0;
  constructor(public behaviour: Behaviour = () => 'sent') {}

  send(to: Recipient, message: RenderedMessage): Promise<'sent' | 'blocked'> {
    this.calls++;
    const r = this.behaviour(to);
    if (r instanceof Error) return Promise.reject(r);
    if (r === 'sent') this.sent.push({ to, message });
    return Promise.resolve(r);
  }

  /** Messages that reached one person. */
  to(personId: string): RenderedMessage[] {
    return this.sent.filter((s) => s.to.personId === personId).map((s) => s.message);
  }
}

/** A worker (with the scheduler in its round) on the context's database and clock. */
export function workerFor(
  ctx: TestContext,
  messengers: Record<string, Messenger>,
  config: MessagingConfig = DEFAULT_MESSAGING_CONFIG,
  extra: Partial<OutboxWorkerDeps> = {},
): OutboxWorker {
  const { database, services, clock } = ctx;
  const renderer = new OutboxRenderer({ db: database.db, translations: testTranslations(), catalogue: services.catalogue, signUps: services.signUps });
  const scheduler = new OutboxScheduler({ db: database.db, clock, logger: silentLogger, offers: services.offers, config });
  return new OutboxWorker({
    db: database.db,
    provider: database.provider,
    clock,
    logger: silentLogger,
    renderer,
    messengers,
    quietHours: config.quietHours,
    scheduler,
    ...extra,
  });
}

/** A staff member reachable in Teams (prompts and digests go there). */
export async function staffOnTeams(ctx: TestContext, role: 'staff' | 'coordinator' = 'staff'): Promise<string> {
  const p = await ctx.services.people.identify({
    channel: 'teams',
    externalId: `aad-${Math.random().toString(36).slice(2)}`,
    firstName: 'Mette',
    role,
    address: '{"conversation":{"id":"x"}}',
  });
  return p.id;
}

/** Runs rounds until nothing more is due (a round handles one batch). */
export async function drain(worker: OutboxWorker): Promise<void> {
  for (let i = 0; i < 50 && (await worker.runOnce()) > 0; i++);
}
