/**
 * The build's seeded template (src/bootstrap/seed-template.ts) may only make a first start faster:
 * a database copied from it holds exactly what migrating and importing the same files gives, and any
 * difference in the files means no copy. SQLite only (the template is an SQLite file).
 */
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config/config';
import { describeSeed, seed } from '../../src/bootstrap/seed';
import { buildSeedTemplate, copySeedTemplate } from '../../src/bootstrap/seed-template';
import { openDatabase, type Database } from '../../src/database/database';
import { silentLogger } from '../../src/logging/logger';
import { readPlanFromDatabase } from '../../src/plan-data/plan-reader';
import { FixedClock } from '../../src/time/clock';

const planDir = join(PROJECT_ROOT, 'prisma', 'plans');
const SHIPPED = ['randers-nordby-2013-17.json', 'randers-nordby-2017-21.json', 'randers-nordby-2021-25.json'];
const clock = new FixedClock(new Date('2026-11-22T10:00:00Z'));

/** Every plan as the workbook/JSON export reads it back, plus the row count of every table. */
async function contents(database: Database): Promise<unknown> {
  const plans = await database.db.plan.findMany({ orderBy: { key: 'asc' }, select: { key: true } });
  const tables = (await database.db.$queryRawUnsafe<{ name: string }[]>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name",
  )) as { name: string }[];
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await database.db.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT count(*) AS n FROM "${name}"`);
    counts[name] = Number(row?.n ?? 0);
  }
  return { plans: await Promise.all(plans.map((p) => readPlanFromDatabase(database.db, p.key))), counts };
}

describe('first start from the build template [sqlite]', () => {
  let dir: string;
  let template: string;
  const open: Database[] = [];
  const openAt = async (file: string): Promise<Database> => {
    const d = await openDatabase({ provider: 'sqlite', file });
    open.push(d);
    return d;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nabo-template-'));
    template = join(dir, 'template', 'nabo.db');
    expect(await buildSeedTemplate(planDir, template)).toEqual(SHIPPED);
  }, 60_000);
  afterAll(async () => {
    for (const d of open) await d.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a copied database holds exactly what migrating and importing gives, and the banner names the plans', async () => {
    const copied = join(dir, 'copied', 'nabo.db');
    expect(copySeedTemplate(copied, planDir, template)).toEqual(SHIPPED);
    const fromTemplate = await openAt(copied);
    expect(fromTemplate.applied).toEqual([]); // every migration was already in the template
    const report = await seed(fromTemplate.db, { planDir, demoCalendar: true, clock, logger: silentLogger, fromTemplate: SHIPPED });
    expect(report.imported).toEqual(SHIPPED);
    expect(report.demo).toBe('created');
    expect(describeSeed(report, planDir)[0]).toBe(`Plan data imported from ${planDir}: ${SHIPPED.join(', ')}`);

    const imported = await openAt(join(dir, 'imported.db'));
    expect(imported.applied.length).toBeGreaterThan(0);
    await seed(imported.db, { planDir, demoCalendar: true, clock, logger: silentLogger });
    const [a, b] = [await contents(fromTemplate), await contents(imported)];
    expect(a).toEqual(b);
    expect((a as { counts: Record<string, number> }).counts.Activity).toBeGreaterThan(50);
  }, 60_000);

  test('an existing database is never overwritten', async () => {
    const file = join(dir, 'existing.db');
    writeFileSync(file, 'not a template');
    expect(copySeedTemplate(file, planDir, template)).toBeNull();
    expect(readFileSync(file, 'utf8')).toBe('not a template');
  });

  test('a changed plan file, an extra plan or a missing plan folder means no copy', () => {
    const plans = join(dir, 'plans');
    cpSync(planDir, plans, { recursive: true });
    const target = join(dir, 'stale', 'nabo.db');
    expect(copySeedTemplate(target, plans, template)).toEqual(SHIPPED); // same files: copied
    rmSync(join(dir, 'stale'), { recursive: true, force: true });

    const edited = join(plans, SHIPPED[2] as string);
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('"name"', '"name" ').replace(/\n$/, '\n\n'));
    expect(copySeedTemplate(target, plans, template)).toBeNull();
    expect(existsSync(target)).toBe(false);

    copyFileSync(join(planDir, SHIPPED[2] as string), edited);
    copyFileSync(edited, join(plans, 'another-plan.json'));
    expect(copySeedTemplate(target, plans, template)).toBeNull();
    expect(copySeedTemplate(target, join(dir, 'no-such-folder'), template)).toBeNull();
    expect(existsSync(target)).toBe(false);
  });

  test('without a template (no build yet) nothing is copied', () => {
    expect(copySeedTemplate(join(dir, 'none.db'), planDir, join(dir, 'missing', 'nabo.db'))).toBeNull();
  });
});
