import { digest, ES256, generateSalt } from '@sd-jwt/crypto-nodejs';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { describe, expect, it } from 'vitest';
import {
  decodeSdJwt,
  decodeSdJwtDisclosure,
  encodeBase64url,
  jwkToPublicKey,
  presentSdJwtVc,
  publicKeyToJwk,
  utf8Decode,
  utf8Encode,
  verifySdJwtVc,
} from '../../src/index.js';
import {
  AUDIENCE,
  CLAIMS,
  createFixture,
  FAKE_DER,
  failedCheck,
  fixedTrust,
  NONCE,
  NOW,
  platform,
  VCT,
} from './fixtures.js';

const nowSeconds = NOW.getTime() / 1000;

/** A 0.19 verifier whose KB verifier takes the holder key from cnf.jwk, as a relying party would. */
async function peerVerifier(issuerJwk: object): Promise<SDJwtVcInstance> {
  return new SDJwtVcInstance({
    hasher: digest,
    hashAlg: 'sha-256',
    verifier: await ES256.getVerifier(issuerJwk),
    kbVerifier: async (data, signature, payload) => {
      const jwk = (payload.cnf as { jwk: object }).jwk;
      return (await ES256.getVerifier(jwk))(data, signature);
    },
  });
}

function withoutBindingAndStatus(claims: unknown): Record<string, unknown> {
  const { cnf: _cnf, status: _status, ...rest } = claims as Record<string, unknown>;
  return rest;
}

describe('interop with @sd-jwt/sd-jwt-vc 0.19', () => {
  it('(a) what we issue and present with KB verifies in SDJwtVcInstance, with the same claims', async () => {
    const { sdJwt, holder, issuer, trust } = await createFixture();
    const presentation = await presentSdJwtVc(platform, sdJwt, {
      disclose: ['given_name', 'family_name', ['address', 'locality'], ['nationalities', 1]],
      holderSigner: holder,
      audience: AUDIENCE,
      nonce: NONCE,
      now: NOW,
    });
    const peer = await peerVerifier(publicKeyToJwk(issuer.publicKey));
    const theirs = await peer.verify(presentation, { keyBindingNonce: NONCE, currentDate: nowSeconds });
    expect(theirs.header).toMatchObject({ typ: 'dc+sd-jwt', alg: 'ES256' });
    expect(theirs.kb?.payload).toMatchObject({ aud: AUDIENCE, nonce: NONCE });
    const ours = await verifySdJwtVc(platform, presentation, { trust, now: NOW, audience: AUDIENCE, nonce: NONCE });
    expect(ours.valid).toBe(true);
    expect(ours.claims?.[VCT]).toEqual(withoutBindingAndStatus(theirs.payload));
    expect(ours.claims?.[VCT]).toMatchObject({
      given_name: '三',
      nationalities: ['CN', 'HK'],
      address: CLAIMS.address,
    });
  });

  it('(b) what SDJwtVcInstance issues and presents with KB verifies in ours, with the same claims', async () => {
    const issuerKeys = await ES256.generateKeyPair();
    const holderKeys = await ES256.generateKeyPair();
    const { kty, crv, x, y } = holderKeys.publicKey;
    const holderPublicJwk = { kty, crv, x, y };
    const peer = new SDJwtVcInstance({
      signer: await ES256.getSigner(issuerKeys.privateKey),
      signAlg: 'ES256',
      kbSigner: await ES256.getSigner(holderKeys.privateKey),
      kbSignAlg: 'ES256',
      hasher: digest,
      hashAlg: 'sha-256',
      saltGenerator: generateSalt,
    });
    const credential = await peer.issue(
      {
        iss: 'https://issuer.peer.example',
        iat: nowSeconds - 3600,
        exp: nowSeconds + 86400,
        vct: VCT,
        cnf: { jwk: holderPublicJwk },
        ...CLAIMS,
      },
      {
        _sd: ['given_name', 'family_name', 'birth_date', 'id_number', 'address'],
        address: { _sd: ['locality', 'region'] },
        nationalities: { _sd: [0, 1] },
      },
      { header: { x5c: [btoa(utf8Decode(FAKE_DER))] } },
    );
    const presentation = await peer.present(
      credential,
      { family_name: true, address: { locality: true }, nationalities: { 1: true } },
      { kb: { payload: { iat: nowSeconds, aud: AUDIENCE, nonce: NONCE } } },
    );
    const peerVerify = await peerVerifier(issuerKeys.publicKey);
    const theirs = await peerVerify.verify(presentation, { keyBindingNonce: NONCE, currentDate: nowSeconds });
    const trust = fixedTrust(
      jwkToPublicKey({ kty: 'EC', crv: 'P-256', x: issuerKeys.publicKey.x, y: issuerKeys.publicKey.y }),
    );
    const ours = await verifySdJwtVc(platform, presentation, {
      trust,
      now: NOW,
      audience: AUDIENCE,
      nonce: NONCE,
      expectedVct: VCT,
    });
    expect(ours.checks.filter((c) => c.outcome !== 'ok').map((c) => c.id)).toEqual(['status']);
    expect(ours.valid).toBe(true);
    expect(ours.claims?.[VCT]).toEqual(withoutBindingAndStatus(theirs.payload));
    expect(ours.claims?.[VCT]).toMatchObject({
      family_name: '张',
      address: { locality: '北京', street_address: '长安街 1 号', country: 'CN' },
      nationalities: ['HK'],
    });
    expect(ours.claims?.[VCT]).not.toHaveProperty('given_name');
  });

  it('0.19 accepts an unreferenced (altered) disclosure; ours rejects it (RFC 9901 §7.1 step 7)', async () => {
    const { sdJwt, issuer, trust } = await createFixture();
    const decoded = decodeSdJwt(sdJwt);
    const index = decoded.disclosures.findIndex((d) => decodeSdJwtDisclosure(d).name === 'family_name');
    const { salt } = decodeSdJwtDisclosure(decoded.disclosures[index] as string);
    const forged = encodeBase64url(utf8Encode(JSON.stringify([salt, 'family_name', '李'])));
    const disclosures = decoded.disclosures.map((d, i) => (i === index ? forged : d));
    const tampered = `${[decoded.jwtText, ...disclosures].join('~')}~`;

    const peer = await peerVerifier(publicKeyToJwk(issuer.publicKey));
    const theirs = await peer.verify(tampered, { currentDate: nowSeconds });
    expect((theirs.payload as Record<string, unknown>).family_name).toBeUndefined(); // silently dropped

    const ours = await verifySdJwtVc(platform, tampered, { trust, now: NOW, requireKeyBinding: false });
    expect(ours.valid).toBe(false);
    expect(failedCheck(ours)).toEqual({ id: 'digests', code: 'ERR_SDJWT_DISCLOSURE_INVALID' });
  });
});
