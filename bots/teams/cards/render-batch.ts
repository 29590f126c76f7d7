/**
 * Neutral replies → Teams messages. A batch becomes one Adaptive Card (texts, buttons, forms and
 * tables in the order the flow gave them), split into several only when it would pass Teams' card
 * size limit; files travel as attachments. Right-to-left languages get `rtl: true`.
 */
import type { Activity, Attachment } from 'botbuilder';
import type { Download, Reply } from '../../../src/conversation/replies';
import { stripIsolates } from '../../../src/i18n/i18n';
import type { CardTexts } from '../card-texts';
import { ADAPTIVE_CARD_CONTENT_TYPE, adaptiveCard, textBlock, type AdaptiveCard, type ActionSet, type CardElement } from './adaptive-card';
import { formElements } from './form-elements';
import { isProgressTable, tableElements } from './table-elements';

/** Teams refuses cards above ~28 KB; keep a margin for the activity around it. */
export const MAX_CARD_BYTES = 22_000;
/** Buttons per row: Teams shows few side by side, and long labels wrap badly. */
export const BUTTONS_PER_ROW = 3;

/** What the renderer needs besides the replies. */
export interface RenderContext {
  texts: CardTexts;
  rtl: boolean;
  /** A fresh signed dashboard link, offered under progress tables (coordinators only). */
  dashboardUrl?: string;
  /** A fresh signed download link for a file reply's `download` (coordinators only); such a file is a button, not an attachment. */
  downloadUrl?: (d: Download) => string;
}

/** Whether a file reply goes out as a signed download link rather than as an attachment. */
export const asLink = (r: Reply, ctx: Pick<RenderContext, 'downloadUrl'>): boolean =>
  r.kind === 'file' && r.download !== undefined && ctx.downloadUrl !== undefined;

function textElements(text: string): CardElement[] {
  // One TextBlock per line: a card's markdown does not keep single line breaks everywhere.
  return text.split('\n').map((line, i) => textBlock(line.trim() === '' ? ' ' : line, i === 0 ? {} : { spacing: 'none' }));
}

function buttonRows(actions: ActionSet['actions']): ActionSet[] {
  const rows: ActionSet[] = [];
  for (let i = 0; i < actions.length; i += BUTTONS_PER_ROW) rows.push({ type: 'ActionSet', actions: actions.slice(i, i + BUTTONS_PER_ROW) });
  return rows;
}

/** The card elements of one reply, as groups that may go to different cards if needed. */
export function replyBlocks(reply: Reply, ctx: RenderContext): CardElement[][] {
  switch (reply.kind) {
    case 'text':
      return [textElements(reply.text)];
    case 'choices':
      return [
        [
          ...textElements(reply.text),
          ...buttonRows(reply.choices.map((c) => ({ type: 'Action.Submit' as const, title: c.label, data: { action: c.action } }))),
        ],
      ];
    case 'form':
      return [formElements(reply, ctx.texts)];
    case 'table': {
      const [title, ...tables] = tableElements(reply);
      const blocks: CardElement[][] = tables.map((t, i) => (i === 0 && title ? [title, t] : [t]));
      if (isProgressTable(reply) && ctx.dashboardUrl)
        blocks.push([{ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: ctx.texts.openDashboard, url: ctx.dashboardUrl }] }]);
      return blocks;
    }
    case 'file':
      if (reply.download && ctx.downloadUrl)
        return [
          [
            ...textElements(reply.download.caption),
            { type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: reply.download.label, url: ctx.downloadUrl(reply.download) }] },
          ],
        ];
      return reply.caption ? [textElements(reply.caption)] : [];
  }
}

/** A plain-text digest of the replies: the card's fallback and the notification preview. */
export function summaryOf(replies: readonly Reply[]): string {
  const first = replies.find((r) => r.kind !== 'file');
  const raw = !first ? '' : first.kind === 'table' ? first.title : first.text;
  return stripIsolates(raw).split('\n')[0]?.slice(0, 200) ?? '';
}

const wide = (elements: readonly CardElement[]): boolean => elements.some((e) => e.type === 'Table');
const bytes = (elements: readonly CardElement[]): number => Buffer.byteLength(JSON.stringify(elements));
/** bytes() of a list whose elements' own sizes add up to `elementBytes`. */
const sizeOf = (elementBytes: number, count: number): number => 2 + elementBytes + Math.max(0, count - 1);

/** All replies in one card (for updating a card in place); undefined when it would be too big. */
export function renderOneCard(replies: readonly Reply[], ctx: RenderContext): AdaptiveCard | undefined {
  const body = replies.flatMap((r) => replyBlocks(r, ctx).flat());
  if (body.length === 0 || bytes(body) > MAX_CARD_BYTES) return undefined;
  return adaptiveCard(body, { rtl: ctx.rtl, fallbackText: summaryOf(replies), wide: wide(body) });
}

/** The cards for a batch: blocks packed in order, a new card when the next would overflow. */
export function renderCards(replies: readonly Reply[], ctx: RenderContext): AdaptiveCard[] {
  const bodies: CardElement[][] = [];
  let current: CardElement[] = [];
  // The size of `current` as JSON, kept as its elements' sizes and count: serialising the growing card
  // again for every block made a long table quadratic. Exactly bytes(current): "[" + elements joined by "," + "]".
  let currentElementBytes = 0;
  for (const block of replies.flatMap((r) => replyBlocks(r, ctx))) {
    const blockElementBytes = block.reduce((sum, element) => sum + bytes([element]) - 2, 0);
    if (current.length > 0 && sizeOf(currentElementBytes, current.length) + sizeOf(blockElementBytes, block.length) > MAX_CARD_BYTES) {
      bodies.push(current);
      current = [];
      currentElementBytes = 0;
    }
    current.push(...block);
    currentElementBytes += blockElementBytes;
  }
  if (current.length) bodies.push(current);
  const summary = summaryOf(replies);
  return bodies.map((body) => adaptiveCard(body, { rtl: ctx.rtl, fallbackText: summary, wide: wide(body) }));
}

/** A card as a Bot Framework attachment. */
export const cardAttachment = (card: AdaptiveCard): Attachment => ({ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card });

/** The message activities for a batch: its cards, then its files. */
export function renderMessages(replies: readonly Reply[], ctx: RenderContext): Partial<Activity>[] {
  const summary = summaryOf(replies);
  const cards = renderCards(replies, ctx).map((card): Partial<Activity> => ({ type: 'message', summary, attachments: [cardAttachment(card)] }));
  const files = replies.flatMap((r): Partial<Activity>[] =>
    r.kind === 'file' && !asLink(r, ctx)
      ? [
          {
            type: 'message',
            summary: r.fileName,
            attachments: [
              { contentType: r.mimeType, name: r.fileName, contentUrl: `data:${r.mimeType};base64,${Buffer.from(r.content, 'utf8').toString('base64')}` },
            ],
          },
        ]
      : [],
  );
  return [...cards, ...files];
}
