/**
 * The staff channel: where new handover requests and attendance reminders are posted. It is the
 * Teams channel Nabo was most recently added to (conversationUpdate with the bot among
 * membersAdded), or the one TEAMS_STAFF_CHANNEL names. It is kept as a ChannelIdentity (channel
 * 'teams', externalId 'staff-channel:<conversation id>', address = its conversation reference), so
 * it survives restarts and every instance finds it; the pseudonymous person row behind it holds no
 * personal data and keeps the default resident role, so it is granted nothing. Older staff
 * channels are marked blocked, so exactly one is live; removing Nabo from the channel blocks it.
 */
import type { Activity, ConversationReference } from 'botbuilder';
import type { Nabo } from '../../composition';
import type { Logger } from '../../../src/logging/logger';
import type { Clock } from '../../../src/time/clock';
import { addressOf, parseAddress } from './conversation-reference';

export const STAFF_CHANNEL_PREFIX = 'staff-channel:';
/** How long an instance trusts its cached reference before reading the database again. */
const CACHE_MS = 30_000;

/** A channel conversation id without the thread part ("19:…@thread.tacv2;messageid=…"). */
export const channelRoot = (conversationId: string): string => conversationId.split(';')[0] ?? conversationId;

export class StaffChannel {
  private cached: { reference: Partial<ConversationReference> | null; at: number } | null = null;

  constructor(private readonly deps: { nabo: Pick<Nabo, 'database' | 'services'>; pinned: string | undefined; clock: Clock; logger: Logger }) {}

  /** Remembers the channel of an install activity as the staff channel (unless another is pinned). */
  async remember(activity: Partial<Activity>): Promise<boolean> {
    const conversationId = activity.conversation?.id;
    if (!conversationId || activity.conversation?.conversationType !== 'channel') return false;
    const root = channelRoot(conversationId);
    const teamId = (activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;
    if (this.deps.pinned && this.deps.pinned !== root && this.deps.pinned !== teamId) return false;
    const address = addressOf({ ...activity, conversation: { ...activity.conversation, id: root } } as Partial<Activity>);
    if (!address) return false;
    const externalId = `${STAFF_CHANNEL_PREFIX}${root}`.slice(0, 128);
    await this.deps.nabo.services.people.identify({ channel: 'teams', externalId, address });
    await this.deps.nabo.database.db.channelIdentity.updateMany({
      where: { channel: 'teams', externalId: { startsWith: STAFF_CHANNEL_PREFIX, not: externalId }, blockedAt: null },
      data: { blockedAt: this.deps.clock.now() },
    });
    this.cached = { reference: parseAddress(address), at: Date.now() };
    this.deps.logger.info('teams staff channel set');
    return true;
  }

  /** Forgets the channel Nabo was removed from. */
  async forget(conversationId: string): Promise<void> {
    await this.deps.nabo.services.people.markBlocked('teams', `${STAFF_CHANNEL_PREFIX}${channelRoot(conversationId)}`.slice(0, 128));
    this.cached = null;
  }

  /** Drops the cached reference when `externalId` is a staff channel Teams says is gone. */
  forgetIfCached(externalId: string): void {
    if (externalId.startsWith(STAFF_CHANNEL_PREFIX)) this.cached = null;
  }

  /** The live staff channel's reference, or null when Nabo is in no channel yet. */
  async reference(): Promise<Partial<ConversationReference> | null> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.reference;
    const row = await this.deps.nabo.database.db.channelIdentity.findFirst({
      where: {
        channel: 'teams',
        blockedAt: null,
        externalId: this.deps.pinned ? `${STAFF_CHANNEL_PREFIX}${this.deps.pinned}` : { startsWith: STAFF_CHANNEL_PREFIX },
      },
      orderBy: { createdAt: 'desc' },
    });
    this.cached = { reference: parseAddress(row?.address), at: Date.now() };
    return this.cached.reference;
  }
}
