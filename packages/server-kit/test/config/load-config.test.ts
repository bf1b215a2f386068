import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isZzError } from '@zhengzhao/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/index.js';

const schema = {
  port: { type: 'integer', env: 'ZZ_PORT', default: 8080, min: 1, max: 65535 },
  host: { type: 'string', env: 'ZZ_HOST', default: '127.0.0.1' },
  databaseUrl: { type: 'url', env: 'DATABASE_URL', protocols: ['postgres', 'postgresql', 'sqlite'] },
  natsUrl: { type: 'url', env: 'NATS_URL' },
  demo: { type: 'boolean', env: 'ZZ_DEMO', default: false },
  logLevel: { type: 'string', env: 'ZZ_LOG_LEVEL', default: 'info', oneOf: ['debug', 'info', 'warn', 'error'] },
  keyPassphrase: { type: 'string', env: 'ZZ_KEY_PASSPHRASE', required: true },
} as const;

function tempFile(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'zz-config-')), 'config.json');
  writeFileSync(file, content);
  return file;
}

function configErrorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    expect(isZzError(error, 'ERR_CONFIG_INVALID')).toBe(true);
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('merges defaults < file < environment with typed values', () => {
    const file = tempFile(JSON.stringify({ port: 9000, host: '0.0.0.0', demo: true, natsUrl: 'nats://n:4222' }));
    const config = loadConfig(schema, {
      file,
      env: { ZZ_PORT: '9100', DATABASE_URL: 'postgres://u@db/zz', ZZ_KEY_PASSPHRASE: 'correct horse', ZZ_DEMO: '' },
    });
    expect(config).toEqual({
      port: 9100,
      host: '0.0.0.0',
      databaseUrl: 'postgres://u@db/zz',
      natsUrl: 'nats://n:4222',
      demo: true,
      logLevel: 'info',
      keyPassphrase: 'correct horse',
    });
    const port: number = config.port;
    const nats: string | undefined = config.natsUrl;
    expect([port, nats]).toBeDefined();
  });

  it('names the key and the variable, never the value', () => {
    const cases: [Record<string, string>, string][] = [
      [{ ZZ_PORT: 'eighty', ZZ_KEY_PASSPHRASE: 'x' }, 'port'],
      [{ ZZ_PORT: '70000', ZZ_KEY_PASSPHRASE: 'x' }, 'port'],
      [{ ZZ_PORT: '80.5', ZZ_KEY_PASSPHRASE: 'x' }, 'port'],
      [{ ZZ_DEMO: 'maybe', ZZ_KEY_PASSPHRASE: 'x' }, 'demo'],
      [{ ZZ_LOG_LEVEL: 'loud', ZZ_KEY_PASSPHRASE: 'x' }, 'logLevel'],
      [{ DATABASE_URL: 'mysql://root:hunter2@db/zz', ZZ_KEY_PASSPHRASE: 'x' }, 'databaseUrl'],
      [{ NATS_URL: 'not a url hunter2', ZZ_KEY_PASSPHRASE: 'x' }, 'natsUrl'],
      [{}, 'keyPassphrase'],
    ];
    for (const [env, key] of cases) {
      const error = configErrorOf(() => loadConfig(schema, { env }));
      expect(error.key).toBe(key);
      expect(error.message).toContain(`"${key}"`);
      expect(error.message).not.toContain('hunter2');
      expect(error.message).not.toContain('eighty');
    }
    expect(configErrorOf(() => loadConfig(schema, { env: {} })).message).toContain('ZZ_KEY_PASSPHRASE');
  });

  it('refuses wrong types, unknown keys and unreadable files in the config file', () => {
    const env = { ZZ_KEY_PASSPHRASE: 'x' };
    expect(configErrorOf(() => loadConfig(schema, { env, file: tempFile('{"port":"8080"}') })).key).toBe('port');
    expect(configErrorOf(() => loadConfig(schema, { env, file: tempFile('{"prot":8080}') })).key).toBe('prot');
    expect(configErrorOf(() => loadConfig(schema, { env, file: tempFile('{"demo":1}') })).key).toBe('demo');
    expect(configErrorOf(() => loadConfig(schema, { env, file: tempFile('[1]') })).key).toBe('(file)');
    expect(configErrorOf(() => loadConfig(schema, { env, file: tempFile('{port: 1') })).key).toBe('(file)');
    expect(configErrorOf(() => loadConfig(schema, { env, file: '/nonexistent/zz.json' })).key).toBe('(file)');
  });

  it('either parses an integer variable or fails with ERR_CONFIG_INVALID (property)', () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        try {
          const { port } = loadConfig(schema, { env: { ZZ_PORT: raw, ZZ_KEY_PASSPHRASE: 'x' } });
          expect(Number.isInteger(port) && port >= 1 && port <= 65535).toBe(true);
        } catch (error) {
          expect(isZzError(error, 'ERR_CONFIG_INVALID')).toBe(true);
        }
      }),
    );
  });
});
