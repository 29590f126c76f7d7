/**
 * Checking a staff form field by field. Each field has its own check that reads the answer as
 * people write it and names the field by its label, never by its internal name. A form with wrong
 * fields comes back with every right answer kept (as the value the form's input shows) and the
 * wrong ones empty, and Nabo also asks for the wrong fields one at a time in the chat, checking each
 * answer as it comes: channels without form widgets (Telegram, the console) fix one line at a time.
 */
import { z } from 'zod';
import { text, type Reply } from '../../conversation/replies';
import { waitFor, type FlowContext, type Step } from '../../conversation/flow';
import { normalizeText } from '../../text/normalize';

/** What one field's check found: the value to keep (normalized; undefined for an optional field left empty) or what to write instead. */
export type FieldResult = { ok: true; value: string | undefined } | { ok: false; problem: string };

/** One field of a form as it is checked. */
export interface FieldCheck {
  name: string;
  label: string;
  check(raw: string | undefined): FieldResult;
}

/** The result of checking a whole form. */
export interface CheckedForm {
  kept: Record<string, string>;
  wrong: { name: string; label: string; problem: string }[];
}

/** Checks every field; every right answer is kept even when others are wrong. */
export function checkFields(values: Record<string, string>, fields: readonly FieldCheck[]): CheckedForm {
  const kept: Record<string, string> = {};
  const wrong: CheckedForm['wrong'] = [];
  for (const f of fields) {
    const r = f.check(values[f.name]);
    if (r.ok) {
      if (r.value !== undefined) kept[f.name] = r.value;
    } else wrong.push({ name: f.name, label: f.label, problem: r.problem });
  }
  return { kept, wrong };
}

/** The draft of a form being fixed in the chat: which form, what is kept, which fields are still wrong. */
export const repairDraftSchema = z.object({
  form: z.enum(['event', 'series']),
  values: z.record(z.string(), z.string()),
  pending: z.array(z.string()).min(1),
});
export type RepairDraft = z.infer<typeof repairDraftSchema>;

/** The step that says what to fix, shows the form with the right answers kept, and waits for the first wrong field typed. */
export function repairStep(ctx: FlowContext, form: RepairDraft['form'], checked: CheckedForm, formReply: Reply): Step {
  const { t } = ctx;
  const first = checked.wrong[0];
  const lines = [t('series:form.fix'), ...checked.wrong.map((w) => w.problem)];
  const replies: Reply[] = [text(lines.join('\n')), formReply];
  if (!first) return { replies, next: null };
  replies.push(text(t('series:form.type_answer', { field: first.label })));
  return waitFor('fix', { form, values: checked.kept, pending: checked.wrong.map((w) => w.name) } satisfies RepairDraft, ...replies);
}

/**
 * A typed answer to the first wrong field: checked at once. Wrong again: the same question with
 * what to write. Right: the next wrong field is asked, or, with none left, `submit` gets the kept
 * answers and this one (and checks the whole form again, so rules between fields still hold).
 */
export async function repairAnswer(
  ctx: FlowContext,
  draft: RepairDraft,
  typed: string,
  fields: readonly FieldCheck[],
  submit: (values: Record<string, string>) => Promise<Step>,
): Promise<Step> {
  const { t } = ctx;
  const [name, ...rest] = draft.pending;
  const field = fields.find((f) => f.name === name);
  if (!field) return submit(draft.values);
  const r = field.check(typed);
  if (!r.ok) return waitFor('fix', draft, text(`${r.problem}\n${t('series:form.type_answer', { field: field.label })}`));
  const values = r.value === undefined ? draft.values : { ...draft.values, [field.name]: r.value };
  const next = fields.find((f) => f.name === rest[0]);
  if (next) return waitFor('fix', { ...draft, values, pending: rest }, text(t('series:form.type_answer', { field: next.label })));
  return submit(values);
}

/** A choice answered by its value (a card, the console) or by typing its label ("ParkCafeen"). */
export function choiceCheck(name: string, label: string, options: readonly { label: string; value: string }[], problem: string, required: boolean): FieldCheck {
  return {
    name,
    label,
    check(raw) {
      const s = raw?.trim() ?? '';
      if (!s) return required ? { ok: false, problem } : { ok: true, value: undefined };
      const byValue = options.find((o) => o.value === s);
      if (byValue) return { ok: true, value: byValue.value };
      const typed = normalizeText(s);
      const byLabel = options.find((o) => normalizeText(o.label) === typed) ?? options.find((o) => typed.length >= 3 && normalizeText(o.label).includes(typed));
      return byLabel ? { ok: true, value: byLabel.value } : { ok: false, problem };
    },
  };
}

/** A whole number in range, from "40" or "40 pladser"; empty is allowed unless required. */
export function countCheck(name: string, label: string, min: number, max: number, problem: string, required = false): FieldCheck {
  return {
    name,
    label,
    check(raw) {
      const s = raw?.trim() ?? '';
      if (!s) return required ? { ok: false, problem } : { ok: true, value: undefined };
      const m = /^(\d{1,4})(?:\s+\p{L}+)?$/u.exec(s);
      const n = m ? Number(m[1]) : NaN;
      return n >= min && n <= max ? { ok: true, value: String(n) } : { ok: false, problem };
    },
  };
}
