/**
 * Validates a manifest against the vendored official Teams schema (draft-04) with ajv 6, which is
 * in node_modules through eslint (add "ajv": "^6.12.6" as a devDependency to depend on it openly).
 */
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import draft04 from 'ajv/lib/refs/json-schema-draft-04.json';
import { SCHEMA_FILE } from './manifest';

/** Problems with a manifest, one readable line each; empty when it is valid. */
export function manifestProblems(manifest: unknown, schemaFile = SCHEMA_FILE): string[] {
  // schemaId 'auto' reads draft-04's "id"; the logger is off because the official schema puts
  // keywords beside $ref, which ajv reports (and rightly ignores) on every compile.
  const ajv = new Ajv({ schemaId: 'auto', allErrors: true, logger: false });
  ajv.addMetaSchema(draft04);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((e) => `${e.dataPath || '/'} ${e.message ?? 'invalid'}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
}
