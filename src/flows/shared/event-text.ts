/** How events and slots read in a message, in the reader's language. */
import type { EventCard } from '../../catalogue/catalogue-service';
import type { SlotView } from '../../appointments/appointment-service';
import { formatDateTime, formatShortDay, formatTime } from '../../i18n/format';
import type { Translate } from '../../i18n/i18n';
import type { Language } from '../../plan-data/plan-file';

/** "Fællesspisning i ParkCafeen — torsdag 27. november kl. 17.30, ParkCafeen (12 pladser tilbage)". */
export function eventLine(e: EventCard, t: Translate, language: Language): string {
  const when = formatDateTime(e.startsAt, language);
  const places = e.placesLeft === null ? '' : e.placesLeft === 0 ? t('resident:event.full') : t('resident:event.places_left', { count: e.placesLeft });
  const line = t('resident:event.line', { title: e.title, when, place: e.location?.name ?? '—', places });
  return e.activity.fallback ? `${line} ${t('common:in_danish')}` : line;
}

/** A short button label for an event: "tor 27/11 17.30 ParkCafeen". */
export function eventButton(e: EventCard, language: Language): string {
  return `${formatShortDay(e.startsAt, language)} ${formatTime(e.startsAt, language)} · ${e.location?.name ?? e.title}`.slice(0, 60);
}

/** A slot as a button label: "tir 25/11 13.00 (BRF Kredit)". */
export function slotButton(s: SlotView, language: Language): string {
  return `${formatShortDay(s.startsAt, language)} ${formatTime(s.startsAt, language)} · ${s.counsellor}`.slice(0, 60);
}
