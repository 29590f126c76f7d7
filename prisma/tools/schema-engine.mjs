// Loads Prisma's schema engine compiled to WebAssembly, so migrations can be created and diffed with
// no engine binary to download (the Prisma CLI cannot fetch one offline). Node 20 cannot import
// .wasm as an ES module without a flag, so the module is instantiated here by hand.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';

const require = createRequire(import.meta.url);

let bgModule;

// The glue module caches views of the wasm memory, so it must be bound to one instance only.
async function loadWasm() {
  const bgPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const bg = await import(bgPath);
  const bytes = await readFile(join(dirname(bgPath), 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  return bg;
}

/** Returns a SchemaEngine bound to the given migration-aware adapter factory. */
export async function openSchemaEngine(datamodel, adapterFactory) {
  // The engine reports Rust panics through this global; without it a panic hides its message.
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(message) {
      throw new Error(`schema engine panicked: ${message}`);
    },
  };
  bgModule ??= loadWasm();
  const bg = await bgModule;
  const log = (msg) => {
    if (process.env.NABO_SCHEMA_ENGINE_DEBUG) console.error(msg);
  };
  return bg.SchemaEngine.new({ datamodels: [['schema.prisma', datamodel]] }, log, bindMigrationAwareSqlAdapterFactory(adapterFactory));
}
