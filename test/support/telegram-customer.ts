/**
 * A Telegram user talking to a bot through the emulator, one turn at a time: each turn waits
 * until the bot has handled the update — confirmed with the next getUpdates offset (long polling:
 * the adapter asks for the next update only once this one is stored and answered) or accepted
 * with a 2xx by the webhook — and answers what the bot sent to this chat meanwhile.
 */
import { until } from './intake-checks';
import { textUpdate, type SentMessage, type TelegramEmulator, type UpdateInput } from './telegram-emulator';

export interface TelegramSender { firstName?: string; lastName?: string; languageCode?: string }

export class TelegramCustomer {
  constructor(
    private readonly tg: TelegramEmulator,
    private readonly token: string,
    readonly chatId: number,
    readonly sender: TelegramSender = {},
    private readonly mode: 'polling' | 'webhook' = 'polling',
  ) {}

  /** Every sendMessage the bot made to this chat so far. */
  sent(): SentMessage[] {
    return this.tg.sent(this.token).filter((m) => m.chatId === String(this.chatId));
  }

  /** Pushes the update and waits until the bot handled it; returns what it sent to this chat meanwhile. */
  async send(update: UpdateInput, timeoutMs = 5_000): Promise<SentMessage[]> {
    const before = this.sent().length;
    const pushed = this.tg.pushUpdate(this.token, update);
    await this.handled(pushed.update_id, timeoutMs);
    return this.sent().slice(before);
  }

  /** A text turn; fails when the bot did not answer it. */
  async say(text: string, timeoutMs?: number): Promise<SentMessage[]> {
    const replies = await this.send(textUpdate(this.chatId, text, this.sender), timeoutMs);
    if (replies.length === 0) throw new Error(`the bot did not answer ${JSON.stringify(text)} in chat ${this.chatId}`);
    return replies;
  }

  /** Resolves once the bot has handled update `updateId` (see the file comment). */
  handled(updateId: number, timeoutMs = 5_000): Promise<true> {
    return until(() => {
      if (this.mode === 'webhook') {
        return this.tg.deliveries(this.token).some((d) => d.updateId === updateId && typeof d.status === 'number' && d.status >= 200 && d.status < 300) || undefined;
      }
      return this.tg.calls(this.token).some((c) => c.method === 'getUpdates' && Number(c.params.offset ?? 0) > updateId) || undefined;
    }, timeoutMs, `update ${updateId} handled`);
  }
}
