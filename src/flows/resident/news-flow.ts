/**
 * A resident's news: which topics they want broadcasts about (asked right after consent, changeable
 * any time by writing "nyheder"), and "stop nyheder" / "start nyheder" for all news. Bare "stop"
 * and "start" stay with reminders (reminders-flow.ts), so one word never turns off more than it says.
 */
import { mainMenu } from '../../conversation/menu';
import { choice, choices, text, type Reply } from '../../conversation/replies';
import { done, RESIDENT_ROLES, type Flow, type FlowContext, type Step } from '../../conversation/flow';
import { isTopic, TOPICS, type Topic } from '../../broadcasts/topics';
import type { Translate } from '../../i18n/i18n';

/** The topic buttons: each topic (ticked when chosen) toggles it; "done" ends. */
export function topicsQuestion(t: Translate, chosen: readonly Topic[]): Reply {
  const buttons = TOPICS.map((k) => choice(`${chosen.includes(k) ? '✓ ' : ''}${t(`broadcast:topic.${k}`)}`, `news.toggle|${k}`));
  return choices(t('broadcast:news.ask'), [...buttons, choice(t('broadcast:news.done'), 'news.done')]);
}

function summary(t: Translate, chosen: readonly Topic[]): string {
  return chosen.length ? t('broadcast:news.chosen', { topics: chosen.map((k) => t(`broadcast:topic.${k}`)).join(', ') }) : t('broadcast:news.none');
}

async function show(ctx: FlowContext): Promise<Step> {
  const { topics, stopped } = await ctx.services.topics.choices(ctx.person.id);
  return done(...(stopped ? [text(ctx.t('broadcast:news.stopped_note'))] : []), text(summary(ctx.t, topics)), topicsQuestion(ctx.t, topics));
}

async function stopOrStart(ctx: FlowContext, stop: boolean): Promise<Step> {
  await ctx.services.topics.setStopped(ctx.person.id, stop);
  return done(text(ctx.t(stop ? 'broadcast:news.off' : 'broadcast:news.on')), mainMenu(ctx.t, ctx.person));
}

export const newsFlow: Flow = {
  name: 'news',
  roles: RESIDENT_ROLES,
  intents: ['news_topics', 'news_off', 'news_on'],
  needsConsent: true,
  start: (ctx, u) => (u?.intent === 'news_off' ? stopOrStart(ctx, true) : u?.intent === 'news_on' ? stopOrStart(ctx, false) : show(ctx)),
  async resume(ctx, input) {
    const { t } = ctx;
    if (input.kind === 'action' && input.step === 'toggle' && isTopic(input.arg ?? '')) {
      const topics = await ctx.services.topics.toggle(ctx.person.id, input.arg as Topic);
      return done(topicsQuestion(t, topics));
    }
    if (input.kind === 'action' && input.step === 'done') {
      const { topics } = await ctx.services.topics.choices(ctx.person.id);
      return done(text(summary(t, topics)), mainMenu(t, ctx.person));
    }
    return show(ctx);
  },
};
