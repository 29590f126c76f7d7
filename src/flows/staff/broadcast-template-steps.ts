/**
 * Saved templates in the broadcast flow: "gem som skabelon: fællesspisning-påmindelse" (typed at
 * the preview, or its button and then the name) saves the draft's texts, topic and buttons;
 * "skabeloner" lists them; a template's button (or "send skabelon <navn>") starts a new draft
 * from it, which asks for what a template does not hold (the housing areas) and shows the preview.
 */
import { randomUUID } from 'node:crypto';
import type { BroadcastTemplateView } from '../../broadcasts/broadcast-templates';
import { mainMenu } from '../../conversation/menu';
import { choice, choices, text } from '../../conversation/replies';
import { done, waitForText, type FlowContext, type Step } from '../../conversation/flow';
import { LANGUAGES } from '../../plan-data/plan-file';
import { buttonsOf, type Draft } from './broadcast-draft';

/** "gem som skabelon: navn" (or "gem skabelon navn"); the name, or '' when the words ask to save without one. */
export function saveTemplateWords(message: string): string | null {
  const m = /^\s*gem\s+(?:som\s+)?skabelon\b\s*:?\s*(.*)$/is.exec(message) ?? /^\s*save\s+(?:as\s+)?template\b\s*:?\s*(.*)$/is.exec(message);
  return m ? (m[1] ?? '').trim() : null;
}

/**
 * "send skabelon navn", "skabelon: navn", "skabeloner": the name asked for ('' for the list); null
 * when templates are not meant. Only the words before a colon count, so a message that merely
 * mentions a template in its text ("…: husk skabelonen") is a message.
 */
export function useTemplateWords(message: string): string | null {
  const colon = message.indexOf(':');
  const head = colon >= 0 ? message.slice(0, colon) : message;
  const m = /\b(?:skabelon(?:en)?|template)\b\s*(.*)$/is.exec(head);
  if (m) return ((m[1] ?? '').trim() || (colon >= 0 ? message.slice(colon + 1) : '')).trim();
  return /\b(?:skabeloner|templates)\b/i.test(head) ? '' : null;
}

/** Asks for the template's name. */
export function askTemplateName(ctx: FlowContext, d: Draft): Step {
  return waitForText('tplname', d, choices(ctx.t('broadcast:template.ask_name'), [choice(ctx.t('common:cancel'), 'broadcast.abort')]));
}

/** Saves the draft as a template, then shows the preview again (`back`). */
export async function saveTemplate(ctx: FlowContext, d: Draft, name: string, back: (d: Draft) => Promise<Step>): Promise<Step> {
  if (!d.texts.da) return back(d);
  const saved = await ctx.services.broadcasts.templates.save({
    name,
    texts: d.texts,
    topic: d.topic ?? null,
    buttons: buttonsOf(d),
    createdById: ctx.person.id,
  });
  const step = await back(d);
  return { ...step, replies: [text(ctx.t('broadcast:template.saved', { name: saved.name })), ...step.replies] };
}

/** The templates as buttons (or a line saying there are none). */
export async function listTemplates(ctx: FlowContext): Promise<Step> {
  const { t } = ctx;
  const all = await ctx.services.broadcasts.templates.list();
  if (all.length === 0) return done(text(t('broadcast:template.none')), mainMenu(t, ctx.person));
  return done(
    choices(t('broadcast:template.pick'), [
      ...all.slice(0, 20).map((tpl) => choice(tpl.name.slice(0, 60), `broadcast.tpl|${tpl.id}`)),
      choice(t('common:cancel'), 'broadcast.abort'),
    ]),
  );
}

/** A new draft from a template: its texts, topic and buttons; the audience is asked. */
export function draftFromTemplate(tpl: BroadcastTemplateView): Draft {
  const texts: Draft['texts'] = {};
  for (const l of LANGUAGES) if (tpl.texts[l]) texts[l] = tpl.texts[l];
  const target = tpl.buttons.find((b) => b.activityId || b.eventId);
  return {
    id: randomUUID(),
    areaIds: [],
    allAreas: false,
    languages: [],
    topic: tpl.topic ?? undefined,
    texts,
    urgent: false,
    buttons: tpl.buttons.map((b) => b.kind),
    target: target ? (target.eventId ? { eventId: target.eventId } : { activityId: target.activityId }) : undefined,
  };
}
