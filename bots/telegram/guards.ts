/**
 * The middleware around the router: the rate limit, the once-only record of each update, and the
 * error boundary that logs with context (pseudonymous person id, update id; never the text or the
 * Telegram id) and apologises, so one bad update never stops the bot or the others.
 */
import type { BotError, Context, MiddlewareFn } from 'grammy';
import type { Db } from '../../src/database/database';
import type { UpdateLedger } from '../../src/database/handled-once';
import type { Translations } from '../../src/i18n/i18n';
import type { Logger } from '../../src/logging/logger';
import { ourLanguage } from '../../src/conversation/engine';
import { answerPress } from './handlers';
import { languageOf, personOf } from './identity';
import { updateKey } from './processed-updates';
import { slowDown, type RateLimiter } from './rate-limit';

/** The kind of update, for logs (never its content). */
export function updateKind(ctx: Context): string {
  return Object.keys(ctx.update).find((k) => k !== 'update_id') ?? 'unknown';
}

/** Drops updates beyond the limit; the first refused one gets a friendly message. */
export function rateLimit(limiter: RateLimiter, db: Db, logger: Logger): MiddlewareFn<Context> {
  return async (ctx, next) => {
    const from = ctx.from;
    if (!from) return next();
    const decision = limiter.hit(String(from.id));
    if (decision.allowed) return next();
    // Only the notifying update pays for a database read; the others use the client's language.
    const language = decision.notify ? await languageOf(db, from.id, from.language_code) : (ourLanguage(from.language_code) ?? 'da');
    if (ctx.callbackQuery) await answerPress(ctx, logger, slowDown(language));
    if (decision.notify) {
      logger.info('telegram rate limit', { update: ctx.update.update_id });
      try {
        await ctx.api.sendMessage(ctx.chat?.id ?? from.id, slowDown(language));
      } catch (err) {
        logger.warn('telegram slow-down message failed', { update: ctx.update.update_id, err });
      }
    }
  };
}

/** Thrown when another handler holds the update: the webhook answers 500 and Telegram delivers it again later. */
export class UpdateInHand extends Error {
  constructor(readonly updateId: number) {
    super(`update ${updateId} is being handled elsewhere`);
  }
}

/**
 * Each update is handled once and never lost: it is leased before handling and marked done only
 * after the router (inside its error boundary, so a failed turn has been answered with an
 * apology) returned. A crash in between leaves the lease to run out, and Telegram's redelivery
 * is handled then. A duplicate of a done update is acknowledged and ignored; one whose handler
 * is still at work is refused for now. A database failure propagates: the webhook answers 500.
 */
export function onlyOnce(handled: UpdateLedger, logger: Logger): MiddlewareFn<Context> {
  return async (ctx, next) => {
    const key = updateKey(ctx.me.id, ctx.update.update_id);
    let claim;
    try {
      claim = await handled.begin(key);
    } catch (err) {
      // A pressed button is answered whatever happens; the redelivery will do the rest.
      if (ctx.callbackQuery) await answerPress(ctx, logger);
      throw err;
    }
    if (claim === 'done') {
      logger.info('telegram duplicate update ignored', { update: ctx.update.update_id });
      // Usually answered already by the first delivery; answering twice is harmless, never twice silent.
      if (ctx.callbackQuery) await answerPress(ctx, logger);
      return;
    }
    if (claim === 'busy') throw new UpdateInHand(ctx.update.update_id);
    try {
      await next();
    } catch (err) {
      await handled.abandon(key).catch(() => undefined);
      throw err;
    }
    await handled.finish(key);
  };
}

/** The error boundary's handler: log with context, apologise in the person's language. */
export function apologise(db: Db, translations: Translations, logger: Logger): (err: BotError<Context>) => Promise<void> {
  return async (err) => {
    const ctx = err.ctx;
    const from = ctx.from;
    const person = from ? await personOf(db, from.id).catch(() => null) : null;
    const error = err.error instanceof Error ? err.error : new Error(String(err.error));
    logger.error('telegram update failed', { update: ctx.update.update_id, kind: updateKind(ctx), person: person?.id, err: error });
    if (!from) return;
    try {
      const language = person?.language ?? ourLanguage(from.language_code) ?? 'da';
      await ctx.api.sendMessage(ctx.chat?.id ?? from.id, translations.translator(language)('common:error.unexpected'));
    } catch (sendErr) {
      logger.warn('telegram apology failed', { update: ctx.update.update_id, err: sendErr });
    }
  };
}
