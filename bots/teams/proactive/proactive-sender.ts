/**
 * Sends messages Nabo starts itself (outbox, handover announcements, reminders) into a stored
 * conversation through CloudAdapter.continueConversationAsync, and classifies failures: Teams
 * answers 403 when the bot was removed or blocked and 404 when the conversation is gone, which no
 * retry will change.
 */
import type { Activity, CloudAdapter, ConversationReference } from 'botbuilder';

/** Sends activities into a stored conversation. */
export interface ProactiveSender {
  send(reference: Partial<ConversationReference>, activities: Partial<Activity>[]): Promise<void>;
}

/** The sender used in production: the same CloudAdapter that receives /api/messages (created on first send). */
export function adapterSender(adapter: () => CloudAdapter, appId: string | undefined): ProactiveSender {
  return {
    async send(reference, activities) {
      // The adapter hands errors in the turn to onTurnError; the caller needs them (403 → blocked).
      let failure: unknown = null;
      await adapter().continueConversationAsync(appId ?? '', reference, async (context) => {
        try {
          await context.sendActivities(activities);
        } catch (err) {
          failure = err;
        }
      });
      if (failure !== null) throw failure;
    },
  };
}

/** The HTTP status of a failed connector call, if it has one. */
export function statusOf(err: unknown): number | undefined {
  const e = err as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } } | null;
  const s = e?.statusCode ?? e?.status ?? e?.response?.status;
  return typeof s === 'number' ? s : undefined;
}

/** Whether a failure means the person or conversation cannot be reached again (403/404). */
export const isGone = (err: unknown): boolean => [403, 404].includes(statusOf(err) ?? 0);
