import { isZzError, ZzError } from '../errors/zz-error.js';
import type { TrustSource } from './trust-source.js';

/** Codes that only mean "not mine": another source's more specific failure wins over them. */
const NOT_MINE = new Set(['ERR_TRUST_UNTRUSTED_ROOT', 'ERR_TRUST_KID_UNKNOWN']);

/**
 * A TrustSource that asks `sources` in order and answers with the first success (STYLE.md §8:
 * a static list and the national trust list combine). When all fail, it throws the first
 * failure that is more specific than "unknown root / unknown kid" (an expired certificate, a bad
 * signature, a docType refusal), else the first failure.
 */
export function combineTrustSources(...sources: TrustSource[]): TrustSource {
  if (sources.length === 0) throw new ZzError('ERR_INPUT_INVALID', 'combineTrustSources needs at least one source');
  const firstSuccess = async <T>(ask: (source: TrustSource) => Promise<T>): Promise<T> => {
    const failures: unknown[] = [];
    for (const source of sources) {
      try {
        return await ask(source);
      } catch (error) {
        if (!isZzError(error)) throw error;
        failures.push(error);
      }
    }
    throw failures.find((error) => isZzError(error) && !NOT_MINE.has(error.code)) ?? failures[0];
  };
  return {
    resolveChain: (chain, query) => firstSuccess((source) => source.resolveChain(chain, query)),
    resolveKid: (kid, query) => firstSuccess((source) => source.resolveKid(kid, query)),
  };
}
