/**
 * A test-only SM2 suite on sm-crypto-v2 (GB/T 32918.2 with the default user ID
 * 1234567812345678), so that the SM2 certificate path is exercised even before the platform's
 * own SM2 suite lands, and cross-checked against an independent implementation after.
 */
import { sm2 } from 'sm-crypto-v2';
import { type CryptoSuite, type ExportableSigner, fromHex, type Platform, SUITES, toHex } from '../../src/index.js';

function signerFrom(privateHex: string): ExportableSigner {
  const publicHex = sm2.getPublicKeyFromPrivateKey(privateHex);
  const point = fromHex(publicHex);
  return {
    suite: 'SM2',
    publicKey: { suite: 'SM2', point },
    sign: (data) => fromHex(sm2.doSignature(data, privateHex, { hash: true, publicKey: publicHex })),
    exportPrivateScalar: () => fromHex(privateHex),
  };
}

export const sm2OracleSuite: CryptoSuite = {
  ...SUITES.SM2,
  verify: (publicKey, data, signature) =>
    signature.length === 64 && sm2.doVerifySignature(data, toHex(signature), toHex(publicKey), { hash: true }),
  generateSigner: () => signerFrom(sm2.generateKeyPairHex().privateKey.padStart(64, '0')),
  importSigner: (scalar) => signerFrom(toHex(scalar)),
};

/** `platform` with the oracle as its SM2 suite. */
export function withSm2Oracle(platform: Platform): Platform {
  return { ...platform, suite: (id) => (id === 'SM2' ? sm2OracleSuite : platform.suite(id)) };
}
