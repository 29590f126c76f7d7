/**
 * botbuilder, loaded on first use. The Bot Framework SDK and what it pulls in (the connector, Azure
 * identity, MSAL, streaming: ~600 modules, ~30 MB and ~0.4 s) are needed only when a Teams activity
 * arrives or Nabo sends one, not to start and wait; an instance that only serves Telegram never
 * loads it. Everything else in bots/teams imports botbuilder as types only and asks here for values.
 */
import type * as Botbuilder from 'botbuilder';

let loaded: typeof Botbuilder | undefined;

/** The botbuilder module, required synchronously the first time (a turn or a proactive send). */
export function botbuilder(): typeof Botbuilder {
  // A plain require: the compiled server is CommonJS, and a turn needs the SDK before it can run.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('botbuilder') as typeof Botbuilder;
  return loaded;
}

/** The activity types Nabo reads and writes, spelled as botbuilder's ActivityTypes (checked), without loading it. */
export const ActivityTypes = {
  Message: 'message',
  Invoke: 'invoke',
  InvokeResponse: 'invokeResponse',
  ConversationUpdate: 'conversationUpdate',
} as const satisfies Record<string, `${Botbuilder.ActivityTypes}`>;

/** Whether botbuilder has been loaded in this process (for the idle-memory test). */
export const botbuilderLoaded = (): boolean => loaded !== undefined;
