import { type Platform, verifyProofJwt, ZzError } from '@zhengzhao/core';
import type { PersonDirectory, PersonSummary, WalletControl } from '../ports.js';
import type { ResolvedOid4vciConfig } from './config.js';
import { walletIdOf } from './credential-service.js';
import type { Oid4vciRepository } from './repository.js';
import type { SecretHasher } from './secrets.js';

export interface WalletProofDeps {
  readonly repo: Oid4vciRepository;
  readonly persons: PersonDirectory;
  readonly wallets: WalletControl;
  readonly config: ResolvedOid4vciConfig;
  readonly hasher: SecretHasher;
  readonly clock: () => Date;
  readonly platform: Platform;
}

/**
 * A wallet proving possession of its device key (OpenID4VCI 1.0 §8.2.1.1 key proof, `aud` = this
 * issuer, a fresh `c_nonce` from the nonce endpoint) whose RFC 7638 thumbprint is the wallet id,
 * for an active wallet of a person whose card is active. Runs `work` in the transaction that
 * consumes the nonce, so a proof serves once. Refused: `ERR_OID4VCI_INVALID_PROOF` / `_NONCE`,
 * `ERR_ISSUER_WALLET_UNKNOWN`, `ERR_ISSUER_WALLET_SUSPENDED`, `ERR_ISSUER_CARD_NOT_ACTIVE`.
 */
export async function withWalletProof<T>(
  deps: WalletProofDeps,
  input: { walletId: string; proof: string },
  work: (person: PersonSummary, tx: Parameters<Parameters<Oid4vciRepository['transaction']>[0]>[0]) => Promise<T>,
): Promise<T> {
  const { repo, persons, wallets, config, hasher, clock, platform } = deps;
  const now = clock();
  const verified = await verifyProofJwt(platform, input.proof, {
    audience: config.credentialIssuer,
    now,
    maxAgeSeconds: config.nonceTtlSeconds,
    allowedSuites: config.proofSuites,
  });
  if (typeof verified.nonce !== 'string') throw new ZzError('ERR_OID4VCI_INVALID_PROOF', 'The proof has no nonce');
  if ((await walletIdOf(platform, verified.publicKey)) !== input.walletId) {
    throw new ZzError('ERR_OID4VCI_INVALID_PROOF', 'The proof is signed by another key than this wallet’s');
  }
  const wallet = wallets.findWallet ? await wallets.findWallet(input.walletId) : undefined;
  if (!wallet) throw new ZzError('ERR_ISSUER_WALLET_UNKNOWN');
  if (wallet.state !== 'active') throw new ZzError('ERR_ISSUER_WALLET_SUSPENDED');
  const person = await persons.get(wallet.personId);
  if (!person) throw new ZzError('ERR_OID4VCI_PERSON_UNKNOWN');
  if (person.cardState !== 'active') throw new ZzError('ERR_ISSUER_CARD_NOT_ACTIVE');
  return repo.transaction(async (tx) => {
    if (!(await tx.consumeNonce(hasher.hash('c_nonce', verified.nonce as string), now.getTime()))) {
      throw new ZzError('ERR_OID4VCI_INVALID_NONCE', 'c_nonce is unknown, used or expired');
    }
    return work(person, tx);
  });
}
