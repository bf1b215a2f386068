import { createTestAuthority } from '@zhengzhao/test-kit';
import type { JWK } from 'jose';
import {
  type ExportableSigner,
  encodeBase64url,
  type PublicKey,
  publicKeyToJwk,
  type TrustSource,
} from '../../src/index.js';
import { platform } from './mdoc-fixtures.js';

export interface TestPki {
  readonly rootPem: string;
  readonly dsDer: Uint8Array;
  readonly dsPem: string;
  /** The DS private key as a JWK (for @auth0/mdl) and as our Signer. */
  readonly dsJwk: JWK;
  readonly dsSigner: ExportableSigner;
  /** Trusts the root and validates the chain at each call (test kit static trust source). */
  readonly trustSource: TrustSource;
}

/**
 * An IACA root and document-signer certificate (ISO/IEC 18013-5 Annex B) from the test kit,
 * valid around the real current time because @auth0/mdl checks validity against its own clock.
 */
export async function createTestPki(): Promise<TestPki> {
  const authority = await createTestAuthority({ platform, suite: 'ES256', now: new Date() });
  const dsSigner = authority.documentSigner.signer;
  return {
    rootPem: authority.root.pem,
    dsDer: authority.documentSigner.der,
    dsPem: authority.documentSigner.pem,
    dsJwk: signerToJwk(dsSigner),
    dsSigner,
    trustSource: authority.trustSource,
  };
}

/** Our ES256 signer as a private JWK for @auth0/mdl. */
export function signerToJwk(signer: ExportableSigner): JWK {
  return { ...publicKeyToJwk(signer.publicKey), d: encodeBase64url(signer.exportPrivateScalar()) };
}

export function publicJwk(key: PublicKey): JWK {
  return { ...publicKeyToJwk(key) };
}
