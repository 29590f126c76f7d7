/**
 * "Hvordan går det med klagesagerne?": an area indicator (lokalt opstillet måling) in the chat:
 * every registered measurement, then the baseline, the target and the status in the same words as
 * targets. Measured values before the plan started show the trend but do not judge the plan.
 */
import { choice, choices, text } from '../../conversation/replies';
import { done, type FlowContext, type Step } from '../../conversation/flow';
import { formatNumber } from '../../i18n/format';
import { indicatorStatus } from '../../progress/indicator-status';
import { statusLabel } from '../../progress/status-display';
import type { IndicatorView } from '../../progress/indicator-service';
import type { PlanSummary } from '../../progress/plan-names';
import { formatCalendarDate } from '../../time/calendar-date';
import { cut } from './progress-rows';

/** The indicators of `plan` that `said` names; none when it names none. */
export async function indicatorsNamed(ctx: FlowContext, plan: PlanSummary, said: string): Promise<IndicatorView[]> {
  try {
    return await ctx.services.indicators.find(plan.id, said);
  } catch {
    return [];
  }
}

/** One indicator's measurements, baseline, target and status. */
export async function indicatorReply(ctx: FlowContext, plan: PlanSummary, indicator: IndicatorView): Promise<Step> {
  const { t, language } = ctx;
  const unit = indicator.unit ? ` ${indicator.unit}` : '';
  const all = await ctx.services.indicators.measurements(indicator.id);
  const since = all.filter((m) => m.date >= plan.startDate);
  const status = indicatorStatus(indicator, since[since.length - 1]?.value ?? null);
  const planName = plan.isDemo && !plan.name.includes('DEMO') ? t('coordinator:progress.demo_plan', { plan: plan.name }) : plan.name;
  const baseline =
    indicator.baselineValue === null
      ? '—'
      : `${formatNumber(indicator.baselineValue, language)}${unit}${indicator.baselineLabel ? ` (${indicator.baselineLabel})` : ''}`;
  const statusText =
    status === 'not_computable'
      ? t('coordinator:progress.status_reason', {
          status: statusLabel(t('coordinator:status.not_computable'), status),
          reason: t('coordinator:reason_short.no_data'),
        })
      : statusLabel(t(`coordinator:status.${status}`), status);
  return done(
    {
      kind: 'table',
      title: t('coordinator:indicator.title', { name: indicator.name, plan: planName }),
      columns: [t('coordinator:report.col.date'), t('coordinator:report.col.value')],
      rows: all.map((m) => ({ cells: [formatCalendarDate(m.date), `${formatNumber(m.value, language)}${unit}`] })),
    },
    text(t('coordinator:indicator.summary', { baseline, target: indicator.targetText, status: statusText })),
    choices(t('common:what_next'), [
      ...(ctx.person.role === 'staff' ? [] : [choice(t('coordinator:measure.another'), 'measure.ask')]),
      choice(cut(t('coordinator:progress.whole_plan'), 60), 'progress.ask'),
    ]),
  );
}
