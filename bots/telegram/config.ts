/**
 * Telegram's configuration from the environment, validated once at start (architecture habit 1).
 * No token → the channel is off and the rest of Nabo runs.
 */
import { z } from 'zod';
import { optional, parseEnv } from '../../src/config/env';

/** How the Telegram channel runs. */
export interface TelegramConfig {
  token: string;
  /** Webhook mode (several instances behind a load balancer); null → long polling. */
  webhook: { url: string; secret: string } | null;
  /** Another Bot API server (a local one, or the emulator in tests); undefined → api.telegram.org. */
  apiRoot?: string;
  /** The bot's @username without "@", for deep links and QR codes. */
  botUsername?: string;
  /** How long a handler holds an update before a redelivery may take it over. */
  updateLeaseMs?: number;
}

const envSchema = z
  .object({
    TELEGRAM_BOT_TOKEN: optional(
      z
        .string()
        .trim()
        .regex(/^\d+:[A-Za-z0-9_-]+$/, 'must look like 123456789:AAE… (the token BotFather gave you)'),
    ),
    TELEGRAM_WEBHOOK_URL: optional(z.string().trim().url('must be a full URL such as https://nabo.example.dk/api/telegram')),
    TELEGRAM_WEBHOOK_SECRET: optional(
      z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9_-]{16,256}$/, 'must be 16-256 characters of A-Z, a-z, 0-9, _ and -'),
    ),
    TELEGRAM_API_ROOT: optional(z.string().trim().url('must be a URL such as http://127.0.0.1:8081')),
    TELEGRAM_UPDATE_LEASE_MS: optional(
      z.coerce.number().int().min(500, 'must be at least 500 (milliseconds)').max(600_000, 'must be at most 600000 (ten minutes)'),
    ),
    TELEGRAM_BOT_USERNAME: optional(
      z
        .string()
        .trim()
        .regex(/^@?[A-Za-z][A-Za-z0-9_]{3,31}$/, "must be the bot's username, e.g. NaboRandersBot"),
    ),
  })
  .superRefine((e, ctx) => {
    if (e.TELEGRAM_WEBHOOK_URL && !e.TELEGRAM_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['TELEGRAM_WEBHOOK_SECRET'],
        message: 'is required when TELEGRAM_WEBHOOK_URL is set (Telegram sends it back so we know a call is real)',
      });
    }
    // Telegram only calls HTTPS webhooks; plain HTTP only makes sense against a local Bot API server.
    if (e.TELEGRAM_WEBHOOK_URL?.startsWith('http://') && !e.TELEGRAM_API_ROOT) {
      ctx.addIssue({
        code: 'custom',
        path: ['TELEGRAM_WEBHOOK_URL'],
        message: 'must use https:// (Telegram refuses http webhooks; http is only allowed with TELEGRAM_API_ROOT)',
      });
    }
  });

/**
 * Reads the Telegram variables; null when TELEGRAM_BOT_TOKEN is unset (channel off). Throws one
 * readable error listing every wrong variable.
 */
export function loadTelegramConfig(env: NodeJS.ProcessEnv = process.env): TelegramConfig | null {
  const e = parseEnv(envSchema, env, 'Telegram');
  if (!e.TELEGRAM_BOT_TOKEN) return null;
  return {
    token: e.TELEGRAM_BOT_TOKEN,
    webhook: e.TELEGRAM_WEBHOOK_URL && e.TELEGRAM_WEBHOOK_SECRET ? { url: e.TELEGRAM_WEBHOOK_URL, secret: e.TELEGRAM_WEBHOOK_SECRET } : null,
    apiRoot: e.TELEGRAM_API_ROOT?.replace(/\/+$/, ''),
    botUsername: e.TELEGRAM_BOT_USERNAME?.replace(/^@/, ''),
    ...(e.TELEGRAM_UPDATE_LEASE_MS ? { updateLeaseMs: e.TELEGRAM_UPDATE_LEASE_MS } : {}),
  };
}
