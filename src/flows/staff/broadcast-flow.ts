/**
 * Staff send a message to residents: in plain words ("send til alle i Vangdalen på arabisk og
 * dansk: …") or step by step (area, topic, text). Before anything is queued they see a preview:
 * recipients per language and which languages get their own text or the Danish one with a line
 * saying so; they may add a text per language, mark it urgent, send or cancel. "Rapport for
 * udsendelse" shows the delivery report of the newest broadcast, with withdraw.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { mainMenu } from '../../conversation/menu';
import { choice, choices, text, type Reply } from '../../conversation/replies';
import { done, STAFF_ROLES, waitFor, waitForText, type Flow, type FlowContext, type Step } from '../../conversation/flow';
import { readComposeWords } from '../../broadcasts/compose-words';
import { TOPICS, type Topic } from '../../broadcasts/topics';
import { formatDateTime } from '../../i18n/format';
import { LANGUAGE_NAMES } from '../../i18n/i18n';
import { LANGUAGES, type Language } from '../../plan-data/plan-file';
import { copenhagenInstant, parseCalendarDate } from '../../time/calendar-date';
import { broadcastReplies } from './broadcast-report-reply';

const language = z.enum(LANGUAGES);
/** The draft between turns; a stale or tampered draft fails to parse and starts over. */
const draftSchema = z.object({
  id: z.string().min(1),
  areaIds: z.array(z.string()).default([]),
  allAreas: z.boolean().default(false),
  languages: z.array(language).default([]),
  topic: z.enum(TOPICS).optional(),
  texts: z.partialRecord(language, z.string()).default({}),
  urgent: z.boolean().default(false),
  sendAt: z.string().optional(),
  pendingLang: language.optional(),
});
type Draft = z.infer<typeof draftSchema>;

const readDraft = (data: Record<string, unknown>): Draft | null => {
  const parsed = draftSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
};

const audienceOf = (d: Draft & { topic: Topic }) => ({ topic: d.topic, areaIds: d.areaIds, languages: d.languages });

/** The next missing piece, or the preview when the draft is complete. */
async function next(ctx: FlowContext, d: Draft): Promise<Step> {
  const { t } = ctx;
  if (d.areaIds.length === 0 && !d.allAreas) {
    const plan = await ctx.services.catalogue.currentPlan();
    const areas = await ctx.services.areas.areas(plan.id);
    const buttons = [
      ...areas.map((a) => choice(a.name, `broadcast.area|${a.id}`)),
      choice(t('broadcast:staff.all_areas'), 'broadcast.area|all'),
      choice(t('common:cancel'), 'broadcast.abort'),
    ];
    return waitFor('area', d, choices(t('broadcast:staff.ask_area'), buttons));
  }
  if (!d.topic) {
    const buttons = [...TOPICS.map((k) => choice(t(`broadcast:topic.${k}`), `broadcast.topic|${k}`)), choice(t('common:cancel'), 'broadcast.abort')];
    return waitFor('topic', d, choices(t('broadcast:staff.ask_topic'), buttons));
  }
  if (!d.texts.da) return waitForText('text', d, choices(t('broadcast:staff.ask_text'), [choice(t('common:cancel'), 'broadcast.abort')]));
  return preview(ctx, { ...d, topic: d.topic });
}

async function preview(ctx: FlowContext, d: Draft & { topic: Topic }): Promise<Step> {
  const { t } = ctx;
  const p = await ctx.services.broadcasts.preview(audienceOf(d), d.texts);
  const topic = t(`broadcast:topic.${d.topic}`);
  if (p.total === 0) return done(text(t('broadcast:staff.no_recipients', { topic })), mainMenu(t, ctx.person));
  const langs = LANGUAGES.filter((l) => (p.byLanguage[l] ?? 0) > 0);
  const table: Reply = {
    kind: 'table',
    title: t('broadcast:staff.preview', { topic, total: p.total }),
    columns: [t('broadcast:staff.col_language'), t('broadcast:staff.col_recipients'), t('broadcast:staff.col_text')],
    rows: langs.map((l) => ({
      cells: [LANGUAGE_NAMES[l], String(p.byLanguage[l] ?? 0), l === 'da' || d.texts[l] ? t('broadcast:staff.own_text') : t('broadcast:staff.danish_text')],
    })),
  };
  const when = d.sendAt ? t('broadcast:staff.at', { when: formatDateTime(new Date(d.sendAt), ctx.language) }) : t('broadcast:staff.now');
  const lines = [when, ...(d.urgent ? [t('broadcast:staff.urgent')] : [])].join('\n');
  const buttons = [
    choice(t('broadcast:staff.send_button'), 'broadcast.send'),
    ...p.inDanish.map((l) => choice(t('broadcast:staff.add_text_button', { language: LANGUAGE_NAMES[l] }), `broadcast.lang|${l}`)),
    ...(d.urgent ? [] : [choice(t('broadcast:staff.urgent_button'), 'broadcast.urgent')]),
    choice(t('common:cancel'), 'broadcast.abort'),
  ];
  return waitFor('preview', d, table, choices(lines, buttons));
}

/** A new draft from the message that started the flow. */
async function compose(ctx: FlowContext): Promise<Step> {
  const plan = await ctx.services.catalogue.currentPlan();
  const words = readComposeWords(ctx.message ?? '', await ctx.services.areas.areasWithAliases(plan.id));
  const d: Draft = {
    id: randomUUID(),
    areaIds: words.areaIds,
    allAreas: words.areaIds.length === 0 && /\balle\b/i.test(ctx.message ?? ''),
    languages: words.languages,
    topic: words.topic,
    texts: words.body ? { da: words.body } : {},
    urgent: false,
  };
  if (words.hour !== undefined) {
    const head = (ctx.message ?? '').split(':')[0] ?? '';
    const date = ctx.understand(head).details.date ?? ctx.clock.now().toISOString().slice(0, 10);
    const at = copenhagenInstant(parseCalendarDate(date), words.hour, words.minute ?? 0);
    if (at > ctx.clock.now()) d.sendAt = at.toISOString();
  }
  return next(ctx, d);
}

async function send(ctx: FlowContext, d: Draft): Promise<Step> {
  const { t } = ctx;
  if (!d.topic || !d.texts.da) return next(ctx, d);
  const texts = { ...d.texts, da: d.texts.da };
  const r = await ctx.services.broadcasts.send({
    id: d.id,
    createdById: ctx.person.id,
    texts,
    audience: audienceOf({ ...d, topic: d.topic }),
    urgent: d.urgent,
    sendAt: d.sendAt ? new Date(d.sendAt) : undefined,
  });
  if (r.recipients === 0) return done(text(t('broadcast:staff.no_recipients', { topic: t(`broadcast:topic.${d.topic}`) })), mainMenu(t, ctx.person));
  return done(
    text(t('broadcast:staff.sent', { total: r.recipients })),
    choices(t('common:what_next'), [choice(t('broadcast:report.refresh_button'), `broadcast.report|${r.id}`), choice(t('common:menu.title'), 'welcome.menu')]),
  );
}

async function onText(ctx: FlowContext, d: Draft, step: string, typed: string): Promise<Step> {
  const value = typed.trim();
  if (step === 'text' && value) return next(ctx, { ...d, texts: { ...d.texts, da: value } });
  if (step === 'langtext' && d.pendingLang && value) return next(ctx, { ...d, texts: { ...d.texts, [d.pendingLang]: value }, pendingLang: undefined });
  if (step === 'area' || step === 'topic') {
    const plan = await ctx.services.catalogue.currentPlan();
    const words = readComposeWords(value, await ctx.services.areas.areasWithAliases(plan.id));
    if (step === 'area' && words.areaIds.length) return next(ctx, { ...d, areaIds: words.areaIds });
    if (step === 'area' && /\balle\b/i.test(value)) return next(ctx, { ...d, allAreas: true });
    if (step === 'topic' && words.topic) return next(ctx, { ...d, topic: words.topic });
  }
  return next(ctx, d);
}

export const broadcastFlow: Flow = {
  name: 'broadcast',
  roles: STAFF_ROLES,
  intents: ['broadcast', 'broadcast_report'],
  start: (ctx, u) => (u?.intent === 'broadcast_report' ? broadcastReplies(ctx) : compose(ctx)),
  async resume(ctx, input) {
    const { t } = ctx;
    if (input.kind === 'action' && ['report', 'withdraw'].includes(input.step)) return broadcastReplies(ctx, input.arg, input.step === 'withdraw');
    // The menu's button: a new draft, asked step by step.
    if (input.kind === 'action' && input.step === 'new') return compose({ ...ctx, message: '' });
    const d = readDraft(ctx.data);
    if (!d) return done(text(t('common:stale_button')), mainMenu(t, ctx.person));
    if (input.kind === 'text') return onText(ctx, d, input.step, input.text);
    switch (input.step) {
      case 'area':
        return next(ctx, input.arg === 'all' ? { ...d, allAreas: true, areaIds: [] } : { ...d, areaIds: input.arg ? [input.arg] : [] });
      case 'topic':
        return next(ctx, { ...d, topic: TOPICS.find((k) => k === input.arg) });
      case 'lang': {
        const lang = LANGUAGES.find((l) => l === input.arg && l !== 'da');
        if (!lang) return next(ctx, d);
        return waitForText(
          'langtext',
          { ...d, pendingLang: lang },
          choices(t('broadcast:staff.ask_lang_text', { language: LANGUAGE_NAMES[lang as Language] }), [choice(t('common:cancel'), 'broadcast.abort')]),
        );
      }
      case 'urgent':
        return next(ctx, { ...d, urgent: true });
      case 'send':
        return send(ctx, d);
      case 'abort':
        return done(text(t('broadcast:staff.cancelled')), mainMenu(t, ctx.person));
      default:
        return next(ctx, d);
    }
  },
};
