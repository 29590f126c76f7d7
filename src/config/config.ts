/**
 * Configuration from environment variables, validated once at start (architecture habit 1).
 * Every variable is documented in README.md and deploy/.env.example.
 */
import { basename, dirname, resolve } from 'node:path';
import { z } from 'zod';
import { loadMessagingConfig, type MessagingConfig } from '../outbox/config';
import { parseEnv } from './env';

const flag = z.enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no']).transform((v) => ['1', 'true', 'on', 'yes'].includes(v));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().min(1).max(255).optional(),
  DATABASE_URL: z
    .string()
    .refine((u) => u.startsWith('file:') || /^postgres(ql)?:\/\//.test(u), 'DATABASE_URL must start with file: or postgresql://')
    .optional(),
  NABO_DEMO_CALENDAR: flag.optional(),
  NABO_PLAN_DIR: z.string().optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  NABO_METRICS_TOKEN: z.string().min(16, 'NABO_METRICS_TOKEN must be at least 16 characters').optional(),
  NABO_RETAIN_SENT_MESSAGES_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  NABO_ERASE_INACTIVE_MONTHS: z.coerce.number().int().min(1).max(120).default(24),
  NABO_RETAIN_ALLERGY_DAYS: z.coerce.number().int().min(0).max(365).default(7),
});

/** Where the data lives: an embedded SQLite file or a PostgreSQL server. */
export type DatabaseTarget = { provider: 'sqlite'; file: string } | { provider: 'postgresql'; url: string };

/** Nabo's validated configuration. */
export interface Config {
  port: number;
  /** Address to listen on; unset: 127.0.0.1 while /api/messages is unauthenticated, else all. */
  host?: string;
  database: DatabaseTarget;
  /** Seed the clearly marked demo calendar when the database is new. */
  demoCalendar: boolean;
  planDir: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Bearer token GET /metrics asks for; unset: /metrics is open (keep it off the public proxy). */
  metricsToken?: string;
  /** How long personal data is kept (src/retention): sent message texts, inactive people, allergy notes. */
  retention: RetentionConfig;
  /** Reminders, offers, quiet hours and digests (src/outbox/config.ts). */
  messaging: MessagingConfig;
}

/** Retention periods, each with a default the README's privacy section explains. */
export interface RetentionConfig {
  sentMessageDays: number;
  inactiveMonths: number;
  allergyDays: number;
}

/** The repository root, so paths work whatever the working directory. */
const SOURCE_ROOT = resolve(__dirname, '..', '..');
/** The repository's root, whether running from the TypeScript sources or from the compiled dist/. */
export const PROJECT_ROOT = basename(SOURCE_ROOT) === 'dist' ? dirname(SOURCE_ROOT) : SOURCE_ROOT;

/** Parses the environment; throws one readable error listing every wrong variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = parseEnv(envSchema, env, 'Nabo');
  const database = databaseTarget(e.DATABASE_URL);
  return {
    port: e.PORT,
    host: e.HOST,
    database,
    // The demo calendar is for the embedded default; a PostgreSQL deployment is real data.
    demoCalendar: e.NABO_DEMO_CALENDAR ?? database.provider === 'sqlite',
    planDir: resolve(PROJECT_ROOT, e.NABO_PLAN_DIR ?? 'prisma/plans'),
    logLevel: e.LOG_LEVEL,
    metricsToken: e.NABO_METRICS_TOKEN,
    retention: { sentMessageDays: e.NABO_RETAIN_SENT_MESSAGES_DAYS, inactiveMonths: e.NABO_ERASE_INACTIVE_MONTHS, allergyDays: e.NABO_RETAIN_ALLERGY_DAYS },
    messaging: loadMessagingConfig(env),
  };
}

/** Maps DATABASE_URL (unset, file:PATH or postgresql://…) to a database target. */
export function databaseTarget(url: string | undefined): DatabaseTarget {
  if (!url) return { provider: 'sqlite', file: resolve(PROJECT_ROOT, 'data', 'nabo.db') };
  if (url.startsWith('file:')) return { provider: 'sqlite', file: resolve(url.slice('file:'.length)) };
  return { provider: 'postgresql', url };
}
