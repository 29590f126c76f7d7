/**
 * releaseQueryCompilerSource (src/database/database.ts): after the SQLite client has compiled Prisma's
 * query compiler, its 4.4 MB base64 module leaves the module cache and its parent's children, so the
 * string can be collected; nothing else is touched.
 */
import { releaseQueryCompilerSource } from '../../src/database/database';

/** A module as Node's cache holds it, with only the fields the release reads. */
const moduleAt = (id: string, children: NodeJS.Module[] = []): NodeJS.Module => ({ id, filename: id, children }) as unknown as NodeJS.Module;

it('drops the query compiler source from the cache and from the module that loaded it', () => {
  const source = moduleAt('/app/node_modules/@prisma/client/runtime/query_compiler_fast_bg.sqlite.wasm-base64.js');
  const runtime = moduleAt('/app/node_modules/@prisma/client/runtime/query_compiler_fast_bg.sqlite.js');
  const postgres = moduleAt('/app/node_modules/@prisma/client/runtime/query_compiler_fast_bg.postgresql.wasm-base64.js');
  const client = moduleAt('/app/dist/src/generated/sqlite/internal/class.js', [runtime, source, postgres]);
  const cache: NodeJS.Dict<NodeJS.Module> = { [client.id]: client, [runtime.id]: runtime, [source.id]: source, [postgres.id]: postgres };

  expect(releaseQueryCompilerSource(cache)).toBe(1);
  expect(Object.keys(cache)).toEqual([client.id, runtime.id, postgres.id]);
  expect(client.children).toEqual([runtime, postgres]);
  // A second call finds nothing; a runner without Node's cache is left alone.
  expect(releaseQueryCompilerSource(cache)).toBe(0);
  expect(releaseQueryCompilerSource(undefined)).toBe(0);
});

it('matches Windows paths too', () => {
  const source = moduleAt('C:\\app\\node_modules\\@prisma\\client\\runtime\\query_compiler_small_bg.sqlite.wasm-base64.js');
  const cache: NodeJS.Dict<NodeJS.Module> = { [source.id]: source };
  expect(releaseQueryCompilerSource(cache)).toBe(1);
  expect(cache).toEqual({});
});
