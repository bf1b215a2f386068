import { describe, expect, it } from 'vitest';
import {
  decodeBase64url,
  decodeSdJwt,
  decodeSdJwtDisclosure,
  encodeBase64url,
  isZzError,
  jwkToPublicKey,
  presentSdJwtVc,
  utf8Encode,
  verifyKeyBindingJwt,
  verifySdJwt,
} from '../../src/index.js';
import { readVector } from '../support/vectors.js';
import { platform } from './fixtures.js';

interface Jwk {
  kty: string;
  crv: string;
  x: string;
  y: string;
  d: string;
}
interface DisclosureVector {
  disclosure: string;
  decoded: unknown[];
  sha256_b64url: string;
}
interface IssuanceVector {
  keys: { issuer_jwk: Jwk; holder_jwk: Jwk };
  disclosure_vectors: DisclosureVector[];
  main_example: {
    issuer_signed_jwt_payload: Record<string, unknown>;
    issued_sd_jwt: string;
    disclosures: DisclosureVector[];
  };
}

const vector = readVector<IssuanceVector>('sd-jwt/rfc9901_issuance_example.json');
const { d: _issuerD, ...issuerPublicJwk } = vector.keys.issuer_jwk;
const issuerKey = jwkToPublicKey(issuerPublicJwk);

async function sha256(text: string): Promise<string> {
  return encodeBase64url(await platform.digest('SHA-256', utf8Encode(text)));
}

describe('RFC 9901 vectors', () => {
  it('hashes the SPECS.md disclosure as sent', async () => {
    expect(await sha256('WyJfMjZiYzRMVC1hYzZxMktJNmNCVzVlcyIsICJmYW1pbHlfbmFtZSIsICJNw7ZiaXVzIl0')).toBe(
      'X9yH0Ajrdm1Oij4tWso9UzzKJvPoDxwmuEcO3XAdRC0',
    );
  });

  it.each([...vector.disclosure_vectors, ...vector.main_example.disclosures])(
    'disclosure $disclosure decodes and hashes to $sha256_b64url',
    async (entry) => {
      const decoded = decodeSdJwtDisclosure(entry.disclosure);
      expect(decoded.text).toBe(entry.disclosure);
      expect(
        decoded.name === undefined ? [decoded.salt, decoded.value] : [decoded.salt, decoded.name, decoded.value],
      ).toEqual(entry.decoded);
      expect(await sha256(entry.disclosure)).toBe(entry.sha256_b64url);
    },
  );

  it('verifies the issued example with the issuer key and recovers every claim (§7.1)', async () => {
    const verified = await verifySdJwt(platform, vector.main_example.issued_sd_jwt, {
      publicKey: issuerKey,
      now: new Date('2026-01-01T00:00:00Z'),
    });
    expect(verified.header).toEqual({ alg: 'ES256', typ: 'example+sd-jwt' });
    expect(verified.payload).toEqual(vector.main_example.issuer_signed_jwt_payload);
    expect(verified.sdAlg).toBe('sha-256');
    const { cnf: _cnf, ...claims } = verified.claims;
    expect(claims).toEqual({
      iss: 'https://issuer.example.com',
      iat: 1683000000,
      exp: 1883000000,
      sub: 'user_42',
      given_name: 'John',
      family_name: 'Doe',
      email: 'johndoe@example.com',
      phone_number: '+1-202-555-0101',
      phone_number_verified: true,
      address: { street_address: '123 Main St', locality: 'Anytown', region: 'Anystate', country: 'US' },
      birthdate: '1940-01-01',
      updated_at: 1570000000,
      nationalities: ['US', 'DE'],
    });
    expect(verified.uses.map((use) => use.path.join('.'))).toEqual([
      'given_name',
      'family_name',
      'email',
      'phone_number',
      'phone_number_verified',
      'address',
      'birthdate',
      'updated_at',
      'nationalities.0',
      'nationalities.1',
    ]);
  });

  it('drops undisclosed array elements and ignores unmatched digests', async () => {
    const decoded = decodeSdJwt(vector.main_example.issued_sd_jwt);
    const kept = decoded.disclosures.filter((text) => {
      const name = decodeSdJwtDisclosure(text).name;
      return name === 'family_name' || (name === undefined && decodeSdJwtDisclosure(text).value === 'US');
    });
    const verified = await verifySdJwt(platform, `${[decoded.jwtText, ...kept].join('~')}~`, { publicKey: issuerKey });
    const { cnf: _cnf, ...claims } = verified.claims;
    expect(claims).toEqual({
      iss: 'https://issuer.example.com',
      iat: 1683000000,
      exp: 1883000000,
      sub: 'user_42',
      family_name: 'Doe',
      nationalities: ['US'],
    });
  });

  it('is rejected after exp and with any other key', async () => {
    const expired = await verifySdJwt(platform, vector.main_example.issued_sd_jwt, {
      publicKey: issuerKey,
      now: new Date(1883000000 * 1000 + 3600_000),
    }).catch((e: unknown) => e);
    expect(isZzError(expired, 'ERR_VALIDITY_EXPIRED')).toBe(true);
    const other = await platform.suite('ES256').generateSigner();
    const wrongKey = await verifySdJwt(platform, vector.main_example.issued_sd_jwt, {
      publicKey: other.publicKey,
    }).catch((e: unknown) => e);
    expect(isZzError(wrongKey, 'ERR_JWS_SIGNATURE_INVALID')).toBe(true);
  });

  it('presents the example as the RFC does (family_name, address, given_name, nationalities[0]) with a KB-JWT from the holder key', async () => {
    const holder = await platform.suite('ES256').importSigner(decodeBase64url(vector.keys.holder_jwk.d));
    const now = new Date('2026-01-01T00:00:00Z');
    const presentation = await presentSdJwtVc(platform, vector.main_example.issued_sd_jwt, {
      disclose: ['family_name', 'address', 'given_name', ['nationalities', 0]],
      holderSigner: holder,
      audience: 'https://verifier.example.org',
      nonce: '1234567890',
      now,
    });
    const decoded = decodeSdJwt(presentation);
    expect(decoded.disclosures).toHaveLength(4);
    const verified = await verifySdJwt(platform, decoded, { publicKey: issuerKey, now });
    expect(verified.claims.nationalities).toEqual(['US']);
    expect(Object.keys(verified.claims)).not.toContain('email');
    const kb = await verifyKeyBindingJwt(platform, decoded.keyBindingJwt ?? '', {
      holderKey: holder.publicKey,
      sdHashInput: decoded.sdHashInput,
      digestAlgorithm: 'SHA-256',
      audience: 'https://verifier.example.org',
      nonce: '1234567890',
      now,
    });
    expect(kb.sd_hash).toBe(await sha256(decoded.sdHashInput));
    expect(decoded.sdHashInput.endsWith('~')).toBe(true);
  });
});
