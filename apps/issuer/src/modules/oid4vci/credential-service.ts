import {
  encodeBase64url,
  isZzError,
  jwkThumbprintInput,
  type Platform,
  type PublicKey,
  publicKeyToJwk,
  utf8Encode,
  verifyProofJwt,
  ZzError,
} from '@zhengzhao/core';
import type { IssuanceService, IssuedCredential } from '../ports.js';
import type { ResolvedOid4vciConfig } from './config.js';
import type { AccessTokenRow, Oid4vciRepository } from './repository.js';
import { parseCredentialRequest } from './schema.js';
import { type RandomBytes, randomToken, type SecretHasher } from './secrets.js';

export interface CredentialServiceDeps {
  readonly repo: Oid4vciRepository;
  readonly config: ResolvedOid4vciConfig;
  readonly hasher: SecretHasher;
  readonly clock: () => Date;
  readonly random: RandomBytes;
  readonly platform: Platform;
  readonly issuance: IssuanceService;
}

/**
 * The wallet id of a device key: its RFC 7638 JWK thumbprint (base64url SHA-256 of the canonical
 * JWK). One access token is bound to the wallet of the first proof key it is used with.
 */
export async function walletIdOf(platform: Platform, key: PublicKey): Promise<string> {
  return encodeBase64url(await platform.digest('SHA-256', utf8Encode(jwkThumbprintInput(publicKeyToJwk(key)))));
}

/** Nonce (OpenID4VCI 1.0 §7) and Credential (§8) endpoints. */
export function createCredentialService(deps: CredentialServiceDeps) {
  const { repo, config, hasher, clock, random, platform, issuance } = deps;
  return {
    async createNonce(): Promise<string> {
      const now = clock().getTime();
      const nonce = randomToken(random);
      await repo.insertNonce(hasher.hash('c_nonce', nonce), now, now + config.nonceTtlSeconds * 1000);
      return nonce;
    },

    /** The access token row for an `Authorization: Bearer …` header (RFC 6750 §2.1), else `invalid_token`. */
    async authenticate(authorization: string | undefined): Promise<AccessTokenRow> {
      const match = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/.exec(authorization ?? '');
      if (!match) throw new ZzError('ERR_OID4VCI_INVALID_TOKEN', 'Bearer access token required');
      const row = await repo.findAccessToken(hasher.hash('access_token', match[1] as string));
      if (!row || row.expires_at <= clock().getTime())
        throw new ZzError('ERR_OID4VCI_INVALID_TOKEN', 'Access token is unknown or expired');
      return row;
    },

    /**
     * Verifies every proof (typ, alg, jwk, signature, aud = credential issuer, iat), then consumes
     * their c_nonces (known, unused, unexpired; proofs may share one) atomically, then issues one
     * copy per proof through the lifecycle side.
     */
    async issue(token: AccessTokenRow, body: unknown): Promise<IssuedCredential[]> {
      const request = parseCredentialRequest(
        body,
        config.batchSize,
        config.profile.configurations.map((c) => c.id),
      );
      const allowed = JSON.parse(token.configuration_ids) as string[];
      if (!allowed.includes(request.configurationId)) {
        throw new ZzError(
          'ERR_OID4VCI_INVALID_CREDENTIAL_REQUEST',
          'The access token does not cover this configuration',
        );
      }
      const now = clock();
      const verified = [];
      for (const proof of request.proofs) {
        verified.push(
          await verifyProofJwt(platform, proof, {
            audience: config.credentialIssuer,
            now,
            maxAgeSeconds: config.nonceTtlSeconds,
            allowedSuites: config.proofSuites,
          }),
        );
      }
      const nonces = [...new Set(verified.map((v) => v.nonce as string))];
      await repo.transaction(async (tx) => {
        for (const nonce of nonces) {
          if (!(await tx.consumeNonce(hasher.hash('c_nonce', nonce), now.getTime()))) {
            throw new ZzError('ERR_OID4VCI_INVALID_NONCE', 'c_nonce is unknown, used or expired');
          }
        }
      });
      const deviceKeys = verified.map((v) => v.publicKey);
      const walletId =
        token.wallet_id ??
        (await repo.bindWallet(token.token_hash, await walletIdOf(platform, deviceKeys[0] as PublicKey)));
      try {
        return await issuance.issueBatch({
          personId: token.person_id,
          walletId,
          configurationId: request.configurationId,
          deviceKeys,
        });
      } catch (error) {
        if (isZzError(error, 'ERR_ISSUER_CARD_NOT_ACTIVE')) {
          throw new ZzError('ERR_OID4VCI_CREDENTIAL_REQUEST_DENIED', 'The physical card is not active', {
            cause: error,
          });
        }
        throw error;
      }
    },
  };
}

export type CredentialService = ReturnType<typeof createCredentialService>;
