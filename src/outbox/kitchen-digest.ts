/**
 * The kitchen digest: staff get, the afternoon before, one message with tomorrow's events that take
 * sign-ups and, for each, the head count and dietary needs (the same summary as "kitchen summary"
 * in the staff flow, in the same words). Counted when the message is rendered, so late sign-ups
 * held by quiet hours are still in it.
 */
import type { CatalogueService } from '../catalogue/catalogue-service';
import type { Db } from '../database/database';
import { formatDayOf, formatTime } from '../i18n/format';
import type { Translate } from '../i18n/i18n';
import { allergensIn } from '../nlu/answers';
import type { Language } from '../plan-data/plan-file';
import { normalizeText } from '../text/normalize';
import type { KitchenSummary, SignUpService } from '../sign-ups/sign-up-service';
import { addDays, copenhagenInstant, parseCalendarDate } from '../time/calendar-date';

/** Tomorrow's events a digest covers: not cancelled, of activities that take sign-ups. */
export async function digestEvents(db: Db, date: string): Promise<{ id: string }[]> {
  const day = parseCalendarDate(date);
  return db.event.findMany({
    where: {
      startsAt: { gte: copenhagenInstant(day), lt: copenhagenInstant(addDays(day, 1)) },
      status: { not: 'cancelled' },
      activity: { signupRequired: true },
    },
    select: { id: true },
    orderBy: { startsAt: 'asc' },
  });
}

/** "torsdag 27. november" for a YYYY-MM-DD date. */
export const digestDayLabel = formatDayOf;

/**
 * An allergy as the resident wrote it, with the common allergens it names in the reader's language beside it where
 * the words do not already say them: "عندهم حساسية من المكسرات (nødder)" for a Danish kitchen.
 */
export function allergyForStaff(t: Translate, written: string): string {
  const said = normalizeText(written);
  const named = allergensIn(written)
    .map((kind) => t(`staff:allergens.${kind}`))
    .filter((name) => !name.split('/').some((part) => said.includes(normalizeText(part))));
  return named.length > 0 ? `${written} (${named.join(', ')})` : written;
}

/** "Til køkkenet – voksne: 34, børn: 6, …": what the kitchen needs to know, for the events list and the digest. */
export function kitchenLine(t: Translate, k: KitchenSummary): string {
  return t('staff:events.kitchen', {
    adults: k.adults,
    children: k.children,
    noPork: k.noPork,
    vegetarian: k.vegetarian,
    allergies: k.allergies.map((a) => allergyForStaff(t, a)).join('; ') || '—',
    waiting: k.waitingPeople,
  });
}

/** One line per event of the day: "• Fællesspisning, 17.30, ParkCafeen – Til køkkenet – …". */
export async function kitchenDigestLines(
  deps: { db: Db; catalogue: Pick<CatalogueService, 'event'>; signUps: Pick<SignUpService, 'kitchenSummary'> },
  date: string,
  language: Language,
  t: Translate,
): Promise<string[]> {
  const lines: string[] = [];
  for (const { id } of await digestEvents(deps.db, date)) {
    const [e, k] = await Promise.all([deps.catalogue.event(id, language), deps.signUps.kitchenSummary(id)]);
    const header = t('staff:events.header', { title: e.title, when: formatTime(e.startsAt, language), place: e.location?.name ?? '—' });
    lines.push(`• ${header} – ${kitchenLine(t, k)}`);
  }
  return lines;
}
