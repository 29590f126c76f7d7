/**
 * The tab's texts for one language, read on the server from locales/<language>/channel.json
 * through i18next, and how they travel to the browser: as JSON inside the page (a data block the
 * browser never runs) and from GET /tab/texts when Teams reports another language than the link.
 */
import type { Translate } from '../../../src/i18n/i18n';
import type { TabTexts } from './texts';

/** The id of the page's data block that holds the texts. */
export const TEXTS_ELEMENT_ID = 'tab-texts';

/** Reads the tab's texts in the language `t` is bound to. */
export function tabTexts(t: Translate): TabTexts {
  return {
    title: t('channel:tab.title'),
    period: t('channel:tab.period'),
    periods: {
      'plan-year': t('channel:tab.periods.planYear'),
      'reporting-period': t('channel:tab.periods.reportingPeriod'),
      'whole-plan': t('channel:tab.periods.wholePlan'),
    },
    // The status words of the chat, the cards and the report: one set of words everywhere.
    status: {
      achieved: t('coordinator:status.achieved'),
      on_track: t('coordinator:status.on_track'),
      at_risk: t('coordinator:status.at_risk'),
      behind: t('coordinator:status.behind'),
      not_computable: t('coordinator:status.not_computable'),
    },
    actual: t('channel:tab.actual'),
    target: t('channel:tab.target'),
    expected: t('channel:tab.expected'),
    asOf: t('channel:tab.asOf'),
    loading: t('channel:tab.loading'),
    noAccess: t('channel:tab.noAccess'),
    failed: t('channel:tab.failed'),
    noTargets: t('channel:tab.noTargets'),
    elapsed: t('channel:tab.elapsed'),
    planYearN: t('channel:tab.plan_year_n', { n: '{n}' }),
    reportingN: t('channel:tab.reporting_n', { n: '{n}' }),
    custom: t('channel:tab.custom'),
    from: t('channel:tab.from'),
    to: t('channel:tab.to'),
    show: t('channel:tab.show'),
    previous: t('channel:tab.previous'),
    compared: t('channel:tab.compared'),
    noPrevious: t('channel:tab.no_previous'),
    indicators: t('channel:tab.indicators'),
    baseline: t('channel:tab.baseline'),
    measurements: t('channel:tab.measurements'),
    noMeasurements: t('channel:tab.no_measurements'),
    download: t('channel:tab.download'),
    plan: t('channel:tab.plan'),
    planWorkbook: t('channel:planWorkbook.title'),
    print: t('channel:tab.print'),
    volunteers: t('channel:tab.volunteers', { people: '{people}', hours: '{hours}' }),
    volunteersPeople: t('channel:tab.volunteers_people', { people: '{people}' }),
    inPeriod: t('channel:tab.in_period'),
  };
}

/** JSON safe to put inside <script type="application/json">: no "<" can close the element. */
export function embeddedJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
