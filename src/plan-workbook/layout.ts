/**
 * The plan workbook's layout: sheet names, column headers and the Danish words used for fixed
 * choices. Export, template and import all read this one description, so they cannot drift apart.
 * The workbook is a Danish document for the secretariat; these words are its file format.
 */
import type { CATEGORIES, DELIVERY_KINDS, TARGET_KINDS } from '../plan-data/plan-file';
import { LANGUAGES, type Language } from '../plan-data/plan-file';

/** Sheet names, in the order they appear in the workbook. */
export const SHEETS = {
  instructions: 'Vejledning',
  plan: 'Plan',
  focusAreas: 'Indsatsområder',
  indicators: 'Indikatorer',
  measurements: 'Målinger',
  activities: 'Aktiviteter',
  targetGroups: 'Målgrupper',
  targets: 'Succeskriterier',
  texts: 'Tekster',
  glossary: 'Ordliste',
  housingAreas: 'Boligområder',
  streetRules: 'Gaderegler',
  locations: 'Steder',
  historicalDeliveries: 'Historiske leverancer',
} as const;
export type SheetId = keyof typeof SHEETS;

/**
 * One column: its header (the file format) and its width in Excel characters. An optional column
 * may be left out of a workbook altogether (one made before the column existed still imports).
 */
export interface Column {
  header: string;
  width: number;
  optional?: boolean;
}
const col = (header: string, width = 18, optional = false): Column => ({ header, width, ...(optional ? { optional } : {}) });

/** Danish names of the languages, for the text sheet's headers. */
export const LANGUAGE_HEADERS: Record<Language, string> = {
  da: 'Dansk (da)',
  ar: 'Arabisk (ar)',
  en: 'Engelsk (en)',
  so: 'Somali (so)',
  tr: 'Tyrkisk (tr)',
  uk: 'Ukrainsk (uk)',
  fa: 'Dari/persisk (fa)',
  ckb: 'Kurdisk sorani (ckb)',
};

/** The columns of every table sheet (the Plan sheet is a two-column form, see PLAN_FIELDS). */
export const COLUMNS = {
  plan: { field: col('Felt', 28), value: col('Værdi', 90) },
  focusAreas: {
    key: col('Nøgle', 26),
    name: col('Navn', 34),
    purpose: col('Formål', 60),
    goals: col('Mål (ét pr. linje)', 60),
    budgetTotal: col('Budget i alt (kr.)', 16),
    budgetLbf: col('Heraf LBF (kr.)', 16),
    budgetNote: col('Budgetnote', 40),
  },
  indicators: {
    focusArea: col('Indsatsområde', 26),
    key: col('Nøgle', 26),
    name: col('Navn', 34),
    unit: col('Enhed', 12),
    baselineValue: col('Baseline', 12),
    baselineLabel: col('Baseline-tekst', 40),
    targetText: col('Mål', 50),
    targetValue: col('Mål (tal)', 12),
    dataSource: col('Datakilde', 30),
    direction: col('Retning', 20),
  },
  measurements: {
    focusArea: col('Indsatsområde', 26),
    indicator: col('Indikator', 26),
    date: col('Dato', 12),
    value: col('Værdi', 12),
    note: col('Note', 60),
  },
  activities: {
    focusArea: col('Indsatsområde', 26),
    key: col('Nøgle', 28),
    parent: col('Hovedaktivitet', 28),
    name: col('Navn', 36),
    category: col('Kategori', 26),
    purpose: col('Formål', 60),
    aliases: col('Andre navne (ét pr. linje)', 30),
    responsible: col('Ansvarlig rolle (én pr. linje)', 30),
    partners: col('Samarbejdspartnere (én pr. linje)', 30),
    signupRequired: col('Tilmelding', 12),
    reminderHoursBefore: col('Påmindelse (timer før)', 14, true),
    priceAdults: col('Pris pr. voksen (kr.)', 14, true),
    priceChildren: col('Pris pr. barn (kr.)', 14, true),
  },
  targetGroups: {
    activity: col('Aktivitet', 28),
    label: col('Målgruppe', 50),
    minAge: col('Alder fra', 10),
    maxAge: col('Alder til', 10),
  },
  targets: {
    activity: col('Aktivitet', 28),
    key: col('Nøgle', 24),
    text: col('Succeskriterium', 60),
    kind: col('Type', 26),
    perYear: col('Pr. år', 10),
    wholePeriod: col('Hele perioden', 14),
    unit: col('Enhed', 18),
    dataSource: col('Datakilde', 30),
    deliveryKind: col('Tæller med', 18),
  },
  texts: {
    activity: col('Aktivitet', 28),
    field: col('Tekst', 14),
    ...(Object.fromEntries(LANGUAGES.map((l) => [l, col(LANGUAGE_HEADERS[l], 40)])) as Record<Language, Column>),
  },
  glossary: Object.fromEntries(LANGUAGES.map((l) => [l, col(LANGUAGE_HEADERS[l], l === 'da' ? 50 : 40)])) as Record<Language, Column>,
  housingAreas: {
    key: col('Nøgle', 24),
    name: col('Navn', 34),
    aliases: col('Andre navne (ét pr. linje)', 34),
  },
  streetRules: {
    housingArea: col('Boligområde', 24),
    street: col('Gade', 24),
    parity: col('Husnumre', 12),
    from: col('Fra nr.', 10),
    to: col('Til nr.', 10),
    source: col('Kilde', 60),
  },
  locations: {
    key: col('Nøgle', 24),
    name: col('Navn', 34),
    address: col('Adresse', 40),
    housingArea: col('Boligområde', 24),
  },
  historicalDeliveries: {
    activity: col('Aktivitet', 28),
    date: col('Dato', 12),
    kind: col('Type', 16),
    occurrences: col('Antal gange', 12),
    participants: col('Deltagere', 12),
    newParticipants: col('Nye deltagere', 14),
    volunteers: col('Frivillige', 12),
    completed: col('Gennemførte', 12),
    note: col('Note', 60),
  },
} as const satisfies Record<Exclude<SheetId, 'instructions'>, Record<string, Column>>;

/** Row labels of the Plan sheet; "Kilde" and "Overordnet mål" may repeat, one row each. */
export const PLAN_FIELDS = {
  key: 'Nøgle',
  name: 'Navn',
  startDate: 'Startdato',
  endDate: 'Slutdato',
  planYearStartMonth: 'Planåret starter i måned',
  onTrack: 'På sporet fra (andel af forventet)',
  atRisk: 'I risiko fra (andel af forventet)',
  source: 'Kilde',
  goal: 'Overordnet mål',
} as const;

/** A fixed choice: the code stored in the plan and the Danish word shown in the workbook. */
export type Vocabulary<T extends string> = Record<T, string>;

export const CATEGORY_WORDS: Vocabulary<(typeof CATEGORIES)[number]> = {
  dinner: 'fællesspisning',
  counselling: 'rådgivning',
  children: 'børn',
  youth: 'unge',
  parents: 'forældre',
  adults: 'voksne',
  community: 'fællesskab',
  'education-employment': 'uddannelse og beskæftigelse',
  'crime-prevention': 'kriminalpræventivt',
  network: 'netværk',
};

export const TARGET_KIND_WORDS: Vocabulary<(typeof TARGET_KINDS)[number]> = {
  event_count: 'antal gange',
  unique_participants: 'unikke deltagere',
  average_attendance: 'gennemsnitligt fremmøde',
  share_completing: 'andel der gennemfører',
  share_satisfied: 'andel tilfredse',
  level_maintained: 'niveau der holdes',
  qualitative: 'kvalitativt',
};

export const DELIVERY_KIND_WORDS: Vocabulary<(typeof DELIVERY_KINDS)[number]> = {
  event: 'arrangement',
  course: 'forløb',
  session: 'mødegang',
  contact: 'henvendelse',
  level: 'niveau',
};

export const PARITY_WORDS: Vocabulary<'all' | 'odd' | 'even'> = { all: 'alle', odd: 'ulige', even: 'lige' };
export const DIRECTION_WORDS: Vocabulary<'lower' | 'higher'> = { lower: 'lavere er bedre', higher: 'højere er bedre' };
export const YES_NO_WORDS: Vocabulary<'yes' | 'no'> = { yes: 'ja', no: 'nej' };
export const TEXT_FIELD_WORDS: Vocabulary<'title' | 'summary'> = { title: 'Titel', summary: 'Beskrivelse' };
