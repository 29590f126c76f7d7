/**
 * Spaces proactive sends within Telegram's limits: about 30 messages a second per bot and one a
 * second per chat. We stay under: 25 a second overall, one a second per chat. A slot is reserved
 * before sleeping, so concurrent callers queue behind each other instead of bunching up.
 */

export interface PacerOptions {
  perSecond: number;
  perChatMs: number;
}

export class Pacer {
  private nextGlobal = 0;
  private readonly lastByChat = new Map<string, number>();

  constructor(
    private readonly opts: PacerOptions = { perSecond: 25, perChatMs: 1000 },
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /** Waits until one more message may go to `chat`, and takes that slot. Returns the wait in ms. */
  async wait(chat: string): Promise<number> {
    const now = this.now();
    const last = this.lastByChat.get(chat);
    const at = Math.max(now, this.nextGlobal, last === undefined ? now : last + this.opts.perChatMs);
    this.nextGlobal = at + 1000 / this.opts.perSecond;
    this.lastByChat.set(chat, at);
    if (this.lastByChat.size > 10_000) this.forget(now);
    if (at > now) await this.sleep(at - now);
    return at - now;
  }

  // Chats last served more than a second ago need no memory.
  private forget(now: number): void {
    for (const [chat, t] of this.lastByChat) if (t + this.opts.perChatMs < now) this.lastByChat.delete(chat);
  }
}
