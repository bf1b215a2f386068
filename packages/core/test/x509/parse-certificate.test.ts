import { createNodePlatform } from '@zhengzhao/crypto-node';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  certificateKid,
  certificateThumbprint,
  createDocumentSignerCertificate,
  createIacaRootCertificate,
  decodeCertificatePem,
  decodeCertificatePemChain,
  decodeEcdsaSigValue,
  encodeCertificatePem,
  encodeEcdsaSigValue,
  isZzError,
  MAX_CERTIFICATE_BYTES,
  parseCertificate,
  toHex,
} from '../../src/index.js';

const platform = createNodePlatform();
const NOW = new Date('2026-03-01T08:00:00Z');
let rootDer: Uint8Array;
let dsDer: Uint8Array;

beforeAll(async () => {
  const suite = platform.suite('ES256');
  const rootSigner = await suite.generateSigner();
  rootDer = await createIacaRootCertificate({
    platform,
    signer: rootSigner,
    subject: { country: 'CN', organization: 'Test', commonName: 'Test IACA' },
    notBefore: NOW,
    notAfter: new Date('2036-03-01T08:00:00Z'),
    issuerAlternativeName: { uri: 'https://iaca.zhengzhao.test' },
  });
  dsDer = await createDocumentSignerCertificate({
    platform,
    issuerSigner: rootSigner,
    issuerCertificate: rootDer,
    subjectPublicKey: (await suite.generateSigner()).publicKey,
    subject: { country: 'CN', commonName: 'Test DS' },
    notBefore: NOW,
    notAfter: new Date('2027-03-01T08:00:00Z'),
  });
});

function codeOf(fn: () => unknown): string {
  try {
    fn();
    return 'no error';
  } catch (error) {
    return isZzError(error) ? error.code : `foreign: ${String(error)}`;
  }
}

describe('parseCertificate rejects bad input with ERR_X509_MALFORMED', () => {
  it('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        expect(codeOf(() => parseCertificate(bytes))).toBe('ERR_X509_MALFORMED');
      }),
      { numRuns: 500 },
    );
  });

  it('random bytes behind a plausible SEQUENCE header', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 400 }), (body) => {
        const bytes = new Uint8Array([0x30, 0x82, body.length >> 8, body.length & 0xff, ...body]);
        expect(codeOf(() => parseCertificate(bytes))).toBe('ERR_X509_MALFORMED');
      }),
      { numRuns: 500 },
    );
  });

  it('every truncation of a valid certificate', () => {
    for (let length = 0; length < dsDer.length; length++) {
      expect(codeOf(() => parseCertificate(dsDer.subarray(0, length)))).toBe('ERR_X509_MALFORMED');
    }
  });

  it('trailing bytes, oversize input and non-bytes', () => {
    expect(codeOf(() => parseCertificate(new Uint8Array([...dsDer, 0])))).toBe('ERR_X509_MALFORMED');
    expect(codeOf(() => parseCertificate(new Uint8Array(MAX_CERTIFICATE_BYTES + 1)))).toBe('ERR_X509_MALFORMED');
    expect(codeOf(() => parseCertificate('MII...' as unknown as Uint8Array))).toBe('ERR_X509_MALFORMED');
  });

  it('single-byte corruptions end in a ZzError or a certificate, never another exception', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000 }), fc.integer({ min: 1, max: 255 }), (position, xor) => {
        const bytes = dsDer.slice();
        const index = position % bytes.length;
        bytes[index] = (bytes[index] as number) ^ xor;
        const code = codeOf(() => parseCertificate(bytes));
        expect(code.startsWith('foreign')).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseCertificate reads our certificates', () => {
  it('returns the exact TBS bytes and the DER it was given', () => {
    const parsed = parseCertificate(dsDer);
    expect(parsed.der).toEqual(dsDer);
    expect(toHex(dsDer)).toContain(toHex(parsed.tbsBytes));
    expect(parsed.tbsBytes[0]).toBe(0x30);
  });
});

describe('PEM', () => {
  it('round-trips and reads chains', () => {
    const pem = encodeCertificatePem(dsDer);
    expect(pem.startsWith('-----BEGIN CERTIFICATE-----\n')).toBe(true);
    expect(pem.split('\n').every((line) => line.length <= 64)).toBe(true);
    expect(decodeCertificatePem(pem)).toEqual(dsDer);
    const chain = decodeCertificatePemChain(
      `subject=DS\n${pem}\r\n${encodeCertificatePem(rootDer).replace(/\n/g, '\r\n')}`,
    );
    expect(chain).toEqual([dsDer, rootDer]);
  });

  it('refuses broken PEM with ERR_X509_MALFORMED', () => {
    const pem = encodeCertificatePem(dsDer);
    const cases = [
      '',
      'hello',
      pem.replace('-----END CERTIFICATE-----', ''),
      pem.replace('MII', 'MI!'),
      pem.replace('MII', 'MIIA'),
      '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----',
      '-----BEGIN CERTIFICATE-----\nAA=A\n-----END CERTIFICATE-----',
    ];
    for (const bad of cases) expect(codeOf(() => decodeCertificatePem(bad))).toBe('ERR_X509_MALFORMED');
  });

  it('base64 random round trip', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), (bytes) => {
        expect(decodeCertificatePem(encodeCertificatePem(bytes))).toEqual(bytes);
      }),
    );
  });
});

describe('thumbprint and kid', () => {
  it('kid is the first 8 bytes of SHA-256 of the DER', async () => {
    const thumbprint = await certificateThumbprint(platform, dsDer);
    const kid = await certificateKid(platform, dsDer);
    expect(thumbprint).toHaveLength(32);
    expect(kid).toEqual(thumbprint.slice(0, 8));
    const { createHash } = await import('node:crypto');
    expect(toHex(kid)).toBe(createHash('sha256').update(dsDer).digest('hex').slice(0, 16));
  });
});

describe('ECDSA-Sig-Value', () => {
  it('round-trips raw r ‖ s including leading zeros and high bits', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 64 }), fc.nat({ max: 40 }), (raw, zeros) => {
        raw.fill(0, 0, Math.min(zeros, 31));
        expect(decodeEcdsaSigValue(encodeEcdsaSigValue(raw))).toEqual(raw);
      }),
    );
  });

  it('refuses non-DER integers', () => {
    // SEQUENCE { INTEGER 00 01, INTEGER 01 }: non-minimal r
    expect(codeOf(() => decodeEcdsaSigValue(Uint8Array.of(0x30, 0x07, 0x02, 0x02, 0x00, 0x01, 0x02, 0x01, 0x01)))).toBe(
      'ERR_X509_MALFORMED',
    );
    // negative r
    expect(codeOf(() => decodeEcdsaSigValue(Uint8Array.of(0x30, 0x06, 0x02, 0x01, 0x80, 0x02, 0x01, 0x01)))).toBe(
      'ERR_X509_MALFORMED',
    );
  });
});
