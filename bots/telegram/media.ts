/**
 * A voice message, photo or document from a resident: validated here (Telegram's file_id, size,
 * type), then handed to the core as a handover request (src/handovers/handover-media.ts); the
 * resident is answered in their language that a person will answer, or why it cannot be taken.
 */
import type { Context } from 'grammy';
import type { Message } from 'grammy/types';
import { z } from 'zod';
import { choice, choices, text } from '../../src/conversation/replies';
import type { MediaInput } from '../../src/handovers/handover-media';
import { directionOf } from '../../src/i18n/i18n';
import type { Logger } from '../../src/logging/logger';
import type { Nabo } from '../composition';
import { deliver } from './deliver';
import { renderBatch } from './render';

const fileId = z.string().min(1).max(200);
const size = z.number().int().nonnegative().optional();
// Built once: a zod schema costs more to build than to use.
const typedFile = z.object({ file_id: fileId, file_size: size, mime_type: z.string().max(100).optional() });
const photoSize = z.object({ file_id: fileId, file_size: size });

/** The media of a message as the core takes it; null when the message carries none we accept or is malformed. */
export function mediaOf(message: Pick<Message, 'voice' | 'photo' | 'document' | 'caption'>): MediaInput | null {
  const caption = message.caption?.slice(0, 1000);
  if (message.voice) {
    const v = typedFile.safeParse(message.voice);
    return v.success ? { kind: 'voice', fileId: v.data.file_id, fileSize: v.data.file_size, mimeType: v.data.mime_type, caption } : null;
  }
  if (message.photo?.length) {
    // Telegram sends several sizes, smallest first: the largest is the one to read a letter from.
    const p = photoSize.safeParse(message.photo[message.photo.length - 1]);
    return p.success ? { kind: 'photo', fileId: p.data.file_id, fileSize: p.data.file_size, mimeType: 'image/jpeg', caption } : null;
  }
  if (message.document) {
    const d = typedFile.safeParse(message.document);
    return d.success ? { kind: 'document', fileId: d.data.file_id, fileSize: d.data.file_size, mimeType: d.data.mime_type, caption } : null;
  }
  return null;
}

/** Receives the media of `ctx` as a handover request and answers the resident. */
export async function receiveMedia(
  ctx: Context & { message: Message; from: NonNullable<Context['from']> },
  deps: { nabo: Pick<Nabo, 'services' | 'translations'>; logger: Logger },
  media: MediaInput,
): Promise<void> {
  const { services, translations } = deps.nabo;
  const chatId = ctx.chat?.id ?? ctx.from.id;
  const person = await services.people.identify({ channel: 'telegram', externalId: String(ctx.from.id), address: String(chatId) });
  const result = await services.handoverMedia.receive({ personId: person.id, channel: 'telegram', language: person.language, media });
  const t = translations.translator(person.language);
  const reply =
    'requestId' in result
      ? text(t('broadcast:media.received'))
      : result.refused === 'consent_needed'
        ? choices(t('broadcast:media.consent_needed'), [
            choice(t('common:consent.yes'), 'welcome.consent'),
            choice(t('common:privacy.button'), 'welcome.privacy'),
          ])
        : text(t(`broadcast:media.${result.refused}`));
  deps.logger.info('telegram media received', { person: person.id, kind: media.kind, outcome: 'requestId' in result ? 'handover' : result.refused });
  await deliver(ctx.api, { chatId }, renderBatch({ language: person.language, direction: directionOf(person.language), replies: [reply] }), deps.logger);
}
