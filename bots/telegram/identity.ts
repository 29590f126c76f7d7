/**
 * Who a Telegram user is in Nabo, read only: for the pseudonymous id in error logs and the stored
 * language of messages the adapter writes itself (slow down, apology). The engine alone creates
 * people.
 */
import type { Db } from '../../src/database/database';
import { ourLanguage } from '../../src/conversation/engine';
import { asLanguage } from '../../src/people/people-service';
import type { Language } from '../../src/plan-data/plan-file';

/** The person behind a Telegram user id, if Nabo knows them. */
export async function personOf(db: Db, telegramUserId: number): Promise<{ id: string; language: Language } | null> {
  const identity = await db.channelIdentity.findUnique({
    where: { channel_externalId: { channel: 'telegram', externalId: String(telegramUserId) } },
    select: { person: { select: { id: true, language: true } } },
  });
  return identity ? { id: identity.person.id, language: asLanguage(identity.person.language) } : null;
}

/** The language to write in: the stored choice, else the Telegram client's, else Danish (as the engine does). */
export async function languageOf(db: Db, telegramUserId: number, clientLanguage: string | undefined): Promise<Language> {
  try {
    const person = await personOf(db, telegramUserId);
    if (person) return person.language;
  } catch {
    // The database being down must not stop us from saying something.
  }
  return ourLanguage(clientLanguage) ?? 'da';
}
