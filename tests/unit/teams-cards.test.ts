/**
 * Neutral replies → Adaptive Cards 1.5, and Teams activities → core input: forms with validation,
 * choices as submit buttons, progress tables with coloured statuses, right-to-left cards, card
 * submits and invokes, mentions, tenants and roles, and the texts tables in all eight languages.
 */
import type { Activity } from 'botbuilder';
import { resolveAccess } from '../../bots/teams/access';
import { parseSubmit, readInbound } from '../../bots/teams/activity-input';
import { cardTexts } from '../../bots/teams/card-texts';
import { attendanceReminderCard, handoverCard } from '../../bots/teams/cards/proactive-cards';
import { actionsOf, inputsOf, type Table } from '../../bots/teams/cards/adaptive-card';
import { renderCards, renderMessages, renderOneCard, MAX_CARD_BYTES, type RenderContext } from '../../bots/teams/cards/render-batch';
import { tenantRefusal } from '../../bots/teams/refusals';
import { tabTexts } from '../../bots/teams/tab/server-texts';
import { Translations } from '../../src/i18n/i18n';
import { localDigits } from '../../src/i18n/format';
import type { Reply } from '../../src/conversation/replies';
import { LANGUAGES } from '../../src/plan-data/plan-file';

const da: RenderContext = { texts: cardTexts('da'), rtl: false };
const TENANT = '11111111-2222-3333-4444-555555555555';
const USER = '0a000000-0000-0000-0000-000000000001';

const attendanceForm: Reply = {
  kind: 'form',
  text: 'Fremmøde: Fællesspisning',
  submit: { label: 'Gem fremmøde', action: 'attendance.submit|ev1' },
  fields: [
    { name: 'p1', label: 'Amina (3 personer)', type: 'toggle', value: 'true' },
    { name: 'walkIns', label: 'Kom uden tilmelding', type: 'number', min: 0, max: 500, value: '0' },
    { name: 'date', label: 'Dato', type: 'date', required: true, value: '2026-11-19' },
    { name: 'activity', label: 'Aktivitet', type: 'choice', required: true, options: [{ label: 'Fællesspisning', value: 'a1' }] },
    { name: 'note', label: 'Note', type: 'text' },
    { name: 'time', label: 'Tid', type: 'time', value: '17:30' },
  ],
};

describe('rendering', () => {
  test('a form becomes inputs with the limits as card validation, and one submit with its action', () => {
    const card = renderOneCard([attendanceForm], da)!;
    const inputs = inputsOf(card.body);
    expect(inputs.map((i) => i.type)).toEqual(['Input.Toggle', 'Input.Number', 'Input.Date', 'Input.ChoiceSet', 'Input.Text', 'Input.Time']);
    expect(inputs[0]).toMatchObject({ id: 'p1', title: 'Amina (3 personer)', value: 'true', valueOn: 'true', valueOff: 'false' });
    expect(inputs[1]).toMatchObject({ id: 'walkIns', min: 0, max: 500, value: 0, errorMessage: 'Skriv et helt tal fra \u20680\u2069 til \u2068500\u2069.' });
    expect(inputs[2]).toMatchObject({ isRequired: true, errorMessage: 'Udfyld dette felt.' });
    expect(inputs[3]).toMatchObject({ choices: [{ title: 'Fællesspisning', value: 'a1' }] });
    expect(actionsOf(card.body)).toEqual([{ type: 'Action.Submit', title: 'Gem fremmøde', style: 'positive', data: { action: 'attendance.submit|ev1' } }]);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(card.rtl).toBeUndefined();
  });

  test('choices become Action.Submit buttons carrying the action, three to a row', () => {
    const choices: Reply = {
      kind: 'choices',
      text: 'Hvad vil du gøre?',
      choices: ['a', 'b', 'c', 'd'].map((x) => ({ label: x.toUpperCase(), action: `menu.${x}` })),
    };
    const [card] = renderCards([choices], da);
    const sets = card!.body.filter((e) => e.type === 'ActionSet');
    expect(sets.map((s) => (s.type === 'ActionSet' ? s.actions.length : 0))).toEqual([3, 1]);
    expect(actionsOf(card!.body).map((a) => (a.type === 'Action.Submit' ? a.data : null))).toEqual([
      { action: 'menu.a' },
      { action: 'menu.b' },
      { action: 'menu.c' },
      { action: 'menu.d' },
    ]);
  });

  test('a progress table becomes a Table with coloured statuses and, for coordinators, a dashboard button', () => {
    const table: Reply = {
      kind: 'table',
      title: 'Fællesspisning',
      columns: ['Succeskriterium', 'Nu', 'Mål', 'Forventet', 'Status'],
      rows: [
        { cells: ['Gennemsnit', '27,7', '25', '25', 'nået'], status: 'achieved' },
        { cells: ['Forløb', '2', '5', '3', 'i risiko'], status: 'at_risk' },
        { cells: ['Unikke', '4', '25', '12', 'bagud'], status: 'behind' },
        { cells: ['Oplevet', '—', '—', '—', 'kan ikke beregnes'], status: 'not_computable' },
      ],
    };
    const card = renderOneCard([table], { ...da, dashboardUrl: 'https://nabo.example.dk/tab?token=v1.x' })!;
    const t = card.body.find((e): e is Table => e.type === 'Table')!;
    expect(t.rows).toHaveLength(5);
    expect(t.firstRowAsHeader).toBe(true);
    const status = t.rows.slice(1).map((r) => [r.cells[4]?.style ?? 'default', r.cells[4]?.items[0]?.color ?? 'default']);
    expect(status).toEqual([
      ['good', 'good'],
      ['warning', 'warning'],
      ['attention', 'attention'],
      ['default', 'default'],
    ]);
    expect(actionsOf(card.body)).toEqual([{ type: 'Action.OpenUrl', title: 'Åbn dashboard', url: 'https://nabo.example.dk/tab?token=v1.x' }]);
    expect(card.msteams).toEqual({ width: 'Full' });
    expect(actionsOf(renderOneCard([table], da)!.body)).toEqual([]);
  });

  test('long tables are split across cards that each stay under the size limit', () => {
    const rows = Array.from({ length: 120 }, (_, i) => ({
      cells: [`Succeskriterium nummer ${i} med en ret lang tekst om målgruppen`, '1', '2', '3', 'på vej'],
      status: 'on_track' as const,
    }));
    const cards = renderCards([{ kind: 'table', title: 'Hele planen', columns: ['Mål', 'Nu', 'Mål', 'Forv.', 'Status'], rows }], da);
    expect(cards.length).toBeGreaterThan(1);
    for (const c of cards) expect(Buffer.byteLength(JSON.stringify(c.body))).toBeLessThanOrEqual(MAX_CARD_BYTES);
    // And no card is closed early: the next card's first part would not have fitted.
    for (let i = 0; i + 1 < cards.length; i++)
      expect(Buffer.byteLength(JSON.stringify([...(cards[i]?.body ?? []), cards[i + 1]?.body[0]]))).toBeGreaterThan(MAX_CARD_BYTES);
    const total = cards.flatMap((c) => c.body.filter((e): e is Table => e.type === 'Table')).reduce((n, t) => n + t.rows.length - 1, 0);
    expect(total).toBe(120);
  });

  test('Arabic, Dari and Sorani cards are right to left; files travel as attachments', () => {
    const msgs = renderMessages(
      [
        { kind: 'text', text: 'مرحبا\nسطر ثان' },
        { kind: 'file', fileName: 'nabo.ics', mimeType: 'text/calendar', content: 'BEGIN:VCALENDAR' },
      ],
      { texts: cardTexts('ar'), rtl: true },
    );
    expect(msgs).toHaveLength(2);
    const card = msgs[0]?.attachments?.[0]?.content as { rtl?: boolean; body: unknown[] };
    expect(card.rtl).toBe(true);
    expect(card.body).toHaveLength(2);
    expect(msgs[1]?.attachments?.[0]).toMatchObject({
      contentType: 'text/calendar',
      name: 'nabo.ics',
      contentUrl: `data:text/calendar;base64,${Buffer.from('BEGIN:VCALENDAR').toString('base64')}`,
    });
  });
});

describe('reading Teams activities', () => {
  const base = {
    channelId: 'msteams',
    from: { id: '29:x', name: 'Mette', aadObjectId: USER },
    recipient: { id: '28:bot', name: 'Nabo' },
    conversation: { id: 'c', name: '', isGroup: true, conversationType: 'groupChat' },
  };

  test('the bot’s @mention is removed from typed text', () => {
    const a = {
      ...base,
      type: 'message',
      text: '<at>Nabo</at> tag fremmøde',
      entities: [{ type: 'mention', mentioned: { id: '28:bot', name: 'Nabo' }, text: '<at>Nabo</at>' }],
    } as unknown as Activity;
    expect(readInbound(a)).toEqual({ kind: 'text', text: 'tag fremmøde' });
  });

  test('a message with a mention but no text is read as empty text, not an error (found by the fuzzer)', () => {
    const a = {
      ...base,
      type: 'message',
      entities: [{ type: 'mention', mentioned: { id: '28:bot', name: 'Nabo' }, text: '<at>Nabo</at>' }],
    } as unknown as Activity;
    expect(readInbound(a)).toEqual({ kind: 'text', text: '' });
  });

  test('an Action.Submit arrives as a message with value: action plus inputs as strings', () => {
    const a = {
      ...base,
      type: 'message',
      value: { action: 'attendance.submit|ev1', p1: 'true', walkIns: 3, done: false, nested: { x: 1 } },
    } as unknown as Activity;
    expect(readInbound(a)).toEqual({
      kind: 'action',
      action: 'attendance.submit|ev1',
      values: { p1: 'true', walkIns: '3', done: 'false' },
      followText: undefined,
      via: 'submit',
    });
  });

  test('an Action.Execute invoke is read from value.action.data (or its verb)', () => {
    const a = {
      ...base,
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'delivery.save', data: {} } },
    } as unknown as Activity;
    expect(readInbound(a)).toMatchObject({ kind: 'action', action: 'delivery.save', via: 'invoke' });
  });

  test('foreign card data, over-long actions and other activities are ignored', () => {
    expect(parseSubmit({ foo: 1 }, 'submit')).toBeNull();
    expect(parseSubmit({ action: 'x'.repeat(65) }, 'submit')).toBeNull();
    expect(readInbound({ ...base, type: 'typing' } as unknown as Activity)).toEqual({ kind: 'ignore' });
  });

  test('values are cut to the core’s text limit', () => {
    const r = parseSubmit({ action: 'handovers.answer|h1', followText: 'answer', answer: 'x'.repeat(5000) }, 'submit');
    expect(r).toMatchObject({ followText: 'answer' });
    expect(r?.kind === 'action' && r.values['answer']?.length).toBe(1000);
  });
});

describe('access', () => {
  const config = {
    allowedTenants: [TENANT],
    admins: new Set(['ad000000-0000-0000-0000-000000000001']),
    coordinators: new Set(['c0000000-0000-0000-0000-000000000001']),
  };
  const from = (id: string, tenant = TENANT): Partial<Activity> => ({
    from: { id: `29:${id}`, name: 'x', aadObjectId: id },
    channelData: { tenant: { id: tenant } },
  });

  test('users of allowed tenants are staff; coordinators and admins by object id; a promoted coordinator stays one', () => {
    expect(resolveAccess(from(USER), config)).toMatchObject({ allowed: true, role: 'staff', objectId: USER });
    expect(resolveAccess(from('C0000000-0000-0000-0000-000000000001'), config)).toMatchObject({ role: 'coordinator' });
    expect(resolveAccess(from('ad000000-0000-0000-0000-000000000001'), config)).toMatchObject({ role: 'admin' });
    expect(resolveAccess(from(USER), config, 'coordinator')).toMatchObject({ role: 'coordinator' });
    // Admin comes only from configuration.
    expect(resolveAccess(from(USER), config, 'admin')).toMatchObject({ role: 'staff' });
  });

  test('other tenants and senders without a tenant are refused; without a tenant list anyone is staff', () => {
    expect(resolveAccess(from(USER, '99999999-8888-7777-6666-555555555555'), config)).toEqual({ allowed: false, reason: 'tenant' });
    expect(resolveAccess({ from: { id: '29:x', name: 'x', aadObjectId: USER } }, config)).toEqual({ allowed: false, reason: 'tenant' });
    expect(resolveAccess({ from: { id: 'local-user', name: 'x' } }, { ...config, allowedTenants: [] })).toMatchObject({
      allowed: true,
      objectId: 'local-user',
      role: 'staff',
    });
  });
});

describe('texts in eight languages', () => {
  const translations = new Translations();
  test('the refusal, card texts and tab texts come from i18next and are really translated', () => {
    const serialised = (f: (l: (typeof LANGUAGES)[number]) => unknown): Set<string> => new Set(LANGUAGES.map((l) => JSON.stringify(f(l))));
    expect(serialised((l) => tenantRefusal(l)).size).toBe(LANGUAGES.length);
    expect(serialised((l) => ({ ...cardTexts(l), range: cardTexts(l).range(1, 9) })).size).toBe(LANGUAGES.length);
    expect(serialised((l) => tabTexts(translations.translator(l))).size).toBe(LANGUAGES.length);
    for (const l of LANGUAGES) {
      // The numbers are filled in, isolated so they keep their place in right-to-left text.
      // In the language's own digits, as its dates are written (Dari "۱", Sorani "١").
      expect(cardTexts(l).range(1, 9)).toMatch(new RegExp(`\u2068${localDigits(1, l)}\u2069[\\s\\S]*\u2068${localDigits(9, l)}\u2069`));
    }
  });

  test('the refusal follows the client language, Danish when it is not one of ours', () => {
    const ours = (l: (typeof LANGUAGES)[number]): string => translations.translator(l)('channel:refusal.tenant');
    expect(tenantRefusal('tr-TR')).toBe(ours('tr'));
    expect(tenantRefusal('prs-AF')).toBe(ours('fa'));
    expect(tenantRefusal('de-DE')).toBe(ours('da'));
    expect(tenantRefusal(undefined)).toBe(ours('da'));
    expect(tenantRefusal('de-DE')).toMatch(/^Beklager, Nabo i Teams/);
  });
});

describe('right-to-left cards keep Danish text and numbers in their logical order', () => {
  test('the attendance reminder and the handover card isolate what they interpolate', () => {
    const reminder = JSON.stringify(attendanceReminderCard({ id: 'e1', title: 'Fællesspisning', endsAt: new Date('2026-12-03T18:30:00Z') }, 'ar'));
    expect(reminder).toContain('\u2068Fællesspisning\u2069');
    expect(reminder).toContain('\u206819:30\u2069');
    expect(reminder).toContain('"rtl":true');
    const handover = JSON.stringify(handoverCard({ id: 'h1', firstName: 'Mette', language: 'da', question: 'Hvornår åbner ParkCafeen?' }, 'ar'));
    expect(handover).toContain('\u2068Mette\u2069');
    expect(handover).toContain('\u2068الدنماركية\u2069');
  });
});
