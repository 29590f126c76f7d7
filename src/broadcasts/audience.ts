/**
 * Who a broadcast reaches: residents who consented, chose its topic and have not stopped news,
 * narrowed by housing area, language, and sign-ups for an event or an activity. Each recipient
 * gets one channel (the first reachable, in the outbox's preference order); a person whose only
 * identity blocked Nabo is still counted, so the report shows them as blocked instead of hiding them.
 */
import type { Db, Tx } from '../database/database';
import { asLanguage } from '../people/people-service';
import type { Language } from '../plan-data/plan-file';
import { parseTopics, type Topic } from './topics';

/** The audience as staff chose it; every filter left out means "any". */
export interface AudienceSpec {
  topic: Topic;
  areaIds?: string[];
  languages?: Language[];
  /** Residents signed up (confirmed or waiting) for this event. */
  eventId?: string;
  /** Residents signed up for any coming event of this activity. */
  activityId?: string;
}

/** One recipient: the person, the language they read and the channel the message goes to. */
export interface AudienceMember {
  personId: string;
  language: Language;
  channel: string;
}

const CHANNEL_PREFERENCE = ['telegram', 'teams', 'console'];
const SIGNED_UP = ['confirmed', 'waiting', 'offered'];

function rank(identity: { channel: string; blockedAt: Date | null }): number {
  const i = CHANNEL_PREFERENCE.indexOf(identity.channel);
  return (identity.blockedAt ? 10 : 0) + (i < 0 ? CHANNEL_PREFERENCE.length : i);
}

/** The residents a spec reaches, each once, ordered by id (stable for tests and previews). */
export async function selectAudience(db: Db | Tx, spec: AudienceSpec, now: Date): Promise<AudienceMember[]> {
  const signUps = spec.eventId
    ? { some: { eventId: spec.eventId, status: { in: SIGNED_UP } } }
    : spec.activityId
      ? { some: { status: { in: SIGNED_UP }, event: { activityId: spec.activityId, startsAt: { gte: now } } } }
      : undefined;
  const where = {
    role: 'resident',
    consentAt: { not: null },
    erasedAt: null,
    newsOffAt: null,
    // A cheap first cut in SQL; the exact topic check is below (a key could be part of another).
    topics: { contains: spec.topic },
    ...(spec.areaIds?.length ? { housingAreaId: { in: spec.areaIds } } : {}),
    ...(spec.languages?.length ? { language: { in: spec.languages } } : {}),
    ...(signUps ? { signUps } : {}),
  };
  // Two flat queries: Prisma's "identities: { some: {} }" filter is a correlated subquery that
  // takes seconds at 10 000 people; reading the identities through the person filter takes ms.
  const people = await db.person.findMany({ where, select: { id: true, language: true, topics: true }, orderBy: { id: 'asc' } });
  const identities = await db.channelIdentity.findMany({ where: { person: where }, select: { personId: true, channel: true, blockedAt: true } });
  const byPerson = new Map<string, { channel: string; blockedAt: Date | null }[]>();
  for (const i of identities) byPerson.set(i.personId, [...(byPerson.get(i.personId) ?? []), i]);
  const members: AudienceMember[] = [];
  for (const p of people) {
    if (!parseTopics(p.topics).includes(spec.topic)) continue;
    const identity = [...(byPerson.get(p.id) ?? [])].sort((a, b) => rank(a) - rank(b))[0];
    if (identity) members.push({ personId: p.id, language: asLanguage(p.language), channel: identity.channel });
  }
  return members;
}

/** Recipients per language, for the preview and the report. */
export function countByLanguage(members: readonly { language: Language }[]): Partial<Record<Language, number>> {
  const counts: Partial<Record<Language, number>> = {};
  for (const m of members) counts[m.language] = (counts[m.language] ?? 0) + 1;
  return counts;
}
