import { bytesEqual } from '../bytes/bytes.js';
import { BoundedCache, bytesKey } from '../cache/bounded-cache.js';
import { isZzError, ZzError } from '../errors/zz-error.js';
import type { Platform } from '../platform/platform.js';
import { certificateKid } from '../x509/certificate-kid.js';
import { type ParsedCertificate, parseCertificate } from '../x509/parse-certificate.js';
import type { TrustQuery, TrustResolution, TrustSource } from './trust-source.js';
import { type ChainValidationResult, validateCertificateChain } from './validate-certificate-chain.js';

/** A trusted root, optionally limited to some credential types. */
export interface StaticTrustAnchor {
  /** DER of the root (IACA) certificate. */
  readonly certificate: Uint8Array;
  /** docTypes / vcts this root's issuers may issue; absent = any. */
  readonly docTypes?: readonly string[];
}

export interface StaticTrustSourceOptions {
  readonly platform: Platform;
  /** Trusted roots: DER, or DER with a docType allow-list. */
  readonly roots: readonly (Uint8Array | StaticTrustAnchor)[];
  /** Document-signer certificates (DER) that compact credentials may reference by kid. */
  readonly documentSigners?: readonly Uint8Array[];
  /** Extended key usage the leaf must carry; default id-mdlDS. */
  readonly leafExtendedKeyUsage?: string;
}

interface Anchor {
  readonly certificate: ParsedCertificate;
  readonly docTypes?: readonly string[];
}

/**
 * A TrustSource over a fixed list of roots (STYLE.md §8). `resolveChain` validates the chain with
 * `validateCertificateChain` at `query.now`; `resolveKid` finds a configured document-signer
 * certificate by `certificateKid` (first 8 bytes of SHA-256 of its DER, ADR 0004) and validates
 * it the same way. When `query.docType` is given and the root has an allow-list without it, the
 * answer is `ERR_TRUST_DOCTYPE_NOT_ALLOWED`. Roots are parsed now (bad DER throws at once).
 */
export function createStaticTrustSource(options: StaticTrustSourceOptions): TrustSource {
  const { platform } = options;
  const anchors: Anchor[] = options.roots.map((entry) => {
    const anchor = entry instanceof Uint8Array ? { certificate: entry } : entry;
    return {
      certificate: parseCertificate(anchor.certificate),
      ...(anchor.docTypes && { docTypes: [...anchor.docTypes] }),
    };
  });
  const roots = anchors.map((anchor) => anchor.certificate);
  const signers = (options.documentSigners ?? []).map((der) => new Uint8Array(der));
  let kidIndex: Promise<{ kid: Uint8Array; der: Uint8Array }[]> | undefined;
  const indexKids = () => {
    kidIndex ??= Promise.all(signers.map(async (der) => ({ kid: await certificateKid(platform, der), der })));
    return kidIndex;
  };

  // Validated chains, by their exact bytes: a verifier sees the same few issuer chains again and
  // again, and a chain that validated once stays valid while `now` is inside every certificate's
  // validity (roots and policy are fixed for this source; there is no DS revocation here).
  const validated = new BoundedCache<string, { resolution: TrustResolution; anchor: Anchor | undefined }>(
    MAX_CACHED_CHAINS,
  );

  const resolve = async (chain: readonly Uint8Array[], query: TrustQuery): Promise<TrustResolution> => {
    const key = chainKey(chain);
    let entry = key === undefined ? undefined : validated.get(key);
    const validity = entry?.resolution.validity;
    if (!entry || !validity || query.now < validity.notBefore || query.now > validity.notAfter) {
      const result = await validateCertificateChain(platform, chain, roots, {
        now: query.now,
        ...(options.leafExtendedKeyUsage && { leafExtendedKeyUsage: options.leafExtendedKeyUsage }),
      });
      entry = { resolution: toResolution(result), anchor: anchors.find((c) => c.certificate === result.root) };
      if (key !== undefined) validated.set(key, entry);
    }
    const { anchor } = entry;
    if (query.docType !== undefined && anchor?.docTypes && !anchor.docTypes.includes(query.docType)) {
      throw new ZzError('ERR_TRUST_DOCTYPE_NOT_ALLOWED', 'The issuer is not authorised for this credential type');
    }
    return entry.resolution;
  };

  return {
    resolveChain: (chain, query) => resolve(chain, query),
    async resolveKid(kid, query) {
      if (!(kid instanceof Uint8Array) || kid.length === 0 || kid.length > 64) {
        throw new ZzError('ERR_TRUST_KID_UNKNOWN', 'The key identifier is not a valid kid');
      }
      const matches = (await indexKids()).filter((entry) => bytesEqual(entry.kid, kid));
      if (matches.length === 0) throw new ZzError('ERR_TRUST_KID_UNKNOWN', 'No trusted certificate has this kid');
      let failure: unknown;
      for (const match of matches) {
        try {
          return await resolve([match.der], query);
        } catch (error) {
          if (!isZzError(error)) throw error;
          failure ??= error;
        }
      }
      throw failure;
    },
  };
}

const MAX_CACHED_CHAINS = 1024;
const MAX_CACHED_CHAIN_BYTES = 64 * 1024;

/** An exact, injective string key for a chain (undefined: too large to cache). */
function chainKey(chain: readonly Uint8Array[]): string | undefined {
  if (!Array.isArray(chain) || !chain.every((der) => der instanceof Uint8Array)) return undefined;
  let total = 0;
  for (const der of chain) total += der.length;
  if (total > MAX_CACHED_CHAIN_BYTES) return undefined;
  return chain.map((der) => `${der.length}:${bytesKey(der)}`).join('|');
}

function toResolution({ leaf, root, path }: ChainValidationResult): TrustResolution {
  const country = leaf.subject.country ?? root.subject.country;
  const certificates = [...path, root];
  const notBefore = new Date(Math.max(...certificates.map((c) => c.notBefore.getTime())));
  const notAfter = new Date(Math.min(...certificates.map((c) => c.notAfter.getTime())));
  return {
    publicKey: leaf.publicKey,
    validity: { notBefore, notAfter },
    certificates: { leaf: leaf.der, root: root.der },
    issuer: {
      name: leaf.subject.display,
      suite: leaf.publicKey.suite,
      ...(country !== undefined && { country }),
      trustAnchor: root.subject.display,
    },
  };
}
