/**
 * Open "talk to a person" requests: staff see who asked what and how long ago, pick one and type
 * the answer; HandoverService queues it for the resident's channel through the outbox.
 */
import { mainMenu } from '../../conversation/menu';
import { choice, choices, text, type Reply } from '../../conversation/replies';
import { done, STAFF_ROLES, waitForText, type Flow, type FlowContext, type Step } from '../../conversation/flow';
import { DomainError } from '../../errors/domain-error';
import { LANGUAGE_NAMES } from '../../i18n/i18n';
import { asLanguage } from '../../people/people-service';

const SHOWN = 20;
const QUESTION_CELL = 80;

/** "5 min", "3 t", "2 d": how long a request has waited. */
function age(ctx: FlowContext, since: Date): string {
  const minutes = Math.max(0, Math.round((ctx.clock.now().getTime() - since.getTime()) / 60_000));
  if (minutes < 60) return ctx.t('staff:handovers.minutes', { count: minutes });
  if (minutes < 48 * 60) return ctx.t('staff:handovers.hours', { count: Math.round(minutes / 60) });
  return ctx.t('staff:handovers.days', { count: Math.round(minutes / 1440) });
}

const short = (s: string | null, max: number): string => (!s ? '—' : s.length > max ? `${s.slice(0, max - 1)}…` : s);

async function list(ctx: FlowContext): Promise<Step> {
  const { t } = ctx;
  const open = await ctx.services.handovers.openRequests(SHOWN);
  if (open.length === 0) return done(text(t('staff:handovers.none')), mainMenu(t, ctx.person));
  const table: Reply = {
    kind: 'table',
    title: t('staff:handovers.title', { count: open.length }),
    columns: [t('staff:handovers.col_name'), t('staff:handovers.col_language'), t('staff:handovers.col_question'), t('staff:handovers.col_age')],
    rows: open.map((h) => ({ cells: [h.firstName ?? '—', LANGUAGE_NAMES[asLanguage(h.language)], short(h.question, QUESTION_CELL), age(ctx, h.createdAt)] })),
  };
  const buttons = open.map((h) => choice(t('staff:handovers.answer_button', { name: short(h.firstName, 30) }), `handovers.answer|${h.id}`));
  return done(table, choices(t('staff:handovers.pick'), buttons));
}

async function askAnswer(ctx: FlowContext, requestId: string): Promise<Step> {
  const { t } = ctx;
  const h = (await ctx.services.handovers.openRequests(100)).find((r) => r.id === requestId);
  if (!h) throw new DomainError('handover.not_found');
  return waitForText(
    'answer',
    { requestId },
    text(t('staff:handovers.question', { name: h.firstName ?? '—', question: h.question ?? '—', language: LANGUAGE_NAMES[asLanguage(h.language)] })),
    choices(t('staff:handovers.type_answer'), [choice(t('common:cancel'), 'handovers.list')]),
  );
}

async function answer(ctx: FlowContext, requestId: string | undefined, answerText: string): Promise<Step> {
  const { t } = ctx;
  if (!requestId) return list(ctx);
  await ctx.services.handovers.answer({ requestId, staffId: ctx.person.id, answer: answerText });
  return done(text(t('staff:handovers.sent')), choices(t('common:what_next'), [choice(t('staff:handovers.more'), 'handovers.list'), choice(t('common:menu.title'), 'welcome.menu')]));
}

export const handoversFlow: Flow = {
  name: 'handovers',
  roles: STAFF_ROLES,
  intents: ['handovers'],
  start: (ctx) => list(ctx),
  async resume(ctx, input) {
    if (input.kind === 'text') {
      // Whatever is typed at the answer step is the answer, sent as written.
      return input.step === 'answer' ? answer(ctx, ctx.data['requestId'] as string | undefined, input.text) : list(ctx);
    }
    return input.step === 'answer' ? askAnswer(ctx, input.arg ?? '') : list(ctx);
  },
};
