/**
 * V8 settings for the server process, applied before anything else loads (bots/main.ts imports this
 * first), so they hold for `npm start`, `node dist/bots/main.js` and the container alike. Both trade
 * peak throughput Nabo does not need for idle memory it does (measured with tests/bench/startup-bench.ts):
 *
 * - `--liftoff-only`: Prisma's query compiler is WebAssembly (~3 MB). V8 compiles it with its
 *   baseline compiler (Liftoff) and then recompiles hot functions with TurboFan in the background;
 *   that second tier holds ~90 MB of code and compiler memory, and a first query waits for it. A
 *   Prisma query costs the same CPU either way (~0.3 ms, the wasm part is small), and the first
 *   queries after a start run faster without it.
 * - `--semi-space-growth-factor=1`: the young generation stays at its initial 1 MB semi-spaces
 *   instead of growing to 16 MB during the burst of module loading at start (~25 MB more resident,
 *   never given back while idle). A chat turn allocates far less than that between collections.
 *
 * NABO_V8_FLAGS=off leaves V8's defaults (to compare, or if a later Node drops a flag).
 */
import { setFlagsFromString } from 'node:v8';

/** The flags set at start, in order. */
export const SERVER_V8_FLAGS = ['--liftoff-only', '--semi-space-growth-factor=1'] as const;

if (process.env.NABO_V8_FLAGS !== 'off') for (const flag of SERVER_V8_FLAGS) setFlagsFromString(flag);
