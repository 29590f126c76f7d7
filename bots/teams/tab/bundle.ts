/**
 * The tab's browser bundle (client/main.ts with teams-js). `npm run build` writes it to
 * dist/tab/app.js, and a compiled server serves that file; run from the TypeScript sources
 * (tests, development) it is built in memory with esbuild the first time it is asked for, so
 * esbuild is needed only where the sources are.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../src/config/config';

export const CLIENT_ENTRY = join(PROJECT_ROOT, 'bots', 'teams', 'tab', 'client', 'main.ts');
/** Where `npm run build` puts the bundle. */
export const BUILT_BUNDLE = join(PROJECT_ROOT, 'dist', 'tab', 'app.js');

/** esbuild's options for the bundle, shared by the build and the in-memory fallback. */
export const BUNDLE_OPTIONS = {
  entryPoints: [CLIENT_ENTRY],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2020'],
  minify: true,
  legalComments: 'none',
  logLevel: 'silent',
} as const;

let bundle: Promise<string> | null = null;

/** Whether this process runs the compiled server (dist/), which serves the prebuilt bundle. */
const compiled = __filename.includes(`${join(PROJECT_ROOT, 'dist')}`);

async function buildInMemory(): Promise<string> {
  const { build } = await import('esbuild');
  const r = await build({ ...BUNDLE_OPTIONS, entryPoints: [...BUNDLE_OPTIONS.entryPoints], target: [...BUNDLE_OPTIONS.target], write: false });
  return r.outputFiles[0]?.text ?? '';
}

/** The minified bundle (read or built once per process). */
export function tabBundle(): Promise<string> {
  bundle ??= compiled && existsSync(BUILT_BUNDLE) ? Promise.resolve(readFileSync(BUILT_BUNDLE, 'utf8')) : buildInMemory();
  // A failed build is not cached: the next request tries again.
  bundle.catch(() => {
    bundle = null;
  });
  return bundle;
}
