/**
 * The conversation engine's cost per turn: a full resident sign-up turn (the button press that
 * confirms a dinner sign-up: person lookup, state, capacity transaction, confirmation and calendar
 * file), database included, on SQLite.
 */
import { createTestContext } from '../support/test-context';
import { Chat, engineFor } from '../support/chat';
import { recordResult } from './results';
import { summarize, nowMs } from './stats';

export async function runEngineBench(runs = 300): Promise<void> {
  const ctx = await createTestContext('sqlite');
  try {
    const engine = engineFor(ctx);
    const eventId = await ctx.event({ capacity: 100_000, startsAt: new Date(Date.now() + 3 * 86_400_000) });
    ctx.clock.set(new Date());
    const samples: number[] = [];
    for (let i = 0; i < runs + 20; i++) {
      const chat = new Chat(engine, { externalId: `bench-${i}` });
      await chat.start();
      await chat.send({ kind: 'action', action: 'welcome.consent' });
      await chat.send({ kind: 'action', action: `signup.party|${eventId}` });
      await chat.send({ kind: 'action', action: 'signup.adults|2' });
      await chat.send({ kind: 'action', action: 'signup.children|1' });
      await chat.send({ kind: 'action', action: 'signup.diet|nopork' });
      const start = nowMs();
      await chat.send({ kind: 'action', action: 'signup.confirm' });
      const ms = nowMs() - start;
      // The calendar file now waits behind a button; what is held is the confirmed sign-up.
      const held = await ctx.database.db.signUp.count({ where: { eventId, status: 'confirmed' } });
      if (held !== i + 1) throw new Error('the sign-up turn did not confirm');
      if (i >= 20) samples.push(ms);
    }
    const t = summarize(samples);
    recordResult({
      name: 'engine: resident sign-up turn (SQLite)',
      median_ms: t.median_ms,
      p99_ms: t.p99_ms,
      baseline_median_ms: null,
      ratio: null,
      data_size: { runs, signUps: runs + 20 },
      runs,
    });
    console.log(`engine: resident sign-up turn  median ${t.median_ms.toFixed(2)} ms  p99 ${t.p99_ms.toFixed(2)} ms  (${runs} runs)`);
  } finally {
    await ctx.database.destroy();
  }
}
