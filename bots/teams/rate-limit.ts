/**
 * Per-person rate limit for Teams, the same sliding window as Telegram's (bots/telegram/rate-limit.ts):
 * more than `limit` activities in `windowMs` from one sender and they get one "slow down" message;
 * the rest of the burst is acknowledged and dropped. It runs after the Bot Framework has
 * authenticated the request, so nobody can use up another person's budget with forged activities.
 */
import type { TurnContext } from 'botbuilder';
import { ourLanguage } from '../../src/conversation/engine';
import type { Logger } from '../../src/logging/logger';
import { RateLimiter, slowDown } from '../telegram/rate-limit';
import { objectIdOf } from './access';
import { ActivityTypes } from './sdk';

export { RateLimiter };

/** Wraps a turn handler: a flooding sender's turns are answered (invokes) or dropped instead of run. */
export function rateLimitedTurn(
  limiter: RateLimiter,
  logger: Logger,
  onTurn: (context: TurnContext) => Promise<void>,
): (context: TurnContext) => Promise<void> {
  return async (context) => {
    const a = context.activity;
    const key = objectIdOf(a) ?? a.from?.id;
    // Installs and membership changes are Teams' own, not the person typing.
    if (!key || a.type === ActivityTypes.ConversationUpdate) return onTurn(context);
    const decision = limiter.hit(`teams:${key}`);
    if (decision.allowed) return onTurn(context);
    const text = slowDown(ourLanguage(a.locale) ?? 'da');
    if (a.type === ActivityTypes.Invoke) {
      // An Action.Execute must get an invoke response, or Teams shows the person an error.
      await context.sendActivity({
        type: ActivityTypes.InvokeResponse,
        value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text } },
      });
      return;
    }
    if (!decision.notify) return;
    logger.info('teams rate limit', { type: a.type });
    try {
      await context.sendActivity(text);
    } catch (err) {
      logger.warn('teams slow-down message failed', { err });
    }
  };
}
