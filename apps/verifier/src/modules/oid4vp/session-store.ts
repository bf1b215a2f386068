import { type ErrorCode, type Oid4vpAuthorizationRequest, ZzError } from '@zhengzhao/core';
import type { PresentationPurpose } from './purposes.js';

/** Cross-device (QR on a computer, wallet on a phone) or same-device (link, redirect back). */
export type PresentationFlow = 'cross_device' | 'same_device';

/** Where a session is. `expired` is derived from the clock, never stored. */
export type SessionStatus = 'pending' | 'retrieved' | 'verifying' | 'verified' | 'failed' | 'declined' | 'expired';

/** What a verified session hands to the relying party's page: only the purpose's elements. */
export interface SessionResult {
  readonly credentialType: string;
  readonly issuer?: { readonly name: string; readonly country?: string };
  readonly claims: Readonly<Record<string, unknown>>;
}

/** One OpenID4VP presentation session (in memory). */
export interface PresentationSession {
  /** Secret of the page that created it (polling); never sent to the wallet. */
  readonly sessionId: string;
  /** Public: in `request_uri` and `response_uri`, so in the QR code. */
  readonly requestId: string;
  readonly purpose: PresentationPurpose;
  readonly flow: PresentationFlow;
  readonly request: Oid4vpAuthorizationRequest;
  readonly requestObject: string;
  readonly decryptionKey?: CryptoKey;
  readonly createdAt: number;
  readonly expiresAt: number;
  status: Exclude<SessionStatus, 'expired'>;
  /** Same-device: the code the redirect carries; the result is released only with it (OpenID4VP 1.0 §8.2). */
  responseCode?: string;
  result?: SessionResult;
  /** True once the result has been handed out (and forgotten). */
  released: boolean;
  error?: { readonly code: ErrorCode; readonly check?: string; readonly walletError?: string };
}

export interface SessionStoreOptions {
  readonly clock: () => Date;
  /** Most sessions held at once (default 10 000). */
  readonly maxSessions?: number;
  /** How long a finished or expired session is still answered after `expiresAt` (default 120 s). */
  readonly retentionSeconds?: number;
}

/**
 * Presentation sessions in the memory of one process, keyed by session id and by request id.
 * A session lives until `expiresAt` plus the retention time, then it is forgotten with its
 * decryption key and result. A service run as several processes needs sticky routing or a
 * shared store with the same contract.
 */
export class SessionStore {
  private readonly sessions = new Map<string, PresentationSession>();
  private readonly byRequest = new Map<string, string>();
  private readonly maxSessions: number;
  private readonly retentionMs: number;

  constructor(private readonly options: SessionStoreOptions) {
    this.maxSessions = options.maxSessions ?? 10_000;
    this.retentionMs = (options.retentionSeconds ?? 120) * 1000;
  }

  get size(): number {
    return this.sessions.size;
  }

  add(session: PresentationSession): void {
    if (this.sessions.size >= this.maxSessions) this.sweep();
    if (this.sessions.size >= this.maxSessions) {
      throw new ZzError('ERR_HTTP_TOO_MANY_REQUESTS', 'Too many open presentation sessions; try again later');
    }
    if (this.sessions.has(session.sessionId) || this.byRequest.has(session.requestId)) {
      throw new ZzError('ERR_SERVER_INTERNAL', 'Session id collision');
    }
    this.sessions.set(session.sessionId, session);
    this.byRequest.set(session.requestId, session.sessionId);
  }

  /** The session, or undefined when unknown or past its retention. */
  get(sessionId: string): PresentationSession | undefined {
    return this.live(this.sessions.get(sessionId));
  }

  findByRequest(requestId: string): PresentationSession | undefined {
    const sessionId = this.byRequest.get(requestId);
    return sessionId === undefined ? undefined : this.get(sessionId);
  }

  /** `expired` when the wallet has not answered by `expiresAt`; otherwise the stored status. */
  statusOf(session: PresentationSession): SessionStatus {
    const open = session.status === 'pending' || session.status === 'retrieved';
    return open && this.now() >= session.expiresAt ? 'expired' : session.status;
  }

  /** Forgets every session past its retention. */
  sweep(): void {
    for (const session of this.sessions.values()) this.live(session);
  }

  private live(session: PresentationSession | undefined): PresentationSession | undefined {
    if (!session) return undefined;
    if (this.now() < session.expiresAt + this.retentionMs) return session;
    this.sessions.delete(session.sessionId);
    this.byRequest.delete(session.requestId);
    return undefined;
  }

  private now(): number {
    return this.options.clock().getTime();
  }
}
