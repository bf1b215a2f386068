import { digest, ES256, generateSalt } from '@sd-jwt/crypto-nodejs';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { createTestAuthority, hasSuite } from '@zhengzhao/test-kit';
import { describe, expect, it } from 'vitest';
import {
  encodeBase64url,
  issueSdJwtVc,
  presentSdJwtVc,
  publicKeyToJwk,
  type SuiteId,
  verifySdJwtVc,
} from '../../src/index.js';
import { AUDIENCE, CLAIMS, failedCheck, NONCE, NOW, platform, VCT } from './fixtures.js';

const verifyOptions = { now: NOW, audience: AUDIENCE, nonce: NONCE, expectedVct: VCT };

/** A test authority and a holder, and a way to issue + present with any x5c chain. */
async function authorityWithHolder(suite: SuiteId) {
  const authority = await createTestAuthority({ platform, suite, now: NOW, docTypes: [VCT] });
  const holder = await platform.suite(suite).generateSigner();
  const issue = (x5c: readonly Uint8Array[]) =>
    issueSdJwtVc(platform, {
      signer: authority.documentSigner.signer,
      x5c,
      vct: VCT,
      claims: CLAIMS,
      selectivelyDisclosable: ['given_name', 'family_name', 'id_number'],
      holderPublicKey: holder.publicKey,
      exp: new Date(NOW.getTime() + 86400_000),
      now: new Date(NOW.getTime() - 60_000),
    });
  const present = async (x5c: readonly Uint8Array[]) =>
    presentSdJwtVc(platform, await issue(x5c), {
      disclose: ['family_name'],
      holderSigner: holder,
      audience: AUDIENCE,
      nonce: NONCE,
      now: NOW,
    });
  return { authority, holder, present };
}

describe('end to end with @zhengzhao/test-kit certificates (x5c → trust.resolveChain)', () => {
  for (const suite of ['ES256', 'SM2'] as const) {
    it.skipIf(!hasSuite(platform, suite))(
      `${suite}: a real document-signer chain verifies; bad chains fail trust_chain`,
      async () => {
        const { authority, present } = await authorityWithHolder(suite);
        const report = await verifySdJwtVc(platform, await present(authority.chain), {
          ...verifyOptions,
          trust: authority.trustSource,
        });
        expect(report.valid).toBe(true);
        expect(report.issuer?.name).toContain('Zhengzhao Test Authority DS');
        expect(report.claims?.[VCT]?.family_name).toBe('张');

        for (const [certificate, code] of [
          [authority.variants.expiredDocumentSigner, 'ERR_TRUST_CERT_EXPIRED'],
          [authority.variants.notYetValidDocumentSigner, 'ERR_TRUST_CERT_NOT_YET_VALID'],
          [authority.variants.untrustedDocumentSigner, 'ERR_TRUST_UNTRUSTED_ROOT'],
        ] as const) {
          const bad = await verifySdJwtVc(platform, await present([certificate.der]), {
            ...verifyOptions,
            trust: authority.trustSource,
          });
          expect(failedCheck(bad)).toEqual({ id: 'trust_chain', code });
        }
      },
    );
  }

  it('a credential type the authority is not allowed to issue fails trust_chain', async () => {
    const authority = await createTestAuthority({ platform, suite: 'ES256', now: NOW, docTypes: ['urn:cn:gov:mdl:1'] });
    const holder = await platform.suite('ES256').generateSigner();
    const sdJwt = await issueSdJwtVc(platform, {
      signer: authority.documentSigner.signer,
      x5c: authority.chain,
      vct: VCT,
      claims: CLAIMS,
      holderPublicKey: holder.publicKey,
      exp: new Date(NOW.getTime() + 86400_000),
      now: NOW,
    });
    const report = await verifySdJwtVc(platform, sdJwt, {
      now: NOW,
      trust: authority.trustSource,
      requireKeyBinding: false,
    });
    expect(failedCheck(report)?.id).toBe('trust_chain');
    expect(report.valid).toBe(false);
  });

  it('@sd-jwt/sd-jwt-vc 0.19 issuing with the authority key and x5c chain verifies in ours', async () => {
    const authority = await createTestAuthority({ platform, suite: 'ES256', now: NOW });
    const issuerJwk = {
      ...publicKeyToJwk(authority.documentSigner.signer.publicKey),
      d: encodeBase64url(authority.documentSigner.signer.exportPrivateScalar()),
    };
    const holderKeys = await ES256.generateKeyPair();
    const { kty, crv, x, y } = holderKeys.publicKey;
    const peer = new SDJwtVcInstance({
      signer: await ES256.getSigner(issuerJwk),
      signAlg: 'ES256',
      kbSigner: await ES256.getSigner(holderKeys.privateKey),
      kbSignAlg: 'ES256',
      hasher: digest,
      hashAlg: 'sha-256',
      saltGenerator: generateSalt,
    });
    const seconds = NOW.getTime() / 1000;
    const credential = await peer.issue(
      { iat: seconds - 60, exp: seconds + 3600, vct: VCT, cnf: { jwk: { kty, crv, x, y } }, ...CLAIMS },
      { _sd: ['given_name', 'family_name'] },
      { header: { x5c: authority.chain.map((der) => Buffer.from(der).toString('base64')) } },
    );
    const presentation = await peer.present(
      credential,
      { given_name: true },
      { kb: { payload: { iat: seconds, aud: AUDIENCE, nonce: NONCE } } },
    );
    const report = await verifySdJwtVc(platform, presentation, { ...verifyOptions, trust: authority.trustSource });
    expect(report.valid).toBe(true);
    expect(report.claims?.[VCT]?.given_name).toBe('三');
    expect(report.claims?.[VCT]).not.toHaveProperty('family_name');
  });
});
