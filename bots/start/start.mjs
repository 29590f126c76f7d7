// `npm start`: runs the compiled server (dist/bots/main.js). When dist/ is missing or older than
// the sources, it builds first, so `npm install && npm start` works from a fresh clone; where the
// build tools are not installed (a production image with --omit=dev), it runs what dist/ holds.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', '..');
const stamp = join(root, 'dist', '.built');
const main = join(root, 'dist', 'bots', 'main.js');

/** The newest modification time under the given paths (TypeScript sources and build settings). */
function newest(paths) {
  let latest = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) {
      for (const name of readdirSync(p)) if (name !== 'node_modules') visit(join(p, name));
    } else if (/\.(ts|json|mjs)$/.test(p)) latest = Math.max(latest, s.mtimeMs);
  };
  for (const p of paths) visit(join(root, p));
  return latest;
}

const canBuild = (() => {
  try {
    createRequire(import.meta.url).resolve('typescript/bin/tsc');
    return true;
  } catch {
    return false;
  }
})();
const built = existsSync(stamp) && existsSync(main) ? statSync(stamp).mtimeMs : 0;
const stale = built === 0 || (canBuild && newest(['src', 'bots', 'tsconfig.json', 'tsconfig.build.json', 'package.json']) > built);
if (stale) {
  if (!canBuild) {
    console.error('dist/ is missing and the build tools are not installed: run `npm install` and `npm run build`.');
    process.exit(1);
  }
  console.log(built === 0 ? 'Building Nabo (first start, about a minute)…' : 'Sources changed since the last build: building…');
  const r = spawnSync(process.execPath, [join(root, 'bots', 'start', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
await import(pathToFileURL(main).href);
