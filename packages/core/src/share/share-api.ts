import type { LocalizedText } from '../catalog/credential-type.js';

/**
 * The sharing service's wire contract (文件调用, ADR 0012), shared by the service (apps/share) and
 * the wallet's client (packages/wallet/src/share) so that both read and write one definition.
 */

/** JWS `typ` of an agency's signed call (`x5c` = its access certificate chain). */
export const SHARE_AGENCY_CALL_TYP = 'zz-share-request+jwt';
/** JWS `typ` of a holder's signed call (`Authorization: ZZ-Holder <jws>`). */
export const SHARE_HOLDER_CALL_TYP = 'zz-share-holder+jwt';
/** JWS `typ` of a holder's consent. */
export const SHARE_CONSENT_TYP = 'zz-share-consent+jwt';

/** A request an agency made, as the holder's wallet is shown it (`GET /holder/requests`). */
export interface ShareRequestView {
  readonly request_id: string;
  readonly agency: { readonly id: string; readonly name: LocalizedText };
  readonly purpose: { readonly id: string; readonly text: LocalizedText };
  readonly doc_type: string;
  readonly elements: readonly string[];
  /** The nonce a one-time release's KB-JWT must carry. */
  readonly nonce: string;
  readonly created_at: string;
  readonly expires_at: string;
}

/** A consent of the holder (`GET /holder/consents`, the answer to an approval or revocation). */
export interface ShareConsentView {
  readonly consent_id: string;
  readonly agency: string;
  readonly purpose: string;
  readonly doc_type: string;
  readonly elements: readonly string[];
  readonly kind: 'once' | 'standing';
  readonly granted_at: string;
  readonly expires_at: string;
  readonly revoked_at?: string;
}
