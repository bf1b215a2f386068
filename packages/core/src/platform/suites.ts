import { ZzError } from '../errors/zz-error.js';
import type { SuiteDescriptor, SuiteId } from './crypto-suite.js';

/**
 * Identifiers of the two suites. ES256 values are IANA-registered; the SM2 values are private-use
 * code points chosen in docs/adr/0002-sm2-algorithm-identifiers.md.
 */
export const SUITES: Readonly<Record<SuiteId, SuiteDescriptor>> = {
  ES256: {
    id: 'ES256',
    coseAlg: -7,
    joseAlg: 'ES256',
    coseCurve: 1,
    jwkCurve: 'P-256',
    digestAlgorithm: 'SHA-256',
    fieldLength: 32,
  },
  SM2: {
    id: 'SM2',
    coseAlg: -65537,
    joseAlg: 'SM2SM3',
    coseCurve: -65537,
    jwkCurve: 'SM2',
    digestAlgorithm: 'SM3',
    fieldLength: 32,
  },
};

export const SUITE_IDS: readonly SuiteId[] = ['ES256', 'SM2'];

export function isSuiteId(value: unknown): value is SuiteId {
  return value === 'ES256' || value === 'SM2';
}

export function suiteByCoseAlg(alg: unknown): SuiteDescriptor {
  for (const id of SUITE_IDS) if (SUITES[id].coseAlg === alg) return SUITES[id];
  throw new ZzError('ERR_CRYPTO_UNSUPPORTED_ALG', `COSE algorithm ${String(alg)} is not supported`);
}

export function suiteByJoseAlg(alg: unknown): SuiteDescriptor {
  for (const id of SUITE_IDS) if (SUITES[id].joseAlg === alg) return SUITES[id];
  throw new ZzError('ERR_JWS_ALG_NOT_ALLOWED', `JWS algorithm ${typeof alg === 'string' ? alg : '?'} is not allowed`);
}
