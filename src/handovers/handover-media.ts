/**
 * A resident's voice message, photo or document becomes a request to staff, the same handover as
 * "talk to a person": checked for consent (the media is personal data), limited in size and type,
 * and stored as the channel's file reference (Telegram's file_id), never as bytes. Staff open it
 * through a short-lived signed link (media-link.ts) that fetches it from the channel at click time.
 */
import type { Db } from '../database/database';
import type { HandoverService } from './handover-service';

export const MEDIA_KINDS = ['voice', 'photo', 'document'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** Telegram's bots may fetch files up to 20 MB; anything larger could never be opened. */
export const MAX_MEDIA_BYTES = 20 * 1024 * 1024;
/** Documents staff can open safely in a browser: PDFs and pictures (a letter photographed or scanned). */
export const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/heic', 'image/webp'];

/** Media as the channel adapter describes it after validating the update. */
export interface MediaInput {
  kind: MediaKind;
  fileId: string;
  fileSize?: number;
  mimeType?: string;
  /** The text written with a photo or document. */
  caption?: string;
}

/** Why media is refused; each is answered in the resident's language. */
export type MediaRefusal = 'consent_needed' | 'too_big' | 'type_not_allowed';

/** Whether media may be received at all (size and type); null when it may. */
export function checkMedia(m: MediaInput): Exclude<MediaRefusal, 'consent_needed'> | null {
  if (m.fileSize !== undefined && m.fileSize > MAX_MEDIA_BYTES) return 'too_big';
  if (m.kind === 'document' && !DOCUMENT_TYPES.includes(m.mimeType ?? '')) return 'type_not_allowed';
  return null;
}

export class HandoverMedia {
  constructor(
    private readonly db: Db,
    private readonly handovers: Pick<HandoverService, 'open'>,
  ) {}

  /**
   * Opens (or adds to) the person's handover request with the media; returns its id, or why not.
   * A request already open keeps its question and gets the newest media.
   */
  async receive(input: { personId: string; channel: string; language: string; media: MediaInput }): Promise<{ requestId: string } | { refused: MediaRefusal }> {
    const person = await this.db.person.findUnique({ where: { id: input.personId }, select: { consentAt: true, role: true } });
    if (!person?.consentAt && person?.role !== 'staff') return { refused: 'consent_needed' };
    const refusal = checkMedia(input.media);
    if (refusal) return { refused: refusal };
    const { id } = await this.handovers.open({
      personId: input.personId,
      channel: input.channel,
      language: input.language,
      question: input.media.caption?.trim() ?? '',
    });
    await this.db.handoverRequest.update({ where: { id }, data: { mediaKind: input.media.kind, mediaFileId: input.media.fileId } });
    return { requestId: id };
  }

  /** The media of an open request, for the link; null when there is none or the request is closed. */
  async mediaOf(requestId: string): Promise<{ kind: MediaKind; fileId: string } | null> {
    const r = await this.db.handoverRequest.findUnique({ where: { id: requestId }, select: { status: true, mediaKind: true, mediaFileId: true } });
    const kind = MEDIA_KINDS.find((k) => k === r?.mediaKind);
    return r && r.status === 'open' && kind && r.mediaFileId ? { kind, fileId: r.mediaFileId } : null;
  }
}
