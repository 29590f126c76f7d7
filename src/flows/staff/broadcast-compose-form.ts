/**
 * The broadcast as one form (in Teams an Adaptive Card): audience (housing areas, languages,
 * topic, residents signed up for an event), the Danish text and a text per other language, the
 * buttons and what they point at, send now or at a time, urgent. Submitting it leads to the same
 * preview as plain words do (recipients per language, then Send or Cancel); a form that does not
 * validate comes back with its values and what to fix. A card is only a client: every value is
 * checked again here.
 */
import { randomUUID } from 'node:crypto';
import { BUTTON_KINDS } from '../../broadcasts/broadcast-buttons';
import { MAX_BROADCAST_TEXT } from '../../broadcasts/broadcast-service';
import { TOPICS } from '../../broadcasts/topics';
import type { FlowContext, Step } from '../../conversation/flow';
import { choice, type FormField, type Reply } from '../../conversation/replies';
import { LANGUAGE_NAMES } from '../../i18n/i18n';
import { LANGUAGES } from '../../plan-data/plan-file';
import { copenhagenInstant, parseCalendarDate } from '../../time/calendar-date';
import { eventButton } from '../shared/event-text';
import type { Draft } from './broadcast-draft';
import { activityOptions, formAgain, isDay, readTime } from './create-flow';

/** The submit action of the form. */
export const FORM_SUBMIT = 'broadcast.formsubmit';
const EVENT_DAYS = 45;
const OTHER_LANGUAGES = LANGUAGES.filter((l) => l !== 'da');

async function eventOptions(ctx: FlowContext): Promise<{ label: string; value: string }[]> {
  const now = ctx.clock.now();
  const events = await ctx.services.catalogue.upcomingEvents({ from: now, to: new Date(now.getTime() + EVENT_DAYS * 86_400_000), limit: 25 }, ctx.language);
  return events.map((e) => ({ label: `${eventButton(e, ctx.language)} · ${e.title}`.slice(0, 80), value: e.id }));
}

/** The compose form, filled with `values` (after a failed submit, or a draft's values). */
export async function composeForm(ctx: FlowContext, values: Record<string, string> = {}): Promise<Reply> {
  const { t } = ctx;
  const plan = await ctx.services.catalogue.currentPlan();
  const areas = await ctx.services.areas.areas(plan.id);
  const events = await eventOptions(ctx);
  const activities = await activityOptions(ctx);
  const v = (name: string): string | undefined => values[name] || undefined;
  const fields: FormField[] = [
    {
      name: 'areas',
      label: t('broadcast:form.areas'),
      type: 'choice',
      multiple: true,
      options: areas.map((a) => ({ label: a.name, value: a.id })),
      value: v('areas'),
    },
    {
      name: 'languages',
      label: t('broadcast:form.languages'),
      type: 'choice',
      multiple: true,
      options: LANGUAGES.map((l) => ({ label: LANGUAGE_NAMES[l], value: l })),
      value: v('languages'),
    },
    {
      name: 'topic',
      label: t('broadcast:form.topic'),
      type: 'choice',
      required: true,
      options: TOPICS.map((k) => ({ label: t(`broadcast:topic.${k}`), value: k })),
      value: v('topic'),
    },
    { name: 'event', label: t('broadcast:form.event'), type: 'choice', options: events, value: v('event') },
    { name: 'text_da', label: t('broadcast:form.text_da'), type: 'text', multiline: true, required: true, value: v('text_da') },
    ...OTHER_LANGUAGES.map((l): FormField => ({
      name: `text_${l}`,
      label: t('broadcast:form.text_lang', { language: LANGUAGE_NAMES[l] }),
      type: 'text',
      multiline: true,
      value: v(`text_${l}`),
      section: t('broadcast:form.other_languages'),
    })),
    ...BUTTON_KINDS.map((k): FormField => ({
      name: `button_${k}`,
      label: t(`broadcast:form.button_${k}`),
      type: 'toggle',
      value: v(`button_${k}`) ?? 'false',
    })),
    {
      name: 'about',
      label: t('broadcast:form.about'),
      type: 'choice',
      options: [...events.map((e) => ({ ...e, value: `e:${e.value}` })), ...activities.map((a) => ({ ...a, value: `a:${a.value}` }))],
      value: v('about'),
    },
    { name: 'date', label: t('broadcast:form.date'), type: 'date', value: v('date') },
    { name: 'time', label: t('broadcast:form.time'), type: 'time', value: v('time') },
    { name: 'urgent', label: t('broadcast:form.urgent'), type: 'toggle', value: v('urgent') ?? 'false' },
  ];
  return { kind: 'form', text: t('broadcast:form.title'), submit: choice(t('broadcast:form.preview_button'), FORM_SUBMIT), fields };
}

/** The values of several-at-once choices ("a,b"), kept only when they are options. */
const picked = (raw: string | undefined, allowed: readonly string[]): string[] =>
  (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s, i, all) => allowed.includes(s) && all.indexOf(s) === i);

/** A submitted form → a draft for the preview, or the form again with what to fix. */
export async function readComposeForm(ctx: FlowContext, values: Record<string, string>): Promise<{ draft: Draft } | { again: Step }> {
  const { t } = ctx;
  const form = await composeForm(ctx, values);
  const fieldOf = (name: string): FormField | undefined => (form.kind === 'form' ? form.fields.find((f) => f.name === name) : undefined);
  const optionValues = (name: string): string[] => fieldOf(name)?.options?.map((o) => o.value) ?? [];
  const problems: string[] = [];
  const topic = TOPICS.find((k) => k === values['topic']);
  if (!topic) problems.push(t('staff:form.choose', { field: t('broadcast:form.topic') }));
  const texts: Draft['texts'] = {};
  for (const l of LANGUAGES) {
    const value = values[`text_${l}`]?.trim();
    if (value) texts[l] = value.slice(0, MAX_BROADCAST_TEXT);
  }
  if (!texts.da) problems.push(t('broadcast:form.need_text'));
  const eventId = values['event'] && optionValues('event').includes(values['event']) ? values['event'] : undefined;
  if (values['event'] && !eventId) problems.push(t('staff:form.choose', { field: t('broadcast:form.event') }));
  const buttons = BUTTON_KINDS.filter((k) => values[`button_${k}`] === 'true');
  const about = values['about'] && optionValues('about').includes(values['about']) ? values['about'] : undefined;
  const target = about?.startsWith('e:')
    ? { eventId: about.slice(2) }
    : about?.startsWith('a:')
      ? { activityId: about.slice(2) }
      : eventId
        ? { eventId }
        : undefined;
  if (buttons.length && !target) problems.push(t('broadcast:form.need_about'));
  let sendAt: string | undefined;
  if (values['date']?.trim() || values['time']?.trim()) {
    const time = readTime(values['time']);
    if (!isDay(values['date'])) problems.push(t('staff:form.date', { field: t('broadcast:form.date') }));
    if (!time) problems.push(t('staff:form.time', { field: t('broadcast:form.time') }));
    if (time && isDay(values['date'])) {
      const at = copenhagenInstant(parseCalendarDate(values['date'].trim()), time[0], time[1]);
      if (at <= ctx.clock.now()) problems.push(t('broadcast:form.in_past'));
      else sendAt = at.toISOString();
    }
  }
  if (problems.length || !topic) return { again: formAgain(ctx, problems, form) };
  const areaIds = picked(values['areas'], optionValues('areas'));
  return {
    draft: {
      id: randomUUID(),
      areaIds,
      allAreas: areaIds.length === 0,
      languages: picked(values['languages'], LANGUAGES) as Draft['languages'],
      topic,
      eventId,
      texts,
      urgent: values['urgent'] === 'true',
      sendAt,
      buttons,
      target,
    },
  };
}
