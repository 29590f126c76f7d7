/**
 * Drives the conversation engine like a person would: write text, press a button by its label,
 * and read what came back (isolates stripped). Used by the flow tests.
 */
import { ConversationEngine } from '../../src/conversation/engine';
import { StateStore } from '../../src/conversation/state-store';
import type { Reply, ReplyBatch } from '../../src/conversation/replies';
import type { Turn } from '../../src/conversation/turn';
import { FLOWS } from '../../src/flows';
import { Translations, stripIsolates } from '../../src/i18n/i18n';
import { silentLogger } from '../../src/logging/logger';
import { understand } from '../../src/nlu/reader';
import type { Role } from '../../src/people/people-service';
import type { TestContext } from './test-context';

let translations: Translations | undefined;

/** An engine on the test context's database and clock. */
export function engineFor(ctx: TestContext): ConversationEngine {
  translations ??= new Translations(undefined, (lang, key) => {
    throw new Error(`missing translation ${lang} ${key}`);
  });
  return new ConversationEngine({
    services: ctx.services,
    translations,
    clock: ctx.clock,
    logger: silentLogger,
    understand,
    flows: FLOWS,
    stateStore: new StateStore(ctx.database.db),
  });
}

export class Chat {
  last: ReplyBatch = { language: 'da', direction: 'ltr', replies: [] };
  private readonly base: Omit<Turn, 'input'>;

  constructor(
    private readonly engine: ConversationEngine,
    who: { externalId?: string; firstName?: string; clientLanguage?: string; role?: Role; channel?: Turn['channel'] } = {},
  ) {
    this.base = {
      channel: who.channel ?? 'telegram',
      externalId: who.externalId ?? `chat-${Math.random().toString(36).slice(2)}`,
      firstName: who.firstName ?? 'Amina',
      clientLanguage: who.clientLanguage,
      role: who.role,
    };
  }

  get externalId(): string {
    return this.base.externalId;
  }

  async send(input: Turn['input']): Promise<ReplyBatch> {
    this.last = await this.engine.handle({ ...this.base, input });
    return this.last;
  }

  start(payload?: string): Promise<ReplyBatch> {
    return this.send({ kind: 'start', payload });
  }

  say(text: string): Promise<ReplyBatch> {
    return this.send({ kind: 'text', text });
  }

  /** Presses the first button whose label contains `label` (or matches it). */
  press(label: string | RegExp, values?: Record<string, string>): Promise<ReplyBatch> {
    const choice = this.buttons().find((c) => (typeof label === 'string' ? stripIsolates(c.label).includes(label) : label.test(stripIsolates(c.label))));
    if (!choice)
      throw new Error(
        `no button "${String(label)}" among: ${this.buttons()
          .map((c) => c.label)
          .join(' | ')}`,
      );
    return this.send({ kind: 'action', action: choice.action, values });
  }

  buttons(): { label: string; action: string }[] {
    return this.last.replies.flatMap((r) => (r.kind === 'choices' ? r.choices : []));
  }

  /** Everything the last batch said, as plain text. */
  text(): string {
    return stripIsolates(
      this.last.replies
        .map((r) => (r.kind === 'text' || r.kind === 'choices' || r.kind === 'form' ? r.text : r.kind === 'table' ? r.title : (r.caption ?? '')))
        .join('\n'),
    );
  }

  files(): Extract<Reply, { kind: 'file' }>[] {
    return this.last.replies.filter((r): r is Extract<Reply, { kind: 'file' }> => r.kind === 'file');
  }
}
