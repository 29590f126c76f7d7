/**
 * What a turn's first statement reads beside the person (its conversation row, its reminder facts)
 * is used instead of reading again only while nothing has written over it: a save of the
 * conversation, a reminder stop or an erasure in between sends the reader back to the database.
 */
import { StateStore } from '../../src/conversation/state-store';
import { createTestContext, type TestContext } from '../support/test-context';
import { testProviders } from '../support/test-database';

for (const provider of testProviders()) {
  describe(`turn prefetch [${provider}]`, () => {
    let c: TestContext;

    beforeEach(async () => {
      c = await createTestContext(provider);
    });

    afterEach(async () => {
      await c.database.destroy();
    });

    const who = (externalId: string) => ({ channel: 'telegram' as const, externalId });

    test('the state a turn loads is the one its identify read, unless a save came in between', async () => {
      const store = new StateStore(c.database.db);
      const person = await c.services.people.identify(who('prefetch-1'));
      await store.save(person.id, 'telegram', { flow: 'signup', step: 'adults', data: { eventId: 'e1' } });
      // Read with the person, then written over by another turn of the same person: the load reads again.
      await c.services.people.identify(who('prefetch-1'));
      await new StateStore(c.database.db).save(person.id, 'telegram', { flow: 'signup', step: 'children', data: { eventId: 'e1' } });
      expect((await store.load(person.id, 'telegram')).step).toBe('children');
      // Read with the person and nothing written since: that row, used once.
      await c.services.people.identify(who('prefetch-1'));
      expect((await store.load(person.id, 'telegram')).step).toBe('children');
      await c.database.db.conversation.updateMany({ where: { personId: person.id }, data: { step: 'diet' } });
      expect((await store.load(person.id, 'telegram')).step).toBe('diet');
    });

    test('a reminder stop after the turn read the person is respected by the sign-up that follows', async () => {
      const eventId = await c.event();
      const person = await c.services.people.identify(who('prefetch-2'));
      await c.services.people.setConsent(person.id, true);
      await c.services.people.identify(who('prefetch-2'));
      await c.services.reminders.setOff(person.id, true);
      const { signUp } = await c.services.signUps.signUp({ eventId, personId: person.id, adults: 1 });
      expect(signUp.status).toBe('confirmed');
      expect(await c.database.db.outboxMessage.count({ where: { personId: person.id, kind: 'reminder' } })).toBe(0);
      // Without the stop, the same path plans the reminder on the person's one channel.
      const other = await c.services.people.identify(who('prefetch-3'));
      await c.services.people.identify(who('prefetch-3'));
      await c.services.signUps.signUp({ eventId, personId: other.id, adults: 1 });
      expect(await c.database.db.outboxMessage.findMany({ where: { personId: other.id, kind: 'reminder' } })).toEqual([
        expect.objectContaining({ channel: 'telegram', status: 'pending' }),
      ]);
    });

    test('a person with two channels gets the reminder on the preferred one, read under the lock', async () => {
      const eventId = await c.event();
      const person = await c.services.people.identify({ channel: 'teams', externalId: 'prefetch-4' });
      await c.database.db.channelIdentity.create({ data: { personId: person.id, channel: 'telegram', externalId: 'prefetch-4-tg' } });
      await c.services.people.identify({ channel: 'teams', externalId: 'prefetch-4' });
      await c.services.signUps.signUp({ eventId, personId: person.id, adults: 1 });
      expect(await c.database.db.outboxMessage.findMany({ where: { personId: person.id, kind: 'reminder' } })).toEqual([
        expect.objectContaining({ channel: 'telegram' }),
      ]);
    });
  });
}
