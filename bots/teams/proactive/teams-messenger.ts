/**
 * The core's Messenger for Teams (src/outbox/messenger.ts): sends one rendered outbox message as an
 * Adaptive Card into the conversation stored on the identity (its conversation reference), through
 * CloudAdapter.continueConversationAsync. Teams' 403 (bot removed or blocked) and 404 (conversation
 * gone) mean the person cannot be reached: 'blocked'.
 */
import { DeliveryError, toReply, type Messenger, type Recipient, type RenderedMessage } from '../../../src/outbox/messenger';
import { cardTexts } from '../card-texts';
import { renderMessages } from '../cards/render-batch';
import { parseAddress } from './conversation-reference';
import { isGone, statusOf, type ProactiveSender } from './proactive-sender';

export class TeamsMessenger implements Messenger {
  constructor(private readonly sender: ProactiveSender) {}

  async send(to: Recipient, message: RenderedMessage): Promise<'sent' | 'blocked'> {
    const reference = parseAddress(to.address);
    if (!reference) throw new DeliveryError('no teams conversation reference', { permanent: true });
    const activities = renderMessages([toReply(message)], { texts: cardTexts(message.language), rtl: message.direction === 'rtl' });
    try {
      await this.sender.send(reference, activities);
      return 'sent';
    } catch (err) {
      if (isGone(err)) return 'blocked';
      const status = statusOf(err);
      // 400: Teams refused the message itself; sending it again gets the same answer.
      throw new DeliveryError(`teams ${status ?? (err instanceof Error ? err.name : 'error')}`, { permanent: status === 400, cause: err });
    }
  }
}
