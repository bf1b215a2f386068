import { fromHex, isZzError } from '@zhengzhao/core';
import { describe, expect, it } from 'vitest';
import { loadSharedVector, PLATFORMS } from './helpers.js';

interface WycheproofFile {
  readonly numberOfTests: number;
  readonly testGroups: readonly {
    readonly publicKey: { readonly uncompressed: string };
    readonly sha: string;
    readonly tests: readonly {
      readonly tcId: number;
      readonly comment: string;
      readonly msg: string;
      readonly sig: string;
      readonly result: 'valid' | 'invalid' | 'acceptable';
    }[];
  }[];
}

const file = loadSharedVector<WycheproofFile>('wycheproof/ecdsa_secp256r1_sha256_p1363_test.json');
const cases = file.testGroups.flatMap((group) =>
  group.tests.map((test) => ({ ...test, key: fromHex(group.publicKey.uncompressed), sha: group.sha })),
);

describe.each(PLATFORMS)('Wycheproof ECDSA P-256 SHA-256 P1363 on %s', (_, platform) => {
  it(`runs all ${file.numberOfTests} cases`, async () => {
    expect(cases.length).toBe(file.numberOfTests);
    const suite = platform.suite('ES256');
    const failures: string[] = [];
    for (const test of cases) {
      expect(test.sha).toBe('SHA-256');
      let outcome: boolean | 'key-invalid';
      try {
        outcome = await suite.verify(test.key, fromHex(test.msg), fromHex(test.sig));
      } catch (error) {
        if (!isZzError(error, 'ERR_CRYPTO_KEY_INVALID')) throw error;
        outcome = 'key-invalid';
      }
      const ok = test.result === 'valid' ? outcome === true : test.result === 'invalid' ? outcome !== true : true;
      if (!ok) failures.push(`#${test.tcId} ${test.comment}: ${test.result} gave ${String(outcome)}`);
    }
    expect(failures).toEqual([]);
  });
});
