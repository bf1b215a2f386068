import { type CredentialOffer, encodeCredentialOfferUri, PRE_AUTHORIZED_CODE_GRANT } from '@zhengzhao/core';
import type { ResolvedOid4vciConfig } from './config.js';
import type { Oid4vciStore } from './repository.js';
import { type RandomBytes, randomDigits, randomToken, type SecretHasher } from './secrets.js';

/** Length of the transaction code (the SMS stand-in). */
export const TX_CODE_LENGTH = 6;

/** What the activation page gets back: the offer (object and link) and the tx_code to show. */
export interface CreatedOffer {
  readonly credentialOffer: CredentialOffer;
  /** `openid-credential-offer://?credential_offer=…`, for the QR code and the deep link. */
  readonly credentialOfferLink: string;
  readonly txCode: string;
  readonly expiresInSeconds: number;
}

export interface OfferContext {
  readonly config: ResolvedOid4vciConfig;
  readonly hasher: SecretHasher;
  readonly random: RandomBytes;
}

/** The tx_code hash binds the code to its pre-authorized code (never stored), see `secrets.ts`. */
export function hashTxCode(hasher: SecretHasher, preAuthorizedCode: string, txCode: string): string {
  return hasher.hash('tx_code', preAuthorizedCode, txCode);
}

/**
 * Creates a Credential Offer (OpenID4VCI 1.0 §4.1.1) for all configurations with a fresh
 * pre-authorized code and a 6-digit numeric tx_code; stores only their hashes. Run inside the
 * activation transaction.
 */
export async function createOffer(
  repo: Oid4vciStore,
  context: OfferContext,
  personId: string,
  now: number,
): Promise<CreatedOffer> {
  const { config, hasher, random } = context;
  const preAuthorizedCode = randomToken(random);
  const txCode = randomDigits(random, TX_CODE_LENGTH);
  await repo.insertOffer({
    id: randomToken(random, 16),
    code_hash: hasher.hash('pre-authorized_code', preAuthorizedCode),
    person_id: personId,
    configuration_ids: JSON.stringify(config.profile.configurations.map((c) => c.id)),
    tx_code_hash: hashTxCode(hasher, preAuthorizedCode, txCode),
    tx_code_attempts: 0,
    locked_at: null,
    created_at: now,
    expires_at: now + config.preAuthorizedCodeTtlSeconds * 1000,
    redeemed_at: null,
  });
  const credentialOffer: CredentialOffer = {
    credential_issuer: config.credentialIssuer,
    credential_configuration_ids: config.profile.configurations.map((c) => c.id),
    grants: {
      [PRE_AUTHORIZED_CODE_GRANT]: {
        'pre-authorized_code': preAuthorizedCode,
        tx_code: {
          input_mode: 'numeric',
          length: TX_CODE_LENGTH,
          description: '请输入短信验证码 / Enter the code sent by SMS',
        },
      },
    },
  };
  return {
    credentialOffer,
    credentialOfferLink: encodeCredentialOfferUri(credentialOffer),
    txCode,
    expiresInSeconds: config.preAuthorizedCodeTtlSeconds,
  };
}
