/**
 * The delivery report of a broadcast as replies: a table of recipients per language with sent,
 * waiting, failed, blocked and withdrawn, the failure reasons, how many pressed its buttons, and buttons to refresh, withdraw
 * what waits, or see one of the other recent broadcasts. Read from the outbox rows each time.
 */
import { type DeliveryCounts } from '../../broadcasts/broadcast-report';
import { isTopic } from '../../broadcasts/topics';
import { mainMenu } from '../../conversation/menu';
import { choice, choices, text, type Reply } from '../../conversation/replies';
import { done, type FlowContext, type Step } from '../../conversation/flow';
import { formatDateTime } from '../../i18n/format';
import { LANGUAGE_NAMES } from '../../i18n/i18n';

const SNIPPET = 40;
const cells = (label: string, c: DeliveryCounts): string[] => [label, ...[c.recipients, c.sent, c.pending, c.failed, c.blocked, c.skipped].map(String)];

/** The report of `broadcastId` (the newest when left out), after withdrawing its waiting messages when asked. */
export async function broadcastReplies(ctx: FlowContext, broadcastId?: string, withdraw = false): Promise<Step> {
  const { t } = ctx;
  const recent = await ctx.services.broadcasts.recent(5);
  const id = broadcastId || recent[0]?.id;
  if (!id) return done(text(t('broadcast:report.none')), mainMenu(t, ctx.person));
  const before: Reply[] = withdraw ? [text(t('broadcast:report.withdrew', { total: await ctx.services.broadcasts.withdraw(id) }))] : [];
  const r = await ctx.services.broadcasts.report(id);
  const topic = r.topic && isTopic(r.topic) ? t(`broadcast:topic.${r.topic}`) : '—';
  const table: Reply = {
    kind: 'table',
    title: t('broadcast:report.title', { topic, when: formatDateTime(r.sendAt, ctx.language), total: r.totals.recipients }),
    columns: ['col_language', 'col_recipients', 'col_sent', 'col_pending', 'col_failed', 'col_blocked', 'col_skipped'].map((k) => t(`broadcast:report.${k}`)),
    rows: [...r.byLanguage.map((l) => ({ cells: cells(LANGUAGE_NAMES[l.language], l.counts) })), { cells: cells(t('broadcast:report.total'), r.totals) }],
  };
  const notes = [
    ...(r.failures.length ? [t('broadcast:report.failures', { reasons: r.failures.map((f) => `${f.reason} (${f.count})`).join(', ') })] : []),
    ...(r.withdrawnAt ? [t('broadcast:report.withdrawn', { when: formatDateTime(r.withdrawnAt, ctx.language) })] : []),
    // Presses count once per person and button (BroadcastPress).
    ...(r.buttons.length
      ? [
          t('broadcast:report.pressed', {
            people: r.presses.people,
            buttons: r.buttons.map((k) => `${t(`broadcast:button.${k}`)} ${r.presses[k]}`).join(', '),
          }),
        ]
      : []),
  ];
  const buttons = [
    choice(t('broadcast:report.refresh_button'), `broadcast.report|${id}`),
    ...(r.totals.pending > 0 && !r.withdrawnAt ? [choice(t('broadcast:report.withdraw_button'), `broadcast.withdraw|${id}`)] : []),
    ...recent
      .filter((b) => b.id !== id)
      .map((b) => choice(`${formatDateTime(b.createdAt, ctx.language)}: ${b.text.slice(0, SNIPPET)}`, `broadcast.report|${b.id}`)),
  ];
  return done(...before, table, ...notes.map(text), choices(t('broadcast:report.pick'), buttons));
}
