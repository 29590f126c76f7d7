/**
 * `npm run calendar:link -- --activity KEY [--plan KEY]`: prints the signed .ics feed address of an
 * activity, for the secretariat to subscribe to in its calendar or put on a screen. Signed with
 * NABO_TAB_SECRET (the server's own secret); without a fixed secret a link would stop working at the
 * next restart, so the command refuses. The address starts with NABO_PUBLIC_URL when it is set.
 */
import { parseArgs } from 'node:util';
import type { CommandDeps } from '../plan-workbook/commands';
import { feedPath } from './feed-link';

const USAGE = 'usage: npm run calendar:link -- --activity KEY [--plan KEY]';

/** The environment variables the command reads. */
export interface LinkEnv {
  NABO_TAB_SECRET?: string;
  NABO_PUBLIC_URL?: string;
  PORT?: string;
}

/** Prints one line per activity with that key (one per plan unless --plan narrows it); exit code. */
export async function calendarLinkCommand(argv: string[], deps: CommandDeps, env: LinkEnv): Promise<number> {
  let values: { activity?: string | boolean; plan?: string | boolean };
  try {
    values = parseArgs({ args: argv, options: { activity: { type: 'string' }, plan: { type: 'string' } }, strict: true }).values;
  } catch {
    values = {};
  }
  if (typeof values.activity !== 'string') {
    deps.printError(USAGE);
    return 2;
  }
  const secret = env.NABO_TAB_SECRET ?? '';
  if (secret.length < 32) {
    deps.printError(deps.t('series:feed.no_secret'));
    return 1;
  }
  const db = await deps.db();
  const activities = await db.activity.findMany({
    where: { key: values.activity, ...(typeof values.plan === 'string' ? { plan: { key: values.plan } } : {}) },
    include: { plan: { select: { key: true } } },
    orderBy: { plan: { key: 'asc' } },
  });
  if (activities.length === 0) {
    deps.printError(deps.t('series:feed.unknown', { key: values.activity }));
    return 1;
  }
  const base = env.NABO_PUBLIC_URL?.replace(/\/+$/, '') ?? `http://localhost:${env.PORT ?? '3978'}`;
  for (const a of activities) deps.print(deps.t('series:feed.link', { name: a.name, plan: a.plan.key, url: base + feedPath(secret, a.id) }));
  return 0;
}
