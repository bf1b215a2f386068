import { constants, verify as nodeVerify, X509Certificate } from 'node:crypto';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { describe, expect, it } from 'vitest';
import {
  type CoseSign1,
  computeQrKid,
  coseAlgOf,
  decodeBase45,
  decodeBase64url,
  decodeCbor,
  fromHex,
  isZzError,
  parseCoseSign1,
  publicKeyFromCoordinates,
  sigStructure1,
  toHex,
  verifyCoseSign1,
} from '../../src/index.js';
import { readVector } from '../support/vectors.js';

/**
 * The EU Digital COVID Certificate (`HC1:`) as the model pipeline for `ZZ1:`: prefix → base45 →
 * ZLIB → COSE_Sign1 → CWT, each step checked against dgc-testdata's expected results.
 */
interface DgcCase {
  readonly path: string;
  readonly case: {
    readonly JSON?: unknown;
    readonly CBOR?: string;
    readonly COSE?: string;
    readonly COMPRESSED?: string;
    readonly BASE45?: string;
    readonly PREFIX?: string;
    readonly TESTCTX: { CERTIFICATE: string; VALIDATIONCLOCK: string; DESCRIPTION: string };
    readonly EXPECTEDRESULTS: Record<string, boolean>;
  };
}

const { cases } = readVector<{ cases: DgcCase[] }>('dgc/dgc_common_subset.json');
const platform = createNodePlatform();
const HCERT = -260;

const toPlain = (value: unknown): unknown => {
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), toPlain(v)]));
  if (Array.isArray(value)) return value.map(toPlain);
  return value;
};

const codeOf = async (fn: () => unknown): Promise<string | undefined> => {
  try {
    await fn();
  } catch (error) {
    return isZzError(error) ? error.code : 'NOT_A_ZZ_ERROR';
  }
  return undefined;
};

/** Verifies with the certificate's key: ES256 through the core, PS256 (RSA) with node:crypto. */
async function verifyDgc(message: CoseSign1, certificateBase64: string): Promise<boolean> {
  const certificate = new X509Certificate(Buffer.from(certificateBase64, 'base64'));
  const alg = coseAlgOf(message);
  if (alg === -7) {
    const jwk = certificate.publicKey.export({ format: 'jwk' });
    const key = publicKeyFromCoordinates('ES256', decodeBase64url(jwk.x as string), decodeBase64url(jwk.y as string));
    const code = await codeOf(() => verifyCoseSign1(platform, message, key));
    if (code !== undefined) expect(code).toBe('ERR_COSE_SIGNATURE_INVALID');
    return code === undefined;
  }
  expect(alg).toBe(-37); // PS256: outside our suites, checked here only to prove the COSE bytes
  const toBeSigned = sigStructure1(message.protectedBytes, new Uint8Array(0), message.payload ?? new Uint8Array(0));
  return nodeVerify(
    'sha256',
    toBeSigned,
    { key: certificate.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
    message.signature,
  );
}

describe('EU DCC HC1 pipeline (dgc-testdata common/2DCode/raw)', () => {
  it('covers valid and invalid cases', () => {
    expect(cases.length).toBe(10);
  });

  it.each(cases.map((c) => [`${c.path} — ${c.case.TESTCTX.DESCRIPTION}`, c] as const))(
    '%s',
    async (_name, { case: c }) => {
      const expected = c.EXPECTEDRESULTS;
      const now = new Date(c.TESTCTX.VALIDATIONCLOCK);
      expect(Number.isNaN(now.getTime())).toBe(false);

      // 1. prefix
      let base45 = c.BASE45;
      if (c.PREFIX !== undefined) {
        const unprefixed = c.PREFIX.startsWith('HC1:');
        if (expected.EXPECTEDUNPREFIX !== undefined) expect(unprefixed).toBe(expected.EXPECTEDUNPREFIX);
        if (!unprefixed) return;
        if (base45 !== undefined) expect(c.PREFIX.slice(4)).toBe(base45);
        base45 = c.PREFIX.slice(4);
      }

      // 2. base45
      let compressed = c.COMPRESSED === undefined ? undefined : fromHex(c.COMPRESSED);
      if (base45 !== undefined) {
        if (expected.EXPECTEDB45DECODE === false) {
          expect(await codeOf(() => decodeBase45(base45))).toBe('ERR_ENCODING_BASE45');
          return;
        }
        const decoded = decodeBase45(base45);
        if (compressed) expect(toHex(decoded)).toBe(toHex(compressed));
        compressed = decoded;
      }

      // 3. ZLIB, bounded
      let coseBytes = c.COSE === undefined ? undefined : fromHex(c.COSE);
      if (compressed) {
        if (expected.EXPECTEDCOMPRESSION === false) {
          expect(await codeOf(() => platform.inflate(compressed, 64 * 1024))).toMatch(/^ERR_COMPRESSION_/);
          return;
        }
        const inflated = await platform.inflate(compressed, 64 * 1024);
        if (coseBytes) expect(toHex(inflated)).toBe(toHex(coseBytes));
        coseBytes = inflated;
      }
      if (!coseBytes) throw new Error('case has no COSE bytes');

      // 4. COSE_Sign1 (tagged 18) and 5. CWT claims
      const message = parseCoseSign1(decodeCbor(coseBytes));
      expect(expected.EXPECTEDDECODE ?? true).toBe(true);
      const claims = decodeCbor(message.payload ?? new Uint8Array(0));
      expect(claims).toBeInstanceOf(Map);
      const cwt = claims as Map<number, unknown>;
      expect(typeof cwt.get(6)).toBe('number'); // iat
      expect(typeof cwt.get(4)).toBe('number'); // exp
      const hcert = (cwt.get(HCERT) as Map<number, unknown>).get(1);
      if (c.JSON !== undefined && expected.EXPECTEDVALIDJSON !== false) expect(toPlain(hcert)).toEqual(c.JSON);
      if (c.CBOR !== undefined) expect(toPlain(decodeCbor(fromHex(c.CBOR)))).toEqual(toPlain(hcert));
      const kid = message.protectedHeaders.get(4) ?? message.unprotectedHeaders.get(4);
      expect(kid).toBeInstanceOf(Uint8Array);
      expect((kid as Uint8Array).length).toBe(8);
      // The DCC kid rule is ours (ADR 0004): first 8 bytes of SHA-256 of the DER certificate.
      const der = new Uint8Array(Buffer.from(c.TESTCTX.CERTIFICATE, 'base64'));
      expect(toHex(await computeQrKid(platform, der))).toBe(toHex(kid as Uint8Array));

      // 6. signature with the case's certificate, at VALIDATIONCLOCK
      if (expected.EXPECTEDVERIFY !== undefined) {
        const certificate = new X509Certificate(Buffer.from(c.TESTCTX.CERTIFICATE, 'base64'));
        expect(new Date(certificate.validFrom) <= now && now <= new Date(certificate.validTo)).toBe(true);
        expect(await verifyDgc(message, c.TESTCTX.CERTIFICATE)).toBe(expected.EXPECTEDVERIFY);
      }
    },
  );
});
