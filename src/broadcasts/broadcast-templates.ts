/**
 * Saved broadcasts for recurring messages ("gem som skabelon: fællesspisning-påmindelse"): texts in
 * up to eight languages, topic and buttons, under a unique name. Saving under a name that exists
 * replaces that template. A button that pointed at one event is kept as its activity, since the
 * next time it is sent the event will be another one of the same activity.
 */
import type { Db } from '../database/database';
import { DomainError } from '../errors/domain-error';
import { normalizeText } from '../text/normalize';
import { cleanButtons, readButtons, type BroadcastButton } from './broadcast-buttons';
import { cleanTexts, readTexts, type BroadcastTexts } from './broadcast-rows';
import { isTopic, type Topic } from './topics';

/** Longest template name. */
export const MAX_TEMPLATE_NAME = 60;

/** A template as staff see and use it. */
export interface BroadcastTemplateView {
  id: string;
  name: string;
  texts: BroadcastTexts;
  topic: Topic | null;
  buttons: BroadcastButton[];
  updatedAt: Date;
}

/** A template to save. */
export interface TemplateInput {
  name: string;
  texts: Partial<Record<string, string>>;
  topic?: Topic | null;
  buttons?: BroadcastButton[];
  createdById: string;
}

/** A name as typed → as stored: trimmed, inner spaces collapsed; throws broadcast.template_name. */
export function cleanTemplateName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (!name || name.length > MAX_TEMPLATE_NAME) throw new DomainError('broadcast.template_name', { max: MAX_TEMPLATE_NAME });
  return name;
}

function view(row: { id: string; name: string; texts: string; topic: string | null; buttons: string; updatedAt: Date }): BroadcastTemplateView {
  return {
    id: row.id,
    name: row.name,
    texts: readTexts(row.texts),
    topic: row.topic && isTopic(row.topic) ? row.topic : null,
    buttons: readButtons(row.buttons),
    updatedAt: row.updatedAt,
  };
}

export class BroadcastTemplates {
  constructor(private readonly db: Db) {}

  /** Saves (or replaces, by name) a template; returns it. */
  async save(input: TemplateInput): Promise<BroadcastTemplateView> {
    const name = cleanTemplateName(input.name);
    const texts = JSON.stringify(cleanTexts(input.texts));
    const buttons = JSON.stringify(await this.forReuse(await cleanButtons(this.db, input.buttons)));
    const data = { texts, topic: input.topic ?? null, buttons };
    const row = await this.db.broadcastTemplate.upsert({ where: { name }, create: { name, createdById: input.createdById, ...data }, update: data });
    return view(row);
  }

  /** Every template, by name. */
  async list(): Promise<BroadcastTemplateView[]> {
    return (await this.db.broadcastTemplate.findMany({ orderBy: { name: 'asc' } })).map(view);
  }

  /** One template by id; throws broadcast.template_not_found. */
  async get(id: string): Promise<BroadcastTemplateView> {
    const row = await this.db.broadcastTemplate.findUnique({ where: { id } });
    if (!row) throw new DomainError('broadcast.template_not_found');
    return view(row);
  }

  /** The template a typed name means: exactly, else the one whose name contains it (case, æøå and dashes aside); null when none or several. */
  async find(typed: string): Promise<BroadcastTemplateView | null> {
    const all = await this.list();
    const key = normalizeText(typed.replace(/[-_]/g, ' '));
    if (!key) return null;
    const norm = (n: string): string => normalizeText(n.replace(/[-_]/g, ' '));
    const exact = all.find((t) => norm(t.name) === key);
    if (exact) return exact;
    const partial = all.filter((t) => norm(t.name).includes(key) || key.includes(norm(t.name)));
    return partial.length === 1 ? (partial[0] ?? null) : null;
  }

  /** Deletes a template; true when there was one. */
  async remove(id: string): Promise<boolean> {
    return (await this.db.broadcastTemplate.deleteMany({ where: { id } })).count > 0;
  }

  /** Event buttons become buttons for the event's activity. */
  private async forReuse(buttons: BroadcastButton[]): Promise<BroadcastButton[]> {
    const out: BroadcastButton[] = [];
    for (const b of buttons) {
      if (!b.eventId) {
        out.push(b);
        continue;
      }
      const e = await this.db.event.findUnique({ where: { id: b.eventId }, select: { activityId: true } });
      if (e) out.push({ kind: b.kind, activityId: e.activityId });
    }
    return out;
  }
}
