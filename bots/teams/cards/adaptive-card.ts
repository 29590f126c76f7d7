/**
 * The slice of Adaptive Cards 1.5 that Nabo uses, typed, so a misspelt property fails to compile
 * rather than render blank in Teams. Reference: adaptivecards.io schema explorer (Table, Input.*,
 * Action.Submit, rtl are all 1.5 or earlier).
 */

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export type TextColor = 'default' | 'good' | 'warning' | 'attention' | 'accent';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';

/** What a Nabo button sends back: the core's action, and for the adapter's own cards a hint. */
export interface SubmitData {
  action: string;
  /** Send this input's value as typed text right after the action (adapter-composed cards only). */
  followText?: string;
  [input: string]: string | undefined;
}

export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap?: boolean;
  weight?: 'default' | 'bolder';
  size?: 'small' | 'default' | 'medium' | 'large';
  color?: TextColor;
  isSubtle?: boolean;
  spacing?: 'none' | 'small' | 'default' | 'medium' | 'large';
  horizontalAlignment?: 'left' | 'center' | 'right';
}

interface InputBase {
  id: string;
  label?: string;
  isRequired?: boolean;
  errorMessage?: string;
}

export interface InputText extends InputBase {
  type: 'Input.Text';
  value?: string;
  placeholder?: string;
  isMultiline?: boolean;
  maxLength?: number;
}
export interface InputNumber extends InputBase {
  type: 'Input.Number';
  value?: number;
  min?: number;
  max?: number;
}
export interface InputToggle extends InputBase {
  type: 'Input.Toggle';
  title: string;
  value: 'true' | 'false';
  valueOn: 'true';
  valueOff: 'false';
  wrap?: boolean;
}
export interface InputChoiceSet extends InputBase {
  type: 'Input.ChoiceSet';
  choices: { title: string; value: string }[];
  value?: string;
  style?: 'compact' | 'expanded' | 'filtered';
  /** Several choices at once; Teams sends their values joined by commas. */
  isMultiSelect?: boolean;
}
export interface InputDate extends InputBase {
  type: 'Input.Date';
  value?: string;
}
export interface InputTime extends InputBase {
  type: 'Input.Time';
  value?: string;
}
export type Input = InputText | InputNumber | InputToggle | InputChoiceSet | InputDate | InputTime;

export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data: SubmitData;
  style?: 'default' | 'positive';
  associatedInputs?: 'auto' | 'none';
}
export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}
/** Shows or hides elements by id (a folded group of inputs; their values are submitted either way). */
export interface ToggleVisibilityAction {
  type: 'Action.ToggleVisibility';
  title: string;
  targetElements: string[];
}
export type CardAction = SubmitAction | OpenUrlAction | ToggleVisibilityAction;

export interface ActionSet {
  type: 'ActionSet';
  actions: CardAction[];
}

export interface TableCell {
  type: 'TableCell';
  items: TextBlock[];
  style?: ContainerStyle;
}
export interface TableRowElement {
  type: 'TableRow';
  cells: TableCell[];
  style?: ContainerStyle;
}
export interface Table {
  type: 'Table';
  columns: { width: number }[];
  rows: TableRowElement[];
  firstRowAsHeader: boolean;
  showGridLines: boolean;
  gridStyle?: ContainerStyle;
}

export interface Container {
  type: 'Container';
  items: CardElement[];
  id?: string;
  isVisible?: boolean;
  style?: ContainerStyle;
  separator?: boolean;
  spacing?: 'none' | 'small' | 'default' | 'medium' | 'large';
}

export type CardElement = TextBlock | Input | ActionSet | Table | Container;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  body: CardElement[];
  /** Right-to-left layout for Arabic, Dari and Sorani (Adaptive Cards 1.5). */
  rtl?: boolean;
  fallbackText?: string;
  /** Teams: use the full width of the conversation, so tables fit. */
  msteams?: { width: 'Full' };
}

/** A card with the schema header filled in. */
export function adaptiveCard(body: CardElement[], opts: { rtl: boolean; fallbackText?: string; wide?: boolean }): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(opts.rtl ? { rtl: true } : {}),
    ...(opts.fallbackText ? { fallbackText: opts.fallbackText.slice(0, 500) } : {}),
    ...(opts.wide ? { msteams: { width: 'Full' as const } } : {}),
  };
}

/**
 * Plain text made inert for a TextBlock, whose text Teams reads as markdown. Nabo's own texts use
 * no markdown (emphasis is set with `weight`), so everything is escaped: a resident's name or
 * question cannot become bold, a list or a link with a hidden target on a staff card.
 */
export function plainMarkdown(text: string): string {
  return text
    .replace(/[\\*_[\]]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#+-]|\d+\.)(?=\s)/, (_m, space: string, marker: string) => `${space}${marker.replace(/([#+-]|\.)$/, '\\$1')}`);
}

/** A wrapping TextBlock showing `text` literally (see plainMarkdown). */
export const textBlock = (text: string, extra: Omit<TextBlock, 'type' | 'text'> = {}): TextBlock => ({
  type: 'TextBlock',
  text: plainMarkdown(text),
  wrap: true,
  ...extra,
});

/** Every input of a card, however deeply nested (to check ids are unique, and in tests). */
export function inputsOf(elements: readonly CardElement[]): Input[] {
  return elements.flatMap((e) => (e.type === 'Container' ? inputsOf(e.items) : e.type.startsWith('Input.') ? [e as Input] : []));
}

/** Every action of a card, however deeply nested. */
export function actionsOf(elements: readonly CardElement[]): CardAction[] {
  return elements.flatMap((e) => (e.type === 'Container' ? actionsOf(e.items) : e.type === 'ActionSet' ? e.actions : []));
}
