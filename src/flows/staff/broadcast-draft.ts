/**
 * The draft of a broadcast between turns (typed with zod: a stale or tampered draft fails to parse
 * and the flow starts over), and what it means for the service: the audience and the buttons.
 */
import { z } from 'zod';
import { BUTTON_KINDS, type BroadcastButton } from '../../broadcasts/broadcast-buttons';
import type { AudienceSpec } from '../../broadcasts/audience';
import { TOPICS, type Topic } from '../../broadcasts/topics';
import { LANGUAGES } from '../../plan-data/plan-file';

const language = z.enum(LANGUAGES);

export const draftSchema = z.object({
  id: z.string().min(1),
  areaIds: z.array(z.string()).default([]),
  allAreas: z.boolean().default(false),
  languages: z.array(language).default([]),
  topic: z.enum(TOPICS).optional(),
  /** Residents signed up for this event only. */
  eventId: z.string().optional(),
  texts: z.partialRecord(language, z.string()).default({}),
  urgent: z.boolean().default(false),
  sendAt: z.string().optional(),
  pendingLang: language.optional(),
  /** Buttons under the message, and the event or activity they point at. */
  buttons: z.array(z.enum(BUTTON_KINDS)).default([]),
  target: z.object({ eventId: z.string().optional(), activityId: z.string().optional() }).optional(),
});
export type Draft = z.infer<typeof draftSchema>;

/** The draft in a flow's data, or null when it is missing or not one. */
export const readDraft = (data: Record<string, unknown>): Draft | null => {
  const parsed = draftSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
};

/** The audience the draft chose. */
export const audienceOf = (d: Draft & { topic: Topic }): AudienceSpec => ({
  topic: d.topic,
  areaIds: d.areaIds,
  languages: d.languages,
  ...(d.eventId ? { eventId: d.eventId } : {}),
});

/** The buttons the draft chose, pointing at its target (none without a target). */
export function buttonsOf(d: Draft): BroadcastButton[] {
  const target = d.target?.eventId ? { eventId: d.target.eventId } : d.target?.activityId ? { activityId: d.target.activityId } : null;
  return target ? BUTTON_KINDS.filter((k) => d.buttons.includes(k)).map((kind) => ({ kind, ...target })) : [];
}
