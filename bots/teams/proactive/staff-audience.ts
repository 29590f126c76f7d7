/**
 * Who hears what Nabo announces to staff: the staff channel when there is one, otherwise each
 * staff member (staff, coordinators, admins) in their personal chat with Nabo, in their language.
 */
import type { ConversationReference } from 'botbuilder';
import type { Db } from '../../../src/database/database';
import { asLanguage } from '../../../src/people/people-service';
import type { Language } from '../../../src/plan-data/plan-file';
import { parseAddress } from './conversation-reference';
import { STAFF_CHANNEL_PREFIX, type StaffChannel } from './staff-channel';

/** One place to post to, and the language to post in. */
export interface Recipient {
  reference: Partial<ConversationReference>;
  language: Language;
  /** The channel identity (for marking it blocked when Teams says it is gone). */
  externalId: string;
}

/** Most people a fallback announcement goes to; a plan has a handful of staff. */
const MAX_PERSONAL = 200;

export async function staffRecipients(db: Db, staffChannel: StaffChannel): Promise<Recipient[]> {
  const channel = await staffChannel.reference();
  if (channel) return [{ reference: channel, language: 'da', externalId: `${STAFF_CHANNEL_PREFIX}${channel.conversation?.id ?? ''}` }];
  const rows = await db.channelIdentity.findMany({
    where: {
      channel: 'teams',
      blockedAt: null,
      address: { not: null },
      NOT: { externalId: { startsWith: STAFF_CHANNEL_PREFIX } },
      person: { role: { in: ['staff', 'coordinator', 'admin'] }, erasedAt: null },
    },
    include: { person: { select: { language: true } } },
    take: MAX_PERSONAL,
  });
  return rows.flatMap((r) => {
    const reference = parseAddress(r.address);
    return reference ? [{ reference, language: asLanguage(r.person.language), externalId: r.externalId }] : [];
  });
}
