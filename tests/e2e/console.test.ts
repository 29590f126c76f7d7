/**
 * The console channel end to end: a script on standard input, as in the README, against a fresh
 * embedded database with the demo calendar.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { PROJECT_ROOT } from '../../src/config/config';

const tsx = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');

function chat(args: string[], script: string[], file: string): string {
  const r = spawnSync(tsx, [join(PROJECT_ROOT, 'bots', 'console', 'console-channel.ts'), ...args], {
    input: `${script.join('\n')}\n`,
    env: { ...process.env, DATABASE_URL: `file:${file}`, NABO_DEMO_CALENDAR: 'on', LOG_LEVEL: 'error' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.status !== 0) throw new Error(`console exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

describe('console channel', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nabo-console-'));
  const file = join(dir, 'nabo.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a scripted resident signs up for a dinner with numbered buttons', () => {
    // consent → "Tilmeld fællesspisning" (7: after the five news-topic buttons) → first dinner → 2 adults →
    // 1 child → no special food → confirm → "Læg det i din kalender" (the first button under the confirmation).
    // At the value buttons ("0", "1", "2" children) a typed number is the value, as on Telegram and Teams.
    const out = chat(['--role', 'resident', '--lang', 'da', '--id', 'script-1'], ['1', '7', '1', '2', '1', '1', '1', '1'], file);
    expect(out).toContain('Hej! Jeg er Nabo');
    expect(out).toContain('Du er tilmeldt');
    expect(out).toContain('[file]');
    const db = new BetterSqlite3(file, { readonly: true });
    const rows = db
      .prepare(`SELECT s.adults, s.children, s.status FROM SignUp s JOIN ChannelIdentity c ON c.personId = s.personId WHERE c.externalId = 'script-1'`)
      .all();
    db.close();
    expect(rows).toEqual([{ adults: 2, children: 1, status: 'confirmed' }]);
  });

  test('refuses unknown options with a usage line', () => {
    const r = spawnSync(tsx, [join(PROJECT_ROOT, 'bots', 'console', 'console-channel.ts'), '--role', 'king'], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: `file:${file}` },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Usage: npm run chat');
  });
});
