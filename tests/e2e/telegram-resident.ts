/** A resident in the Telegram emulator: writes, uses commands, presses buttons of the bot's messages. */
import type { StoredBotUpdate } from 'telegram-test-api/lib/telegramServer';
import type { TelegramClient } from 'telegram-test-api/lib/modules/telegramClient';
import { TOKEN, type TelegramHarness } from './telegram-harness';

/** An inline button as stored by the emulator. */
export interface Button {
  text: string;
  callback_data: string;
}

/** The inline buttons of a stored bot message. */
export function buttonsOf(m: StoredBotUpdate): Button[] {
  const markup = m.message.reply_markup as { inline_keyboard?: Button[][] } | undefined;
  return markup?.inline_keyboard?.flat() ?? [];
}

export class TestResident {
  private readonly client: TelegramClient;
  /** The updates of the last step as Nabo received them, with the webhook's answers. */
  lastDelivered: { update: { update_id: number }; status: number }[] = [];

  constructor(
    private readonly h: TelegramHarness,
    readonly userId: number,
    readonly languageCode: string,
    firstName = 'Test',
  ) {
    this.client = h.emulator.getClient(TOKEN, { userId, chatId: userId, firstName, userName: `resident${userId}` });
  }

  /** Sends a command ("/start e_123") and waits until Nabo has answered it. */
  async command(text: string): Promise<number[]> {
    await this.client.sendCommand(this.client.makeCommand(text, { from: { language_code: this.languageCode } }));
    return this.delivered();
  }

  /** Writes a message and waits for the answer. */
  async say(text: string): Promise<number[]> {
    await this.client.sendMessage(this.client.makeMessage(text, { from: { language_code: this.languageCode } }));
    return this.delivered();
  }

  /** Presses the newest button whose action matches, and waits for the answer. Returns the pressed message id. */
  async press(action: string | RegExp): Promise<number> {
    const matches = (b: Button): boolean => (typeof action === 'string' ? b.callback_data === action : action.test(b.callback_data));
    const carrier = [...this.messages()].reverse().find((m) => buttonsOf(m).some(matches));
    if (!carrier) throw new Error(`no button ${String(action)}; offered: ${this.offered().join(', ')}`);
    const data = buttonsOf(carrier).find(matches)?.callback_data ?? '';
    await this.pressOn(carrier.messageId, data);
    return carrier.messageId;
  }

  /** Presses `data` on a given message (also one whose keyboard is gone: an old button). */
  async pressOn(messageId: number, data: string): Promise<void> {
    await this.client.sendCallback(this.client.makeCallbackQuery(data, { message: { message_id: messageId }, from: { language_code: this.languageCode } }));
    await this.delivered();
  }

  private async delivered(): Promise<number[]> {
    this.lastDelivered = await this.h.deliver();
    return this.lastDelivered.map((d) => d.status);
  }

  /** The bot's messages in this chat, oldest first. */
  messages(): StoredBotUpdate[] {
    return this.h.botMessages(this.userId);
  }

  /** Their texts (a file's caption), without Unicode isolates. */
  texts(): string[] {
    return this.messages().map((m) => String(m.message.text ?? (m.message as { caption?: string }).caption ?? '').replace(/[\u2068\u2069]/g, ''));
  }

  /** Actions of every button still on screen, newest message first. */
  offered(): string[] {
    return [...this.messages()].reverse().flatMap((m) => buttonsOf(m).map((b) => b.callback_data));
  }
}
