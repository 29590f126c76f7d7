/**
 * `npm run playground`: Nabo with its Teams channel on http://127.0.0.1:3978, then the Microsoft 365
 * Agents Playground (a Teams-like client with its own mock connector, offline) pointed at it.
 * Open http://127.0.0.1:56150 and chat as the Playground's user. Without MicrosoftAppId nothing is
 * authenticated — local use only. Unless NABO_COORDINATORS or NABO_ADMINS say otherwise, the
 * Playground's default user (Alex Wilber) is a coordinator, so progress cards can be tried too.
 */
import { spawn } from 'node:child_process';
import { loadConfig } from '../../src/config/config';
import { createLogger } from '../../src/logging/logger';
import { systemClock } from '../../src/time/clock';
import { createNabo } from '../composition';
import { startHttpServer } from '../http/server';
import { loadTeamsConfig, startTeams } from './index';

/** The Playground's default user (its built-in configuration). */
export const PLAYGROUND_USER = '00000000-0000-0000-0000-0000000000020';
const PLAYGROUND_PORT = process.env.PLAYGROUND_PORT ?? '56150';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const env = { ...process.env };
  if (!env.NABO_COORDINATORS && !env.NABO_ADMINS) env.NABO_COORDINATORS = PLAYGROUND_USER;
  const teamsConfig = loadTeamsConfig(env);
  const nabo = await createNabo(config, systemClock, logger);
  const http = await startHttpServer({ port: config.port, db: nabo.database.db, logger, provider: nabo.database.provider });
  // Wired as bots/main.ts wires it: the core's worker delivers the outbox (and prompts staff).
  const teams = startTeams({ nabo, http, config: teamsConfig, logger, clock: systemClock });
  nabo.outbox.start();
  const endpoint = `http://127.0.0.1:${http.port()}/api/messages`;
  // The same program `npx agentsplayground start …` runs, started directly: through npx the
  // shell and npm in between do not pass SIGTERM on, and the Playground would outlive Nabo.
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  const playground = spawn(process.execPath, [cli, 'start', '-e', endpoint, '-c', 'msteams', '-p', PLAYGROUND_PORT], {
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
    stdio: 'inherit',
  });
  console.log(`Nabo listens on ${endpoint}; the Agents Playground opens on http://127.0.0.1:${PLAYGROUND_PORT} (Ctrl-C stops both).`);
  const stop = async (code: number): Promise<void> => {
    if (playground.exitCode === null && playground.pid) playground.kill('SIGTERM');
    await teams.stop();
    await http.close();
    await nabo.close();
    process.exit(code);
  };
  playground.on('exit', (code) => void stop(code ?? 0));
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
