/**
 * The one way Nabo reads environment variables: a zod schema per part (core, messaging, Telegram,
 * Teams), validated once at start; a blank value counts as unset (as in .env files), and every
 * wrong variable is listed in one readable error.
 */
import { z } from 'zod';

/** A configuration that cannot be used; the message names every wrong variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const blankAsUnset = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** An optional variable whose blank value means "not set". */
export const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsUnset, schema.optional());

/** Parses `env` with `schema` (blank values as unset); throws a ConfigError titled `what`. */
export function parseEnv<S extends z.ZodType>(schema: S, env: Record<string, string | undefined>, what: string): z.output<S> {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => blankAsUnset(v) !== undefined));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid ${what} configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
