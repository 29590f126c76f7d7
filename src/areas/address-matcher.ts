/**
 * Address → housing area by the plan's street rules ("Husarvej 12" → Gl. Jennumparken). Pure: the
 * rules come from the database (housing-area-service.ts) or a plan file.
 */
import { normalizeText } from '../text/normalize';

/** A street rule as stored: the street's key, which numbers, and the area it belongs to. */
export interface AreaStreetRule {
  areaId: string;
  streetKey: string;
  parity: 'all' | 'odd' | 'even';
  from: number | null;
  to: number | null;
}

/** What an address tells us. */
export type AddressMatch =
  | { kind: 'inside'; areaId: string; street: string; number: number | null }
  | { kind: 'outside'; street: string; number: number | null }
  | { kind: 'need_number'; street: string }
  | { kind: 'unreadable' };

/** The matching key of a street name: normalised, "Gl."/"Gammel" made one, "vej" kept. */
export function streetKey(street: string): string {
  return (
    normalizeText(street)
      .replace(/^(gl|gml|gammel)\s+/, 'gammel ')
      // Keyboards without æ/ø/å: "Rorhaven", "Rörhaven" and "Roerhaven" all mean Rørhaven.
      .replace(/oe/g, 'o')
      .replace(/ae/g, 'a')
      .replace(/aa/g, 'a')
      .replace(/\s+(nr|nummer)$/, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Splits "Husarvej 12B, 8930 Randers NØ" into street and house number. */
export function parseAddress(text: string): { street: string; number: number | null } | null {
  const firstPart = text.split(',')[0] ?? '';
  const m = /^\s*([^\d]*?)\s*(?:(\d{1,4})\s*([a-zA-ZæøåÆØÅ])?)?(?:\s*(?:st|th|tv|mf|\d+\.?)*\s*)?$/u.exec(firstPart.replace(/\./g, '. '));
  if (!m) {
    const loose = /^\s*([^\d]+?)\s*(\d{1,4})(?!\d)/.exec(firstPart);
    if (!loose) return null;
    return { street: loose[1]!.trim(), number: Number(loose[2]) };
  }
  const street = (m[1] ?? '').trim();
  if (!/\p{L}{2,}/u.test(street)) return null;
  return { street: street.replace(/\s+/g, ' '), number: m[2] ? Number(m[2]) : null };
}

function ruleCovers(rule: AreaStreetRule, n: number): boolean {
  if (rule.parity === 'odd' && n % 2 === 0) return false;
  if (rule.parity === 'even' && n % 2 === 1) return false;
  if (rule.from !== null && n < rule.from) return false;
  if (rule.to !== null && n > rule.to) return false;
  return true;
}

/** Finds the housing area an address belongs to under the given rules. */
export function matchAddress(text: string, rules: readonly AreaStreetRule[]): AddressMatch {
  const parsed = parseAddress(text);
  if (!parsed) return { kind: 'unreadable' };
  const key = streetKey(parsed.street);
  const forStreet = rules.filter((r) => r.streetKey === key);
  if (forStreet.length === 0) return { kind: 'outside', street: parsed.street, number: parsed.number };
  if (parsed.number === null) {
    // A street wholly inside one area needs no number.
    const whole = forStreet.find((r) => r.parity === 'all' && r.from === null);
    return whole ? { kind: 'inside', areaId: whole.areaId, street: parsed.street, number: null } : { kind: 'need_number', street: parsed.street };
  }
  const hit = forStreet.find((r) => ruleCovers(r, parsed.number as number));
  return hit
    ? { kind: 'inside', areaId: hit.areaId, street: parsed.street, number: parsed.number }
    : { kind: 'outside', street: parsed.street, number: parsed.number };
}
