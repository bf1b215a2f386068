/**
 * SD-JWT VC verification with key binding: ours (`verifySdJwtVc`) against @sd-jwt/sd-jwt-vc 0.19
 * `SDJwtVcInstance.verify` with the @sd-jwt/crypto-nodejs ES256 verifier and hasher, on the same
 * presentation (same credential, same disclosures, same KB-JWT). The peer's KB verifier is given
 * the best case: verifiers built from `cnf.jwk` are cached by key, like our platform's key cache.
 */
import { digest, ES256 } from '@sd-jwt/crypto-nodejs';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import {
  issueSdJwtVc,
  presentSdJwtVc,
  publicKeyToJwk,
  type TrustSource,
  utf8Encode,
  verifySdJwtVc,
  ZzError,
} from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { compare, report } from './lib.js';

export async function run(): Promise<void> {
  const platform = createNodePlatform();
  const issuer = await platform.suite('ES256').generateSigner();
  const holder = await platform.suite('ES256').generateSigner();
  const der = utf8Encode('bench document signer certificate');
  const now = new Date('2026-03-01T08:00:00Z');
  const trust: TrustSource = {
    resolveChain: async () => ({ publicKey: issuer.publicKey, issuer: { name: 'CN=Bench', suite: 'ES256' } }),
    resolveKid: async () => {
      throw new ZzError('ERR_TRUST_KID_UNKNOWN');
    },
  };
  const sdJwt = await issueSdJwtVc(platform, {
    signer: issuer,
    x5c: [der],
    vct: 'urn:cn:gov:eid:1',
    iss: 'https://issuer.gov.example.cn/bj',
    claims: {
      given_name: '三',
      family_name: '张',
      birth_date: '1990-01-01',
      id_number: '11010519491231002X',
      address: { street_address: '长安街 1 号', locality: '北京', region: '北京市', country: 'CN' },
      nationalities: ['CN'],
      age_over_18: true,
    },
    selectivelyDisclosable: ['given_name', 'family_name', 'birth_date', 'id_number', 'address', 'age_over_18'],
    decoys: 3,
    holderPublicKey: holder.publicKey,
    iat: new Date('2026-01-01T00:00:00Z'),
    exp: new Date('2027-01-01T00:00:00Z'),
    now,
  });
  const audience = 'x509_san_dns:verifier.example.cn';
  const nonce = 'n-0S6_WzA2Mj';
  const presentation = await presentSdJwtVc(platform, sdJwt, {
    disclose: ['given_name', 'family_name', 'age_over_18', 'address'],
    holderSigner: holder,
    audience,
    nonce,
    now,
  });

  const kbVerifiers = new Map<string, (data: string, signature: string) => Promise<boolean>>();
  const peer = new SDJwtVcInstance({
    hasher: digest,
    hashAlg: 'sha-256',
    verifier: await ES256.getVerifier(publicKeyToJwk(issuer.publicKey)),
    kbVerifier: async (data, signature, payload) => {
      const jwk = (payload.cnf as { jwk: { x: string; y: string } }).jwk;
      const id = `${jwk.x}.${jwk.y}`;
      let verify = kbVerifiers.get(id);
      if (!verify) {
        verify = await ES256.getVerifier(jwk);
        kbVerifiers.set(id, verify);
      }
      return verify(data, signature);
    },
  });
  const currentDate = now.getTime() / 1000;
  const options = { trust, now, audience, nonce, expectedVct: 'urn:cn:gov:eid:1' };

  // Both must accept the presentation before being timed.
  const ours = await verifySdJwtVc(platform, presentation, options);
  if (!ours.valid) throw new Error('bench: our verifier rejected the presentation');
  await peer.verify(presentation, { keyBindingNonce: nonce, currentDate });

  const result = await compare(
    () => verifySdJwtVc(platform, presentation, options),
    () => peer.verify(presentation, { keyBindingNonce: nonce, currentDate }),
    { rounds: 7, millis: 300 },
  );
  report(
    'SD-JWT VC verify with KB ÷ @sd-jwt/sd-jwt-vc 0.19 verify (same presentation)',
    `${result.ratio.toFixed(2)}× (${Math.round(result.subject)}/s vs ${Math.round(result.baseline)}/s)`,
    '≥ 3×',
    result.ratio >= 3,
  );
}
