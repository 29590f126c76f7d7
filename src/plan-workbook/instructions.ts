/**
 * The "Vejledning" sheet: how to fill in the plan workbook. It documents the Danish file format
 * (sheet names, headers and choice words of layout.ts), so it is written in Danish next to that
 * format rather than translated; the import ignores this sheet.
 */
import type ExcelJS from 'exceljs';
import { CATEGORY_WORDS, COLUMNS, DELIVERY_KIND_WORDS, DIRECTION_WORDS, PARITY_WORDS, SHEETS, TARGET_KIND_WORDS, TEXT_FIELD_WORDS } from './layout';

const words = (v: Record<string, string>): string =>
  Object.values(v)
    .map((w) => `"${w}"`)
    .join(', ');

/** The instructions, one paragraph per row. */
export function instructionLines(): string[] {
  return [
    'Sådan udfylder I planen',
    `Hvert ark er én del af helhedsplanen. Første række er overskrifter; lad dem stå. Hver følgende række er én ting. Arket "${SHEETS.instructions}" læses ikke ved import.`,
    `Nøgler: hver ting har en nøgle med små bogstaver, tal og bindestreger (fx "faellesspisning"). ` +
      `Nøglen binder arkene sammen og må ikke ændres, når planen først er importeret: en ny nøgle er en ny ting, og en række, der slettes, fjernes ved import.`,
    'Lister (andre navne, ansvarlige roller, samarbejdspartnere, mål) skrives med ét punkt pr. linje i cellen (Alt+Enter i Excel).',
    'Datoer skrives som datoer (fx 2025-06-01 eller 1.6.2025). Tal må have komma som decimaltegn.',
    `"${SHEETS.plan}": ` +
      `planens nøgle, navn, start- og slutdato, den måned planåret starter i, ` +
      `eventuelt grænserne for "på sporet" og "i risiko" som andel af det forventede (begge eller ingen, fx 1 og 0,8), ` +
      `kilder (én pr. række) og overordnede mål (én pr. række).`,
    `"${SHEETS.focusAreas}": et indsatsområde pr. række, med formål, mål og budget. "${SHEETS.indicators}": ` +
      `områdets lokalt opstillede målinger med baseline, mål og datakilde. Retning: ${words(DIRECTION_WORDS)}. ` +
      `"${SHEETS.measurements}": tal, der hører til en indikator.`,
    `"${SHEETS.activities}": en aktivitet pr. række. ` +
      `En delaktivitet har sin hovedaktivitets nøgle i kolonnen "${COLUMNS.activities.parent.header}" og samme indsatsområde. ` +
      `Kategori: ${words(CATEGORY_WORDS)}. Tilmelding: "ja" eller "nej". ` +
      `"${COLUMNS.activities.reminderHoursBefore.header}": ` +
      `hvor mange timer før et arrangement der sendes en påmindelse (0 = ingen; tom = standard). Ansvarlig: ` +
      `kun rolletitler, aldrig navne eller telefonnumre. ` +
      `"${COLUMNS.activities.priceAdults.header}" og "${COLUMNS.activities.priceChildren.header}": ` +
      `hele kroner, 0 = gratis; lad cellen stå tom, når planen ikke siger noget om pris (så svarer Nabo, at en medarbejder ved det).`,
    `"${SHEETS.targetGroups}": aktivitetens målgrupper, gerne med alder fra og til.`,
    `"${SHEETS.targets}": succeskriterier. Type: ${words(TARGET_KIND_WORDS)}. ` +
      `"${COLUMNS.targets.perYear.header}" og "${COLUMNS.targets.wholePeriod.header}" er tal ≥ 0 (procenter skrives som 80). ` +
      `"${COLUMNS.targets.deliveryKind.header}": ` +
      `kun leverancer af denne type tæller (${words(DELIVERY_KIND_WORDS)}); tom betyder alle.`,
    `"${SHEETS.texts}": de tekster beboerne ser, en kolonne pr. sprog. ` +
      `Rækken "${TEXT_FIELD_WORDS.title}" er aktivitetens navn på sproget (tom dansk titel betyder, at navnet bruges); ` +
      `"${TEXT_FIELD_WORDS.summary}" er en kort beskrivelse. En beskrivelse på et sprog kræver også en titel på det sprog.`,
    `"${SHEETS.glossary}": ` +
      `planens øvrige danske tekster, som beboerne ser (målgrupper, ansvarlige roller, rådgivere og steder), med en oversættelse pr. ` +
      `sprog. Den danske tekst skal stå præcis som på de andre ark. ` +
      `En tekst uden oversættelse vises på dansk med mærket "(på dansk)"; et sted, der ikke står her, vises som sit navn.`,
    `"${SHEETS.housingAreas}" og "${SHEETS.streetRules}": ` +
      `boligområderne og hvilke husnumre på hvilke gader der hører til. Husnumre: ${words(PARITY_WORDS)}; ` +
      `"${COLUMNS.streetRules.from.header}" og "${COLUMNS.streetRules.to.header}" udfyldes begge eller ingen af dem.`,
    `"${SHEETS.locations}": steder, hvor aktiviteter foregår. Steder deles mellem planer og fjernes derfor aldrig ved import.`,
    `"${SHEETS.historicalDeliveries}": resultater fra tidligere årsrapporter (dato = sidste dag i perioden).`,
    'Import: ' +
      'npm run plan:import -- FIL.xlsx --dry-run viser, hvad der ville blive tilføjet, ændret og fjernet, uden at gemme. ' +
      'Uden --dry-run gemmes alt, men kun hvis hele projektmappen er i orden; ' +
      'ellers vises alle fejl med ark, række og kolonne. Registreringer (leverancer, tilmeldinger, målinger) bevares altid, og en aktivitet med registreringer kan ikke fjernes.',
  ];
}

/** Adds the instructions sheet as the workbook's first sheet. */
export function addInstructions(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet(SHEETS.instructions);
  sheet.getColumn(1).width = 120;
  for (const [i, line] of instructionLines().entries()) {
    const row = sheet.addRow([line]);
    row.alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) row.font = { bold: true, size: 14 };
  }
}
