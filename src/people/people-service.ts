/**
 * People: one pseudonymous id per person, one identity per channel, consent, language, area, and
 * the resident's rights to see and erase what Nabo holds. Erasure removes personal data but keeps
 * the anonymous rows every target counts, so progress reads the same afterwards.
 */
import type { Db } from '../database/database';
import { DomainError } from '../errors/domain-error';
import { LANGUAGES, type Language } from '../plan-data/plan-file';
import type { Clock } from '../time/clock';
import type { SignUpService } from '../sign-ups/sign-up-service';

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

/** Everything Nabo holds on one person, for "my data". */
export interface PersonExport {
  person: PersonView & { createdAt: Date };
  identities: { channel: string; externalId: string }[];
  signUps: { eventId: string; activity: string; startsAt: Date; adults: number; children: number; dietary: unknown; status: string }[];
  appointments: { startsAt: Date; topic: string; note: string | null; status: string }[];
  attendance: { eventId: string; activity: string; startsAt: Date; status: string }[];
}

/** Narrows a stored language to one of ours (Danish when unknown). */
export function asLanguage(value: string | null | undefined): Language {
  return (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : 'da';
}

function view(p: { id: string; role: string; firstName: string | null; language: string; housingAreaId: string | null; consentAt: Date | null; erasedAt: Date | null }): PersonView {
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

export class PeopleService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly signUps: SignUpService,
  ) {}

  /** The person behind a channel identity, created on first contact. */
  async identify(input: { channel: Channel; externalId: string; firstName?: string; language?: Language; role?: Role; address?: string }): Promise<PersonView> {
    const existing = await this.db.channelIdentity.findUnique({
      where: { channel_externalId: { channel: input.channel, externalId: input.externalId } },
      include: { person: true },
    });
    if (existing) {
      // Writing again means the person can be reached again; keep the newest address.
      if (existing.blockedAt || (input.address && input.address !== existing.address)) {
        await this.db.channelIdentity.update({ where: { id: existing.id }, data: { blockedAt: null, address: input.address ?? existing.address } });
      }
      return view(existing.person);
    }
    try {
      const person = await this.db.person.create({
        data: {
          role: input.role ?? 'resident',
          firstName: input.firstName?.slice(0, 64) ?? null,
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

  /** Records consent to the privacy notice (or withdraws it with `given = false`). */
  async setConsent(personId: string, given: boolean): Promise<PersonView> {
    return view(await this.db.person.update({ where: { id: personId }, data: { consentAt: given ? this.clock.now() : null } }));
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
      },
    });
    if (!p) throw new DomainError('person.not_found');
    return {
      person: { ...view(p), createdAt: p.createdAt },
      identities: p.identities.map((i) => ({ channel: i.channel, externalId: i.externalId })),
      signUps: p.signUps.map((s) => ({
        eventId: s.eventId,
        activity: s.event.activity.name,
        startsAt: s.event.startsAt,
        adults: s.adults,
        children: s.children,
        dietary: JSON.parse(s.dietary) as unknown,
        status: s.status,
      })),
      appointments: p.appointments.map((a) => ({ startsAt: a.slot.startsAt, topic: a.topic, note: a.note, status: a.status })),
      attendance: p.attendance.map((a) => ({ eventId: a.eventId, activity: a.event.activity.name, startsAt: a.event.startsAt, status: a.status })),
    };
  }

  /**
   * Erases a person's personal data: identities, name, area, notes and dietary needs go; upcoming
   * sign-ups and appointments are cancelled (freeing their places); the pseudonymous person row and
   * its past attendance stay, holding no personal data, so counts do not change.
   */
  async erase(personId: string): Promise<void> {
    const p = await this.db.person.findUnique({ where: { id: personId } });
    if (!p) throw new DomainError('person.not_found');
    const now = this.clock.now();
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
      this.db.handoverRequest.updateMany({ where: { personId }, data: { question: null, answer: null, status: 'answered' } }),
      this.db.outboxMessage.deleteMany({ where: { personId, status: 'pending' } }),
      this.db.person.update({
        where: { id: personId },
        data: { firstName: null, housingAreaId: null, consentAt: null, erasedAt: now, role: 'resident' },
      }),
    ]);
  }
}
