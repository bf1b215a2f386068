import {
  BoundedCache,
  createStaticTrustSource,
  decodeCertificatePem,
  type IssuerInfo,
  type Platform,
  parseCertificate,
  type StaticTrustAnchor,
  type TrustResolution,
  type TrustSource,
  toHex,
} from '@zhengzhao/core';

const MAX_CACHED_KIDS = 256;

import type { TrustBundle, TrustBundleIssuer } from './trust-bundle.js';

/** A TrustSource built from a trust bundle, which also names the bundle issuer behind a resolution. */
export interface BundleTrustSource extends TrustSource {
  readonly bundle: TrustBundle;
  /** The bundle issuer whose IACA root a resolution ended at (by the root's subject). */
  issuerFor(info: IssuerInfo | undefined): TrustBundleIssuer | undefined;
}

/**
 * Turns a parsed trust bundle into one `createStaticTrustSource` (STYLE.md §8): every issuer's
 * IACA certificates are roots (limited to its `doc_types` when given) and every
 * `document_signers` certificate is resolvable by kid (ADR 0004: first 8 bytes of SHA-256 of the
 * DER), which ZZ1 QR credentials need. Status list tokens are signed by the same document
 * signers, so the same source verifies them. Pass the result of `parseTrustBundle`.
 */
export function trustSourceFromBundle(platform: Platform, bundle: TrustBundle): BundleTrustSource {
  const roots: StaticTrustAnchor[] = [];
  const documentSigners: Uint8Array[] = [];
  const byAnchor = new Map<string, TrustBundleIssuer>();
  for (const issuer of bundle.issuers) {
    for (const pem of issuer.iaca) {
      const certificate = decodeCertificatePem(pem);
      roots.push({ certificate, ...(issuer.doc_types && { docTypes: issuer.doc_types }) });
      const subject = parseCertificate(certificate).subject.display;
      if (!byAnchor.has(subject)) byAnchor.set(subject, issuer);
    }
    for (const pem of issuer.document_signers) documentSigners.push(decodeCertificatePem(pem));
  }
  const source = createStaticTrustSource({ platform, roots, documentSigners });
  // Successful kid resolutions by (kid, docType): the answer of the static source cannot change
  // while `now` stays inside the chain's validity (fixed roots, no revocation of DS certificates
  // here), so it is reused in that window — the hot path of every offline QR.
  const byKid = new BoundedCache<string, TrustResolution>(MAX_CACHED_KIDS);
  return {
    bundle,
    resolveChain: (chain, query) => source.resolveChain(chain, query),
    async resolveKid(kid, query) {
      const key = kid instanceof Uint8Array && kid.length <= 64 ? `${toHex(kid)}|${query?.docType ?? ''}` : undefined;
      const cached = key === undefined ? undefined : byKid.get(key);
      const now = query?.now?.getTime();
      if (
        cached?.validity &&
        now !== undefined &&
        now >= cached.validity.notBefore.getTime() &&
        now <= cached.validity.notAfter.getTime()
      ) {
        return cached;
      }
      const resolution = await source.resolveKid(kid, query);
      if (key !== undefined) byKid.set(key, resolution);
      return resolution;
    },
    issuerFor: (info) => (info?.trustAnchor === undefined ? undefined : byAnchor.get(info.trustAnchor)),
  };
}
