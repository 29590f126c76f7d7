/** Tells staff about new "talk to a person" requests, once each ("teams:handover:<id>"). */
import type { HandoverService } from '../../../src/handovers/handover-service';
import { handoverCard } from '../cards/proactive-cards';
import { announceOnce, type AnnouncerDeps } from './staff-announcer';

export const handoverKey = (id: string): string => `teams:handover:${id}`;

export async function announceHandovers(
  deps: AnnouncerDeps & { handovers: Pick<HandoverService, 'openRequests'>; mediaLink?: (requestId: string) => string },
): Promise<number> {
  const open = await deps.handovers.openRequests(50);
  return announceOnce(
    deps,
    open.map((h) => ({
      key: handoverKey(h.id),
      build: (language) => handoverCard(h, language, h.mediaKind && deps.mediaLink ? deps.mediaLink(h.id) : undefined),
    })),
  );
}
