import {
  bytesEqual,
  CREDENTIAL_CATALOG,
  type CredentialIssuerMetadata,
  encodeBase64url,
  type Platform,
  receiveCredentials,
  type Signer,
  ZzError,
} from '@zhengzhao/core';
import type { CardRecord, CopyRecord, StoredClaimValue } from '../records/card-record.js';
import { createWalletTrustSource } from '../trust/create-wallet-trust-source.js';
import type { WalletFetch } from '../wallet-types.js';
import {
  displayNames,
  fetchIssuerMetadata,
  pickDisplayName,
  readOffer,
  supportedConfigurationIds,
} from './read-offer.js';
import { type VerifiedCopy, verifyReceivedCopy } from './verify-received-copy.js';

export interface ReceiveCardsOptions {
  readonly offer: string;
  readonly txCode?: string;
  readonly deviceSigner: Signer;
  readonly fetch: WalletFetch;
  readonly now: () => Date;
  readonly locale: string;
  readonly batchSize?: number;
  readonly trustAnchorsPem?: readonly string[];
  /** Document signers already pinned (to resolve QR kids signed by a known key). */
  readonly pinned: readonly Uint8Array[];
}

/** One new card and its copies, ready to be sealed and written together. */
export interface ReceivedCard {
  readonly card: CardRecord;
  readonly copies: readonly { readonly n: string; readonly copy: CopyRecord }[];
}

/**
 * Runs OpenID4VCI with the device key (core `receiveCredentials`: offer, token with tx_code,
 * nonce, one proof per copy, a batch per configuration), for every offered configuration in a
 * format this wallet stores, then verifies every copy (`verifyReceivedCopy`) and groups them by
 * credential type: one card per type, N one-time copies per format. Nothing is stored here.
 */
export async function receiveCards(platform: Platform, options: ReceiveCardsOptions): Promise<ReceivedCard[]> {
  const offer = await readOffer(options.offer, options.fetch);
  const metadata = await fetchIssuerMetadata(options.fetch, offer.credential_issuer);
  const configurationIds = supportedConfigurationIds(offer, metadata);
  const received = await receiveCredentials(platform, {
    offer,
    ...(options.txCode !== undefined ? { txCode: options.txCode } : {}),
    deviceSigner: options.deviceSigner,
    configurationIds,
    ...(options.batchSize !== undefined ? { batchSize: options.batchSize } : {}),
    fetch: options.fetch,
    now: options.now,
  });
  const now = options.now();

  // mdoc and SD-JWT copies first: their x5chain leaves are the signers QR copies name by kid
  const verified: { configurationId: string; index: number; credential: string; copy: VerifiedCopy }[] = [];
  const receiveTrust = createWalletTrustSource({
    platform,
    ...(options.trustAnchorsPem ? { trustAnchorsPem: options.trustAnchorsPem } : {}),
    pinned: options.pinned,
    acceptUnpinned: true,
  });
  const batches = received.batches;
  for (const pass of ['chained', 'qr'] as const) {
    const leaves = uniqueLeaves(verified.map((v) => v.copy.chain));
    const trust =
      pass === 'chained'
        ? receiveTrust
        : createWalletTrustSource({
            platform,
            ...(options.trustAnchorsPem ? { trustAnchorsPem: options.trustAnchorsPem } : {}),
            pinned: [...options.pinned, ...leaves],
          });
    for (const batch of batches) {
      if ((batch.format === 'zz1_qr') !== (pass === 'qr')) continue;
      const configuration = metadata.credential_configurations_supported[batch.configurationId];
      if (!configuration) throw new ZzError('ERR_OID4VCI_METADATA_INVALID', 'A batch has no configuration');
      for (const [index, credential] of batch.credentials.entries()) {
        const copy = await verifyReceivedCopy(platform, batch.format, credential, configuration, {
          trust,
          deviceSigner: options.deviceSigner,
          now,
        });
        verified.push({ configurationId: batch.configurationId, index, credential, copy });
      }
    }
  }
  return groupByType(platform, metadata, verified, options.locale, now, configurationIds);
}

function uniqueLeaves(chains: readonly (readonly Uint8Array[])[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const chain of chains) {
    const leaf = chain[0];
    if (leaf && !out.some((der) => bytesEqual(der, leaf))) out.push(leaf);
  }
  return out;
}

function groupByType(
  platform: Platform,
  metadata: CredentialIssuerMetadata,
  verified: readonly { configurationId: string; index: number; credential: string; copy: VerifiedCopy }[],
  locale: string,
  now: Date,
  configurationOrder: readonly string[],
): ReceivedCard[] {
  const types = [...new Set(verified.map((v) => v.copy.type))];
  const issuerName = pickDisplayName(metadata.display, locale) ?? new URL(metadata.credential_issuer).host;
  return types.map((type) => {
    const ofType = verified.filter((v) => v.copy.type === type);
    const full =
      ofType.find((v) => v.copy.format === 'mso_mdoc' && v.copy.claims) ??
      ofType.find((v) => v.copy.claims !== undefined);
    const claims: Record<string, StoredClaimValue> = { ...(full?.copy.claims ?? {}) };
    const catalog = CREDENTIAL_CATALOG.get(type);
    const typeNames: Record<string, string> = catalog
      ? { ...catalog.display }
      : displayNames(
          metadata.credential_configurations_supported[ofType[0]?.configurationId ?? '']?.credential_metadata?.display,
        );
    const cardId = encodeBase64url(platform.randomBytes(16));
    const card: CardRecord = {
      cardId,
      type,
      typeNames,
      issuer: { url: metadata.credential_issuer, name: issuerName, names: displayNames(metadata.display) },
      claims,
      ...(full?.copy.validFrom ? { validFrom: full.copy.validFrom.toISOString() } : {}),
      ...(full?.copy.validUntil ? { validUntil: full.copy.validUntil.toISOString() } : {}),
      dsCertificates: uniqueLeaves(ofType.map((v) => v.copy.chain)),
      status: { value: 'unknown' },
      receivedAt: now.toISOString(),
      formats: [...new Set(ofType.map((v) => `${v.copy.format}/${v.copy.purpose ?? ''}`))],
    };
    const copies = ofType.map((v) => ({
      n: `${String(configurationOrder.indexOf(v.configurationId)).padStart(2, '0')}-${String(v.index).padStart(3, '0')}`,
      copy: {
        cardId,
        format: v.copy.format,
        configurationId: v.configurationId,
        ...(v.copy.purpose !== undefined ? { purpose: v.copy.purpose } : {}),
        credential: v.credential,
        ...(v.copy.status ? { status: v.copy.status } : {}),
        ...(v.copy.validUntil ? { expiresAt: v.copy.validUntil.toISOString() } : {}),
      } satisfies CopyRecord,
    }));
    return { card, copies };
  });
}
