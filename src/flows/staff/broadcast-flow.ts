/**
 * Staff send a message to residents: in plain words ("send til alle i Vangdalen på arabisk og
 * dansk: …") or step by step (area, topic, text). Before anything is queued they see a preview:
 * recipients per language and which languages get their own text or the Danish one with a line
 * saying so; they may add a text per language, mark it urgent, add buttons, save it as a template,
 * send or cancel. The same draft comes from the compose form (a card in Teams), a template, or an
 * event's confirmation ("Send til interesserede"). "Rapport for udsendelse" shows the delivery
 * report of the newest broadcast, with withdraw.
 */
import { randomUUID } from 'node:crypto';
import { mainMenu } from '../../conversation/menu';
import { choice, choices, text, type Reply } from '../../conversation/replies';
import { done, STAFF_ROLES, waitFor, waitForText, type Flow, type FlowContext, type Step } from '../../conversation/flow';
import { BUTTON_KINDS } from '../../broadcasts/broadcast-buttons';
import { readComposeWords } from '../../broadcasts/compose-words';
import { TOPICS, type Topic } from '../../broadcasts/topics';
import { formatDateTime } from '../../i18n/format';
import { LANGUAGE_NAMES } from '../../i18n/i18n';
import { LANGUAGES, type Language } from '../../plan-data/plan-file';
import { copenhagenInstant, parseCalendarDate } from '../../time/calendar-date';
import { announceDraft } from './broadcast-announce';
import { composeForm, readComposeForm } from './broadcast-compose-form';
import { eventButton } from '../shared/event-text';
import { audienceOf, buttonsOf, readDraft, type Draft } from './broadcast-draft';
import { broadcastReplies } from './broadcast-report-reply';
import { askTemplateName, draftFromTemplate, listTemplates, saveTemplate, saveTemplateWords, useTemplateWords } from './broadcast-template-steps';

/** How far ahead the events that buttons may point at are offered. */
const TARGET_DAYS = 21;

/** The next missing piece, or the preview when the draft is complete. */
async function next(ctx: FlowContext, d: Draft): Promise<Step> {
  const { t } = ctx;
  if (d.areaIds.length === 0 && !d.allAreas) {
    const plan = await ctx.services.catalogue.currentPlan();
    const areas = await ctx.services.areas.areas(plan.id);
    const buttons = [
      ...areas.map((a) => choice(a.name, `broadcast.area|${a.id}`)),
      choice(t('broadcast:staff.all_areas'), 'broadcast.area|all'),
      choice(t('broadcast:form.open_button'), 'broadcast.form'),
      choice(t('broadcast:template.list_button'), 'broadcast.templates'),
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
  const chosen = buttonsOf(d).map((b) => t(`broadcast:button.${b.kind}`));
  const lines = [
    when,
    ...(d.urgent ? [t('broadcast:staff.urgent')] : []),
    ...(chosen.length ? [t('broadcast:staff.buttons_line', { buttons: chosen.join(', ') })] : []),
  ].join('\n');
  const buttons = [
    choice(t('broadcast:staff.send_button'), 'broadcast.send'),
    ...p.inDanish.map((l) => choice(t('broadcast:staff.add_text_button', { language: LANGUAGE_NAMES[l] }), `broadcast.lang|${l}`)),
    ...(d.urgent ? [] : [choice(t('broadcast:staff.urgent_button'), 'broadcast.urgent')]),
    // A button is offered where the draft is about an event or activity; pressing again takes it away.
    ...(d.target
      ? BUTTON_KINDS.map((k) => choice(`${d.buttons.includes(k) ? '✓' : '+'} ${t(`broadcast:button.${k}`)}`, `broadcast.button|${k}`))
      : [choice(t('broadcast:staff.add_buttons'), 'broadcast.targets')]),
    choice(t('broadcast:template.save_button'), 'broadcast.savetpl'),
    choice(t('common:cancel'), 'broadcast.abort'),
  ];
  return waitFor('preview', d, table, choices(lines, buttons));
}

/** Which coming event the buttons are for (plain words name none). */
async function askTarget(ctx: FlowContext, d: Draft): Promise<Step> {
  const { t } = ctx;
  const now = ctx.clock.now();
  const events = await ctx.services.catalogue.upcomingEvents({ from: now, to: new Date(now.getTime() + TARGET_DAYS * 86_400_000), limit: 8 }, ctx.language);
  if (events.length === 0) return next(ctx, d);
  const buttons = [
    ...events.map((e) => choice(`${eventButton(e, ctx.language)} · ${e.title}`.slice(0, 60), `broadcast.target|${e.id}`)),
    choice(t('common:cancel'), 'broadcast.abort'),
  ];
  return waitFor('target', d, choices(t('broadcast:staff.ask_target'), buttons));
}

/** A new draft from the message that started the flow. */
async function compose(ctx: FlowContext): Promise<Step> {
  const message = ctx.message ?? '';
  // Templates are saved from a preview; asked for outside one, say where.
  if (saveTemplateWords(message) !== null) return done(text(ctx.t('broadcast:template.save_where')), mainMenu(ctx.t, ctx.person));
  const wanted = useTemplateWords(message);
  if (wanted !== null) {
    const tpl = wanted ? await ctx.services.broadcasts.templates.find(wanted) : null;
    return tpl ? next(ctx, draftFromTemplate(tpl)) : listTemplates(ctx);
  }
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
    buttons: [],
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
    buttons: buttonsOf(d),
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
  if (step === 'tplname' && value) return saveTemplate(ctx, d, value, (x) => next(ctx, x));
  const name = saveTemplateWords(value);
  if (step === 'preview' && name !== null) return name ? saveTemplate(ctx, d, name, (x) => next(ctx, x)) : askTemplateName(ctx, d);
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
    if (input.kind === 'action') {
      switch (input.step) {
        case 'form':
          return done(await composeForm(ctx));
        case 'formsubmit': {
          const read = await readComposeForm(ctx, input.values ?? {});
          return 'draft' in read ? next(ctx, read.draft) : read.again;
        }
        case 'templates':
          return listTemplates(ctx);
        case 'tpl':
          return next(ctx, draftFromTemplate(await ctx.services.broadcasts.templates.get(input.arg ?? '')));
        case 'announce':
          return next(ctx, await announceDraft(ctx, input.arg ?? ''));
      }
    }
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
      case 'button': {
        const kind = BUTTON_KINDS.find((k) => k === input.arg);
        if (!kind) return next(ctx, d);
        return next(ctx, { ...d, buttons: d.buttons.includes(kind) ? d.buttons.filter((k) => k !== kind) : [...d.buttons, kind] });
      }
      case 'savetpl':
        return askTemplateName(ctx, d);
      case 'targets':
        return askTarget(ctx, d);
      case 'target': {
        const e = input.arg ? await ctx.services.catalogue.event(input.arg, ctx.language) : null;
        if (!e) return next(ctx, d);
        return next(ctx, { ...d, target: { eventId: e.id }, buttons: e.activity.signupRequired ? ['signup', 'more'] : ['more'] });
      }
      case 'send':
        return send(ctx, d);
      case 'abort':
        return done(text(t('broadcast:staff.cancelled')), mainMenu(t, ctx.person));
      default:
        return next(ctx, d);
    }
  },
};
