/**
 * Counselling slots from a pattern in one staff message, through the conversation engine: Nabo
 * shows what each part of the pattern gives and the holidays it leaves out, creates the slots only
 * on "yes", and sending the same pattern again does not make any slot twice.
 */
import { stripIsolates } from '../../src/i18n/i18n';
import { Chat, engineFor } from '../support/chat';
import { describeEachDatabase, TEST_NOW } from '../support/test-context';

const PATTERN = 'rådgivning tirsdage 13-16, 30 minutter, BRF Kredit første torsdag i måneden, fra 1. januar til 5. februar';

describeEachDatabase('counselling slots from a weekly pattern', (ctx) => {
  const slots = async (): Promise<{ counsellor: string; startsAt: string }[]> =>
    (
      await ctx().database.db.appointmentSlot.findMany({
        where: { startsAt: { gte: new Date('2026-01-01T00:00:00Z'), lt: new Date('2026-03-01T00:00:00Z') }, activity: { category: 'counselling' } },
        orderBy: [{ startsAt: 'asc' }, { counsellor: 'asc' }],
      })
    ).map((s) => ({ counsellor: s.counsellor, startsAt: s.startsAt.toISOString() }));

  test('the preview says what each part gives and skips New Year\'s Day; nothing is saved before "yes"', async () => {
    const chat = new Chat(engineFor(ctx()), { role: 'staff', channel: 'teams', clientLanguage: 'da' });
    await chat.say(PATTERN);
    const shown = chat.text();
    expect(shown).toContain('Rådgivningstider fra torsdag 1. januar til torsdag 5. februar, uden sted. Minutter pr. tid: 30. Antal tider i alt: 36.');
    expect(shown).toContain('• Hver uge fra tirsdag 6. januar: kl. 13.00–16.00, Boligsocial medarbejder (antal: 30)');
    expect(shown).toContain('• Én gang om måneden fra torsdag 5. februar: kl. 13.00–16.00, BRF Kredit (antal: 6)');
    expect(shown).toContain('• torsdag 1. januar (nytårsdag)');
    expect(chat.buttons().map((b) => stripIsolates(b.label))).toEqual(['Opret alle (36)', 'Annullér']);
    expect(await slots()).toEqual([]);
    await chat.press('Annullér');
    expect(await slots()).toEqual([]);
  });

  test('"yes" creates them all; the same pattern again adds none twice', async () => {
    const chat = new Chat(engineFor(ctx()), { role: 'staff', channel: 'teams', clientLanguage: 'da' });
    await chat.say(PATTERN);
    await chat.press('Opret alle (36)');
    expect(chat.text()).toContain('Rådgivningstider oprettet: 36.');
    const saved = await slots();
    expect(saved).toHaveLength(36);
    expect(saved.filter((s) => s.counsellor === 'BRF Kredit').map((s) => s.startsAt)[0]).toBe('2026-02-05T12:00:00.000Z');
    expect(saved[0]).toEqual({ counsellor: 'Boligsocial medarbejder', startsAt: '2026-01-06T12:00:00.000Z' });
    await chat.say(PATTERN);
    await chat.press('Opret alle (36)');
    expect(chat.text()).toContain('Rådgivningstider oprettet: 0. 36 af tiderne fandtes allerede og er ikke oprettet igen.');
    expect(await slots()).toHaveLength(36);
    // Residents can book them: they are among the free slots.
    const free = await ctx().services.appointments.freeSlots({ from: new Date('2026-01-06T00:00:00Z'), to: new Date('2026-01-07T00:00:00Z') });
    expect(free.map((s) => s.counsellor)).toEqual(Array(6).fill('Boligsocial medarbejder'));
  });

  test('confirmed after the first slot has begun: refused in plain words, nothing saved, no field name shown', async () => {
    const c = ctx();
    const chat = new Chat(engineFor(c), { role: 'staff', channel: 'teams', clientLanguage: 'da' });
    await chat.say('rådgivning onsdage 9-10, 30 minutter, fra 7. januar til 14. januar');
    expect(chat.buttons().map((b) => stripIsolates(b.label))).toEqual(['Opret alle (4)', 'Annullér']);
    const before = await c.database.db.appointmentSlot.count();
    c.clock.set(new Date('2026-01-07T08:15:00Z'));
    try {
      await chat.press('Opret alle (4)');
    } finally {
      c.clock.set(TEST_NOW);
    }
    expect(chat.text()).toContain('Rækken begynder, før den kan nå at blive oprettet. Vælg en startdato fra i morgen.');
    expect(chat.text()).not.toContain('startsAt');
    expect(await c.database.db.appointmentSlot.count()).toBe(before);
  });

  test('a resident writing the same words is not offered to create slots', async () => {
    const resident = new Chat(engineFor(ctx()), { clientLanguage: 'da' });
    await resident.say(PATTERN);
    expect(resident.buttons().some((b) => b.action.startsWith('create.'))).toBe(false);
  });
});
