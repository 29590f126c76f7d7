/**
 * What an activity costs, as the plan states it (whole kroner per adult and per child; 0 = free).
 * When the plan states no price, nothing is guessed: the details say nothing and a question about
 * the price is answered with "the plan does not say; ask staff".
 */
import type { ActivityCard } from '../../catalogue/activity-card';
import { formatNumber } from '../../i18n/format';
import type { Translate } from '../../i18n/i18n';
import type { Language } from '../../plan-data/plan-file';

/** The price as one sentence about `title`, or null when the plan states none. */
export function priceSentence(a: Pick<ActivityCard, 'priceAdults' | 'priceChildren'>, title: string, t: Translate, language: Language): string | null {
  const { priceAdults: adults, priceChildren: children } = a;
  if (adults === null && children === null) return null;
  const kr = (n: number): string => formatNumber(n, language);
  if ((adults ?? 0) === 0 && (children ?? 0) === 0) return t('resident:price.free', { title });
  if (children === null) return t('resident:price.adults_only', { title, adults: kr(adults ?? 0) });
  if (adults === null) return t('resident:price.children_only', { title, children: kr(children) });
  if (children === 0) return t('resident:price.children_free', { title, adults: kr(adults) });
  if (adults === 0) return t('resident:price.adults_free', { title, children: kr(children) });
  return t('resident:price.both', { title, adults: kr(adults), children: kr(children) });
}

/** The price line of an activity's details, or none when the plan states no price. */
export function priceLines(a: ActivityCard, t: Translate, language: Language): string[] {
  const said = priceSentence(a, a.title, t, language);
  return said ? [said] : [];
}
