/**
 * Puts an import's outcome into sentences: the changes (added, changed, removed, by key) and the
 * removals refused because they would lose registrations. Shared by the CLI and the dashboard.
 */
import type { Translate } from '../i18n/i18n';
import { CHANGE_ENTITIES, type PlanChange } from '../plan-data/plan-changes';
import type { Refusal } from '../plan-data/plan-sync';

const ORDER = { added: 0, changed: 1, removed: 2 } as const;

/** One line per change, added first, then changed, then removed; by kind of thing, then key. */
export function describeChanges(changes: PlanChange[], t: Translate): string[] {
  if (changes.length === 0) return [t('plan-workbook:change.none')];
  return [...changes]
    .sort(
      (a, b) => ORDER[a.action] - ORDER[b.action] || CHANGE_ENTITIES.indexOf(a.entity) - CHANGE_ENTITIES.indexOf(b.entity) || a.key.localeCompare(b.key, 'da'),
    )
    .map((c) =>
      t('plan-workbook:change.line', {
        action: t(`plan-workbook:change.${c.action}`),
        entity: t(`plan-workbook:change.entity.${c.entity}`),
        key: c.key,
      }),
    );
}

/** One line per refused removal, and that nothing was saved. */
export function describeRefusals(refusals: Refusal[], t: Translate): string[] {
  return [...refusals.map((r) => t(`plan-workbook:refused.${r.entity}`, { key: r.key, number: r.registrations })), t('plan-workbook:refused.nothingSaved')];
}
