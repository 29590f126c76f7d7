/**
 * Choices → an inline keyboard. Long labels get a row each so they are not cut off on a phone;
 * runs of short ones (numbers 1-6, "Ja"/"Nej") share rows, balanced so 6 buttons become 3 + 3
 * rather than 4 + 2. Labels are kept as given: Telegram lays out right-to-left text by itself.
 */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import { stripIsolates } from '../../src/i18n/i18n';
import type { Choice } from '../../src/conversation/replies';

/** Longest label (in characters) that still shares a row. */
export const SHORT_LABEL = 12;
/** Most short buttons on one row. */
export const PER_ROW = 4;
/** Telegram's limit on callback_data. */
const MAX_DATA_BYTES = 64;

// A label no longer in UTF-16 units than the limit is short without counting its characters.
const isShort = (label: string): boolean => label.length <= SHORT_LABEL || [...stripIsolates(label)].length <= SHORT_LABEL;

/** Splits `n` buttons into balanced rows of at most `perRow`. */
function balanced<T>(items: T[], perRow: number): T[][] {
  const rows = Math.ceil(items.length / perRow);
  const size = Math.ceil(items.length / rows);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The keyboard rows for a list of choices, in order. Choices whose action cannot fit are dropped. */
export function layoutKeyboard(choices: readonly Choice[], perRow = PER_ROW): InlineKeyboardButton[][] {
  const rows: InlineKeyboardButton[][] = [];
  let run: InlineKeyboardButton[] = [];
  const flush = (): void => {
    if (run.length) rows.push(...balanced(run, perRow));
    run = [];
  };
  for (const c of choices) {
    if (!c.action || Buffer.byteLength(c.action) > MAX_DATA_BYTES) continue;
    const button: InlineKeyboardButton = { text: c.label.trim() || c.action, callback_data: c.action };
    if (isShort(c.label)) {
      run.push(button);
    } else {
      flush();
      rows.push([button]);
    }
  }
  flush();
  return rows;
}

/** The reply_markup for choices. */
export function inlineKeyboard(choices: readonly Choice[]): InlineKeyboardMarkup {
  return { inline_keyboard: layoutKeyboard(choices) };
}
