/**
 * Plan texts on resident screens (target groups, contact roles, counsellor labels): each in the
 * reader's language through the plan's glossary, or in Danish with the "(på dansk)" mark. Each
 * Danish text is isolated (U+2068…U+2069) so it keeps its order inside right-to-left lines.
 */
import type { SlotView } from '../../appointments/appointment-service';
import type { ActivityCard } from '../../catalogue/activity-card';
import type { FlowContext } from '../../conversation/flow';
import { term, translatedOrAsWritten } from '../../catalogue/glossary';
import { isolate, type Translate } from '../../i18n/i18n';
import type { Glossary, Language } from '../../plan-data/plan-file';

const shown = (label: string, inDanish: boolean, t: Translate): string => (inDanish ? `${isolate(label)} ${t('common:in_danish')}` : label);

/** The activity's summary, marked when it is the Danish one. */
export function summaryLine(a: ActivityCard, t: Translate): string {
  return shown(a.summary ?? '', a.summaryInDanish, t);
}

/** "Beboere; Børnefamilier (på dansk)": the activity's target groups as one line. */
export function targetGroupsText(a: ActivityCard, t: Translate): string {
  // Arabic, Dari and Sorani separate with their own semicolon.
  return a.targetGroups.map((g) => shown(g.label, g.inDanish, t)).join(t('resident:list_separator'));
}

/** The first contact role, or null when the plan names none. */
export function contactText(a: ActivityCard, t: Translate): string | null {
  const first = a.responsible[0];
  return first ? shown(first.label, first.inDanish, t) : null;
}

/** A counsellor label ("Boligsocial medarbejder", "BRF Kredit") in the reader's language. */
export function counsellorText(glossary: Glossary, counsellor: string, language: Language, t: Translate): string {
  const c = term(glossary, counsellor, language);
  return shown(c.text, c.inDanish, t);
}

/** Slots with their counsellor labels in the reader's language (buttons have no room for the mark). */
export async function slotsForReader<S extends SlotView>(ctx: FlowContext, slots: S[]): Promise<S[]> {
  const first = slots[0];
  if (!first || ctx.language === 'da') return slots;
  const glossary = await ctx.services.catalogue.glossaryOfActivity(first.activityId, ctx.language);
  return slots.map((s) => ({ ...s, counsellor: glossary[s.counsellor]?.[ctx.language as Exclude<Language, 'da'>] ?? s.counsellor }));
}

/** An appointment's counsellor for a message: translated, or Danish with the mark. */
export async function appointmentCounsellor(ctx: FlowContext, slot: SlotView): Promise<string> {
  return (await appointmentTexts(ctx, slot)).counsellor;
}

/** An appointment's counsellor (as appointmentCounsellor) and place ("name, address", "—" when none) in the reader's language. */
export async function appointmentTexts(ctx: FlowContext, slot: SlotView): Promise<{ counsellor: string; place: string }> {
  const glossary = await ctx.services.catalogue.glossaryOfActivity(slot.activityId, ctx.language);
  const at = slot.location;
  const place = at
    ? ctx.t('resident:place_address', {
        place: translatedOrAsWritten(glossary, at.name, ctx.language),
        address: translatedOrAsWritten(glossary, at.address, ctx.language),
      })
    : '—';
  return { counsellor: counsellorText(glossary, slot.counsellor, ctx.language, ctx.t), place };
}
