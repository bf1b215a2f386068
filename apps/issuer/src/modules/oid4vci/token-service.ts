import { PRE_AUTHORIZED_CODE_GRANT, timingSafeEqual, utf8Encode, ZzError } from '@zhengzhao/core';
import type { ResolvedOid4vciConfig } from './config.js';
import { hashTxCode } from './offer-service.js';
import type { Oid4vciRepository } from './repository.js';
import { type RandomBytes, randomToken, type SecretHasher } from './secrets.js';

export interface TokenServiceDeps {
  readonly repo: Oid4vciRepository;
  readonly config: ResolvedOid4vciConfig;
  readonly hasher: SecretHasher;
  readonly clock: () => Date;
  readonly random: RandomBytes;
}

/** A parsed token request (form parameters, each at most once). */
export interface TokenRequest {
  readonly grant_type?: string;
  readonly 'pre-authorized_code'?: string;
  readonly tx_code?: string;
}

export interface IssuedAccessToken {
  readonly accessToken: string;
  readonly expiresInSeconds: number;
}

const invalidGrant = (message: string) => new ZzError('ERR_OID4VCI_INVALID_GRANT', message);

/**
 * The token endpoint of the pre-authorized code flow (OpenID4VCI 1.0 §6): checks the grant type,
 * finds the offer by the code's hash, refuses locked, expired and redeemed codes
 * (`invalid_grant`), requires the tx_code (`invalid_request` when missing), counts wrong tx_codes
 * and locks the code for good at `txCodeMaxAttempts`, and redeems the code exactly once.
 */
export function createTokenService(deps: TokenServiceDeps) {
  const { repo, config, hasher, clock, random } = deps;
  return {
    async redeem(request: TokenRequest): Promise<IssuedAccessToken> {
      if (request.grant_type === undefined) throw new ZzError('ERR_OID4VCI_INVALID_REQUEST', 'grant_type is missing');
      if (request.grant_type !== PRE_AUTHORIZED_CODE_GRANT) throw new ZzError('ERR_OID4VCI_UNSUPPORTED_GRANT_TYPE');
      const code = request['pre-authorized_code'];
      if (code === undefined || code.length === 0)
        throw new ZzError('ERR_OID4VCI_INVALID_REQUEST', 'pre-authorized_code is missing');
      const offer = await repo.findOfferByCodeHash(hasher.hash('pre-authorized_code', code));
      if (!offer) throw invalidGrant('Unknown pre-authorized code');
      const now = clock().getTime();
      if (offer.locked_at !== null) throw invalidGrant('Pre-authorized code is locked after too many wrong tx_codes');
      if (offer.redeemed_at !== null) throw invalidGrant('Pre-authorized code was already used');
      if (offer.expires_at <= now) throw invalidGrant('Pre-authorized code has expired');
      const txCode = request.tx_code;
      if (txCode === undefined || txCode.length === 0)
        throw new ZzError('ERR_OID4VCI_INVALID_REQUEST', 'tx_code is required');
      const given = utf8Encode(hashTxCode(hasher, code, txCode));
      if (!timingSafeEqual(given, utf8Encode(offer.tx_code_hash))) {
        const attempts = await repo.countTxCodeFailure(offer.id, config.txCodeMaxAttempts, now);
        throw invalidGrant(
          attempts >= config.txCodeMaxAttempts ? 'Wrong tx_code; the code is now locked' : 'Wrong tx_code',
        );
      }
      const accessToken = randomToken(random);
      const expiresInSeconds = config.accessTokenTtlSeconds;
      await repo.transaction(async (tx) => {
        if (!(await tx.redeemOffer(offer.id, now))) throw invalidGrant('Pre-authorized code is no longer valid');
        await tx.insertAccessToken({
          token_hash: hasher.hash('access_token', accessToken),
          offer_id: offer.id,
          person_id: offer.person_id,
          configuration_ids: offer.configuration_ids,
          wallet_id: null,
          created_at: now,
          expires_at: now + expiresInSeconds * 1000,
        });
      });
      return { accessToken, expiresInSeconds };
    },
  };
}

export type TokenService = ReturnType<typeof createTokenService>;
