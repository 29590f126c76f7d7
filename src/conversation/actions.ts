/**
 * Button actions: "flow.step" or "flow.step|arg", short enough for Telegram's 64 bytes. Flows put
 * ids in `arg`, so a button still works after a restart or on another instance.
 */

/** A parsed action. */
export interface Action {
  flow: string;
  step: string;
  arg?: string;
}

/** "signup.party|ckxyz" → { flow: 'signup', step: 'party', arg: 'ckxyz' }. */
export function parseAction(action: string): Action | null {
  const m = /^([a-z]+)\.([a-z_]+)(?:\|(.+))?$/.exec(action);
  if (!m) return null;
  return { flow: m[1] as string, step: m[2] as string, arg: m[3] };
}

/** Builds an action string. */
export function action(flow: string, step: string, arg?: string | number): string {
  return arg === undefined ? `${flow}.${step}` : `${flow}.${step}|${arg}`;
}
