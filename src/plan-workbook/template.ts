/**
 * The empty plan workbook a secretariat starts from: every sheet with its headers and one example
 * row (the example is itself a valid plan, so the template imports as it stands).
 */
import type ExcelJS from 'exceljs';
import { parsePlan } from '../plan-data/plan-loader';
import type { PlanFile } from '../plan-data/plan-file';
import { planToWorkbook } from './plan-to-workbook';

/** One example of every part of a plan. */
export const TEMPLATE_PLAN: PlanFile = parsePlan(
  {
    key: 'ny-helhedsplan-2026-30',
    name: 'Helhedsplan (eksempel) 2026-30',
    sources: ['Helhedsplanens ansøgning til Landsbyggefonden'],
    startDate: '2026-06-01',
    endDate: '2030-05-31',
    planYearStartMonth: 6,
    goals: ['Øget tryghed og trivsel'],
    housingAreas: [
      {
        key: 'eksempelparken',
        name: 'Eksempelparken',
        aliases: ['Parken'],
        streetRules: [{ street: 'Eksempelvej', parity: 'odd', from: 1, to: 31, source: 'Eksempelvej 1-31 (kun ulige numre)' }],
      },
    ],
    locations: [{ key: 'beboerhuset', name: 'Beboerhuset', address: 'Eksempelvej 5', housingArea: 'eksempelparken' }],
    focusAreas: [
      {
        key: 'tryghed-og-trivsel',
        name: 'Tryghed og trivsel',
        purpose: 'Flere beboere føler sig trygge og kender deres naboer.',
        goals: ['Flere deltager i fællesskaber i boligområdet'],
        budget: { total: 1_000_000, lbf: 750_000, note: 'Hele perioden' },
        indicators: [
          {
            key: 'klagesager',
            name: 'Klagesager',
            unit: 'sager',
            baseline: { value: 57, label: '2025: 57 klagesager' },
            target: { text: 'Færre klagesager end i 2025', value: 45 },
            dataSource: 'Boligorganisationens statistik',
            direction: 'lower',
            measurements: [{ date: '2026-12-31', value: 52, note: 'Årsopgørelse 2026' }],
          },
        ],
        activities: [
          {
            key: 'faellesspisning',
            name: 'Fællesspisning',
            aliases: ['spisning'],
            category: 'dinner',
            purpose: 'Naboer mødes over et måltid mad.',
            targetGroups: [{ label: 'Børnefamilier', minAge: 0, maxAge: 99 }],
            responsible: ['Boligsocial medarbejder'],
            partners: ['Frivillige beboere'],
            signupRequired: true,
            reminderHoursBefore: 24,
            priceAdults: 20,
            priceChildren: 0,
            summary: 'Aftensmad med dine naboer i Beboerhuset.',
            titles: { en: 'Communal dinner' },
            summaries: { en: 'Dinner with your neighbours at the community house.' },
            targets: [
              {
                key: 'antal',
                text: '20 fællesspisninger årligt, 80 i hele perioden',
                kind: 'event_count',
                perYear: 20,
                wholePeriod: 80,
                unit: 'fællesspisninger',
                dataSource: 'Egen leverance og måling',
                deliveryKind: 'event',
              },
            ],
          },
        ],
      },
    ],
    historicalDeliveries: [
      { activity: 'faellesspisning', date: '2026-12-31', kind: 'event', occurrences: 8, participants: 240, note: 'Fremdriftsrapport 2026' },
    ],
    glossary: {
      // An example row: the secretariat fills in the languages it has; the others show the Danish, marked.
      Børnefamilier: { ar: 'العائلات التي لديها أطفال', en: 'Families with children' },
    },
  },
  'template',
);

/** The template workbook. */
export function templateWorkbook(): ExcelJS.Workbook {
  return planToWorkbook(TEMPLATE_PLAN);
}
