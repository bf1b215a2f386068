import { readFileSync } from 'node:fs';
import { ZzError } from '@zhengzhao/core';

/** The value types a configuration field may have. */
export type ConfigFieldType = 'string' | 'integer' | 'number' | 'boolean' | 'url';

/** One configuration field: its type, where it comes from, its default and its bounds. */
export interface ConfigField<T extends ConfigFieldType = ConfigFieldType> {
  type: T;
  /** Environment variable that overrides the file, e.g. `ZZ_PORT`. */
  env?: string;
  /** Used when neither the file nor the environment sets the key. */
  default?: ConfigValue<T>;
  /** Missing without a default → error. */
  required?: boolean;
  /** Inclusive bounds for integer and number. */
  min?: number;
  max?: number;
  /** Allowed values for strings. */
  oneOf?: readonly string[];
  /** For `url`: allowed schemes without the colon, e.g. ['postgres', 'postgresql']. */
  protocols?: readonly string[];
}

type ConfigValue<T extends ConfigFieldType> = T extends 'integer' | 'number'
  ? number
  : T extends 'boolean'
    ? boolean
    : string;

/** A configuration schema: key → field. */
export type ConfigSchema = Record<string, ConfigField>;

/** The typed configuration a schema describes: required or defaulted keys are always present. */
export type ConfigOf<S extends ConfigSchema> = {
  [K in keyof S]: S[K] extends { required: true } | { default: unknown }
    ? ConfigValue<S[K]['type']>
    : ConfigValue<S[K]['type']> | undefined;
};

export interface LoadConfigOptions {
  /** A JSON file with an object of keys from the schema (unknown keys are refused). */
  file?: string;
  /** The environment, usually `process.env`; it wins over the file. */
  env?: Record<string, string | undefined>;
}

/** A configuration error naming the key (never its value, which may be a secret). */
export class ConfigError extends ZzError {
  readonly key: string;

  constructor(key: string, message: string, options?: { cause?: unknown }) {
    super('ERR_CONFIG_INVALID', message, options);
    this.key = key;
  }
}

/**
 * Typed configuration: the schema's defaults, overridden by the JSON `file`, overridden by the
 * environment. Every value is checked against its field; a wrong or missing value throws a
 * {@link ConfigError} (`ERR_CONFIG_INVALID`) naming the key and the variable, never the value.
 */
export function loadConfig<const S extends ConfigSchema>(schema: S, options: LoadConfigOptions = {}): ConfigOf<S> {
  const fromFile = options.file === undefined ? {} : readConfigFile(options.file, schema);
  const env = options.env ?? {};
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema)) {
    const raw = field.env === undefined ? undefined : env[field.env];
    let value: unknown;
    if (raw !== undefined && raw !== '') value = fromEnv(key, field, raw);
    else if (key in fromFile) value = checkValue(key, field, fromFile[key], `in ${options.file}`);
    else value = field.default;
    if (value === undefined && field.required) {
      throw new ConfigError(key, `Config key "${key}"${via(field)} is required`);
    }
    if (value !== undefined) checkValue(key, field, value, 'default');
    out[key] = value;
  }
  return out as ConfigOf<S>;
}

function via(field: ConfigField): string {
  return field.env ? ` (env ${field.env})` : '';
}

function readConfigFile(file: string, schema: ConfigSchema): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError('(file)', `Config file ${file} cannot be read as JSON`, { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError('(file)', `Config file ${file} must hold a JSON object`);
  }
  for (const key of Object.keys(parsed)) {
    if (!Object.hasOwn(schema, key)) throw new ConfigError(key, `Config file ${file} has unknown key "${key}"`);
  }
  return parsed as Record<string, unknown>;
}

function fromEnv(key: string, field: ConfigField, raw: string): unknown {
  const where = `from env ${field.env}`;
  switch (field.type) {
    case 'integer':
    case 'number': {
      const n = /^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : Number.NaN;
      return checkValue(key, field, n, where);
    }
    case 'boolean': {
      const v = raw.trim().toLowerCase();
      if (['1', 'true', 'yes', 'on'].includes(v)) return true;
      if (['0', 'false', 'no', 'off'].includes(v)) return false;
      throw new ConfigError(key, `Config key "${key}" ${where}: expected a boolean (true/false/1/0)`);
    }
    default:
      return checkValue(key, field, raw, where);
  }
}

function checkValue(key: string, field: ConfigField, value: unknown, where: string): unknown {
  const fail = (expected: string): never => {
    throw new ConfigError(key, `Config key "${key}" ${where}: expected ${expected}`);
  };
  switch (field.type) {
    case 'integer':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) fail('an integer');
      break;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) fail('a number');
      break;
    case 'boolean':
      if (typeof value !== 'boolean') fail('a boolean');
      break;
    case 'string':
      if (typeof value !== 'string') fail('a string');
      if (field.oneOf && !field.oneOf.includes(value as string)) fail(`one of ${field.oneOf.join(', ')}`);
      break;
    case 'url': {
      if (typeof value !== 'string' || !URL.canParse(value)) fail('a URL');
      const scheme = new URL(value as string).protocol.slice(0, -1);
      if (field.protocols && !field.protocols.includes(scheme))
        fail(`a URL with scheme ${field.protocols.join(' or ')}`);
      break;
    }
  }
  if (typeof value === 'number') {
    if (field.min !== undefined && value < field.min) fail(`at least ${field.min}`);
    if (field.max !== undefined && value > field.max) fail(`at most ${field.max}`);
  }
  return value;
}
