import { join } from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../../src/config/config';

describe('configuration from the environment', () => {
  test('defaults: embedded SQLite in ./data, port 3978, demo calendar on', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3978, demoCalendar: true, logLevel: 'info', database: { provider: 'sqlite', file: join(PROJECT_ROOT, 'data', 'nabo.db') } });
  });
  test('PostgreSQL turns the demo off unless asked for; file: picks a SQLite path', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@h/db' })).toMatchObject({ demoCalendar: false, database: { provider: 'postgresql', url: 'postgresql://u@h/db' } });
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@h/db', NABO_DEMO_CALENDAR: 'on' }).demoCalendar).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'file:/tmp/x.db', NABO_DEMO_CALENDAR: 'off' })).toMatchObject({ demoCalendar: false, database: { file: '/tmp/x.db' } });
  });
  test('every wrong variable is named in one error', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', NABO_DEMO_CALENDAR: 'maybe' })).toThrow(/PORT[\s\S]*DATABASE_URL[\s\S]*NABO_DEMO_CALENDAR/);
  });
});
