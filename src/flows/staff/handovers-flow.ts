/**
 * Open "talk to a person" requests: staff see who asked what, in which language and how long ago,
 * pick one and type the answer or press a ready answer from the bank (sent in the resident's
 * language); HandoverService queues it for the resident's channel through the outbox.
 */
import { mainMenu } from '../../conversation/menu';
import { choice, choices, text, type FormField, type Reply } from '../../conversation/replies';
import { done, STAFF_ROLES, waitForText, type Flow, type FlowContext, type Step } from '../../conversation/flow';
import { DomainError } from '../../errors/domain-error';
import { formatDateTime } from '../../i18n/format';
import { LANGUAGE_NAMES, stripIsolates } from '../../i18n/i18n';
import { asLanguage } from '../../people/people-service';
import { BANK_REPLIES, bankPayload, isBankReplyKey, needsValue, parsePhone, type BankReply, type BankReplyKey } from '../../handovers/reply-bank';
import { copenhagenDate, copenhagenInstant, formatCalendarDate, parseCalendarDate } from '../../time/calendar-date';

const SHOWN = 20;
const QUESTION_CELL = 80;

/** "5 min", "3 t", "2 d": how long a request has waited. */
function age(ctx: FlowContext, since: Date): string {
  const minutes = Math.max(0, Math.round((ctx.clock.now().getTime() - since.getTime()) / 60_000));
  if (minutes < 60) return ctx.t('staff:handovers.minutes', { count: minutes });
  if (minutes < 48 * 60) return ctx.t('staff:handovers.hours', { count: Math.round(minutes / 60) });
  return ctx.t('staff:handovers.days', { count: Math.round(minutes / 1440) });
}

/** A language's name in the staff member's own language ("arabisk"), so they see what they are answering. */
const languageName = (ctx: FlowContext, code: string): string => ctx.t(`handover:language_name.${asLanguage(code)}`);

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
    text(t('staff:handovers.question', { name: h.firstName ?? '—', question: h.question ?? '—', language: languageName(ctx, h.language) })),
    choices(t('staff:handovers.type_answer'), [choice(t('common:cancel'), 'handovers.list')]),
    choices(
      t('handover:staff.bank_prompt', { language: languageName(ctx, h.language) }),
      BANK_REPLIES.map((k) => choice(t(`handover:staff.bank_${k}`), `handovers.bank|${h.id}:${k}`)),
    ),
  );
}

/** The form asking for the value a ready answer needs (a time at the office, a phone number). */
function valueForm(ctx: FlowContext, requestId: string, key: 'office' | 'call', values: Record<string, string>, problem?: string): Step {
  const { t } = ctx;
  const fields: FormField[] =
    key === 'office'
      ? [
          {
            name: 'date',
            label: t('handover:staff.office_date'),
            type: 'date',
            required: true,
            value: values['date'] ?? formatCalendarDate(copenhagenDate(ctx.clock.now())),
          },
          { name: 'time', label: t('handover:staff.office_time'), type: 'time', required: true, value: values['time'] ?? '10:00' },
        ]
      : [{ name: 'phone', label: t('handover:staff.call_phone'), type: 'text', required: true, value: values['phone'] }];
  const title = t(key === 'office' ? 'handover:staff.office_form' : 'handover:staff.call_form');
  return done(...(problem ? [text(problem)] : []), {
    kind: 'form',
    text: title,
    submit: choice(t('handover:staff.send'), `handovers.bank|${requestId}:${key}`),
    fields,
  });
}

/** The ready answer with its value, or the text of what is wrong with the value. */
function bankReply(ctx: FlowContext, key: BankReplyKey, values: Record<string, string>): BankReply | string {
  if (key === 'office') {
    const time = /^(\d{1,2}):(\d{2})$/.exec(values['time'] ?? '');
    let when: Date | null = null;
    try {
      if (time && Number(time[1]) < 24 && Number(time[2]) < 60)
        when = copenhagenInstant(parseCalendarDate(values['date'] ?? ''), Number(time[1]), Number(time[2]));
    } catch {
      when = null;
    }
    return when && when.getTime() > ctx.clock.now().getTime() ? { key, when } : ctx.t('handover:staff.bad_when');
  }
  if (key === 'call') {
    const phone = parsePhone(values['phone'] ?? '');
    return phone ? { key, phone } : ctx.t('handover:staff.bad_phone');
  }
  return { key };
}

/** Sends a ready answer from the bank; the resident gets it in their language when it is delivered. */
async function bank(ctx: FlowContext, arg: string, values: Record<string, string> | undefined): Promise<Step> {
  const { t } = ctx;
  const [requestId = '', key = ''] = arg.split(':');
  if (!isBankReplyKey(key)) return list(ctx);
  const h = (await ctx.services.handovers.openRequests(100)).find((r) => r.id === requestId);
  if (!h) throw new DomainError('handover.not_found');
  if (needsValue(key) && !values) return valueForm(ctx, requestId, key, {});
  const reply = bankReply(ctx, key, values ?? {});
  if (typeof reply === 'string') return valueForm(ctx, requestId, key as 'office' | 'call', values ?? {}, reply);
  const payload = bankPayload(reply);
  // What staff and the request's record read: the same text, in their language and in Danish.
  const shown = (lang: 'da' | typeof ctx.language): string => {
    const params = reply.key === 'office' ? { ...payload.params, when: formatDateTime(reply.when, lang) } : payload.params;
    return stripIsolates(ctx.translatorFor(lang)(payload.key, params));
  };
  await ctx.services.handovers.answerWithBank({ requestId, staffId: ctx.person.id, reply, record: shown('da') });
  return done(
    text(t('handover:staff.sent_bank', { language: languageName(ctx, h.language), text: shown(ctx.language) })),
    choices(t('common:what_next'), [choice(t('staff:handovers.more'), 'handovers.list'), choice(t('common:menu.title'), 'welcome.menu')]),
  );
}

async function answer(ctx: FlowContext, requestId: string | undefined, answerText: string): Promise<Step> {
  const { t } = ctx;
  if (!requestId) return list(ctx);
  const sent = await ctx.services.handovers.answer({ requestId, staffId: ctx.person.id, answer: answerText });
  const note = sent.danishNote ? [text(t('handover:staff.danish_note_added', { language: languageName(ctx, sent.language) }))] : [];
  return done(
    text(t('staff:handovers.sent')),
    ...note,
    choices(t('common:what_next'), [choice(t('staff:handovers.more'), 'handovers.list'), choice(t('common:menu.title'), 'welcome.menu')]),
  );
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
    if (input.step === 'bank') return bank(ctx, input.arg ?? '', input.values);
    return input.step === 'answer' ? askAnswer(ctx, input.arg ?? '') : list(ctx);
  },
};
