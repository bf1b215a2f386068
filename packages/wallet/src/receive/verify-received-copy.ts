import {
  bytesEqual,
  CREDENTIAL_CATALOG,
  type CredentialConfiguration,
  claimsFromJson,
  coseX5Chain,
  decodeBase64url,
  decodeIssuerSigned,
  decodeSdJwt,
  decodeX5c,
  isZzError,
  jwkToPublicKey,
  mdocClaims,
  type Platform,
  parseMobileSecurityObject,
  parseQrCredential,
  presentQr,
  type Signer,
  type StatusReference,
  type TrustSource,
  type VerificationReport,
  verifyIssuerSigned,
  verifyQr,
  verifySdJwtVc,
  ZzError,
} from '@zhengzhao/core';
import type { CopyFormat, StoredClaimValue } from '../records/card-record.js';

/** What the wallet keeps from one verified copy. */
export interface VerifiedCopy {
  readonly format: CopyFormat;
  /** docType / vct / QR type id. */
  readonly type: string;
  readonly purpose?: string;
  /** Every claim (mdoc and SD-JWT VC copies; a QR copy carries only its purpose set). */
  readonly claims?: Readonly<Record<string, StoredClaimValue>>;
  readonly status?: StatusReference;
  readonly validFrom?: Date;
  readonly validUntil?: Date;
  /** DER, leaf first, as the copy carried it (none for a QR copy: it names its signer by kid). */
  readonly chain: readonly Uint8Array[];
}

export interface VerifyReceivedCopyOptions {
  readonly trust: TrustSource;
  readonly deviceSigner: Signer;
  readonly now: Date;
}

const PURPOSE = /^[a-z0-9_]{1,32}$/;

function invalid(message: string, cause?: unknown): never {
  throw new ZzError('ERR_WALLET_CREDENTIAL_INVALID', message, cause === undefined ? undefined : { cause });
}

function requireValid(report: VerificationReport, what: string): void {
  if (report.valid) return;
  const failed = report.checks.find((c) => c.outcome === 'failed');
  invalid(`A received ${what} copy fails ${failed?.id ?? 'verification'} (${failed?.code ?? 'unknown'})`);
}

function primitive(value: unknown): value is StoredClaimValue {
  return (
    typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Uint8Array
  );
}

/**
 * Checks one copy as the issuer sent it (OpenID4VCI 1.0 §8.3) before the wallet stores it: the
 * issuer signature and digests against `trust`, the type the configuration promised, its
 * validity, and that it is bound to THIS wallet's device key (mdoc `deviceKeyInfo`, SD-JWT
 * `cnf.jwk`, QR `cnf`). A QR copy is checked by presenting it once with the device key and
 * verifying that presentation (the proof is thrown away). Anything wrong is
 * `ERR_WALLET_CREDENTIAL_INVALID`; nothing about the holder goes into the message.
 */
export async function verifyReceivedCopy(
  platform: Platform,
  format: string,
  credential: string,
  configuration: CredentialConfiguration,
  options: VerifyReceivedCopyOptions,
): Promise<VerifiedCopy> {
  try {
    switch (format) {
      case 'mso_mdoc':
        return await verifyMdocCopy(platform, credential, configuration, options);
      case 'dc+sd-jwt':
        return await verifySdJwtCopy(platform, credential, configuration, options);
      case 'zz1_qr':
        return await verifyQrCopy(platform, credential, configuration, options);
      default:
        return invalid('The wallet does not store this credential format');
    }
  } catch (error) {
    if (isZzError(error, 'ERR_WALLET_CREDENTIAL_INVALID')) throw error;
    return invalid(`A received ${format} copy is malformed (${isZzError(error) ? error.code : 'unknown'})`, error);
  }
}

async function verifyMdocCopy(
  platform: Platform,
  credential: string,
  configuration: CredentialConfiguration,
  options: VerifyReceivedCopyOptions,
): Promise<VerifiedCopy> {
  const docType = configuration.doctype;
  if (typeof docType !== 'string') return invalid('The mdoc configuration names no doctype');
  const issuerSigned = decodeIssuerSigned(decodeBase64url(credential));
  requireValid(
    await verifyIssuerSigned(platform, issuerSigned, { trust: options.trust, now: options.now, docType }),
    'mdoc',
  );
  const mso = parseMobileSecurityObject(issuerSigned.issuerAuth.payload as Uint8Array);
  if (!bytesEqual(mso.deviceKey.point, options.deviceSigner.publicKey.point)) {
    invalid('A received mdoc copy is bound to another device key');
  }
  const claims: Record<string, StoredClaimValue> = {};
  for (const elements of Object.values(mdocClaims(issuerSigned))) {
    for (const [id, value] of Object.entries(elements)) if (primitive(value)) claims[id] = value;
  }
  return {
    format: 'mso_mdoc',
    type: docType,
    claims,
    ...(mso.status ? { status: mso.status } : {}),
    validFrom: mso.validityInfo.validFrom,
    validUntil: mso.validityInfo.validUntil,
    chain: coseX5Chain(issuerSigned.issuerAuth),
  };
}

async function verifySdJwtCopy(
  platform: Platform,
  credential: string,
  configuration: CredentialConfiguration,
  options: VerifyReceivedCopyOptions,
): Promise<VerifiedCopy> {
  const vct = configuration.vct;
  if (typeof vct !== 'string') return invalid('The SD-JWT VC configuration names no vct');
  const report = await verifySdJwtVc(platform, credential, {
    trust: options.trust,
    now: options.now,
    expectedVct: vct,
    requireKeyBinding: false,
  });
  requireValid(report, 'SD-JWT VC');
  const { jwt } = decodeSdJwt(credential);
  const cnf = jwt.payload.cnf as { jwk?: unknown } | undefined;
  const holder = jwkToPublicKey(cnf?.jwk);
  if (!bytesEqual(holder.point, options.deviceSigner.publicKey.point)) {
    invalid('A received SD-JWT VC copy is bound to another device key');
  }
  const json = report.claims?.[vct] ?? {};
  let claims: Record<string, StoredClaimValue>;
  const catalog = CREDENTIAL_CATALOG.get(vct);
  if (catalog) {
    // the catalog elements only (not iss, vct, iat…), with bytes decoded and values validated
    const elements = Object.fromEntries(
      Object.entries(json).filter(([id]) => catalog.elements.some((e) => e.id === id)),
    );
    // structured values (mDL driving_privileges) are not stored, as for mdoc copies above
    claims = {};
    for (const [id, value] of Object.entries(claimsFromJson(vct, elements))) if (primitive(value)) claims[id] = value;
  } else {
    claims = {};
    for (const [id, value] of Object.entries(json)) if (primitive(value)) claims[id] = value;
  }
  const list = (jwt.payload.status as { status_list?: { idx?: unknown; uri?: unknown } } | undefined)?.status_list;
  const status =
    list && typeof list.uri === 'string' && Number.isSafeInteger(list.idx)
      ? { idx: list.idx as number, uri: list.uri }
      : undefined;
  const seconds = (value: unknown) => (typeof value === 'number' ? new Date(value * 1000) : undefined);
  const validFrom = seconds(jwt.payload.nbf) ?? seconds(jwt.payload.iat);
  const validUntil = seconds(jwt.payload.exp);
  return {
    format: 'dc+sd-jwt',
    type: vct,
    claims,
    ...(status ? { status } : {}),
    ...(validFrom ? { validFrom } : {}),
    ...(validUntil ? { validUntil } : {}),
    chain: decodeX5c(jwt.header.x5c),
  };
}

async function verifyQrCopy(
  platform: Platform,
  credential: string,
  configuration: CredentialConfiguration,
  options: VerifyReceivedCopyOptions,
): Promise<VerifiedCopy> {
  const bytes = decodeBase64url(credential);
  const parsed = parseQrCredential(bytes);
  const { typeId, purpose } = parsed.claims;
  if (configuration.type_id !== undefined && configuration.type_id !== typeId) {
    invalid('A received QR copy has another type than offered');
  }
  if (configuration.purpose !== undefined && configuration.purpose !== purpose) {
    invalid('A received QR copy has another purpose than offered');
  }
  if (!PURPOSE.test(purpose)) invalid('A received QR copy has a malformed purpose');
  if (!bytesEqual(parsed.claims.holderPublicKey.point, options.deviceSigner.publicKey.point)) {
    invalid('A received QR copy is bound to another device key');
  }
  // present it once and verify that: issuer signature by kid, catalog schema, validity, binding
  const text = await presentQr(platform, { credential: bytes, deviceSigner: options.deviceSigner, now: options.now });
  requireValid(await verifyQr(platform, text, { trust: options.trust, now: options.now }), 'QR');
  return {
    format: 'zz1_qr',
    type: typeId,
    purpose,
    ...(parsed.claims.status ? { status: parsed.claims.status } : {}),
    validFrom: new Date(parsed.claims.iat * 1000),
    validUntil: new Date(parsed.claims.exp * 1000),
    chain: [],
  };
}
