/** Dietary needs of a sign-up, for the kitchen: halal, vegetarian and allergies as short text. */
import { z } from 'zod';

export const dietarySchema = z.object({
  halal: z.boolean().default(false),
  vegetarian: z.boolean().default(false),
  /** Free text, personal: cleared on erasure. */
  allergies: z.string().trim().max(200).optional(),
});
export type Dietary = z.infer<typeof dietarySchema>;

/** Reads stored dietary JSON, tolerating rows written before a field existed. */
export function parseDietary(stored: string): Dietary {
  const r = dietarySchema.safeParse(JSON.parse(stored || '{}'));
  return r.success ? r.data : { halal: false, vegetarian: false };
}
