/**
 * The cards Nabo posts on its own initiative: a new handover request (with a reply field that
 * answers it in one step) and the reminder to take attendance after an event.
 */
import type { Activity } from 'botbuilder';
import { LANGUAGE_NAMES, directionOf, isolate, sharedTranslations } from '../../../src/i18n/i18n';
import { formatTime } from '../../../src/i18n/format';
import { BANK_REPLIES } from '../../../src/handovers/reply-bank';
import { asLanguage } from '../../../src/people/people-service';
import type { Language } from '../../../src/plan-data/plan-file';
import { adaptiveCard, textBlock, type AdaptiveCard } from './adaptive-card';
import { cardAttachment } from './render-batch';

/** The input a staff member types the answer into; sent as the text the handover flow waits for. */
export const ANSWER_INPUT = 'answer';

const message = (card: AdaptiveCard, summary: string): Partial<Activity> => ({ type: 'message', summary, attachments: [cardAttachment(card)] });

/**
 * "New request from a resident": who, in which language (named in the staff member's language and
 * in its own), the question, a reply field, and the bank of ready answers sent in the resident's
 * language.
 */
export function handoverCard(
  h: { id: string; firstName: string | null; language: string; question: string | null },
  language: Language,
  mediaUrl?: string,
): Partial<Activity> {
  const t = sharedTranslations().translator(language);
  const card = adaptiveCard(
    [
      textBlock(t('channel:handover.title'), { weight: 'bolder', size: 'medium' }),
      textBlock(
        `${isolate(h.firstName ?? '—')} · ${t('handover:staff.written_in', { language: t(`handover:language_name.${asLanguage(h.language)}`) })} (${LANGUAGE_NAMES[asLanguage(h.language)]})`,
        { isSubtle: true, spacing: 'none' },
      ),
      textBlock(h.question ?? '—'),
      // A voice message or photo: a short-lived signed link that fetches it from Telegram (bots/telegram/media-route.ts).
      ...(mediaUrl
        ? [{ type: 'ActionSet' as const, actions: [{ type: 'Action.OpenUrl' as const, title: t('channel:handover.open_media'), url: mediaUrl }] }]
        : []),
      {
        type: 'Input.Text',
        id: ANSWER_INPUT,
        label: t('channel:handover.replyLabel'),
        isMultiline: true,
        isRequired: true,
        errorMessage: t('channel:card.required'),
        maxLength: 1000,
      },
      {
        type: 'ActionSet',
        actions: [
          {
            type: 'Action.Submit',
            title: t('channel:handover.send'),
            style: 'positive',
            data: { action: `handovers.answer|${h.id}`, followText: ANSWER_INPUT },
          },
          { type: 'Action.Submit', title: t('channel:handover.all'), associatedInputs: 'none', data: { action: 'handovers.list' } },
        ],
      },
      textBlock(t('handover:staff.bank_prompt', { language: t(`handover:language_name.${asLanguage(h.language)}`) }), { isSubtle: true }),
      {
        type: 'ActionSet',
        actions: BANK_REPLIES.map((k) => ({
          type: 'Action.Submit' as const,
          title: t(`handover:staff.bank_${k}`),
          associatedInputs: 'none' as const,
          data: { action: `handovers.bank|${h.id}:${k}` },
        })),
      },
    ],
    { rtl: directionOf(language) === 'rtl', fallbackText: t('channel:handover.title') },
  );
  return message(card, t('channel:handover.title'));
}

/** "<event> ended at 19:30. Remember to take attendance." with the button that opens the form. */
export function attendanceReminderCard(e: { id: string; title: string; endsAt: Date }, language: Language): Partial<Activity> {
  const t = sharedTranslations().translator(language);
  const line = t('channel:attendance.reminder', { title: e.title, time: formatTime(e.endsAt, language) });
  const card = adaptiveCard(
    [
      textBlock(line),
      {
        type: 'ActionSet',
        actions: [{ type: 'Action.Submit', title: t('channel:attendance.button'), style: 'positive', data: { action: `attendance.event|${e.id}` } }],
      },
    ],
    { rtl: directionOf(language) === 'rtl', fallbackText: line },
  );
  return message(card, line);
}
