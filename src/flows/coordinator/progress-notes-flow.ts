/**
 * What goes into the report beside the numbers, from the progress table's buttons: a short comment
 * per activity and period ("status og næste skridt", staff and coordinators), and a value for a
 * target Nabo cannot count itself (an external source, a survey) with its source and a note
 * (coordinators only; audited). A registered value then counts like any other.
 */
import { choice, text, type FormField } from '../../conversation/replies';
import { STAFF_ROLES, done, waitForText, type Flow, type FlowContext, type Step } from '../../conversation/flow';
import { formatNumber } from '../../i18n/format';
import { resolvePeriod, specFromCode } from '../../progress/period-spec';
import type { Period } from '../../progress/periods';
import { copenhagenDate } from '../../time/calendar-date';
import { mainMenu } from '../../conversation/menu';
import { periodName } from './progress-rows';

const MAX_NOTE = 500;

/** "<id>:<period code>" from a button, with the period resolved in the id's plan. */
async function target(ctx: FlowContext, scope: 'a' | 't', arg: string | undefined): Promise<{ id: string; period: Period; code: string } | null> {
  const m = /^([^:]+):([a-z0-9-]{1,20})$/.exec(arg ?? '');
  const spec = m ? specFromCode(m[2] as string) : null;
  if (!m || !spec) return null;
  const id = m[1] as string;
  const planId = scope === 'a' ? (await ctx.services.progress.planOf('a', id)).id : (await ctx.services.progress.target(id)).planId;
  const plan = await ctx.services.progress.plan(planId);
  return { id, period: resolvePeriod(plan, spec, copenhagenDate(ctx.clock.now())), code: m[2] as string };
}

const isCoordinator = (ctx: FlowContext): boolean => ctx.person.role === 'coordinator' || ctx.person.role === 'admin';

async function askComment(ctx: FlowContext, arg: string | undefined): Promise<Step> {
  const found = await target(ctx, 'a', arg);
  if (!found) return done(text(ctx.t('common:stale_button')), mainMenu(ctx.t, ctx.person));
  const activity = await ctx.services.catalogue.activity(found.id, ctx.language);
  return waitForText(
    'comment',
    { activityId: found.id, code: found.code },
    text(ctx.t('coordinator:notes.comment_ask', { activity: activity.title, period: periodName(ctx, found.period) })),
  );
}

async function saveComment(ctx: FlowContext, typed: string): Promise<Step> {
  const d = ctx.data as { activityId?: string; code?: string };
  const found = await target(ctx, 'a', `${d.activityId ?? ''}:${d.code ?? ''}`);
  if (!found) return done(text(ctx.t('common:stale_button')), mainMenu(ctx.t, ctx.person));
  await ctx.services.progress.comments.write({ activityId: found.id, period: found.period, text: typed, authorId: ctx.person.id });
  const activity = await ctx.services.catalogue.activity(found.id, ctx.language);
  return done(text(ctx.t('coordinator:notes.comment_saved', { activity: activity.title, period: periodName(ctx, found.period) })), mainMenu(ctx.t, ctx.person));
}

async function valueForm(ctx: FlowContext, arg: string | undefined, problem?: string): Promise<Step> {
  if (!isCoordinator(ctx)) return done(text(ctx.t('common:not_allowed')), mainMenu(ctx.t, ctx.person));
  const found = await target(ctx, 't', arg);
  if (!found) return done(text(ctx.t('common:stale_button')), mainMenu(ctx.t, ctx.person));
  const t = await ctx.services.progress.target(found.id);
  const fields: FormField[] = [
    { name: 'value', label: ctx.t('coordinator:notes.field_value', { unit: t.unit }), type: 'number', required: true, min: 0 },
    { name: 'source', label: ctx.t('coordinator:notes.field_source'), type: 'text', required: true, value: t.dataSource.slice(0, 200) },
    { name: 'note', label: ctx.t('coordinator:notes.field_note'), type: 'text' },
  ];
  return done(...(problem ? [text(problem)] : []), {
    kind: 'form',
    text: ctx.t('coordinator:notes.value_form', { target: t.text, period: periodName(ctx, found.period) }),
    submit: choice(ctx.t('coordinator:notes.save'), `notes.valuesubmit|${found.id}:${found.code}`),
    fields,
  });
}

async function saveValue(ctx: FlowContext, arg: string | undefined, values: Record<string, string>): Promise<Step> {
  if (!isCoordinator(ctx)) return done(text(ctx.t('common:not_allowed')), mainMenu(ctx.t, ctx.person));
  const found = await target(ctx, 't', arg);
  if (!found) return done(text(ctx.t('common:stale_button')), mainMenu(ctx.t, ctx.person));
  const value = Number((values['value'] ?? '').trim().replace(',', '.'));
  const source = (values['source'] ?? '').trim();
  if (!(values['value'] ?? '').trim() || !Number.isFinite(value) || value < 0 || !source) return valueForm(ctx, arg, ctx.t('errors:target_value.invalid'));
  const saved = await ctx.services.progress.externals.register({
    targetId: found.id,
    period: found.period,
    value,
    source,
    note: values['note']?.slice(0, MAX_NOTE),
    registeredBy: ctx.person.id,
  });
  const t = await ctx.services.progress.target(found.id);
  return done(
    text(
      ctx.t('coordinator:notes.value_saved', {
        value: formatNumber(saved.value, ctx.language),
        target: t.text,
        period: periodName(ctx, found.period),
        source: saved.source,
      }),
    ),
    mainMenu(ctx.t, ctx.person),
  );
}

export const progressNotesFlow: Flow = {
  name: 'notes',
  roles: STAFF_ROLES,
  intents: [],
  start: (ctx) => Promise.resolve(done(mainMenu(ctx.t, ctx.person))),
  async resume(ctx, input) {
    if (input.kind === 'text') return input.step === 'comment' ? saveComment(ctx, input.text) : done(mainMenu(ctx.t, ctx.person));
    switch (input.step) {
      case 'comment':
        return askComment(ctx, input.arg);
      case 'value':
        return valueForm(ctx, input.arg);
      case 'valuesubmit':
        return saveValue(ctx, input.arg, input.values ?? {});
      default:
        return done(text(ctx.t('common:stale_button')), mainMenu(ctx.t, ctx.person));
    }
  },
};
