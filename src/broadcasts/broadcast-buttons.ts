/**
 * Buttons under a broadcast: "Tilmeld" (starts the resident's normal sign-up for the broadcast's
 * event or activity) and "Læs mere" (shows its details). Stored on Broadcast.buttons and
 * BroadcastTemplate.buttons as JSON; on the resident's message each is a flow action
 * "bcast.<kind>|<broadcast id>", read back (and refused when malformed) by parsePress. The label
 * is a translation key, so each resident reads it in their own language.
 */
import { z } from 'zod';
import type { Db, Tx } from '../database/database';
import { DomainError } from '../errors/domain-error';
import type { OutboxChoice } from '../outbox/outbox';
import type { Category } from '../plan-data/plan-file';
import type { Topic } from './topics';

export const BUTTON_KINDS = ['signup', 'more'] as const;
export type ButtonKind = (typeof BUTTON_KINDS)[number];

/** The flow that answers a press (src/flows/resident/broadcast-press-flow.ts). */
export const PRESS_FLOW = 'bcast';

/** Telegram's limit on callback_data, which every channel's button action respects. */
const MAX_ACTION_BYTES = 64;
/** Ids Nabo makes (cuid, UUID); anything else in a press is forged or mangled. */
const ID = /^[A-Za-z0-9_-]{1,40}$/;

/** A button and what it points at: one event, or an activity (its coming events). */
export interface BroadcastButton {
  kind: ButtonKind;
  eventId?: string;
  activityId?: string;
}

const buttonSchema = z.object({
  kind: z.enum(BUTTON_KINDS),
  eventId: z.string().regex(ID).optional(),
  activityId: z.string().regex(ID).optional(),
});

/** The buttons column read back; unreadable or unknown entries are dropped. */
export function readButtons(json: string | null | undefined): BroadcastButton[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((b) => {
    const parsed = buttonSchema.safeParse(b);
    return parsed.success && (parsed.data.eventId || parsed.data.activityId) ? [parsed.data] : [];
  });
}

/** The action a button sends; throws if it would not fit in Telegram's 64 bytes. */
export function pressAction(kind: ButtonKind, broadcastId: string): string {
  const action = `${PRESS_FLOW}.${kind}|${broadcastId}`;
  if (!ID.test(broadcastId) || Buffer.byteLength(action) > MAX_ACTION_BYTES) throw new Error('broadcast id does not fit in a button action');
  return action;
}

/** A press's step and argument as the engine parsed them → kind and broadcast id; null when forged. */
export function parsePress(step: string, arg: string | undefined): { kind: ButtonKind; broadcastId: string } | null {
  const kind = BUTTON_KINDS.find((k) => k === step);
  return kind && arg && ID.test(arg) ? { kind, broadcastId: arg } : null;
}

/** The outbox buttons of one recipient's message (labels as translation keys). */
export function outboxChoices(broadcastId: string, buttons: readonly BroadcastButton[]): OutboxChoice[] {
  return BUTTON_KINDS.filter((k) => buttons.some((b) => b.kind === k)).map((k) => ({ key: `broadcast:button.${k}`, action: pressAction(k, broadcastId) }));
}

/**
 * Checks buttons before a broadcast or template is saved: each kind once, pointing at an event or
 * activity that exists; "Tilmeld" only where residents sign up. Throws broadcast.button_target.
 */
export async function cleanButtons(db: Db | Tx, buttons: readonly BroadcastButton[] | undefined): Promise<BroadcastButton[]> {
  const out: BroadcastButton[] = [];
  for (const b of buttons ?? []) {
    const parsed = buttonSchema.safeParse(b);
    if (!parsed.success || out.some((o) => o.kind === parsed.data.kind)) throw new DomainError('broadcast.button_target');
    const { kind, eventId, activityId } = parsed.data;
    const activity = eventId
      ? (await db.event.findUnique({ where: { id: eventId }, select: { activity: { select: { signupRequired: true } } } }))?.activity
      : activityId
        ? await db.activity.findUnique({ where: { id: activityId }, select: { signupRequired: true } })
        : null;
    if (!activity || (kind === 'signup' && !activity.signupRequired)) throw new DomainError('broadcast.button_target');
    out.push(eventId ? { kind, eventId } : { kind, activityId });
  }
  return out;
}

/** The news topic an activity's announcement goes to: dinners to "fællesspisning", children and youth to theirs, the rest to "aktiviteter". */
export function topicOfCategory(category: Category | string): Topic {
  if (category === 'dinner') return 'dinner';
  if (category === 'children' || category === 'youth') return 'children_youth';
  return 'activities';
}
