import { readFileSync } from 'node:fs';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { describe, expect, it } from 'vitest';
import { decodeBase45, decodeCbor, fromHex, type SuiteId, toHex, verifyQr } from '../../src/index.js';
import { failedCode, RESIDENT, staticKidTrust } from './fixtures.js';

/** The test vectors printed in docs/qr-format.md §8. */
interface Zz1Vector {
  readonly description: string;
  readonly suite: SuiteId;
  readonly purpose: string;
  readonly now: string;
  readonly issuerPrivateScalarHex: string;
  readonly issuerPublicKeyHex: string;
  readonly devicePublicKeyHex: string;
  readonly kidHex: string;
  readonly credentialHex: string;
  readonly presentationHex: string;
  readonly compressedLength: number;
  readonly qr: string;
}

const { vectors } = JSON.parse(readFileSync(new URL('./zz1-vectors.json', import.meta.url), 'utf8')) as {
  vectors: Zz1Vector[];
};
const platform = createNodePlatform();
const has = (suite: SuiteId): boolean => {
  try {
    platform.suite(suite);
    return true;
  } catch {
    return false;
  }
};

describe('ZZ1 test vectors (docs/qr-format.md §8)', () => {
  it.each(vectors.map((v) => [v.description, v] as const))(
    '%s verifies at its clock and not 121 s later',
    async (_name, v) => {
      if (!has(v.suite)) return;
      const issuer = await platform.suite(v.suite).importSigner(fromHex(v.issuerPrivateScalarHex));
      expect(toHex(issuer.publicKey.point)).toBe(v.issuerPublicKeyHex);
      const trust = staticKidTrust([
        {
          kid: fromHex(v.kidHex),
          publicKey: { suite: v.suite, point: fromHex(v.issuerPublicKeyHex) },
          name: 'vector DS',
        },
      ]);
      const compressed = decodeBase45(v.qr.slice(4));
      expect(compressed.length).toBe(v.compressedLength);
      const presentation = await platform.inflate(compressed, 8192);
      expect(toHex(presentation)).toBe(v.presentationHex);
      const [version, credential] = decodeCbor(presentation) as [number, Uint8Array];
      expect(version).toBe(1);
      expect(toHex(credential)).toBe(v.credentialHex);
      const now = new Date(v.now);
      const report = await verifyQr(platform, v.qr, { trust, now });
      expect(failedCode(report)).toBeUndefined();
      const claims = report.claims?.['cn.gov.eid.1'] ?? {};
      for (const [id, value] of Object.entries(claims)) expect(value).toEqual(RESIDENT[id as keyof typeof RESIDENT]);
      const later = await verifyQr(platform, v.qr, { trust, now: new Date(now.getTime() + 121_000) });
      expect(failedCode(later)).toBe('ERR_FRESHNESS_STALE');
    },
  );
});
