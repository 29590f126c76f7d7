/**
 * "klagesager 2022: 49": a coordinator registers a yearly value of one of the plan's area
 * indicators (lokalt opstillede målinger). The indicator is found by name, year and value are
 * asked for when missing, and the value is saved after a confirmation, next to the baseline and
 * the target so the number can be read at once.
 */
import { mainMenu } from '../../conversation/menu';
import { choice, choices, text } from '../../conversation/replies';
import { COORDINATOR_ROLES, done, waitFor, type Flow, type FlowContext, type Step } from '../../conversation/flow';
import { isDomainError } from '../../errors/domain-error';
import { formatNumber } from '../../i18n/format';
import type { Understanding } from '../../nlu/understanding';
import { checkMeasurement, type IndicatorView } from '../../progress/indicator-service';

interface Draft {
  indicatorId?: string;
  year?: number;
  value?: number;
}

const MAX_CHOICES = 20;
/** " klagesager" after a value, or nothing. */
const unitOf = (i: IndicatorView): string => (i.unit ? ` ${i.unit}` : '');
const cut = (s: string): string => (s.length > 60 ? `${s.slice(0, 59)}…` : s);

/** A typed year: the reader's year, else a 4-digit number. */
function typedYear(raw: string, u: Understanding): number | undefined {
  const m = /\b(\d{4})\b/.exec(raw);
  return u.details.year ?? (m ? Number(m[1]) : undefined);
}

/** A typed value: "49", "4,2", "4.2". */
function typedValue(raw: string, u: Understanding): number | undefined {
  if (u.details.value !== undefined) return u.details.value;
  const m = /^\s*(\d+(?:[.,]\d+)?)\s*%?\s*$/.exec(raw);
  return m ? Number((m[1] as string).replace(',', '.')) : u.details.numbers.length === 1 ? u.details.numbers[0] : undefined;
}

async function pick(ctx: FlowContext, d: Draft, intro?: string): Promise<Step> {
  const { t } = ctx;
  const plan = await ctx.services.catalogue.currentPlan();
  const all = await ctx.services.indicators.list(plan.id);
  if (all.length === 0) return done(text(t('coordinator:measure.no_indicators')), mainMenu(t, ctx.person));
  return waitFor(
    'indicator',
    { ...d },
    text(intro ?? t('coordinator:measure.hint')),
    choices(
      t('coordinator:measure.which'),
      all.slice(0, MAX_CHOICES).map((i) => choice(cut(i.name), `measure.pick|${i.id}`)),
    ),
  );
}

async function fromText(ctx: FlowContext, said: string | undefined, d: Draft): Promise<Step> {
  const { t } = ctx;
  if (!said) return pick(ctx, d);
  const plan = await ctx.services.catalogue.currentPlan();
  let found: IndicatorView[];
  try {
    found = await ctx.services.indicators.find(plan.id, said);
  } catch (err) {
    if (isDomainError(err, 'indicator.not_found')) return pick(ctx, d, t('coordinator:measure.not_found', { text: said }));
    throw err;
  }
  if (found.length === 1 && found[0]) return askNext(ctx, { ...d, indicatorId: found[0].id });
  return waitFor(
    'indicator',
    { ...d },
    choices(
      t('coordinator:measure.several', { text: said }),
      found.slice(0, MAX_CHOICES).map((i) => choice(cut(i.name), `measure.pick|${i.id}`)),
    ),
  );
}

async function askNext(ctx: FlowContext, d: Draft): Promise<Step> {
  const { t, language } = ctx;
  if (!d.indicatorId) return pick(ctx, d);
  const i = await ctx.services.indicators.get(d.indicatorId);
  if (d.year === undefined) return waitFor('year', { ...d }, text(t('coordinator:measure.ask_year', { name: i.name })));
  if (d.value === undefined) return waitFor('value', { ...d }, text(t('coordinator:measure.ask_value', { name: i.name, year: d.year, unit: unitOf(i) })));
  // Checked before asking for confirmation, so a typo is caught while the draft is still open.
  checkMeasurement(d.year, d.value, ctx.clock.now());
  return waitFor(
    'confirm',
    { ...d },
    choices(t('coordinator:measure.confirm', { name: i.name, year: d.year, value: formatNumber(d.value, language), unit: unitOf(i) }), [
      choice(t('coordinator:measure.save'), 'measure.save'),
      choice(t('common:cancel'), 'measure.abort'),
    ]),
  );
}

async function save(ctx: FlowContext, d: Draft): Promise<Step> {
  const { t, language } = ctx;
  if (!d.indicatorId || d.year === undefined || d.value === undefined) return askNext(ctx, d);
  const { indicator: i, measurement: m } = await ctx.services.indicators.register({
    indicatorId: d.indicatorId,
    year: d.year,
    value: d.value,
    registeredBy: ctx.person.id,
  });
  const baseline = i.baselineValue === null ? '—' : `${formatNumber(i.baselineValue, language)}${i.baselineLabel ? ` (${i.baselineLabel})` : ''}`;
  return done(
    text(
      t('coordinator:measure.saved', { name: i.name, year: m.year, value: formatNumber(m.value, language), unit: unitOf(i), baseline, target: i.targetText }),
    ),
    choices(t('common:what_next'), [choice(t('coordinator:measure.another'), 'measure.ask'), choice(t('common:menu.title'), 'welcome.menu')]),
  );
}

export const measureFlow: Flow = {
  name: 'measure',
  roles: COORDINATOR_ROLES,
  intents: ['register_measurement'],
  start: (ctx, u) => fromText(ctx, u?.details.activityText?.trim() || undefined, { year: u?.details.year, value: u?.details.value }),
  async resume(ctx, input) {
    const d = ctx.data as Draft;
    const { t } = ctx;
    if (input.kind === 'text') {
      const u = input.understanding;
      if (u.intent === 'no') return done(text(t('coordinator:measure.aborted')), mainMenu(t, ctx.person));
      switch (input.step) {
        case 'year': {
          const year = typedYear(input.text, u);
          return year === undefined
            ? waitFor('year', { ...d }, text(t('coordinator:measure.year_please')))
            : askNext(ctx, { ...d, year, value: d.value ?? u.details.value });
        }
        case 'value': {
          const value = typedValue(input.text, u);
          return value === undefined ? waitFor('value', { ...d }, text(t('coordinator:measure.value_please'))) : askNext(ctx, { ...d, value });
        }
        case 'confirm':
          return u.intent === 'yes' ? save(ctx, d) : askNext(ctx, d);
        default:
          return fromText(ctx, u.details.activityText ?? input.text.trim(), { year: u.details.year ?? d.year, value: u.details.value ?? d.value });
      }
    }
    switch (input.step) {
      case 'pick':
        return askNext(ctx, { ...d, indicatorId: input.arg });
      case 'save':
        return save(ctx, d);
      case 'abort':
        return done(text(t('coordinator:measure.aborted')), mainMenu(t, ctx.person));
      default:
        return pick(ctx, {});
    }
  },
};
