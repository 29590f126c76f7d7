import { join } from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../../src/config/config';

describe('configuration from the environment', () => {
  test('defaults: embedded SQLite in ./data, port 3978, demo calendar on', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3978,
      demoCalendar: true,
      logLevel: 'info',
      database: { provider: 'sqlite', file: join(PROJECT_ROOT, 'data', 'nabo.db') },
    });
  });
  test('PostgreSQL turns the demo off unless asked for; file: picks a SQLite path', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@h/db' })).toMatchObject({
      demoCalendar: false,
      database: { provider: 'postgresql', url: 'postgresql://u@h/db' },
    });
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@h/db', NABO_DEMO_CALENDAR: 'on' }).demoCalendar).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'file:/tmp/x.db', NABO_DEMO_CALENDAR: 'off' })).toMatchObject({ demoCalendar: false, database: { file: '/tmp/x.db' } });
  });
  test('retention periods: 30 days for sent messages, 24 months of silence, 7 days for allergy notes, each configurable', () => {
    expect(loadConfig({}).retention).toEqual({ sentMessageDays: 30, inactiveMonths: 24, allergyDays: 7 });
    expect(loadConfig({ NABO_RETAIN_SENT_MESSAGES_DAYS: '14', NABO_ERASE_INACTIVE_MONTHS: '12', NABO_RETAIN_ALLERGY_DAYS: '0' }).retention).toEqual({
      sentMessageDays: 14,
      inactiveMonths: 12,
      allergyDays: 0,
    });
    expect(() => loadConfig({ NABO_RETAIN_SENT_MESSAGES_DAYS: '0' })).toThrow(/NABO_RETAIN_SENT_MESSAGES_DAYS/);
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({}).host).toBeUndefined();
  });
  test('every wrong variable is named in one error', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', NABO_DEMO_CALENDAR: 'maybe' })).toThrow(
      /PORT[\s\S]*DATABASE_URL[\s\S]*NABO_DEMO_CALENDAR/,
    );
  });
  test('the messaging settings come from the same environment, validated with the rest at start', () => {
    expect(loadConfig({ NABO_QUIET_HOURS: 'off', NABO_OFFER_HOURS: '12' }).messaging).toMatchObject({ quietHours: null, offerHours: 12 });
    expect(loadConfig({ NABO_QUIET_HOURS: '  ' }).messaging.quietHours).toEqual({ start: 21, end: 8 });
    expect(() => loadConfig({ NABO_DIGEST_HOUR: '25' })).toThrow(/Invalid messaging configuration:[\s\S]*NABO_DIGEST_HOUR/);
  });
});
