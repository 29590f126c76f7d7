/**
 * An outbox payload ({ key, params, choices }) → the message in the reader's language. Payloads
 * carry ids, not texts, so what is shown is current at delivery (an event renamed or moved since)
 * and nothing personal is copied into the outbox:
 *   eventId      → title, when (its start), place
 *   slotId       → when, counsellor, place
 *   requestId    → name and question of a handover request (staff messages)
 *   digestDate   → date, and the kitchen lines of that day's events (kitchen-digest.ts)
 *   any ISO instant (startsAt, from, expiresAt) → formatted date and time
 */
import { z } from 'zod';
import type { CatalogueService } from '../catalogue/catalogue-service';
import { parseGlossary, translatedOrAsWritten } from '../catalogue/glossary';
import { choice } from '../conversation/replies';
import type { Db } from '../database/database';
import { formatDateTime } from '../i18n/format';
import { directionOf, type Translations } from '../i18n/i18n';
import type { Language } from '../plan-data/plan-file';
import type { SignUpService } from '../sign-ups/sign-up-service';
import { digestDayLabel, kitchenDigestLines } from './kitchen-digest';
import type { RenderedMessage } from './messenger';
import type { OutboxPayload } from './outbox';

const payloadSchema = z.object({
  key: z.string().min(1),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
  choices: z.array(z.object({ key: z.string().min(1), action: z.string().min(1) })).optional(),
});
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A payload that can never be rendered: the row fails at once instead of being retried. */
export class InvalidPayload extends Error {
  override readonly name = 'InvalidPayload';
}

/** Parses a stored payload; throws InvalidPayload. */
export function parsePayload(json: string): OutboxPayload {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new InvalidPayload('payload is not JSON');
  }
  const parsed = payloadSchema.safeParse(raw);
  if (!parsed.success) throw new InvalidPayload('payload has no key');
  return parsed.data;
}

export interface RenderDeps {
  db: Db;
  translations: Translations;
  catalogue: Pick<CatalogueService, 'event'>;
  signUps: Pick<SignUpService, 'kitchenSummary'>;
}

/** Renders outbox payloads for their readers. */
export class OutboxRenderer {
  constructor(private readonly deps: RenderDeps) {}

  /** The message for one payload in `language`. */
  async render(payload: OutboxPayload, language: Language): Promise<RenderedMessage> {
    const t = this.deps.translations.translator(language);
    const params = await this.resolve(payload.params, language, payload.key.startsWith('resident:'));
    const lines = typeof payload.params['digestDate'] === 'string' ? await kitchenDigestLines(this.deps, payload.params['digestDate'], language, t) : [];
    return {
      language,
      direction: directionOf(language),
      text: [t(payload.key, params), ...lines].join('\n'),
      choices: (payload.choices ?? []).map((c) => choice(t(c.key).slice(0, 60), c.action)),
    };
  }

  private async resolve(params: Record<string, string | number>, language: Language, forResidents: boolean): Promise<Record<string, string | number>> {
    const out: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'string' && ISO_INSTANT.test(v) ? formatDateTime(new Date(v), language) : v;
    const { db } = this.deps;
    const eventId = params['eventId'];
    if (typeof eventId === 'string') {
      // A deleted event still deserves its notice; title and time then come from the params.
      const e = await this.deps.catalogue.event(eventId, language, { forResidents }).catch(() => null);
      if (e) Object.assign(out, { title: e.title, when: formatDateTime(e.startsAt, language), place: e.location?.name ?? '—' });
    }
    const slotId = params['slotId'];
    if (typeof slotId === 'string') {
      const slot = await db.appointmentSlot.findUnique({
        where: { id: slotId },
        include: { location: true, activity: { select: { plan: { select: { glossary: true } } } } },
      });
      // Counsellor label and place in the reader's language where the plan's glossary has them.
      const glossary = slot && language !== 'da' ? parseGlossary(slot.activity.plan.glossary) : {};
      if (slot)
        Object.assign(out, {
          when: formatDateTime(slot.startsAt, language),
          counsellor: translatedOrAsWritten(glossary, slot.counsellor, language),
          place: slot.location ? translatedOrAsWritten(glossary, slot.location.name, language) : '—',
        });
    }
    const requestId = params['requestId'];
    if (typeof requestId === 'string') {
      const r = await db.handoverRequest.findUnique({ where: { id: requestId }, include: { person: { select: { firstName: true } } } });
      Object.assign(out, { name: r?.person.firstName ?? '—', question: r?.question ?? '—' });
    }
    const startsAt = params['startsAt'];
    if (out['when'] === undefined && typeof startsAt === 'string' && ISO_INSTANT.test(startsAt)) out['when'] = formatDateTime(new Date(startsAt), language);
    const digestDate = params['digestDate'];
    if (typeof digestDate === 'string') out['date'] = digestDayLabel(digestDate, language);
    if (out['title'] === undefined) out['title'] = '—';
    return out;
  }
}
