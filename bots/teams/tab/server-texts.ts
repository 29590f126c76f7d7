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
    status: {
      achieved: t('channel:tab.status.achieved'),
      on_track: t('channel:tab.status.onTrack'),
      at_risk: t('channel:tab.status.atRisk'),
      behind: t('channel:tab.status.behind'),
      not_computable: t('channel:tab.status.notComputable'),
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
  };
}

/** JSON safe to put inside <script type="application/json">: no "<" can close the element. */
export function embeddedJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
