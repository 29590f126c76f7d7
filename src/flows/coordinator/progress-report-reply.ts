/**
 * "Lav fremdriftsrapporten for leverancemåling 2", "lav årsrapporten for planår 2": the report in
 * the chat, for coordinators. The answer is the summary (plan, period, status counts, how many
 * targets need attention, the comments that go with it; a table of the status counts per focus
 * area) and the report itself: Teams offers the
 * workbook (.xlsx) as a signed link valid for 15 minutes (the file reply's `download`); a channel
 * that cannot sign links attaches the target table as CSV. Producing reports stays with
 * coordinators: staff are told so and can still ask for progress.
 */
import { choice, choices, text, type Reply } from '../../conversation/replies';
import { done, type FlowContext, type Step } from '../../conversation/flow';
import { specCode, specOf } from '../../progress/period-spec';
import type { Period } from '../../progress/periods';
import type { PlanSummary } from '../../progress/plan-names';
import { STATUSES } from '../../progress/target-evaluation';
import { statusLabel } from '../../progress/status-display';
import { reportCsv } from '../../reports/csv-report';
import { mainMenu } from '../../conversation/menu';
import { periodName } from './progress-rows';

/** Whether the message asks for the report itself rather than for progress. */
export function asksForReport(message: string | undefined): boolean {
  return /fremdriftsrapport|årsrapport|\b(?:lav|hent|send|download)\b.{0,30}\brapport/i.test(message ?? '');
}

/** The report of `plan` for `period` as a summary and the file (a workbook link in Teams). */
export async function reportReply(ctx: FlowContext, plan: PlanSummary, period: Period): Promise<Step> {
  const { t } = ctx;
  if (ctx.person.role !== 'coordinator' && ctx.person.role !== 'admin') {
    return done(text(t('coordinator:report_chat.coordinators_only')), choices(t('common:what_next'), [choice(t('common:menu.progress'), 'progress.ask')]));
  }
  const report = await ctx.services.reports.build(plan.id, period);
  const counts = STATUSES.filter((s) => report.total.counts[s] > 0).map((s) => `${report.total.counts[s]} ${statusLabel(t(`coordinator:status.${s}`), s)}`);
  const attention = report.targets.filter((x) => x.status === 'behind' || x.status === 'at_risk');
  const what = periodName(ctx, period);
  const name = plan.isDemo && !plan.name.includes('DEMO') ? t('coordinator:progress.demo_plan', { plan: plan.name }) : plan.name;
  const base = `fremdriftsrapport-${plan.key}-${period.label.replace(/[^0-9-]+/g, '_')}`;
  const file: Reply = {
    kind: 'file',
    fileName: `${base}.csv`,
    mimeType: 'text/csv',
    content: reportCsv(report, t, ctx.language),
    caption: t('coordinator:report_chat.caption', { plan: name, period: what }),
    download: {
      kind: 'progress-report',
      plan: plan.key,
      period: specCode(specOf(period)),
      label: t('coordinator:report_chat.download'),
      caption: t('coordinator:report_chat.link_caption', { plan: name, period: what }),
    },
  };
  const lines = [
    t('coordinator:report_chat.summary', {
      plan: name,
      period: what,
      counts: counts.join(' · ') || '—',
      attention: attention.length,
      deliveries: report.deliveries.length,
    }),
    ...attention.slice(0, 5).map((a) => `${statusLabel(t(`coordinator:status.${a.status}`), a.status)}: ${a.activity} – ${a.text}`),
    ...(report.comments.length ? [t('coordinator:report_chat.comments', { count: report.comments.length })] : []),
  ];
  // The summary card: status counts per focus area and for the plan, as the workbook's first sheet has them.
  const total = (c: Record<string, number>): string => String(STATUSES.reduce((n, s) => n + (c[s] ?? 0), 0));
  const table: Reply = {
    kind: 'table',
    title: t('coordinator:report.title', { plan: name }),
    columns: [t('coordinator:report.col.focus_area'), ...STATUSES.map((s) => statusLabel(t(`coordinator:status.${s}`), s)), t('coordinator:report.total')],
    rows: [...report.summary, { name: t('coordinator:report.total'), counts: report.total.counts }].map((r) => ({
      cells: [r.name, ...STATUSES.map((s) => String(r.counts[s])), total(r.counts)],
    })),
  };
  return done(text(lines.join('\n')), table, file, mainMenu(t, ctx.person));
}
