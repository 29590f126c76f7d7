/**
 * Dietary needs of a sign-up, for the kitchen: menu choices ("uden svinekød", vegetarian) and an
 * allergy note. The kitchen needs what to cook, not why: a choice is stored as what it is, never
 * as a word that reveals a religion. The allergy note is health data: erased a week after the event
 * (src/retention) and on erasure.
 */
import { z } from 'zod';

const choices = z.object({
  noPork: z.boolean().default(false),
  vegetarian: z.boolean().default(false),
  /** Free text, personal: cleared on erasure and by retention. */
  allergies: z.string().trim().max(200).optional(),
});

/** Rows written before the menu choices were named by the menu carry `halal`: read it as "no pork". */
function fromLegacy(value: unknown): unknown {
  if (!value || typeof value !== 'object' || !('halal' in value)) return value;
  const { halal, ...rest } = value as Record<string, unknown>;
  return { noPork: halal === true, ...rest };
}

export const dietarySchema = z.preprocess(fromLegacy, choices);
export type Dietary = z.infer<typeof choices>;

/** Reads stored dietary JSON, tolerating rows written before a field existed. */
export function parseDietary(stored: string): Dietary {
  let raw: unknown;
  try {
    raw = JSON.parse(stored || '{}');
  } catch {
    raw = {};
  }
  const r = dietarySchema.safeParse(raw);
  return r.success ? r.data : { noPork: false, vegetarian: false };
}
