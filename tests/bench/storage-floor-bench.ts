/**
 * The storage floor (issue 15): each busy turn through the engine on SQLite, next to the very
 * statements it sent, with the very arguments, run on a raw better-sqlite3 connection with every
 * statement prepared beforehand. The difference is what Nabo and Prisma add on top of SQLite.
 *
 * The statements are recorded where they reach SQLite (under Prisma's adapter), from one turn, and
 * replayed on a copy of the database taken just before that turn, so a write finds the rows it found
 * then; a turn that commits is replayed with ROLLBACK instead of COMMIT, so every replay starts from
 * the same state. Turns: a resident's sign-up confirm, "what's on this week", a staff delivery log,
 * a coordinator's whole-plan progress. Environment: NABO_BENCH_FLOOR_RUNS (200), NABO_BENCH_WARMUPS (3).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { busyTurnWorld } from '../support/busy-turns';
import { Chat } from '../support/chat';
import { createCountedDatabase } from '../support/statement-counter';
import { recordResult } from './results';
import { nowMs, summarize, type Timing } from './stats';

const envNumber = (name: string, fallback: number): number => {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

interface Recorded {
  sql: string;
  args: unknown[];
}

/** One turn to measure: made ready untimed, then run; `check` says it did what it should. */
interface TurnSpec {
  name: string;
  label: string;
  ready(i: number): Promise<Chat>;
  run(chat: Chat): Promise<unknown>;
  check(chat: Chat): void;
  after?(chat: Chat): Promise<unknown>;
}

interface FloorRow {
  label: string;
  statements: number;
  engine: Timing;
  floor: Timing;
}

/** Runs the recorded statements on `raw`, prepared beforehand; returns the replay function. */
function replayer(raw: BetterSqlite3.Database, recorded: readonly Recorded[]): () => void {
  const steps = recorded.map((r) => {
    const sql = /^\s*COMMIT\b/i.test(r.sql) ? 'ROLLBACK' : r.sql;
    const stmt = raw.prepare(sql);
    if (stmt.reader) stmt.raw(true);
    return { stmt, args: r.args, reader: stmt.reader };
  });
  return () => {
    for (const s of steps) {
      if (s.reader) s.stmt.all(...s.args);
      else s.stmt.run(...s.args);
    }
  };
}

export async function runStorageFloorBench(): Promise<void> {
  const runs = envNumber('NABO_BENCH_FLOOR_RUNS', 200);
  const warmups = envNumber('NABO_BENCH_WARMUPS', 3);
  let recording: Recorded[] | null = null;
  let dbFile = '';
  const { db, destroy } = await createCountedDatabase('sqlite', (connection, file) => {
    dbFile = file;
    const prepare = connection.prepare.bind(connection) as unknown as (sql: string) => { bind(a: unknown[]): unknown; run(...a: unknown[]): unknown };
    (connection as unknown as { prepare: (sql: string) => unknown }).prepare = (sql: string) => {
      const stmt = prepare(sql);
      return {
        bind: (args: unknown[] = []) => {
          recording?.push({ sql, args: [...args] });
          return stmt.bind(args);
        },
        run: (...args: unknown[]) => {
          recording?.push({ sql, args });
          return stmt.run(...args);
        },
      };
    };
  });
  const dir = mkdtempSync(join(tmpdir(), 'nabo-floor-'));
  try {
    const engine = await busyTurnWorld(db, 100_000);

    const resident = async (i: number): Promise<Chat> => {
      const chat = new Chat(engine, { externalId: `floor${String.fromCharCode(97 + (i % 26))}${Math.floor(i / 26)}x` });
      await chat.start();
      await chat.press('Ja, det er fint');
      await chat.say('hej');
      return chat;
    };
    let staff: Chat | undefined;
    let coordinator: Chat | undefined;
    const turns: TurnSpec[] = [
      {
        name: 'signup-confirm',
        label: 'resident: sign-up confirm',
        ready: async (i) => {
          const chat = await resident(i);
          await chat.press('Tilmeld fællesspisning');
          await chat.press(/ParkCafeen/);
          await chat.press('2');
          await chat.press('1');
          await chat.press('Uden svinekød');
          return chat;
        },
        run: (chat) => chat.press('Ja, tilmeld'),
        check: (chat) => {
          if (!chat.text().includes('Du er tilmeldt')) throw new Error(`sign-up confirm answered: ${chat.text()}`);
        },
      },
      {
        name: 'whats-on',
        label: "resident: what's on this week",
        ready: (i) => resident(i),
        run: (chat) => chat.say('hvad sker der i denne uge?'),
        check: (chat) => {
          if (!chat.text().includes('Fællesspisning')) throw new Error(`what's on answered: ${chat.text()}`);
        },
      },
      {
        name: 'delivery-log',
        label: 'staff: log a delivery',
        ready: async () => {
          staff ??= new Chat(engine, { channel: 'teams', role: 'staff', firstName: 'Mette', clientLanguage: 'da' });
          await staff.say('hej');
          return staff;
        },
        run: (chat) => chat.say('fællesspisning i dag 34 deltagere'),
        check: (chat) => {
          if (!chat.text().includes('Deltagere: 34')) throw new Error(`delivery log answered: ${chat.text()}`);
        },
        after: (chat) => chat.press('Annullér'),
      },
      {
        name: 'whole-plan-progress',
        label: 'coordinator: whole-plan progress',
        ready: async () => {
          coordinator ??= new Chat(engine, { channel: 'teams', role: 'coordinator', firstName: 'Hanne', clientLanguage: 'da' });
          await coordinator.say('hej');
          return coordinator;
        },
        run: (chat) => chat.say('fremdrift for perioden'),
        check: (chat) => {
          if (!chat.text().includes('hele planperioden')) throw new Error(`progress answered: ${chat.text()}`);
        },
      },
    ];

    const rows: FloorRow[] = [];
    let n = 0;
    for (const spec of turns) {
      // The engine, turn after turn (each made ready untimed).
      const engineSamples: number[] = [];
      for (let i = 0; i < warmups + runs; i++) {
        const chat = await spec.ready(n++);
        const start = nowMs();
        await spec.run(chat);
        const ms = nowMs() - start;
        spec.check(chat);
        await spec.after?.(chat);
        if (i >= warmups) engineSamples.push(ms);
      }
      // One more, recorded, on a copy taken just before it.
      const chat = await spec.ready(n++);
      const copy = join(dir, `${spec.name}.db`);
      const reader = new BetterSqlite3(dbFile, { readonly: true });
      reader.prepare(`VACUUM INTO '${copy.replace(/'/g, "''")}'`).run();
      reader.close();
      recording = [];
      await spec.run(chat);
      const recorded: Recorded[] = recording;
      recording = null;
      spec.check(chat);
      await spec.after?.(chat);
      const raw = new BetterSqlite3(copy);
      raw.defaultSafeIntegers(true);
      raw.pragma('foreign_keys = ON');
      const replay = replayer(raw, recorded);
      const floorSamples: number[] = [];
      for (let i = 0; i < warmups + runs; i++) {
        const start = nowMs();
        replay();
        const ms = nowMs() - start;
        if (i >= warmups) floorSamples.push(ms);
      }
      raw.close();
      rows.push({ label: spec.label, statements: recorded.length, engine: summarize(engineSamples), floor: summarize(floorSamples) });
      recordResult({
        name: `storage-floor.${spec.name}`,
        median_ms: summarize(engineSamples).median_ms,
        p99_ms: summarize(engineSamples).p99_ms,
        baseline_median_ms: summarize(floorSamples).median_ms,
        ratio: summarize(engineSamples).median_ms / summarize(floorSamples).median_ms,
        data_size: { statements_reaching_sqlite: recorded.length, floor_p99_ms: summarize(floorSamples).p99_ms, database: 'sqlite (small plan)' },
        runs,
      });
    }

    console.log(`\nStorage floor: each turn through the engine vs its own statements on raw prepared better-sqlite3 (${runs} runs, SQLite)`);
    console.log('| turn                              | statements | engine median (p99) ms | floor median (p99) ms | ratio |');
    console.log('|-----------------------------------|------------|------------------------|-----------------------|-------|');
    for (const r of rows) {
      const cell = (t: Timing): string => `${t.median_ms.toFixed(2)} (${t.p99_ms.toFixed(2)})`;
      const ratio = (r.engine.median_ms / r.floor.median_ms).toFixed(1).padStart(4);
      console.log(
        `| ${r.label.padEnd(33)} | ${String(r.statements).padStart(10)} | ${cell(r.engine).padStart(22)} | ${cell(r.floor).padStart(21)} | ${ratio}× |`,
      );
    }
    console.log('  statements: as they reach SQLite, BEGIN and COMMIT included (a turn that commits is replayed with ROLLBACK).');
  } finally {
    await destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
