// `npm run build`: compiles the server (src/, bots/) to dist/ with TypeScript and bundles the
// dashboard tab's browser script to dist/tab/app.js with esbuild. Writes dist/.built last, so a
// build that failed half-way is seen as stale by `npm start`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', '..');
const require = createRequire(import.meta.url);
const started = Date.now();
// A clean build: no compiled file of a source that has since been removed stays behind.
rmSync(join(root, 'dist'), { recursive: true, force: true });

const tsc = require.resolve('typescript/bin/tsc');
const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
if (r.status !== 0) {
  console.error('build: TypeScript reported errors (above); dist/ is not usable.');
  process.exit(r.status ?? 1);
}

mkdirSync(join(root, 'dist', 'tab'), { recursive: true });
// The same options the server uses when it bundles in memory (bots/teams/tab/bundle.ts), just compiled.
const { BUNDLE_OPTIONS, BUILT_BUNDLE } = require(join(root, 'dist', 'bots', 'teams', 'tab', 'bundle.js'));
await build({
  ...BUNDLE_OPTIONS,
  entryPoints: [...BUNDLE_OPTIONS.entryPoints],
  target: [...BUNDLE_OPTIONS.target],
  logLevel: 'warning',
  outfile: BUILT_BUNDLE,
});
// A migrated database with the shipped plans, copied at a first start instead of migrating and importing.
const { buildSeedTemplate } = require(join(root, 'dist', 'src', 'bootstrap', 'seed-template.js'));
await buildSeedTemplate(join(root, 'prisma', 'plans'));
writeFileSync(join(root, 'dist', '.built'), new Date().toISOString() + '\n');
console.log(`build: dist/ ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
