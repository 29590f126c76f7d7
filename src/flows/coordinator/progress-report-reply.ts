/**
 * "Lav fremdriftsrapporten for leverancemåling 2": the report in the chat, for coordinators. The
 * answer is the summary (plan, period, status counts, how many targets need attention) and the
 * target table as a CSV file the channel attaches; the full workbook is `npm run report`.
 * Producing reports stays with coordinators: staff are told so and can still ask for progress.
 */
import { choice, choices, text, type Reply } from '../../conversation/replies';
import { done, type FlowContext, type Step } from '../../conversation/flow';
import type { Period } from '../../progress/periods';
import type { PlanSummary } from '../../progress/plan-names';
import { STATUSES } from '../../progress/target-evaluation';
import { reportCsv } from '../../reports/csv-report';
import { mainMenu } from '../../conversation/menu';
import { periodName } from './progress-rows';

/** Whether the message asks for the report itself rather than for progress. */
export function asksForReport(message: string | undefined): boolean {
  return /fremdriftsrapport|årsrapport|\b(?:lav|hent|send|download)\b.{0,30}\brapport/i.test(message ?? '');
}

/** The report of `plan` for `period` as a summary and a CSV file. */
export async function reportReply(ctx: FlowContext, plan: PlanSummary, period: Period): Promise<Step> {
  const { t } = ctx;
  if (ctx.person.role !== 'coordinator' && ctx.person.role !== 'admin') {
    return done(text(t('coordinator:report_chat.coordinators_only')), choices(t('common:what_next'), [choice(t('common:menu.progress'), 'progress.ask')]));
  }
  const report = await ctx.services.reports.build(plan.id, period);
  const counts = STATUSES.filter((s) => report.total.counts[s] > 0).map((s) => `${report.total.counts[s]} ${t(`coordinator:status.${s}`)}`);
  const attention = report.targets.filter((x) => x.status === 'behind' || x.status === 'at_risk').length;
  const what = periodName(ctx, period);
  const name = plan.isDemo && !plan.name.includes('DEMO') ? t('coordinator:progress.demo_plan', { plan: plan.name }) : plan.name;
  const file: Reply = {
    kind: 'file',
    fileName: `fremdriftsrapport-${plan.key}-${period.label.replace(/[^0-9-]+/g, '_')}.csv`,
    mimeType: 'text/csv',
    content: reportCsv(report, t, ctx.language),
    caption: t('coordinator:report_chat.caption', { plan: name, period: what }),
  };
  return done(
    text(
      t('coordinator:report_chat.summary', { plan: name, period: what, counts: counts.join(' · ') || '—', attention, deliveries: report.deliveries.length }),
    ),
    file,
    mainMenu(t, ctx.person),
  );
}
