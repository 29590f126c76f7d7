/**
 * The console channel: talk to Nabo in a terminal against the embedded database, as a resident,
 * staff member or coordinator. Numbered choices are pressed by typing their number; forms are
 * asked field by field. Lines piped on standard input are read as a script (for demos and tests).
 *
 *   npm run chat -- --role resident --lang ar
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs as parseCommandLine } from 'node:util';
import { z } from 'zod';
import { loadConfig, PROJECT_ROOT } from '../../src/config/config';
import { createLogger } from '../../src/logging/logger';
import { ROLES } from '../../src/people/people-service';
import { LANGUAGES } from '../../src/plan-data/plan-file';
import { systemClock } from '../../src/time/clock';
import { typedChoice } from '../../src/conversation/replies';
import type { Turn } from '../../src/conversation/turn';
import { createNabo } from '../composition';
import { render, terminalSafe, type Rendered } from './render';

const argsSchema = z.object({
  role: z.enum(ROLES).default('resident'),
  lang: z.enum(LANGUAGES).default('da'),
  name: z.string().min(1).max(64).default('Konsol'),
  id: z.string().min(1).max(64).optional(),
});

/** Parses "--role staff --lang ar" into validated options; exits with a clear message when wrong. */
export function parseArgs(argv: string[]): z.infer<typeof argsSchema> {
  const usage = `Usage: npm run chat -- [--role ${ROLES.join('|')}] [--lang ${LANGUAGES.join('|')}] [--name NAME] [--id SESSION]`;
  let raw: Record<string, string | undefined>;
  try {
    ({ values: raw } = parseCommandLine({
      args: argv,
      options: { role: { type: 'string' }, lang: { type: 'string' }, name: { type: 'string' }, id: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    console.error(`${usage}\n  ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  }
  const r = argsSchema.safeParse(raw);
  if (!r.success) {
    console.error(`${usage}\n${r.error.issues.map((i) => `  --${i.path.join('.')}: ${i.message}`).join('\n')}`);
    process.exit(2);
  }
  return r.data;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const nabo = await createNabo(config, systemClock, logger);
  const interactive = process.stdin.isTTY === true;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: interactive });
  const lines = rl[Symbol.asyncIterator]();
  const ask = async (prompt: string): Promise<string | null> => {
    if (interactive) process.stdout.write(prompt);
    const next = await lines.next();
    if (next.done) return null;
    if (!interactive) console.log(`${prompt}${terminalSafe(next.value)}`);
    return next.value;
  };
  const externalId = args.id ?? `console-${args.role}-${args.lang}`;
  const base = { channel: 'console' as const, externalId, firstName: args.name, clientLanguage: args.lang, role: args.role };
  const filesDir = join(PROJECT_ROOT, 'data', 'console-files');

  const show = (r: Rendered): void => {
    console.log(r.lines.join('\n'));
    for (const f of r.files) {
      mkdirSync(filesDir, { recursive: true });
      const path = join(filesDir, f.fileName);
      writeFileSync(path, f.content);
      console.log(`  [file] ${path}`);
    }
  };
  const send = async (input: Turn['input']): Promise<Rendered> => {
    const r = render(await nabo.engine.handle({ ...base, input }));
    show(r);
    return r;
  };

  console.log(`Nabo console — ${args.role}, ${args.lang}. Type a number to press a button, or write freely. Ctrl-D ends.\n`);
  let last = await send({ kind: 'start' });
  for (;;) {
    if (last.form) {
      const values: Record<string, string> = {};
      for (const field of last.form.fields) {
        const options = field.options?.map((o, i) => `${i + 1}=${o.label}`).join(', ');
        const hint = field.type === 'toggle' ? ' (j/n)' : options ? ` (${options})` : field.value ? ` [${field.value}]` : '';
        const answer = await ask(`  ${field.label}${hint}: `);
        if (answer === null) break;
        const a = answer.trim();
        if (field.type === 'toggle') values[field.name] = /^(j|y|ja|yes|1|true)$/i.test(a || (field.value === 'true' ? 'j' : 'n')) ? 'true' : 'false';
        else if (field.options && /^\d+$/.test(a)) values[field.name] = field.options[Number(a) - 1]?.value ?? a;
        else values[field.name] = a || field.value || '';
      }
      last = await send({ kind: 'action', action: last.form.submit.action, values });
      continue;
    }
    const line = await ask('\n> ');
    if (line === null) break;
    // The core decides what a typed number presses, so value buttons mean the same in every channel.
    const picked = typedChoice(last.choices, line);
    last = picked ? await send({ kind: 'action', action: picked.action }) : await send({ kind: 'text', text: line });
  }
  rl.close();
  await nabo.close();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
