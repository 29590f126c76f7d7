/**
 * Why a target has no computed value, read from what the plan says about it: a qualitative
 * criterion, a number another organisation keeps (Ranpro, the production school, the library,
 * institution leaders), a survey or self-evaluation, no registrations yet, or no number to reach.
 * The reason is a stable code; the words are translated (coordinator:reason.<code>).
 */
import type { TargetKind } from '../plan-data/plan-file';

export const NOT_COMPUTABLE_REASONS = ['qualitative', 'external', 'survey', 'no_data', 'no_target'] as const;
export type NotComputableReason = (typeof NOT_COMPUTABLE_REASONS)[number];

/** A survey, self-evaluation or interview behind the figure. */
const SURVEY = /selvevaluer|spørgeskema|sporgeskema|fokusgruppe|interview|survey|tilfredshed|vurderer/i;
/** The secretariat's own registrations ("Egen leverance og måling", "Egne leverancer"). */
const OWN = /^\s*eg(en|ne)\b/i;

/** Whether the plan names someone else as the data source of a target. */
export function isExternalSource(dataSource: string): boolean {
  return !OWN.test(dataSource);
}

/**
 * The reason a target of `kind` has no status; null when it has one. `hasTarget`/`hasActual`:
 * whether a target value and an actual value exist for the period.
 */
export function notComputableReason(
  t: { kind: TargetKind; text: string; dataSource: string },
  hasTarget: boolean,
  hasActual: boolean,
): NotComputableReason | null {
  if (t.kind !== 'qualitative' && hasTarget && hasActual) return null;
  if (SURVEY.test(t.dataSource) || (t.kind === 'qualitative' && SURVEY.test(t.text))) return 'survey';
  if (isExternalSource(t.dataSource)) return 'external';
  if (t.kind === 'qualitative') return 'qualitative';
  if (!hasTarget) return 'no_target';
  return 'no_data';
}
