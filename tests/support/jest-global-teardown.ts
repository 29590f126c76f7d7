/** Removes the run's classifier models (./jest-global-setup.ts); a folder given from outside is left alone. */
import { rmSync } from 'node:fs';

export default function globalTeardown(): void {
  const dir = (globalThis as { naboClassifierCache?: string }).naboClassifierCache;
  if (dir) rmSync(dir, { recursive: true, force: true });
}
