/**
 * Structured JSON logs through pino, behind Nabo's own small Logger interface. Callers pass
 * pseudonymous ids only: never names, free text from people or channel ids (architecture habit 8).
 * pino's redaction is the second guard: fields that would carry personal data are censored even
 * if a caller passes them by mistake.
 */
import pino from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** A logger writing one JSON object per line. */
export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

/** Field names that hold personal data wherever they appear (top level or one level down). */
export const PERSONAL_FIELDS = [
  'firstName',
  'displayName',
  'fullName',
  'text',
  'question',
  'answer',
  'note',
  'notes',
  'allergies',
  'phone',
  'email',
  'cpr',
  'externalId',
  'chatId',
  'telegramId',
  'from',
  'chat',
  'address',
] as const;

const REDACT_PATHS = PERSONAL_FIELDS.flatMap((f) => [f, `*.${f}`]);

function wrap(p: pino.Logger): Logger {
  return {
    debug: (m, f) => (f ? p.debug(f, m) : p.debug(m)),
    info: (m, f) => (f ? p.info(f, m) : p.info(m)),
    warn: (m, f) => (f ? p.warn(f, m) : p.warn(m)),
    error: (m, f) => (f ? p.error(f, m) : p.error(m)),
    child: (fields) => wrap(p.child(fields)),
  };
}

/** Creates a logger that writes lines at or above `level` to `write` (stderr by default). */
export function createLogger(level: LogLevel = 'info', write?: (line: string) => void, base: Record<string, unknown> = {}): Logger {
  const destination = write ? { write: (chunk: string) => write(chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk) } : pino.destination({ fd: 2, sync: true });
  const p = pino(
    {
      level,
      base: null,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: pino.stdSerializers.err },
      redact: { paths: REDACT_PATHS, censor: '[personal data removed]' },
    },
    destination,
  );
  return wrap(Object.keys(base).length ? p.child(base) : p);
}

/** A logger that drops everything, for tests. */
export const silentLogger: Logger = createLogger('error', () => undefined);
