import type { ShareConsentView, ShareRequestView } from '@zhengzhao/core';
import type { ConsentRow, RequestRow } from './request-repository.js';

/** A request as the holder's wallet shows it (the wire contract in core). */
export type HolderRequestView = ShareRequestView;
export type ConsentView = ShareConsentView;

/** What an agency retrieves under consent. */
export interface Retrieval {
  readonly request_id: string;
  /** The SD-JWT VC the holder released: only the consented disclosures. */
  readonly credential: string;
  /** The holder's consent (compact JWS signed with the holder's registered key). */
  readonly consent: string;
  readonly consent_kind: 'once' | 'standing';
  /** For a one-time consent: the KB-JWT's `aud` and `nonce`. */
  readonly audience?: string;
  readonly nonce?: string;
  /** base64 of the signed layout document (PDF), when the holder released one. */
  readonly layout_document?: string;
}

/** The holder's view of a request row. */
export function requestView(row: RequestRow): HolderRequestView {
  return {
    request_id: row.id,
    agency: { id: row.agency_id, name: JSON.parse(row.agency_name) },
    purpose: { id: row.purpose, text: JSON.parse(row.purpose_text) },
    doc_type: row.doc_type,
    elements: JSON.parse(row.elements),
    nonce: row.nonce,
    created_at: iso(row.created_at),
    expires_at: iso(row.expires_at),
  };
}

export function consentView(row: ConsentRow): ConsentView {
  return {
    consent_id: row.id,
    agency: row.agency_id,
    purpose: row.purpose,
    doc_type: row.doc_type,
    elements: JSON.parse(row.elements),
    kind: row.kind,
    granted_at: iso(row.granted_at),
    expires_at: iso(row.expires_at),
    ...(row.revoked_at !== null ? { revoked_at: iso(row.revoked_at) } : {}),
  };
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
