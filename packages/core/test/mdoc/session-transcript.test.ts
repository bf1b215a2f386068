import { describe, expect, it } from 'vitest';
import {
  createOid4vpSessionTranscript,
  createQrHandoverSessionTranscript,
  deviceAuthenticationBytes,
  encodeCbor,
  encodeSessionTranscriptBytes,
  fromHex,
  isZzError,
  toHex,
  utf8Encode,
} from '../../src/index.js';
import { platform } from './mdoc-fixtures.js';

/** OpenID4VP 1.0 App. B.2.6.1 example (thumbprint of the example verifier JWK). */
const OID4VP_INPUT = {
  clientId: 'x509_san_dns:example.com',
  nonce: 'exc7gBkxjx1rdc9udRrveKvSsJIq80avlXeLHhGwqtA',
  jwkThumbprint: fromHex('4283ec927ae0f208daaa2d026a814f2b22dca52cf85ffa8f3f8626c6bd669047'),
  responseUri: 'https://example.com/response',
};
const EXPECTED_HASH = '048bc053c00442af9b8eed494cefdd9d95240d254b046b11b68013722aad38ac';

describe('SessionTranscript (ISO/IEC 18013-5 §9.1.5.1, OpenID4VP 1.0 App. B.2.6.1)', () => {
  it('matches the OpenID4VP 1.0 handover vector', async () => {
    const transcript = await createOid4vpSessionTranscript(platform, OID4VP_INPUT);
    const handoverPrefix = `f6f682${toHex(encodeCbor('OpenID4VPHandover'))}5820`;
    expect(toHex(encodeCbor(transcript))).toBe(`83${handoverPrefix}${EXPECTED_HASH}`);
  });

  it('hashes null for an unencrypted response and refuses a bad thumbprint', async () => {
    const transcript = await createOid4vpSessionTranscript(platform, { ...OID4VP_INPUT, jwkThumbprint: null });
    const info = encodeCbor([OID4VP_INPUT.clientId, OID4VP_INPUT.nonce, null, OID4VP_INPUT.responseUri]);
    expect(toHex((transcript[2] as unknown[])[1] as Uint8Array)).toBe(
      toHex(platform.digest('SHA-256', info) as Uint8Array),
    );
    const error = await createOid4vpSessionTranscript(platform, {
      ...OID4VP_INPUT,
      jwkThumbprint: new Uint8Array(5),
    }).catch((e: unknown) => e);
    expect(isZzError(error, 'ERR_INPUT_INVALID')).toBe(true);
  });

  it('wraps the engagement and reader key bytes in tag 24 without re-encoding, and builds DeviceAuthenticationBytes', () => {
    const engagement = fromHex('a20063312e30018201d818');
    const readerKey = fromHex('a10102');
    const transcript = createQrHandoverSessionTranscript(engagement, readerKey);
    expect(toHex(encodeCbor(transcript))).toBe(`83d8184b${toHex(engagement)}d81843${toHex(readerKey)}f6`);
    expect(toHex(encodeSessionTranscriptBytes(transcript))).toBe(`d81856${toHex(encodeCbor(transcript))}`);
    const auth = deviceAuthenticationBytes(transcript, 'd', fromHex('a0'));
    const inner = `84${toHex(encodeCbor('DeviceAuthentication'))}${toHex(encodeCbor(transcript))}${toHex(utf8Encode('d')).replace(/^/, '61')}d81841a0`;
    expect(toHex(auth)).toBe(`d81858${(inner.length / 2).toString(16)}${inner}`);
  });
});
