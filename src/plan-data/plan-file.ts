/**
 * The format of a plan data file (prisma/plans/*.json): one housing-social plan as written in its
 * documents. Validated once on load; everything after trusts these types.
 */
import { z } from 'zod';

const key = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'keys are lower-case words joined by hyphens');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are written YYYY-MM-DD');

/** Languages Nabo speaks; Danish is the source language of every text. */
export const LANGUAGES = ['da', 'ar', 'en', 'so', 'tr', 'uk', 'fa', 'ckb'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Optional translations of a Danish text, keyed by language. */
const translations = z.partialRecord(z.enum(LANGUAGES), z.string().min(1));

/** The languages a Danish plan text is translated into (Danish itself is the glossary's key). */
export const GLOSSARY_LANGUAGES = LANGUAGES.filter((l) => l !== 'da') as Exclude<Language, 'da'>[];

// zod's own messages for an entry ("Unrecognized key: \"xx\"") do not say what a plan's author should write.
function glossaryEntryError(issue: { code?: string; keys?: string[] }): string | undefined {
  if (issue.code === 'invalid_type') return 'a glossary entry is an object of translations, e.g. { "ar": "…", "en": "…" }';
  if (issue.code === 'unrecognized_keys')
    return `unknown language ${(issue.keys ?? []).map((k) => `"${k}"`).join(', ')}; use ${GLOSSARY_LANGUAGES.join(', ')} (the Danish text is the key)`;
  return undefined;
}

/**
 * Resident-facing translations of the plan's other Danish texts (target groups, contact roles,
 * counsellor labels, places): { "<Danish text>": { "ar": "…", "en": "…" } }. A text missing here
 * is shown in Danish with the "(på dansk)" mark.
 */
export const glossarySchema = z.record(
  z.string().regex(/\S/, 'a glossary entry needs its Danish text as the key'),
  z
    .partialRecord(
      z.enum(GLOSSARY_LANGUAGES as [Exclude<Language, 'da'>, ...Exclude<Language, 'da'>[]]),
      z.string().regex(/\S/, 'a translation may not be empty'),
      { error: glossaryEntryError },
    )
    .refine((t) => Object.keys(t).length > 0, 'a glossary entry needs at least one translation'),
  { error: (issue) => (issue.code === 'invalid_key' ? 'a glossary entry needs its Danish text as the key, not an empty one' : undefined) },
);
export type Glossary = z.infer<typeof glossarySchema>;

/** A price in whole kroner; 0 = free. */
const price = (who: string) =>
  z
    .number({ error: `${who} is a number of kroner` })
    .int(`${who} is whole kroner (no øre)`)
    .nonnegative(`${who} cannot be negative (0 = free)`);

/** A street rule: which house numbers of a street belong to a housing area. */
export const streetRuleSchema = z
  .object({
    street: z.string().min(1),
    parity: z.enum(['all', 'odd', 'even']).default('all'),
    from: z.number().int().positive().optional(),
    to: z.number().int().positive().optional(),
    /** The words of the document this rule comes from, e.g. "Glarbjergvej 88-156 (kun lige numre) + 109-111". */
    source: z.string().optional(),
  })
  .refine((r) => (r.from === undefined) === (r.to === undefined), 'from and to go together')
  .refine((r) => r.from === undefined || r.to === undefined || r.from <= r.to, 'from must be ≤ to');

export const housingAreaSchema = z.object({
  key,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  /** Empty when the documents give no street list. */
  streetRules: z.array(streetRuleSchema).default([]),
});

export const locationSchema = z.object({
  key,
  name: z.string().min(1),
  address: z.string().min(1),
  housingArea: key.optional(),
});

export const indicatorSchema = z.object({
  key,
  name: z.string().min(1),
  unit: z.string().optional(),
  baseline: z.object({ value: z.number(), label: z.string().min(1) }).optional(),
  /** The target as written, and as a number where the text gives one. */
  target: z.object({ text: z.string().min(1), value: z.number().optional() }),
  dataSource: z.string().min(1),
  /** Lower is better (e.g. complaints, absence) or higher is better. */
  direction: z.enum(['lower', 'higher']),
  measurements: z.array(z.object({ date: isoDate, value: z.number(), note: z.string().optional() })).default([]),
});

export const TARGET_KINDS = [
  'event_count',
  'unique_participants',
  'average_attendance',
  'share_completing',
  'share_satisfied',
  'level_maintained',
  'qualitative',
] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export const DELIVERY_KINDS = ['event', 'course', 'session', 'contact', 'level'] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

export const targetSchema = z.object({
  key,
  /** The succeskriterium verbatim from the document (hyphenation repaired). */
  text: z.string().min(1),
  kind: z.enum(TARGET_KINDS),
  perYear: z.number().nonnegative().optional(),
  wholePeriod: z.number().nonnegative().optional(),
  /** What is counted: "forløb", "unikke børn", "deltagere", "%", "beboere" … */
  unit: z.string().min(1),
  dataSource: z.string().min(1),
  /** Only deliveries of this kind count (e.g. "course" for "forløb"); all kinds when absent. */
  deliveryKind: z.enum(DELIVERY_KINDS).optional(),
});

export const targetGroupSchema = z.object({
  label: z.string().min(1),
  minAge: z.number().int().nonnegative().optional(),
  maxAge: z.number().int().nonnegative().optional(),
});

export const CATEGORIES = [
  'dinner',
  'counselling',
  'children',
  'youth',
  'parents',
  'adults',
  'community',
  'education-employment',
  'crime-prevention',
  'network',
] as const;
export type Category = (typeof CATEGORIES)[number];

const activityBase = z.object({
  key,
  name: z.string().min(1),
  /** Other words residents and staff use for it ("spisning", "fælles spisning"). */
  aliases: z.array(z.string().min(1)).default([]),
  category: z.enum(CATEGORIES),
  purpose: z.string().min(1),
  targetGroups: z.array(targetGroupSchema).default([]),
  /** Role titles only, never personal names or phone numbers. */
  responsible: z.array(z.string().min(1)).default([]),
  partners: z.array(z.string().min(1)).default([]),
  signupRequired: z.boolean().default(false),
  /** Price per adult / per child in whole kroner; 0 = free; absent = the plan does not say. */
  priceAdults: price('priceAdults').optional(),
  priceChildren: price('priceChildren').optional(),
  /** Hours before an event its reminder goes out; 0 = none; absent = the configured default. */
  reminderHoursBefore: z.number().int().nonnegative().optional(),
  /**
   * Resident-facing title and one-line description in other languages; a Danish title ("da") is
   * the friendly name residents see instead of the plan's own name ("Gruppeforløb").
   */
  titles: translations.default({}),
  summaries: translations.default({}),
  summary: z.string().optional(),
  targets: z.array(targetSchema).default([]),
});

export const subActivitySchema = activityBase;
export const activitySchema = activityBase.extend({
  subActivities: z.array(subActivitySchema).default([]),
});

export const focusAreaSchema = z.object({
  key,
  name: z.string().min(1),
  purpose: z.string().optional(),
  goals: z.array(z.string().min(1)).default([]),
  /** Budget in DKK for the whole plan period as written in the document, where given. */
  budget: z.object({ total: z.number().nonnegative(), lbf: z.number().nonnegative().optional(), note: z.string().optional() }).optional(),
  indicators: z.array(indicatorSchema).default([]),
  activities: z.array(activitySchema).default([]),
});

/** A result reported in an annual report, loaded as a historical delivery. */
export const historicalDeliverySchema = z.object({
  activity: key,
  /** Last day of the reporting period the number belongs to. */
  date: isoDate,
  kind: z.enum(DELIVERY_KINDS).default('event'),
  /** How many events/sessions/contacts this row stands for. */
  occurrences: z.number().int().positive().default(1),
  /** Total participants over those occurrences (average × occurrences when the report gives an average). */
  participants: z.number().int().nonnegative(),
  newParticipants: z.number().int().nonnegative().optional(),
  volunteers: z.number().int().nonnegative().optional(),
  completed: z.number().int().nonnegative().optional(),
  note: z.string().min(1),
});

export const planFileSchema = z
  .object({
    key,
    name: z.string().min(1),
    /** The document(s) in ../shared/seeds the data comes from. */
    sources: z.array(z.string().min(1)).min(1),
    startDate: isoDate,
    endDate: isoDate,
    /** Month (1-12) the plan year starts in; June in the milepælsplan template. */
    planYearStartMonth: z.number().int().min(1).max(12).default(6),
    /** Status lines as shares of what is expected by now (on track from, at risk from); unset: Nabo's defaults. */
    statusThresholds: z
      .object({ onTrack: z.number().min(0).max(2), atRisk: z.number().min(0).max(2) })
      .refine((t) => t.atRisk <= t.onTrack, { message: 'atRisk must not be above onTrack' })
      .optional(),
    goals: z.array(z.string().min(1)).default([]),
    housingAreas: z.array(housingAreaSchema).default([]),
    locations: z.array(locationSchema).default([]),
    focusAreas: z.array(focusAreaSchema).min(1),
    historicalDeliveries: z.array(historicalDeliverySchema).default([]),
    glossary: glossarySchema.default({}),
  })
  // Compared only when both dates are well-formed, so a malformed date is reported once, on its own field.
  .refine((p) => !/^\d{4}-\d{2}-\d{2}$/.test(p.startDate) || !/^\d{4}-\d{2}-\d{2}$/.test(p.endDate) || p.startDate < p.endDate, {
    message: 'the plan must end after it starts',
    path: ['endDate'],
  });

export type PlanFile = z.infer<typeof planFileSchema>;
export type ActivityInput = z.infer<typeof activitySchema>;
export type SubActivityInput = z.infer<typeof subActivitySchema>;
export type TargetInput = z.infer<typeof targetSchema>;
export type StreetRule = z.infer<typeof streetRuleSchema>;
