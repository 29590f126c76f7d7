/** The console channel writes no terminal escape sequences, whatever a name or a question holds. */
import { render } from '../../bots/console/render';

describe('console rendering', () => {
  test('escape sequences and other controls in texts, buttons and tables are not written to the terminal', () => {
    const evil = 'Amina\u001b[2J\u001b]0;pwned\u0007\u009b31m';
    const out = render({
      language: 'da',
      direction: 'ltr',
      replies: [
        { kind: 'text', text: `Spørgsmål fra ${evil}\nlinje to` },
        { kind: 'choices', text: evil, choices: [{ label: evil, action: 'welcome.menu' }] },
        { kind: 'table', title: evil, columns: ['Navn'], rows: [{ cells: [evil] }] },
      ],
    });
    const written = out.lines.join('\n');
    expect(written).not.toMatch(/(?!\n)\p{Cc}/u);
    expect(written).toContain('Spørgsmål fra Amina[2J]0;pwned31m');
    expect(out.lines).toContain('linje to');
  });
});
