import type { LocalizedText } from '@zhengzhao/core';

/** A request an agency made, as the wallet shows it to the holder. */
export interface ShareRequest {
  readonly request_id: string;
  readonly agency: { readonly id: string; readonly name: LocalizedText };
  readonly purpose: { readonly id: string; readonly text: LocalizedText };
  readonly doc_type: string;
  readonly elements: readonly string[];
  readonly nonce: string;
  readonly created_at: string;
  readonly expires_at: string;
}

export interface ShareConsent {
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

/** What the wallet keeps about its registration with one sharing service (not secret). */
export interface ShareRegistration {
  readonly shareUrl: string;
  readonly holderId: string;
  /** The share code the holder gives agencies. */
  readonly handle: string;
  /** The log key and id pinned at registration (trust on first use). */
  readonly logKeyJwk: Record<string, unknown>;
  readonly logId: string;
  /** The newest tree head this wallet verified. */
  readonly knownHead?: { readonly size: number; readonly root: string };
}
