/**
 * The tab's browser bundle (client/main.ts with teams-js), built in memory with esbuild the first
 * time it is asked for. esbuild comes with tsx, which Nabo already runs on; building at start keeps
 * generated JavaScript out of the repository.
 */
import { join } from 'node:path';
import { build } from 'esbuild';

export const CLIENT_ENTRY = join(__dirname, 'client', 'main.ts');

let bundle: Promise<string> | null = null;

/** The minified bundle (built once per process). */
export function tabBundle(): Promise<string> {
  bundle ??= build({
    entryPoints: [CLIENT_ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0]?.text ?? '');
  // A failed build is not cached: the next request tries again.
  bundle.catch(() => {
    bundle = null;
  });
  return bundle;
}
