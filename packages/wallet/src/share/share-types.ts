import type { ShareConsentView, ShareRequestView } from '@zhengzhao/core';

/** A request an agency made, as the wallet shows it to the holder (the wire contract in core). */
export type ShareRequest = ShareRequestView;
export type ShareConsent = ShareConsentView;

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
