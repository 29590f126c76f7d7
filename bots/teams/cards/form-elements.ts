/**
 * A neutral form → Adaptive Card inputs and one Action.Submit carrying the form's action. Limits
 * the core states (required, min, max) become the card's own validation, so Teams refuses an empty
 * or out-of-range value before anything is sent; the flows check again, since a card is only a
 * client.
 */
import type { FormField, Reply } from '../../../src/conversation/replies';
import { MAX_TEXT } from '../../../src/conversation/turn';
import type { CardTexts } from '../card-texts';
import { textBlock, type ActionSet, type CardElement, type Input } from './adaptive-card';

type Form = Extract<Reply, { kind: 'form' }>;

function errorMessage(field: FormField, texts: CardTexts): string | undefined {
  if (field.type === 'number' && (field.min !== undefined || field.max !== undefined)) {
    return texts.range(field.min ?? 0, field.max ?? 9999);
  }
  return field.required ? texts.required : undefined;
}

const numberOrUndefined = (v: string | undefined): number | undefined =>
  v !== undefined && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined;

/** One input for one field. */
export function inputFor(field: FormField, texts: CardTexts): Input {
  const common = {
    id: field.name,
    label: field.label,
    ...(field.required ? { isRequired: true } : {}),
    ...(errorMessage(field, texts) ? { errorMessage: errorMessage(field, texts) } : {}),
  };
  switch (field.type) {
    case 'number':
      return { type: 'Input.Number', ...common, value: numberOrUndefined(field.value), min: field.min, max: field.max };
    case 'toggle':
      // The toggle's own title is what a person reads; a separate label would repeat it.
      return {
        type: 'Input.Toggle',
        id: field.name,
        title: field.label,
        value: field.value === 'true' ? 'true' : 'false',
        valueOn: 'true',
        valueOff: 'false',
        wrap: true,
      };
    case 'choice':
      return {
        type: 'Input.ChoiceSet',
        ...common,
        style: field.multiple ? 'expanded' : 'compact',
        ...(field.multiple ? { isMultiSelect: true } : {}),
        choices: (field.options ?? []).map((o) => ({ title: o.label, value: o.value })),
        value: field.value,
      };
    case 'date':
      return { type: 'Input.Date', ...common, value: field.value };
    case 'time':
      return { type: 'Input.Time', ...common, value: field.value };
    case 'text':
      return { type: 'Input.Text', ...common, value: field.value, maxLength: MAX_TEXT, ...(field.multiline ? { isMultiline: true } : {}) };
  }
}

/**
 * The inputs, with each run of fields sharing a `section` folded under a button that shows it
 * (open already when one of them has a value, so nothing entered is hidden).
 */
function inputElements(fields: readonly FormField[], texts: CardTexts): CardElement[] {
  const out: CardElement[] = [];
  for (let i = 0; i < fields.length;) {
    const section = fields[i]?.section;
    let end = i + 1;
    while (section && end < fields.length && fields[end]?.section === section) end++;
    const run = fields.slice(i, end);
    if (!section) out.push(...run.map((f) => inputFor(f, texts)));
    else {
      const id = `section_${i}`;
      out.push(
        { type: 'ActionSet', actions: [{ type: 'Action.ToggleVisibility', title: section, targetElements: [id] }] },
        { type: 'Container', id, isVisible: run.some((f) => f.value), items: run.map((f) => inputFor(f, texts)) },
      );
    }
    i = end;
  }
  return out;
}

/** The form's elements: its text, the inputs, the submit button. */
export function formElements(form: Form, texts: CardTexts): CardElement[] {
  const submit: ActionSet = {
    type: 'ActionSet',
    actions: [{ type: 'Action.Submit', title: form.submit.label, style: 'positive', data: { action: form.submit.action } }],
  };
  return [textBlock(form.text, { weight: 'bolder' }), ...inputElements(form.fields, texts), submit];
}
