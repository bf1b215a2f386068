import { createNodePlatform } from '@zhengzhao/crypto-node';
import { describe, expect, it } from 'vitest';
import {
  COSE_HEADER,
  decodeCoseSign1,
  encodeCbor,
  encodeCoseSign1,
  isZzError,
  signCoseSign1,
  toHex,
  utf8Encode,
  verifyCoseSign1,
} from '../../src/index.js';

const platform = createNodePlatform();

describe('COSE_Sign1 (RFC 9052 §4)', () => {
  it('signs and verifies an attached payload, round-tripping through CBOR', async () => {
    const signer = await platform.suite('ES256').generateSigner();
    const message = await signCoseSign1(signer, {
      payload: utf8Encode('hello'),
      unprotectedHeaders: new Map([[COSE_HEADER.kid, utf8Encode('k1')]]),
    });
    const decoded = decodeCoseSign1(encodeCoseSign1(message, { tagged: true }));
    expect(toHex(decoded.protectedBytes)).toBe(toHex(encodeCbor(new Map([[1, -7]]))));
    await expect(verifyCoseSign1(platform, decoded, signer.publicKey)).resolves.toBeUndefined();
  });

  it('verifies a detached payload only with the same payload', async () => {
    const signer = await platform.suite('ES256').generateSigner();
    const payload = utf8Encode('detached');
    const message = await signCoseSign1(signer, { payload, detached: true });
    expect(message.payload).toBeNull();
    await verifyCoseSign1(platform, message, signer.publicKey, { detachedPayload: payload });
    const error = await verifyCoseSign1(platform, message, signer.publicKey, {
      detachedPayload: utf8Encode('other'),
    }).catch((e: unknown) => e);
    expect(isZzError(error, 'ERR_COSE_SIGNATURE_INVALID')).toBe(true);
  });
});
