/**
 * Writes a PNG QR code for a deep link that opens Nabo in Telegram on an event or an activity, for
 * posters in the stairwells:
 *
 *   npm run qr -- --event <id> [--bot NaboBot] [--out ./data/qr-event-<id>.png]
 *   npm run qr -- --activity <id> …
 *
 * The bot's username comes from --bot or TELEGRAM_BOT_USERNAME. (Activity links open the activity
 * once the engine reads "a_" payloads; event links work now.)
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import QRCode from 'qrcode';
import { deepLink, type LinkKind } from './deep-link';

const USAGE = 'Usage: npm run qr -- (--event <id> | --activity <id>) [--bot <username>] [--out <file.png>]';

/** What the command line asks for. */
export interface QrArgs {
  kind: LinkKind;
  id: string;
  link: string;
  out: string;
}

/** Parses and checks the arguments; throws an Error whose message says exactly what is wrong. */
export function parseQrArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): QrArgs {
  let values: { event?: string; activity?: string; bot?: string; out?: string };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { event: { type: 'string' }, activity: { type: 'string' }, bot: { type: 'string' }, out: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new Error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`, { cause: err });
  }
  for (const [flag, value] of Object.entries(values)) if (!value || value.startsWith('--')) throw new Error(`--${flag} needs a value.\n${USAGE}`);
  const { event, activity } = values;
  if ((event === undefined) === (activity === undefined)) throw new Error(`Give exactly one of --event or --activity.\n${USAGE}`);
  const kind: LinkKind = event !== undefined ? 'event' : 'activity';
  const id = (event ?? activity ?? '').trim();
  const bot = values.bot ?? env['TELEGRAM_BOT_USERNAME'];
  if (!bot) throw new Error(`The bot's username is unknown: pass --bot <username> or set TELEGRAM_BOT_USERNAME.\n${USAGE}`);
  const link = deepLink(bot, kind, id);
  const out = resolve(values.out ?? `./data/qr-${kind}-${id}.png`);
  if (!out.toLowerCase().endsWith('.png')) throw new Error(`--out must name a .png file (got ${out}).`);
  return { kind, id, link, out };
}

/** Writes the QR code; returns the link it encodes. */
export async function writeQr(args: QrArgs): Promise<string> {
  mkdirSync(dirname(args.out), { recursive: true });
  // Level M survives a bit of wear on a printed poster; 8 px modules scan from a metre away.
  await QRCode.toFile(args.out, args.link, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 8 });
  return args.link;
}

async function main(): Promise<void> {
  let args: QrArgs;
  try {
    args = parseQrArgs(process.argv.slice(2));
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(2);
  }
  const link = await writeQr(args);
  console.log(`${args.out}\n${link}`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
