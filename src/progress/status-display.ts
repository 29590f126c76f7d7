/**
 * How a status looks wherever it is shown (chat, Teams cards, the dashboard, the workbook): the
 * same word (locales: coordinator:status.*), a symbol so it reads without colour (print in black
 * and white, colour blindness), and one colour per status, so "på sporet" is never the green of
 * "nået". Shared by the core and the adapters; it imports nothing.
 */
import type { ProgressStatus } from './target-evaluation';

/** A symbol per status: a tick, an arrow, a warning sign, a cross, a dash. */
export const STATUS_SYMBOL: Record<ProgressStatus, string> = {
  achieved: '✔',
  on_track: '➜',
  at_risk: '⚠',
  behind: '✖',
  not_computable: '–',
};

/** One colour per status (RGB hex without '#'): green, blue, amber, red, grey. */
export const STATUS_COLOUR: Record<ProgressStatus, string> = {
  achieved: '237B4B',
  on_track: '0F6CBD',
  at_risk: 'B7791F',
  behind: 'C4314B',
  not_computable: '8A8886',
};

/** A light fill of the same colour, for cells that carry the status word (the workbook). */
export const STATUS_FILL: Record<ProgressStatus, string> = {
  achieved: 'C6EFCE',
  on_track: 'DDEBF7',
  at_risk: 'FFEB9C',
  behind: 'FFC7CE',
  not_computable: 'EDEDED',
};

/** "✔ nået": the symbol and the word, the way every channel writes a status. */
export function statusLabel(word: string, status: ProgressStatus): string {
  return `${STATUS_SYMBOL[status]} ${word}`;
}
