/**
 * A staff member or coordinator chatting with the engine in Teams, for the flow tests: what they
 * write or press, and the text, buttons and table rows that came back (isolates stripped).
 */
import type { ConversationEngine } from '../../src/conversation/engine';
import type { ReplyBatch } from '../../src/conversation/replies';
import type { Turn } from '../../src/conversation/turn';
import { stripIsolates } from '../../src/i18n/i18n';
import type { Role } from '../../src/people/people-service';

type Table = Extract<ReplyBatch['replies'][number], { kind: 'table' }>;

/** One person chatting with the engine. */
export class StaffChat {
  last: ReplyBatch = { language: 'da', direction: 'ltr', replies: [] };
  private readonly who: Omit<Turn, 'input'>;
  constructor(
    private readonly engine: ConversationEngine,
    role: Role,
  ) {
    this.who = { channel: 'teams', externalId: `${role}-${Math.random().toString(36).slice(2)}`, firstName: 'Hanne', clientLanguage: 'da', role };
  }
  async send(input: Turn['input']): Promise<string> {
    this.last = await this.engine.handle({ ...this.who, input });
    return stripIsolates(this.last.replies.map((r) => (r.kind === 'table' ? r.title : r.kind === 'file' ? '' : r.text)).join('\n'));
  }
  say = (text: string): Promise<string> => this.send({ kind: 'text', text });
  act = (action: string, values?: Record<string, string>): Promise<string> => this.send({ kind: 'action', action, values });
  buttons(): { label: string; action: string }[] {
    return this.last.replies
      .flatMap((r) => (r.kind === 'choices' ? r.choices : r.kind === 'form' ? [r.submit] : []))
      .map((c) => ({ label: stripIsolates(c.label), action: c.action }));
  }
  press(label: string): Promise<string> {
    const c = this.last.replies.flatMap((r) => (r.kind === 'choices' ? r.choices : [])).find((b) => stripIsolates(b.label).includes(label));
    if (!c) throw new Error(`no button "${label}"`);
    return this.send({ kind: 'action', action: c.action });
  }
  table(): Table {
    const t = this.last.replies.find((r): r is Table => r.kind === 'table');
    if (!t) throw new Error('no table');
    return t;
  }
  /** The cells of the row whose first cell starts with `text`, isolates stripped. */
  row(text: string): string[] {
    const r = this.table().rows.find((x) => stripIsolates(x.cells[0] ?? '').startsWith(text));
    if (!r)
      throw new Error(
        `no row "${text}" among ${this.table()
          .rows.map((x) => x.cells[0])
          .join(' | ')}`,
      );
    return r.cells.map(stripIsolates);
  }
}
