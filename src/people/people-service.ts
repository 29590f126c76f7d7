/**
 * People: one pseudonymous id per person, one identity per channel, consent, language, area, and
 * the resident's rights to see and erase what Nabo holds. Erasure removes personal data but keeps
 * the anonymous rows every target counts, so progress reads the same afterwards.
 */
import type { Db } from '../database/database';
import { Prisma } from '../generated/sqlite/client';
import { providerOf } from '../cache/provider';
import { planDataCache } from '../cache/plan-data-cache';
import { conversationKey, turnPrefetch, type ConversationRow } from '../cache/turn-prefetch';
import { DomainError } from '../errors/domain-error';
import { LANGUAGES, type Language } from '../plan-data/plan-file';
import type { Clock } from '../time/clock';
import type { SignUpService } from '../sign-ups/sign-up-service';
import { cleanName } from './personal-text';

export const ROLES = ['resident', 'staff', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const CHANNELS = ['telegram', 'teams', 'console'] as const;
export type Channel = (typeof CHANNELS)[number];

/** A person as the rest of Nabo sees them. */
export interface PersonView {
  id: string;
  role: Role;
  firstName: string | null;
  language: Language;
  housingAreaId: string | null;
  consentAt: Date | null;
  erased: boolean;
}

/** Everything Nabo holds on one person, for "my data": every row that points at them. */
export interface PersonExport {
  person: PersonView & { createdAt: Date };
  identities: { channel: string; externalId: string; address: string | null; blockedAt: Date | null; createdAt: Date }[];
  signUps: {
    eventId: string;
    activity: string;
    startsAt: Date;
    adults: number;
    children: number;
    dietary: unknown;
    status: string;
    createdAt: Date;
    cancelledAt: Date | null;
  }[];
  appointments: { startsAt: Date; topic: string; note: string | null; status: string }[];
  attendance: { eventId: string; activity: string; startsAt: Date; status: string }[];
  /** What they asked staff, and the answers. */
  handovers: { question: string | null; answer: string | null; media: string | null; status: string; createdAt: Date; answeredAt: Date | null }[];
  /** Messages Nabo sent or will send them (reminders, offers, answers), as kept: key and parameters. */
  messages: { kind: string; status: string; content: unknown; dueAt: Date; sentAt: Date | null }[];
  /** Buttons they pressed under broadcasts ("Tilmeld", "Læs mere"): which broadcast, which button, when. */
  broadcastPresses: { broadcastId: string; button: string; createdAt: Date }[];
  /** Where a conversation stands (the draft of a sign-up being made, say). */
  conversations: { channel: string; flow: string | null; step: string | null; draft: unknown; updatedAt: Date }[];
}

/** Parses a stored JSON column for the export; unreadable text is shown as it is. */
function json(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Narrows a stored language to one of ours (Danish when unknown). */
export function asLanguage(value: string | null | undefined): Language {
  return (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : 'da';
}

/** The person's columns a PersonView is made from. */
interface PersonRow {
  id: string;
  role: string;
  firstName: string | null;
  language: string;
  housingAreaId: string | null;
  consentAt: Date | null;
  erasedAt: Date | null;
}

function view(p: PersonRow): PersonView {
  return {
    id: p.id,
    role: (ROLES as readonly string[]).includes(p.role) ? (p.role as Role) : 'resident',
    firstName: p.firstName,
    language: asLanguage(p.language),
    housingAreaId: p.housingAreaId,
    consentAt: p.consentAt,
    erased: p.erasedAt !== null,
  };
}

/** A row of identityWithPerson's join; dates as the driver returns them. */
type IdentityRow = {
  identityId: string;
  address: string | null;
  blockedAt: Date | string | null;
  id: string;
  role: string;
  firstName: string | null;
  language: string;
  housingAreaId: string | null;
  consentAt: Date | string | null;
  erasedAt: Date | string | null;
  remindersOffAt: Date | string | null;
  identities: number | bigint | string;
  conversationId: string | null;
  flow: string | null;
  step: string | null;
  data: string | null;
  updatedAt: Date | string | null;
  /** SQLite only: PRAGMA data_version, which moves when another process wrote the file. */
  dataVersion?: number | bigint | null;
};

/** A channel identity with its person, as read at the start of a turn (PeopleService.lookUp). */
export interface KnownIdentity {
  id: string;
  address: string | null;
  blockedAt: Date | null;
  person: PersonRow;
}

const asDate = (v: Date | string | null): Date | null => (v === null || v instanceof Date ? v : new Date(v));

export class PeopleService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly signUps: SignUpService,
  ) {}

  /**
   * A channel identity and its person in one statement (Prisma's `include` would be a second query
   * on every turn), with what the rest of the turn would otherwise read on its own: the person's
   * conversation on this channel (handed to the state store), what a reminder needs (handed to the
   * sign-up), and on SQLite the data version the plan-data cache checks.
   */
  private async identityWithPerson(channel: Channel, externalId: string): Promise<KnownIdentity | null> {
    const sqlite = providerOf(this.db) === 'sqlite';
    const version = sqlite ? Prisma.sql`, (SELECT "data_version" FROM pragma_data_version) AS "dataVersion"` : Prisma.empty;
    const prefetch = turnPrefetch(this.db);
    const mark = prefetch.conversations.mark();
    const factsMark = prefetch.reminderFacts.mark();
    const rows = await this.db.$queryRaw<IdentityRow[]>`
      SELECT i."id" AS "identityId", i."address" AS "address", i."blockedAt" AS "blockedAt",
        p."id" AS "id", p."role" AS "role", p."firstName" AS "firstName", p."language" AS "language",
        p."housingAreaId" AS "housingAreaId", p."consentAt" AS "consentAt", p."erasedAt" AS "erasedAt", p."remindersOffAt" AS "remindersOffAt",
        (SELECT COUNT(*) FROM "ChannelIdentity" o WHERE o."personId" = p."id") AS "identities",
        c."id" AS "conversationId", c."flow" AS "flow", c."step" AS "step", c."data" AS "data", c."updatedAt" AS "updatedAt"${version}
      FROM "ChannelIdentity" i JOIN "Person" p ON p."id" = i."personId"
      LEFT JOIN "Conversation" c ON c."personId" = p."id" AND c."channel" = i."channel"
      WHERE i."channel" = ${channel} AND i."externalId" = ${externalId}`;
    const r = rows[0];
    if (sqlite && r?.dataVersion !== undefined && r.dataVersion !== null) planDataCache(this.db).observeDataVersion(Number(r.dataVersion));
    if (!r) return null;
    const conversation: ConversationRow =
      r.conversationId === null ? null : { flow: r.flow, step: r.step, data: r.data ?? '{}', updatedAt: asDate(r.updatedAt) ?? new Date(0) };
    prefetch.conversations.put(conversationKey(r.id, channel), conversation, mark);
    prefetch.reminderFacts.put(r.id, { remindersOffAt: asDate(r.remindersOffAt), soleChannel: Number(r.identities) === 1 ? channel : null }, factsMark);
    return {
      id: r.identityId,
      address: r.address,
      blockedAt: asDate(r.blockedAt),
      person: {
        id: r.id,
        role: r.role,
        firstName: r.firstName,
        language: r.language,
        housingAreaId: r.housingAreaId,
        consentAt: asDate(r.consentAt),
        erasedAt: asDate(r.erasedAt),
      },
    };
  }

  /**
   * A channel identity and its person as stored, or null when there is none yet: for a channel that
   * must know who writes before the turn (Teams checks a promoted coordinator's role), and then
   * hands the same read to `identify` so the turn does not read it again.
   */
  async lookUp(channel: Channel, externalId: string): Promise<KnownIdentity | null> {
    return this.identityWithPerson(channel, externalId);
  }

  /**
   * The person behind a channel identity, created on first contact. `known` is what `lookUp` read
   * for this same identity earlier in this same turn (undefined: read it now).
   */
  async identify(
    input: { channel: Channel; externalId: string; firstName?: string; language?: Language; role?: Role; address?: string },
    known?: KnownIdentity | null,
  ): Promise<PersonView> {
    const existing = known !== undefined ? known : await this.identityWithPerson(input.channel, input.externalId);
    if (existing) {
      // Writing again means the person can be reached again; keep the newest address.
      if (existing.blockedAt || (input.address && input.address !== existing.address)) {
        await this.db.channelIdentity.update({ where: { id: existing.id }, data: { blockedAt: null, address: input.address ?? existing.address } });
      }
      // The first name is kept from the first message after consent (see below), once.
      const name = existing.person.consentAt && !existing.person.firstName && !existing.person.erasedAt ? cleanName(input.firstName) : null;
      if (name) return view(await this.db.person.update({ where: { id: existing.person.id }, data: { firstName: name } }));
      return view(existing.person);
    }
    const role = input.role ?? 'resident';
    try {
      const person = await this.db.person.create({
        data: {
          role,
          // A resident's name is personal data kept only with consent: someone who says no, or
          // never answers, is an id and a language. Staff are named from their organisation's directory.
          firstName: role === 'resident' ? null : cleanName(input.firstName),
          language: input.language ?? 'da',
          identities: { create: { channel: input.channel, externalId: input.externalId, address: input.address ?? null } },
        },
      });
      return view(person);
    } catch (err) {
      // Two first messages at once: the other one created the identity; use it.
      const again = await this.db.channelIdentity.findUnique({
        where: { channel_externalId: { channel: input.channel, externalId: input.externalId } },
        include: { person: true },
      });
      if (again) return view(again.person);
      throw err;
    }
  }

  /** Marks a channel identity unreachable (blocked the bot, left Teams); cleared when they write again. */
  async markBlocked(channel: Channel, externalId: string): Promise<void> {
    await this.db.channelIdentity.updateMany({ where: { channel, externalId }, data: { blockedAt: this.clock.now() } });
  }

  /** A person by pseudonymous id. */
  async get(personId: string): Promise<PersonView> {
    const p = await this.db.person.findUnique({ where: { id: personId } });
    if (!p) throw new DomainError('person.not_found');
    return view(p);
  }

  async setLanguage(personId: string, language: Language): Promise<PersonView> {
    return view(await this.db.person.update({ where: { id: personId }, data: { language } }));
  }

  async setRole(personId: string, role: Role): Promise<PersonView> {
    return view(await this.db.person.update({ where: { id: personId }, data: { role } }));
  }

  async setHousingArea(personId: string, housingAreaId: string | null): Promise<PersonView> {
    return view(await this.db.person.update({ where: { id: personId }, data: { housingAreaId } }));
  }

  /**
   * Records consent to the privacy notice, or a "no" (`given = false`): then only what respects the
   * "no" stays — the channel id, so Nabo knows who said it, and the language to answer in.
   */
  async setConsent(personId: string, given: boolean): Promise<PersonView> {
    const data = given ? { consentAt: this.clock.now() } : { consentAt: null, firstName: null, housingAreaId: null, topics: '' };
    return view(await this.db.person.update({ where: { id: personId }, data }));
  }

  /** Everything held on a person. */
  async export(personId: string): Promise<PersonExport> {
    const p = await this.db.person.findUnique({
      where: { id: personId },
      include: {
        identities: true,
        signUps: { include: { event: { include: { activity: true } } }, orderBy: { createdAt: 'asc' } },
        appointments: { include: { slot: true }, orderBy: { createdAt: 'asc' } },
        attendance: { include: { event: { include: { activity: true } } } },
        handovers: { orderBy: { createdAt: 'asc' } },
        outbox: { orderBy: { createdAt: 'asc' } },
        conversations: true,
      },
    });
    if (!p) throw new DomainError('person.not_found');
    return {
      person: { ...view(p), createdAt: p.createdAt },
      identities: p.identities.map((i) => ({
        channel: i.channel,
        externalId: i.externalId,
        address: i.address,
        blockedAt: i.blockedAt,
        createdAt: i.createdAt,
      })),
      signUps: p.signUps.map((s) => ({
        eventId: s.eventId,
        activity: s.event.activity.name,
        startsAt: s.event.startsAt,
        adults: s.adults,
        children: s.children,
        dietary: json(s.dietary),
        status: s.status,
        createdAt: s.createdAt,
        cancelledAt: s.cancelledAt,
      })),
      appointments: p.appointments.map((a) => ({ startsAt: a.slot.startsAt, topic: a.topic, note: a.note, status: a.status })),
      attendance: p.attendance.map((a) => ({ eventId: a.eventId, activity: a.event.activity.name, startsAt: a.event.startsAt, status: a.status })),
      handovers: p.handovers.map((h) => ({
        question: h.question,
        answer: h.answer,
        media: h.mediaKind,
        status: h.status,
        createdAt: h.createdAt,
        answeredAt: h.answeredAt,
      })),
      messages: p.outbox.map((m) => ({ kind: m.kind, status: m.status, content: json(m.payload), dueAt: m.dueAt, sentAt: m.sentAt })),
      broadcastPresses: (await this.db.broadcastPress.findMany({ where: { personId }, orderBy: { createdAt: 'asc' } })).map((b) => ({
        broadcastId: b.broadcastId,
        button: b.button,
        createdAt: b.createdAt,
      })),
      conversations: p.conversations.map((c) => ({ channel: c.channel, flow: c.flow, step: c.step, draft: json(c.data), updatedAt: c.updatedAt })),
    };
  }

  /**
   * Erases a person's personal data: identities, name, area, language, notes, dietary needs,
   * questions and answers, and the text of every message sent to them go; upcoming sign-ups and
   * appointments are cancelled (freeing their places); the pseudonymous person row and its past
   * attendance stay, holding no personal data, so counts do not change. With SQLite's
   * secure_delete (database.ts) the old text is overwritten in the file, not left in free pages.
   */
  async erase(personId: string): Promise<void> {
    const p = await this.db.person.findUnique({ where: { id: personId } });
    if (!p) throw new DomainError('person.not_found');
    const now = this.clock.now();
    turnPrefetch(this.db).reminderFacts.drop(personId);
    const upcoming = await this.db.signUp.findMany({
      where: { personId, status: { in: ['confirmed', 'waiting', 'offered'] }, event: { startsAt: { gt: now } } },
      select: { id: true },
    });
    for (const s of upcoming) await this.signUps.cancel({ signUpId: s.id, personId });
    await this.db.$transaction([
      this.db.appointment.updateMany({
        where: { personId, status: 'booked', slot: { startsAt: { gt: now } } },
        data: { status: 'cancelled', cancelledAt: now },
      }),
      this.db.appointment.updateMany({ where: { personId }, data: { note: null } }),
      this.db.signUp.updateMany({ where: { personId }, data: { dietary: '{}' } }),
      this.db.channelIdentity.deleteMany({ where: { personId } }),
      this.db.conversation.deleteMany({ where: { personId } }),
      this.db.broadcastPress.deleteMany({ where: { personId } }),
      this.db.handoverRequest.updateMany({
        where: { personId },
        data: { question: null, answer: null, mediaKind: null, mediaFileId: null, status: 'answered' },
      }),
      this.db.outboxMessage.deleteMany({ where: { personId, status: { in: ['pending', 'sending'] } } }),
      // Sent rows stay (with kind and refId they keep a reminder from being scheduled twice), empty.
      this.db.outboxMessage.updateMany({ where: { personId }, data: { payload: '{}', lastError: null } }),
      this.db.person.update({
        where: { id: personId },
        data: { firstName: null, housingAreaId: null, consentAt: null, erasedAt: now, role: 'resident', language: 'da', topics: '', newsOffAt: null },
      }),
    ]);
  }
}
