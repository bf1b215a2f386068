import { decodeJwsCompact, SHARE_CONSENT_TYP, verifyJws, ZzError } from '@zhengzhao/core';
import { newShareId, type ShareContext } from '../../context.js';
import type { AuthenticatedHolder } from '../holders/holder-service.js';
import type { ConsentRow, RequestRow } from './request-repository.js';

/** JWS `typ` of a holder's consent. */
export const CONSENT_TYP = SHARE_CONSENT_TYP;
/** Longest standing consent: one year. */
export const MAX_STANDING_CONSENT_MS = 366 * 24 * 3600 * 1000;

/** The consent JWS: signed by the holder's key, naming exactly this request. */
export async function readConsent(
  context: ShareContext,
  holder: AuthenticatedHolder,
  request: RequestRow,
  signed: unknown,
  now: number,
): Promise<ConsentRow> {
  if (typeof signed !== 'string') throw new ZzError('ERR_SHARE_CONSENT_INVALID', 'consent must be a compact JWS');
  let payload: Record<string, unknown>;
  try {
    const jws = decodeJwsCompact(signed, 16 * 1024);
    if (jws.header.typ !== CONSENT_TYP) throw new ZzError('ERR_SHARE_CONSENT_INVALID', `typ must be ${CONSENT_TYP}`);
    await verifyJws(context.platform, jws, holder.publicKey);
    payload = jws.payload;
  } catch (error) {
    throw new ZzError('ERR_SHARE_CONSENT_INVALID', 'The consent is not signed by the holder', { cause: error });
  }
  const requested: string[] = JSON.parse(request.elements);
  const elements = payload.elements;
  if (
    payload.request_id !== request.id ||
    payload.agency !== request.agency_id ||
    payload.purpose !== request.purpose ||
    payload.doc_type !== request.doc_type ||
    !Array.isArray(elements) ||
    elements.length === 0 ||
    !elements.every((e) => typeof e === 'string' && requested.includes(e))
  ) {
    throw new ZzError('ERR_SHARE_CONSENT_INVALID', 'The consent does not match the request');
  }
  const kind = payload.kind;
  if (kind !== 'once' && kind !== 'standing')
    throw new ZzError('ERR_SHARE_CONSENT_INVALID', 'kind must be once or standing');
  let expiresAt = request.expires_at;
  if (kind === 'standing') {
    const exp = payload.exp;
    if (typeof exp !== 'number' || exp * 1000 <= now || exp * 1000 > now + MAX_STANDING_CONSENT_MS) {
      throw new ZzError('ERR_SHARE_CONSENT_INVALID', 'A standing consent needs an exp within a year');
    }
    expiresAt = exp * 1000;
  }
  return {
    id: newShareId(context.platform, 'cns'),
    holder_id: holder.row.id,
    agency_id: request.agency_id,
    purpose: request.purpose,
    doc_type: request.doc_type,
    elements: JSON.stringify([...new Set(elements as string[])]),
    kind,
    consent_jws: signed,
    granted_at: now,
    expires_at: expiresAt,
    revoked_at: null,
  };
}
