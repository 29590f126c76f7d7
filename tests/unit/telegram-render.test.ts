import { escapeHtml, renderBatch, splitText, tableLines } from '../../bots/telegram/render';
import { formHint } from '../../bots/telegram/form-text';
import { choice, type Reply } from '../../src/conversation/replies';

const batch = (replies: Reply[], language = 'da') => ({ language, direction: 'ltr' as const, replies });

describe('renderBatch', () => {
  test('text as plain text, choices with an inline keyboard; text before buttons is one message with them', () => {
    const out = renderBatch(
      batch([
        { kind: 'text', text: 'Hej <3 & farvel' },
        { kind: 'text', text: 'Vi ses' },
        { kind: 'choices', text: 'Hvor mange?', choices: [choice('1', 'a.b|1'), choice('2', 'a.b|2')] },
      ]),
    );
    expect(out).toEqual([
      {
        kind: 'message',
        text: 'Hej <3 & farvel\n\nVi ses\n\nHvor mange?',
        html: false,
        textFirst: true,
        keyboard: {
          inline_keyboard: [
            [
              { text: '1', callback_data: 'a.b|1' },
              { text: '2', callback_data: 'a.b|2' },
            ],
          ],
        },
      },
    ]);
  });

  test('a bare question stays as it is; text after buttons, or too long to join, stays a message of its own', () => {
    const ask = { kind: 'choices' as const, text: 'Hvor mange?', choices: [choice('1', 'a.b|1')] };
    const keyboard = { inline_keyboard: [[{ text: '1', callback_data: 'a.b|1' }]] };
    expect(renderBatch(batch([ask, { kind: 'text', text: 'Efterskrift' }]))).toEqual([
      { kind: 'message', text: 'Hvor mange?', html: false, keyboard },
      { kind: 'message', text: 'Efterskrift', html: false },
    ]);
    const long = 'x'.repeat(3990);
    expect(renderBatch(batch([{ kind: 'text', text: long }, ask]))).toEqual([
      { kind: 'message', text: long, html: false },
      { kind: 'message', text: 'Hvor mange?', html: false, keyboard },
    ]);
  });

  test('keeps right-to-left text exactly as given', () => {
    const arabic = 'تم تسجيلك في \u2068Fællesspisning\u2069.';
    expect(renderBatch(batch([{ kind: 'text', text: arabic }], 'ar'))).toEqual([{ kind: 'message', text: arabic, html: false }]);
  });

  test('tables as escaped monospace HTML with aligned columns', () => {
    const [m] = renderBatch(
      batch([
        {
          kind: 'table',
          title: 'Mål <2025>',
          columns: ['Aktivitet', 'Antal'],
          rows: [{ cells: ['Lektier & leg', '12'] }, { cells: ['\u2068Café\u2069', '7'] }],
        },
      ]),
    );
    expect(m).toMatchObject({ kind: 'message', html: true });
    const text = (m as { text: string }).text;
    expect(text.startsWith('<b>Mål &lt;2025&gt;</b>\n<pre>')).toBe(true);
    expect(text).toContain('Lektier &amp; leg  12');
    expect(text).toContain('Café           7');
    expect(text).not.toMatch(/[\u2068\u2069]/);
  });

  test('splits a long table into messages that each repeat the header', () => {
    const rows = Array.from({ length: 400 }, (_, i) => ({ cells: [`Række nummer ${i}`, String(i)] }));
    const out = renderBatch(batch([{ kind: 'table', title: 'T', columns: ['Navn', 'Tal'], rows }]));
    expect(out.length).toBeGreaterThan(1);
    for (const m of out) {
      expect((m as { text: string }).text.length).toBeLessThanOrEqual(4096);
      expect((m as { text: string }).text).toContain('<pre>Navn');
    }
  });

  test('a form becomes its text and a numbered list of fields, with how to answer', () => {
    const [m] = renderBatch(
      batch([
        {
          kind: 'form',
          text: 'Registrér leverance',
          submit: choice('Gem', 'delivery.submit'),
          fields: [
            { name: 'activity', label: 'Aktivitet', type: 'choice', required: true, options: [{ label: 'Fællesspisning', value: 'a1' }], value: 'a1' },
            { name: 'participants', label: 'Deltagere', type: 'number' },
          ],
        },
      ]),
    );
    const text = (m as { text: string; keyboard?: unknown }).text;
    expect(text).toContain('1. Aktivitet *: Fællesspisning');
    expect(text).toContain('2. Deltagere');
    expect(text).toContain(formHint('da'));
    expect((m as { keyboard?: unknown }).keyboard).toBeUndefined();
  });

  test('a file becomes a document with its caption', () => {
    expect(renderBatch(batch([{ kind: 'file', fileName: 'nabo.ics', mimeType: 'text/calendar', content: 'BEGIN:VCALENDAR', caption: 'Kalender' }]))).toEqual([
      { kind: 'document', fileName: 'nabo.ics', mimeType: 'text/calendar', content: 'BEGIN:VCALENDAR', caption: 'Kalender' },
    ]);
  });

  test('the menu after a file rides on the file: its text under the caption, its buttons under the file', () => {
    const file = { kind: 'file', fileName: 'nabo.ics', mimeType: 'text/calendar', content: 'BEGIN:VCALENDAR', caption: 'Læg det i din kalender' } as const;
    const [first, ...rest] = renderBatch(
      batch([{ kind: 'text', text: 'Du er tilmeldt' }, file, { kind: 'choices', text: 'Hvad vil du?', choices: [choice('Aktiviteter', 'find.week')] }]),
    );
    expect(first).toEqual({ kind: 'message', text: 'Du er tilmeldt', html: false });
    expect(rest).toEqual([
      {
        kind: 'document',
        fileName: 'nabo.ics',
        mimeType: 'text/calendar',
        content: 'BEGIN:VCALENDAR',
        caption: 'Læg det i din kalender\n\nHvad vil du?',
        keyboard: { inline_keyboard: [[{ text: 'Aktiviteter', callback_data: 'find.week' }]] },
      },
    ]);
    // Too long for a caption (1024): the two stay apart.
    const long = 'x'.repeat(990);
    expect(renderBatch(batch([file, { kind: 'text', text: long }])).map((m) => m.kind)).toEqual(['document', 'message']);
  });

  test('never sends an empty message; a keyboard still gets some text', () => {
    expect(renderBatch(batch([{ kind: 'text', text: '  ' }]))).toEqual([]);
    expect(renderBatch(batch([{ kind: 'choices', text: '', choices: [choice('OK', 'a.b')] }]))[0]).toMatchObject({ text: '…' });
  });
});

describe('splitText and helpers', () => {
  test('cuts at line breaks under the limit, keeping everything', () => {
    const text = Array.from({ length: 100 }, (_, i) => `linje ${i} ${'x'.repeat(60)}`).join('\n');
    const pieces = splitText(text, 1000);
    expect(pieces.every((p) => p.length <= 1000)).toBe(true);
    expect(pieces.join('\n')).toBe(text);
  });

  test('escapes the three HTML characters', () => {
    expect(escapeHtml('a<b>&c')).toBe('a&lt;b&gt;&amp;c');
  });

  test('pads table columns by characters', () => {
    expect(tableLines(['A', 'B'], [['æøå', '1']])).toEqual(['A    B', '───  ─', 'æøå  1']);
  });
});
