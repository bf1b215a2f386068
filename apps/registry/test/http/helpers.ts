import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { ErrorCode } from '@zhengzhao/core';
import { createLogger } from '@zhengzhao/server-kit';
import { fixedClock } from '@zhengzhao/test-kit';
import { expect } from 'vitest';
import {
  type CreateRegistryAppOptions,
  createRegistryApp,
  generateCitizens,
  type RegistryApp,
  type RegistryDatabaseHandle,
} from '../../src/index.js';

export const CLERK_TOKEN = 'clerk-token-0123456789abcdef';
export const ISSUER_TOKEN = 'issuer-token-0123456789abcdef';
export const clerk = { authorization: `Bearer ${CLERK_TOKEN}` };
export const issuer = { authorization: `Bearer ${ISSUER_TOKEN}` };
export const STUB_PORTRAIT = Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x01, 0xff, 0xd9);

/** The population every HTTP test seeds: 6 citizens of Guangdong, the last 2 without a card. */
export const POPULATION = { province: '44', seed: 'http-tests', population: 6, withoutCard: 2 } as const;
export const citizens = generateCitizens({ seed: POPULATION.seed, province: '44', count: POPULATION.population });

export function citizen(index: number) {
  const c = citizens[index];
  if (!c) throw new Error(`no citizen ${index}`);
  return c;
}

/** Captures every log line as text, to prove no personal data is logged. */
export function captureLogs() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger({ name: 'registry', level: 'info', destination }), lines };
}

export async function openApp(
  database: RegistryDatabaseHandle,
  extra: Partial<CreateRegistryAppOptions> = {},
): Promise<RegistryApp> {
  return createRegistryApp({
    database,
    registry: POPULATION,
    clock: fixedClock('2026-03-01T08:00:00Z'),
    random: (n) => new Uint8Array(randomBytes(n)),
    clerkTokens: [CLERK_TOKEN],
    issuerTokens: [ISSUER_TOKEN],
    portraitOf: () => STUB_PORTRAIT,
    logger: createLogger({ name: 'registry', level: 'silent' }),
    ...extra,
  });
}

/** Asserts an RFC 9457 problem response with a catalogue code. */
export function expectProblem(
  response: { statusCode: number; headers: Record<string, unknown>; body: string },
  status: number,
  code: ErrorCode,
) {
  expect(response.statusCode, response.body).toBe(status);
  expect(String(response.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(response.body) as { code: string; status: number; type: string };
  expect(problem.code).toBe(code);
  expect(problem.status).toBe(status);
  return problem as {
    code: string;
    status: number;
    type: string;
    errors?: { in: string; pointer: string; keyword: string }[];
  };
}
