/**
 * Settings of the messages Nabo sends by itself, from the environment, validated once at start.
 * Kept apart from src/config/config.ts so the channel adapters can adopt them on their own
 * schedule: `createServices(db, clock, loadMessagingConfig(process.env))`.
 */
import { z } from 'zod';
import { parseEnv } from '../config/env';

/** Hours (Copenhagen wall clock) in which non-urgent messages wait; `start === end` never happens. */
export interface QuietHours {
  /** First quiet hour, 0–23 (21 = from 21:00). */
  start: number;
  /** First hour that is no longer quiet, 0–23 (8 = until 08:00). */
  end: number;
}

/** Everything the reminders, offers, digests and quiet hours need. */
export interface MessagingConfig {
  /** null: no quiet hours (NABO_QUIET_HOURS=off). */
  quietHours: QuietHours | null;
  /** How long a freed place is kept for the person offered it. */
  offerHours: number;
  /** An offer never runs later than this many hours before the event starts. */
  offerCutoffHours: number;
  /** Hour (Copenhagen) from which staff get the digest of tomorrow's sign-ups. */
  digestHour: number;
  /** Default reminder lead times; Activity.reminderHoursBefore overrides them per activity. */
  reminderHours: { event: number; counselling: number };
}

export const DEFAULT_MESSAGING_CONFIG: MessagingConfig = {
  quietHours: { start: 21, end: 8 },
  offerHours: 24,
  offerCutoffHours: 3,
  digestHour: 15,
  reminderHours: { event: 24, counselling: 3 },
};

const hour = z.coerce.number().int().min(0).max(23);
const hours = (max: number) => z.coerce.number().int().min(0).max(max);

const quietSchema = z
  .string()
  .trim()
  .transform((s, ctx): QuietHours | null => {
    if (/^(off|none|0*-0*)$/i.test(s)) return null;
    const m = /^(\d{1,2})\s*-\s*(\d{1,2})$/.exec(s);
    const start = Number(m?.[1]);
    const end = Number(m?.[2]);
    if (!m || start > 23 || end > 23 || start === end) {
      ctx.addIssue({ code: 'custom', message: 'expected "START-END" in whole hours, e.g. "21-8", or "off"' });
      return z.NEVER;
    }
    return { start, end };
  });

const envSchema = z.object({
  NABO_QUIET_HOURS: quietSchema.default(DEFAULT_MESSAGING_CONFIG.quietHours),
  NABO_OFFER_HOURS: z.coerce.number().int().min(1).max(168).default(DEFAULT_MESSAGING_CONFIG.offerHours),
  NABO_OFFER_CUTOFF_HOURS: hours(48).default(DEFAULT_MESSAGING_CONFIG.offerCutoffHours),
  NABO_DIGEST_HOUR: hour.default(DEFAULT_MESSAGING_CONFIG.digestHour),
  NABO_REMINDER_HOURS_DINNER: hours(168).default(DEFAULT_MESSAGING_CONFIG.reminderHours.event),
  NABO_REMINDER_HOURS_COUNSELLING: hours(168).default(DEFAULT_MESSAGING_CONFIG.reminderHours.counselling),
});

/** Reads the messaging settings; throws an Error naming every bad variable. Empty values count as unset. */
export function loadMessagingConfig(env: Record<string, string | undefined>): MessagingConfig {
  const e = parseEnv(envSchema, env, 'messaging');
  return {
    quietHours: e.NABO_QUIET_HOURS,
    offerHours: e.NABO_OFFER_HOURS,
    offerCutoffHours: e.NABO_OFFER_CUTOFF_HOURS,
    digestHour: e.NABO_DIGEST_HOUR,
    reminderHours: { event: e.NABO_REMINDER_HOURS_DINNER, counselling: e.NABO_REMINDER_HOURS_COUNSELLING },
  };
}
