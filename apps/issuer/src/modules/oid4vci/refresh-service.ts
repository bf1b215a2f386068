import type { Platform } from '@zhengzhao/core';
import type { PersonDirectory, WalletControl } from '../ports.js';
import type { ResolvedOid4vciConfig } from './config.js';
import { type CreatedOffer, createOffer } from './offer-service.js';
import type { Oid4vciRepository } from './repository.js';
import type { RandomBytes, SecretHasher } from './secrets.js';
import { withWalletProof } from './verify-wallet-proof.js';

export interface RefreshServiceDeps {
  readonly repo: Oid4vciRepository;
  readonly persons: PersonDirectory;
  readonly wallets: WalletControl;
  readonly config: ResolvedOid4vciConfig;
  readonly hasher: SecretHasher;
  readonly clock: () => Date;
  readonly random: RandomBytes;
  readonly platform: Platform;
}

/**
 * A fresh batch for a wallet that was told to `refresh` (card changed, renewed or replaced):
 * instead of a new activation code, the wallet proves possession of its device key with an
 * OpenID4VCI key proof (`openid4vci-proof+jwt`, `aud` = this issuer, a `c_nonce` from the nonce
 * endpoint, OpenID4VCI 1.0 §8.2.1.1) whose key's RFC 7638 thumbprint is the wallet id. The answer
 * is a normal offer (pre-authorized code + tx_code) for the wallet's person; the issuance then
 * binds to the same wallet id. Refused: a proof that does not verify or whose nonce is unknown,
 * used or expired (`ERR_OID4VCI_INVALID_PROOF` / `_NONCE`), a key of another wallet
 * (`ERR_OID4VCI_INVALID_PROOF`), an unknown wallet (`ERR_ISSUER_WALLET_UNKNOWN`), a suspended one
 * (`ERR_ISSUER_WALLET_SUSPENDED`: a lost phone stays cut off) or a card that is not active.
 */
export function createRefreshService(deps: RefreshServiceDeps) {
  const { config, hasher, random } = deps;
  return {
    async refreshOffer(input: { walletId: string; proof: string }): Promise<CreatedOffer> {
      return withWalletProof(deps, input, (person, tx) =>
        createOffer(tx, { config, hasher, random }, person.personId, deps.clock().getTime()),
      );
    },
  };
}
