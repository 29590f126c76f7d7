import { loadTelegramConfig } from '../../bots/telegram/config';
import { secretMatches, parseUpdate } from '../../bots/telegram/webhook';
import { COMMANDS, commandDescription, commandInput, commandMenus, TELEGRAM_LANGUAGE_CODE } from '../../bots/telegram/commands';
import { parseQrArgs } from '../../bots/telegram/qr-cli';
import { LANGUAGES } from '../../src/plan-data/plan-file';

const TOKEN = '123456:ABC-def_ghi';

describe('loadTelegramConfig', () => {
  test('no token: the channel is off', () => {
    expect(loadTelegramConfig({})).toBeNull();
    expect(loadTelegramConfig({ TELEGRAM_BOT_TOKEN: '' })).toBeNull();
  });

  test('a token alone: long polling', () => {
    expect(loadTelegramConfig({ TELEGRAM_BOT_TOKEN: TOKEN })).toEqual({ token: TOKEN, webhook: null, apiRoot: undefined, botUsername: undefined });
  });

  test('webhook mode needs a good secret', () => {
    const base = { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_URL: 'https://nabo.example.dk/api/telegram' };
    expect(() => loadTelegramConfig(base)).toThrow(/TELEGRAM_WEBHOOK_SECRET: is required/);
    expect(() => loadTelegramConfig({ ...base, TELEGRAM_WEBHOOK_SECRET: 'short' })).toThrow(/16-256 characters/);
    expect(() => loadTelegramConfig({ ...base, TELEGRAM_WEBHOOK_SECRET: 'has spaces in it ok?' })).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
    expect(loadTelegramConfig({ ...base, TELEGRAM_WEBHOOK_SECRET: 'Abc_def-0123456789' })?.webhook).toEqual({
      url: base.TELEGRAM_WEBHOOK_URL,
      secret: 'Abc_def-0123456789',
    });
  });

  test('plain http webhooks only with a local Bot API server', () => {
    const env = { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_URL: 'http://10.0.0.5/api/telegram', TELEGRAM_WEBHOOK_SECRET: 'Abc_def-0123456789' };
    expect(() => loadTelegramConfig(env)).toThrow(/https/);
    expect(loadTelegramConfig({ ...env, TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/' })?.apiRoot).toBe('http://127.0.0.1:8081');
  });

  test('a malformed token or username is named in the error', () => {
    expect(() => loadTelegramConfig({ TELEGRAM_BOT_TOKEN: 'not a token' })).toThrow(/TELEGRAM_BOT_TOKEN/);
    expect(() => loadTelegramConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_BOT_USERNAME: 'x' })).toThrow(/TELEGRAM_BOT_USERNAME/);
    expect(loadTelegramConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_BOT_USERNAME: '@NaboBot' })?.botUsername).toBe('NaboBot');
  });
});

describe('webhook edge', () => {
  test('the secret must match exactly', () => {
    expect(secretMatches('Abc_def-0123456789', 'Abc_def-0123456789')).toBe(true);
    expect(secretMatches(undefined, 'Abc_def-0123456789')).toBe(false);
    expect(secretMatches('Abc_def-012345678', 'Abc_def-0123456789')).toBe(false);
    expect(secretMatches('', 'Abc_def-0123456789')).toBe(false);
  });

  test('updates are validated in the parts the adapter reads', () => {
    expect(parseUpdate({ update_id: 1, message: { message_id: 2, chat: { id: 3, type: 'private' }, text: 'hej' } })).not.toBeNull();
    expect(parseUpdate({ update_id: 1, callback_query: { id: 'q', from: { id: 'nope' } } })).toBeNull();
    expect(parseUpdate({ update_id: -1 })).toBeNull();
    expect(parseUpdate('hello')).toBeNull();
  });
});

describe('commands', () => {
  test('every command has a description in every language, within Telegram’s limits', () => {
    for (const lang of LANGUAGES) {
      for (const c of COMMANDS) {
        const d = commandDescription(lang, c);
        expect(d.length).toBeGreaterThan(2);
        expect(d.length).toBeLessThanOrEqual(256);
      }
      // Real translations: no language reuses Danish descriptions wholesale.
      if (lang !== 'da') expect(commandDescription(lang, 'help')).not.toBe(commandDescription('da', 'help'));
    }
  });

  test('menus: Danish default plus one per language with two-letter codes (Sorani as "ku")', () => {
    const menus = commandMenus();
    expect(menus[0]?.languageCode).toBeUndefined();
    expect(menus.slice(1).map((m) => m.languageCode)).toEqual(LANGUAGES.map((l) => TELEGRAM_LANGUAGE_CODE[l]));
    expect(TELEGRAM_LANGUAGE_CODE.ckb).toBe('ku');
    for (const m of menus) expect(m.languageCode ?? 'xx').toMatch(/^[a-z]{2}$/);
  });

  test('each command maps to an engine input', () => {
    expect(commandInput('start', 'e_abc')).toEqual({ kind: 'start', payload: 'e_abc' });
    expect(commandInput('activities', undefined)).toEqual({ kind: 'action', action: 'find.week' });
    expect(commandInput('bookings', undefined)).toEqual({ kind: 'action', action: 'bookings.list' });
    expect(commandInput('language', undefined)).toEqual({ kind: 'action', action: 'welcome.languages' });
    expect(commandInput('help', undefined)).toEqual({ kind: 'action', action: 'welcome.help' });
    expect(commandInput('person', undefined)).toEqual({ kind: 'action', action: 'handover.ask' });
    expect(commandInput('privacy', undefined)).toEqual({ kind: 'action', action: 'welcome.privacy' });
  });
});

describe('qr command line', () => {
  test('builds the deep link and the default file name', () => {
    const a = parseQrArgs(['--event', 'ckabc123', '--bot', 'NaboBot'], {});
    expect(a.link).toBe('https://t.me/NaboBot?start=e_ckabc123');
    expect(a.out).toMatch(/data\/qr-event-ckabc123\.png$/);
    expect(parseQrArgs(['--activity', 'x1'], { TELEGRAM_BOT_USERNAME: 'NaboBot' }).link).toBe('https://t.me/NaboBot?start=a_x1');
  });

  test('refuses unclear arguments with a clear message', () => {
    expect(() => parseQrArgs([], {})).toThrow(/exactly one of --event or --activity/);
    expect(() => parseQrArgs(['--event', 'a', '--activity', 'b', '--bot', 'NaboBot'], {})).toThrow(/exactly one/);
    expect(() => parseQrArgs(['--event', 'a'], {})).toThrow(/--bot <username> or set TELEGRAM_BOT_USERNAME/);
    expect(() => parseQrArgs(['--event'], {})).toThrow(/--event <value>' argument missing/);
    expect(() => parseQrArgs(['--event', '--bot', 'NaboBot'], {})).toThrow(/'--event' argument is ambiguous/);
    expect(() => parseQrArgs(['--evnt', 'a'], {})).toThrow(/Unknown option '--evnt'[\s\S]*Usage: npm run qr/);
    expect(() => parseQrArgs(['--event', 'a b', '--bot', 'NaboBot'], {})).toThrow(/cannot be used in a Telegram link/);
    expect(() => parseQrArgs(['--event', 'a', '--bot', 'NaboBot', '--out', 'x.jpg'], {})).toThrow(/\.png/);
  });
});
