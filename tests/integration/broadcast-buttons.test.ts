/**
 * Broadcast buttons and templates on real databases (SQLite, and PostgreSQL with npm run
 * test:pg): presses count once per person and button even when pressed at the same moment;
 * withdrawn, unknown and buttonless presses are refused; buttons must point at something real;
 * the recipients' payloads carry the buttons as actions within Telegram's 64 bytes; templates
 * save, replace by name and are found by a typed name; erasure removes a person's presses. In the
 * chat, Tilmeld on an activity offers its coming events, Læs mere shows the activity, and Tilmeld
 * on an event that is over says so.
 */
import { pressAction, parsePress, readButtons } from '../../src/broadcasts/broadcast-buttons';
import { isDomainError } from '../../src/errors/domain-error';
import { sharedTranslations, stripIsolates } from '../../src/i18n/i18n';
import { Chat, engineFor } from '../support/chat';
import { describeEachDatabase, type TestContext } from '../support/test-context';

async function dinnerResidents(c: TestContext, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = await c.person(`R${i}`);
    await c.services.topics.setTopics(id, ['dinner']);
    ids.push(id);
  }
  return ids;
}

const refusal = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return 'accepted';
  } catch (err) {
    if (isDomainError(err)) return err.code;
    throw err;
  }
};

describeEachDatabase('broadcast buttons and templates', (ctx) => {
  test('presses count once per person and button, also at the same moment; withdrawn and unknown presses are refused', async () => {
    const c = ctx();
    const db = c.database.db;
    const [a, b] = await dinnerResidents(c, 2);
    const staff = await c.person('Mette', 'staff');
    const eventId = await c.event();
    const sent = await c.services.broadcasts.send({
      createdById: staff,
      texts: { da: 'Fællesspisning på torsdag.' },
      audience: { topic: 'dinner' },
      buttons: [
        { kind: 'signup', eventId },
        { kind: 'more', eventId },
      ],
    });
    const rows = await db.outboxMessage.findMany({ where: { refId: { startsWith: `broadcast:${sent.id}:` } } });
    expect(rows.length).toBe(sent.recipients);
    for (const r of rows) {
      const choices = (JSON.parse(r.payload) as { choices: { key: string; action: string }[] }).choices;
      expect(choices).toEqual([
        { key: 'broadcast:button.signup', action: `bcast.signup|${sent.id}` },
        { key: 'broadcast:button.more', action: `bcast.more|${sent.id}` },
      ]);
      for (const ch of choices) expect(Buffer.byteLength(ch.action)).toBeLessThanOrEqual(64);
    }

    await Promise.all(Array.from({ length: 6 }, () => c.services.broadcasts.press(a!, sent.id, 'signup')));
    await c.services.broadcasts.press(a!, sent.id, 'more');
    await c.services.broadcasts.press(b!, sent.id, 'more');
    expect(await db.broadcastPress.count({ where: { broadcastId: sent.id } })).toBe(3);
    expect((await c.services.broadcasts.report(sent.id)).presses).toEqual({ signup: 1, more: 2, people: 2 });

    expect(await refusal(c.services.broadcasts.press(a!, 'nosuchbroadcast', 'more'))).toBe('broadcast.not_found');
    const plain = await c.services.broadcasts.send({ createdById: staff, texts: { da: 'Uden knapper.' }, audience: { topic: 'dinner' } });
    expect(await refusal(c.services.broadcasts.press(a!, plain.id, 'signup'))).toBe('broadcast.not_found');
    await c.services.broadcasts.withdraw(sent.id);
    expect(await refusal(c.services.broadcasts.press(b!, sent.id, 'signup'))).toBe('broadcast.withdrawn');
    expect(await db.broadcastPress.count({ where: { broadcastId: sent.id } })).toBe(3);

    // Erasure takes the person's presses with it; the others' stay.
    await c.services.people.erase(a!);
    expect(await db.broadcastPress.count({ where: { personId: a! } })).toBe(0);
    expect(await db.broadcastPress.count({ where: { broadcastId: sent.id } })).toBe(1);
  });

  test('buttons must point at an event or activity that exists; Tilmeld only where one signs up; actions fit and parse back', async () => {
    const c = ctx();
    const staff = await c.person('Mette', 'staff');
    const send = (buttons: Parameters<typeof c.services.broadcasts.send>[0]['buttons']) =>
      refusal(c.services.broadcasts.send({ createdById: staff, texts: { da: 'Hej' }, audience: { topic: 'dinner' }, buttons }));
    expect(await send([{ kind: 'signup', eventId: 'nosuchevent' }])).toBe('broadcast.button_target');
    expect(await send([{ kind: 'more' }])).toBe('broadcast.button_target');
    const eventId = await c.event();
    expect(
      await send([
        { kind: 'more', eventId },
        { kind: 'more', eventId },
      ]),
    ).toBe('broadcast.button_target');
    const noSignup = await c.database.db.activity.findFirstOrThrow({ where: { planId: c.planId, signupRequired: false } });
    expect(await send([{ kind: 'signup', activityId: noSignup.id }])).toBe('broadcast.button_target');
    expect(await send([{ kind: 'more', activityId: noSignup.id }])).toBe('accepted');

    const uuid = '123e4567-e89b-12d3-a456-426614174000';
    expect(Buffer.byteLength(pressAction('signup', uuid))).toBeLessThanOrEqual(64);
    expect(parsePress('signup', uuid)).toEqual({ kind: 'signup', broadcastId: uuid });
    expect(parsePress('delete', uuid)).toBeNull();
    expect(parsePress('more', '../x')).toBeNull();
    expect(() => pressAction('more', 'x'.repeat(60))).toThrow();
    expect(readButtons('not json')).toEqual([]);
    expect(readButtons('[{"kind":"more"},{"kind":"hack","eventId":"e"},{"kind":"more","eventId":"e1"}]')).toEqual([{ kind: 'more', eventId: 'e1' }]);
  });

  test('templates save texts, topic and buttons, replace by name, and are found by a typed name', async () => {
    const c = ctx();
    const staff = await c.person('Mette', 'staff');
    const templates = c.services.broadcasts.templates;
    const eventId = await c.event();
    const activityId = await c.activityId('faellesspisning');
    const saved = await templates.save({
      name: '  fællesspisning-påmindelse ',
      texts: { da: 'Husk fællesspisning!', ar: 'تذكير بالعشاء!', xx: 'dropped' },
      topic: 'dinner',
      buttons: [{ kind: 'signup', eventId }],
      createdById: staff,
    });
    expect(saved).toMatchObject({ name: 'fællesspisning-påmindelse', topic: 'dinner', texts: { da: 'Husk fællesspisning!', ar: 'تذكير بالعشاء!' } });
    // The event's button is kept as its activity's: next time it is another dinner.
    expect(saved.buttons).toEqual([{ kind: 'signup', activityId }]);
    await templates.save({ name: 'fællesspisning-påmindelse', texts: { da: 'Ny tekst' }, topic: 'dinner', createdById: staff });
    expect(await templates.list()).toHaveLength(1);
    expect((await templates.get(saved.id)).texts).toEqual({ da: 'Ny tekst' });
    expect((await templates.find('Fællesspisning påmindelse'))?.id).toBe(saved.id);
    expect((await templates.find('påmindelse'))?.id).toBe(saved.id);
    expect(await templates.find('lektiehjælp')).toBeNull();
    expect(await refusal(templates.save({ name: ' ', texts: { da: 'x' }, createdById: staff }))).toBe('broadcast.template_name');
    expect(await refusal(templates.save({ name: 'tom', texts: { ar: 'x' }, createdById: staff }))).toBe('broadcast.text_invalid');
    expect(await refusal(templates.get('nosuchtemplate'))).toBe('broadcast.template_not_found');
  });

  test('in the chat: Tilmeld on an activity offers its coming events, Læs mere shows it, an event that is over is said to be over', async () => {
    const c = ctx();
    const staff = await c.person('Mette', 'staff');
    const activityId = await c.activityId('faellesspisning');
    const day = 86_400_000;
    const [soon, later] = [
      await c.event({ startsAt: new Date(c.clock.now().getTime() + 2 * day) }),
      await c.event({ startsAt: new Date(c.clock.now().getTime() + 9 * day) }),
    ];
    const past = await c.event({ startsAt: new Date(c.clock.now().getTime() - day) });
    const resident = new Chat(engineFor(c), { clientLanguage: 'ar', channel: 'telegram' });
    await resident.start();
    await resident.send({ kind: 'action', action: 'welcome.consent' });
    const ar = sharedTranslations().translator('ar');
    const t = (key: string, params?: Record<string, string | number>): string => stripIsolates(ar(key, params));

    const onActivity = await c.services.broadcasts.send({
      createdById: staff,
      texts: { da: 'Kom til fællesspisning.' },
      audience: { topic: 'dinner' },
      buttons: [
        { kind: 'signup', activityId },
        { kind: 'more', activityId },
      ],
    });
    await resident.send({ kind: 'action', action: `bcast.signup|${onActivity.id}` });
    expect(stripIsolates(resident.text())).toContain(t('resident:signup.which'));
    const offered = resident.buttons().map((b) => b.action);
    expect(offered).toEqual(expect.arrayContaining([`signup.party|${soon}`, `signup.party|${later}`]));
    expect(offered).not.toContain(`signup.party|${past}`);
    await resident.send({ kind: 'action', action: `bcast.more|${onActivity.id}` });
    const title = (await c.services.catalogue.activity(activityId, 'ar')).title;
    expect(stripIsolates(resident.text())).toContain(t('resident:details.title', { title }));

    const onPast = await c.services.broadcasts.send({
      createdById: staff,
      texts: { da: 'Det var i går.' },
      audience: { topic: 'dinner' },
      buttons: [{ kind: 'signup', eventId: past }],
    });
    await resident.send({ kind: 'action', action: `bcast.signup|${onPast.id}` });
    const pastTitle = (await c.services.catalogue.event(past, 'ar')).title;
    expect(stripIsolates(resident.text())).toContain(t('broadcast:press.event_over', { title: pastTitle }));
    expect(await c.database.db.signUp.count({ where: { eventId: past } })).toBe(0);
  });
});
