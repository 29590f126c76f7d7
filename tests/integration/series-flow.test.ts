/**
 * A season of weekly events from one staff message, through the conversation engine: Nabo shows
 * the dates it understood and the ones it leaves out (holidays, named weeks), and saves them all
 * only on "yes", at 17.30 Copenhagen time on both sides of the change to summer time.
 */
import { stripIsolates } from '../../src/i18n/i18n';
import { Chat, engineFor } from '../support/chat';
import { describeEachDatabase } from '../support/test-context';

const BARE = 'fællesspisning hver torsdag kl. 17.30 i ParkCafeen, 40 pladser, fra 7. januar til 24. juni, ikke i uge 7 og 42';
const MESSAGE = `opret arrangementer: ${BARE}`;

describeEachDatabase('a season of events in one message', (ctx) => {
  async function staffChat(): Promise<Chat> {
    const chat = new Chat(engineFor(ctx()), { role: 'staff', channel: 'teams', firstName: 'Mette', clientLanguage: 'da' });
    await chat.say(MESSAGE);
    return chat;
  }

  const dinners = async (): Promise<{ startsAt: Date; endsAt: Date; capacity: number | null; location: string | null }[]> =>
    (
      await ctx().database.db.event.findMany({
        where: { activity: { key: 'faellesspisning' }, startsAt: { gte: new Date('2026-01-01T00:00:00Z') } },
        include: { location: true },
        orderBy: { startsAt: 'asc' },
      })
    ).map((e) => ({ startsAt: e.startsAt, endsAt: e.endsAt, capacity: e.capacity, location: e.location?.name ?? null }));

  test('the preview lists the dates and what is skipped, and nothing is saved yet', async () => {
    const chat = await staffChat();
    const shown = chat.text();
    expect(shown).toContain('Fællesspisning kl. 17.30–19.30, ParkCafeen, pladser: 40. Datoer (21):');
    expect(shown).toContain('Springes over:');
    expect(shown).toContain('• torsdag 12. februar (uge 7)');
    expect(shown).toContain('• torsdag 2. april (skærtorsdag)');
    expect(shown).toContain('• torsdag 14. maj (Kristi himmelfartsdag)');
    expect(shown).toContain('Skal jeg oprette dem?');
    expect(chat.buttons().map((b) => stripIsolates(b.label))).toEqual(['Opret alle (21)', 'Annullér']);
    expect(await dinners()).toEqual([]);
  });

  test('"Annullér" saves nothing', async () => {
    const chat = await staffChat();
    await chat.press('Annullér');
    expect(chat.text()).toContain('Intet er oprettet.');
    expect(await dinners()).toEqual([]);
  });

  test('confirming saves every date at 17.30 Copenhagen time, across the change to summer time', async () => {
    const chat = await staffChat();
    await chat.press('Opret alle (21)');
    expect(chat.text()).toContain('Oprettet for Fællesspisning, fra torsdag 8. januar til torsdag 18. juni. Antal arrangementer: 21.');
    const saved = await dinners();
    expect(saved).toHaveLength(21);
    expect(saved.every((e) => e.capacity === 40 && e.location === 'ParkCafeen')).toBe(true);
    const days = saved.map((e) => e.startsAt.toISOString());
    expect(days).toContain('2026-03-26T16:30:00.000Z');
    expect(days).toContain('2026-04-09T15:30:00.000Z');
    expect(days).not.toContain('2026-04-02T15:30:00.000Z');
    expect(days).not.toContain('2026-05-14T15:30:00.000Z');
    expect(days).not.toContain('2026-02-12T16:30:00.000Z');
    expect(saved.every((e) => e.endsAt.getTime() - e.startsAt.getTime() === 2 * 3_600_000)).toBe(true);
    // One series id on all 21, on both sides of the change to summer time.
    const ids = await ctx().database.db.event.findMany({
      where: { activity: { key: 'faellesspisning' }, startsAt: { gte: new Date('2026-01-01T00:00:00Z') } },
      select: { seriesId: true },
    });
    expect(new Set(ids.map((e) => e.seriesId)).size).toBe(1);
    expect(ids[0]?.seriesId).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('the bare message from staff, without "opret", starts the same preview', async () => {
    const chat = new Chat(engineFor(ctx()), { role: 'staff', channel: 'teams', clientLanguage: 'da' });
    await chat.say(BARE);
    expect(chat.text()).toContain('Fællesspisning kl. 17.30–19.30, ParkCafeen, pladser: 40. Datoer (21):');
    expect(chat.buttons().map((b) => stripIsolates(b.label))).toEqual(['Opret alle (21)', 'Annullér']);
  });

  test('a coordinator is read the same way; a resident writing the same words is never offered to create anything', async () => {
    const coordinator = new Chat(engineFor(ctx()), { role: 'coordinator', channel: 'teams', clientLanguage: 'da' });
    await coordinator.say(BARE);
    expect(coordinator.text()).toContain('Skal jeg oprette dem?');
    const before = (await dinners()).length;
    const resident = new Chat(engineFor(ctx()), { clientLanguage: 'da' });
    await resident.say(BARE);
    expect(resident.text()).not.toContain('Skal jeg oprette dem?');
    expect(
      resident
        .buttons()
        .map((b) => b.action)
        .some((a) => a.startsWith('create.')),
    ).toBe(false);
    expect(await dinners()).toHaveLength(before);
  });

  test('a series without an end says what is missing, with an example', async () => {
    const chat = new Chat(engineFor(ctx()), { role: 'staff', channel: 'teams', clientLanguage: 'da' });
    await chat.say('nyt arrangement: fællesspisning hver torsdag kl. 17.30 fra 7. januar');
    expect(chat.text()).toContain('Skriv også, hvornår rækken slutter, fx "til 24. juni".');
    expect(chat.text()).toContain('Skriv fx: fællesspisning hver torsdag kl. 17.30 i ParkCafeen');
  });
});
