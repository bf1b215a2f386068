import { toMdocNameSpaces, toSdJwtClaims } from '../catalog/credential-encodings.js';
import type { ValidatedClaims } from '../catalog/validate-claims.js';
import { ZzError } from '../errors/zz-error.js';
import { encodeIssuerSigned } from '../mdoc/encode-mdoc.js';
import { issueMdoc } from '../mdoc/issue-mdoc.js';
import type { PublicKey, Signer } from '../platform/crypto-suite.js';
import type { Platform } from '../platform/platform.js';
import { issueQrCredential } from '../qr/issue-qr-credential.js';
import { issueSdJwtVc } from '../sd-jwt/issue-sd-jwt-vc.js';
import type { StatusReference } from '../trust/trust-source.js';

/** The three encodings of one catalog credential (DESIGN.md §3). */
export type CatalogCredentialFormat = 'mdoc' | 'sd-jwt' | 'qr';

export interface IssueCatalogCredentialOptions {
  readonly format: CatalogCredentialFormat;
  /** The document signer. */
  readonly signer: Signer;
  /** DER certificates, document signer first (mdoc `x5chain`, SD-JWT `x5c`). */
  readonly certificateChain: readonly Uint8Array[];
  /** The document signer's kid (ADR 0004): required for the QR format. */
  readonly kid?: Uint8Array;
  /** Credential type: mdoc docType, SD-JWT `vct`, QR type. */
  readonly typeId: string;
  readonly claims: ValidatedClaims;
  readonly deviceKey: PublicKey;
  readonly issuedAt: Date;
  readonly expiresAt: Date;
  readonly status?: StatusReference;
  /** QR purpose set (default `hotel`). */
  readonly purpose?: string;
  /** SD-JWT `iss` (the credential issuer URL). */
  readonly sdJwtIssuer?: string;
  /** SD-JWT decoy digests. */
  readonly sdJwtDecoys?: number;
  /** Short QR `iss` (the province code). */
  readonly qrIssuer?: string;
}

/**
 * Issues validated catalog claims in one format, the same way for the issuing authority and the
 * `zz issue` command: an mdoc IssuerSigned (CBOR bytes), an SD-JWT VC with every claim
 * selectively disclosable (text), or a compact ZZ1 credential for a purpose (COSE bytes).
 */
export async function issueCatalogCredential(
  platform: Platform,
  options: IssueCatalogCredentialOptions,
): Promise<Uint8Array | string> {
  const { signer, certificateChain, typeId, claims, deviceKey, issuedAt, expiresAt, status } = options;
  switch (options.format) {
    case 'mdoc':
      return encodeIssuerSigned(
        await issueMdoc(platform, {
          signer,
          x5chain: certificateChain,
          docType: typeId,
          nameSpaces: toMdocNameSpaces(typeId, claims),
          deviceKey,
          signed: issuedAt,
          validFrom: issuedAt,
          validUntil: expiresAt,
          ...(status && { status }),
        }),
      );
    case 'sd-jwt':
      return issueSdJwtVc(platform, {
        signer,
        x5c: certificateChain,
        vct: typeId,
        ...(options.sdJwtIssuer !== undefined && { iss: options.sdJwtIssuer }),
        claims: toSdJwtClaims(claims),
        selectivelyDisclosable: Object.keys(claims),
        ...(options.sdJwtDecoys !== undefined && { decoys: options.sdJwtDecoys }),
        holderPublicKey: deviceKey,
        ...(status && { status }),
        exp: expiresAt,
        now: issuedAt,
      });
    case 'qr':
      if (!options.kid) throw new ZzError('ERR_INPUT_INVALID', 'A QR credential needs the document signer kid');
      return issueQrCredential(platform, {
        signer,
        kid: options.kid,
        typeId,
        purpose: options.purpose ?? 'hotel',
        claims,
        holderPublicKey: deviceKey,
        iat: issuedAt,
        exp: expiresAt,
        ...(options.qrIssuer !== undefined && { issuer: options.qrIssuer }),
        ...(status && { status }),
      });
    default:
      throw new ZzError('ERR_INPUT_INVALID', 'Unknown credential format');
  }
}
