import { encodeBase64, findEthnicityCode, getQrPurpose } from '@zhengzhao/core';
import type { CardRecord, CopyRecord, StoredClaimValue } from '../records/card-record.js';
import type { CopyCounts, CredentialView, DisplayClaims, PurposeId } from '../wallet-types.js';

const str = (value: StoredClaimValue | undefined): string | undefined =>
  typeof value === 'string' ? value : undefined;

/** The display claims of the resident ID elements (catalog `cn.gov.eid.1`). */
export function displayClaimsOf(claims: Readonly<Record<string, StoredClaimValue>>): DisplayClaims {
  const portrait = claims.portrait instanceof Uint8Array ? claims.portrait : undefined;
  const ethnicity = str(claims.ethnicity);
  const ethnicityName = ethnicity !== undefined ? findEthnicityCode(ethnicity)?.zhCN : undefined;
  const out: Record<string, unknown> = {
    fullName: str(claims.full_name),
    sex: typeof claims.sex === 'number' ? claims.sex : undefined,
    ethnicity,
    ethnicityName,
    birthDate: str(claims.birth_date),
    residentAddress: str(claims.resident_address),
    idNumber: str(claims.id_number),
    issuingAuthority: str(claims.issuing_authority),
    issueDate: str(claims.issue_date),
    expiryDate: str(claims.expiry_date),
    portrait,
    portraitDataUrl: portrait ? `data:image/jpeg;base64,${encodeBase64(portrait)}` : undefined,
  };
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out as DisplayClaims;
}

/** Unused, unexpired copies per format (QR per purpose). */
export function countCopies(copies: readonly CopyRecord[]): CopyCounts {
  const qr: Record<PurposeId, number> = {};
  let mdoc = 0;
  let sdJwt = 0;
  for (const copy of copies) {
    if (copy.format === 'mso_mdoc') mdoc++;
    else if (copy.format === 'dc+sd-jwt') sdJwt++;
    else if (copy.purpose !== undefined) qr[copy.purpose] = (qr[copy.purpose] ?? 0) + 1;
  }
  return { mdoc, sdJwt, qr };
}

/** True when the copy's own validity has ended at `now`. */
export function isExpired(copy: CopyRecord, now: Date): boolean {
  return copy.expiresAt !== undefined && Date.parse(copy.expiresAt) <= now.getTime();
}

/** The elements a QR purpose discloses (catalog), or undefined for a purpose the catalog lacks. */
export function qrPurposeElements(type: string, purpose: string): readonly string[] | undefined {
  try {
    return getQrPurpose(type, purpose).elements;
  } catch {
    return undefined;
  }
}

/** What the UI shows for one card. `copies` are its unused, unexpired copies. */
export function toCredentialView(card: CardRecord, copies: readonly CopyRecord[]): CredentialView {
  const counts = countCopies(copies);
  return {
    credentialId: card.cardId,
    type: card.type,
    typeNames: { ...card.typeNames },
    issuer: { url: card.issuer.url, name: card.issuer.name },
    claims: displayClaimsOf(card.claims),
    elements: { ...card.claims },
    ...(card.validFrom ? { validFrom: new Date(card.validFrom) } : {}),
    ...(card.validUntil ? { validUntil: new Date(card.validUntil) } : {}),
    copies: counts,
    qrPurposes: Object.keys(counts.qr).filter((p) => (counts.qr[p] ?? 0) > 0),
    status: {
      value: card.status.value,
      ...(card.status.checkedAt ? { checkedAt: new Date(card.status.checkedAt) } : {}),
    },
    receivedAt: new Date(card.receivedAt),
  };
}
