import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';

/**
 * Keys whose values are personal data or secrets (DESIGN.md §6.3). They are censored wherever
 * they appear in a log object, up to {@link REDACT_DEPTH} levels deep.
 */
export const PERSONAL_DATA_KEYS: readonly string[] = [
  'full_name',
  'family_name',
  'given_name',
  'name_en',
  'name',
  'id_number',
  'citizen_id',
  'resident_address',
  'address',
  'birth_date',
  'birth_place',
  'portrait',
  'phone',
  'email',
  'passphrase',
  'password',
  'private_key',
  'privateKey',
  'authorization',
  'cookie',
  // request and response bodies are never logged, whatever they contain
  'body',
  'payload',
];

const REDACT_DEPTH = 4;

/** The pino `redact` paths for {@link PERSONAL_DATA_KEYS} at depths 0 … REDACT_DEPTH. */
export function personalDataRedactPaths(keys: readonly string[] = PERSONAL_DATA_KEYS): string[] {
  const paths: string[] = [];
  for (let depth = 0; depth <= REDACT_DEPTH; depth++) {
    const prefix = '*.'.repeat(depth);
    for (const key of keys) paths.push(`${prefix}${/^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`}`);
  }
  return paths;
}

export interface LoggerCreateOptions {
  /** Service name, logged as `service` on every line. */
  name: string;
  /** pino level; default `info`. `silent` turns logging off. */
  level?: LoggerOptions['level'];
  /** Where lines go; default stdout. Tests pass a stream to capture output. */
  destination?: DestinationStream;
  /** Extra keys to censor besides {@link PERSONAL_DATA_KEYS}. */
  redactKeys?: readonly string[];
}

/**
 * A pino logger that censors personal-data keys wherever they appear (`[redacted]`) and logs
 * errors without their message (messages of foreign errors may quote input; see
 * `describeErrorForLog`).
 */
export function createLogger(options: LoggerCreateOptions): Logger {
  const keys = [...PERSONAL_DATA_KEYS, ...(options.redactKeys ?? [])];
  const config: LoggerOptions = {
    level: options.level ?? 'info',
    redact: { paths: personalDataRedactPaths(keys), censor: '[redacted]' },
    // `service`, not pino's `name`: `name` is a personal-data key and is censored everywhere
    base: { service: options.name },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return options.destination ? pino(config, options.destination) : pino(config);
}

export type { Logger };
