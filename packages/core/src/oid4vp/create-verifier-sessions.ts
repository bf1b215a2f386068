import { ZzError } from '../errors/zz-error.js';
import type { Oid4vpAuthorizationRequest } from './request-types.js';

/**
 * The verifier's pending requests, keyed by `state`: each request (and so its nonce) answers at
 * most one response (OpenID4VP 1.0 §14.1 replay protection). In memory, for one process; a
 * clustered verifier keeps the same contract in a shared store.
 */
export interface Oid4vpVerifierSessions {
  /** Remembers a request until `expiresAt`; its `state` and `nonce` must be new. */
  add(request: Oid4vpAuthorizationRequest, expiresAt: Date): void;
  /**
   * Returns the request for `state` and forgets it (and burns its nonce). Unknown, expired or
   * already consumed: `ERR_OID4VP_STATE_UNKNOWN`.
   */
  consume(state: string | undefined, now: Date): Oid4vpAuthorizationRequest;
  readonly size: number;
}

/** Creates an in-memory `Oid4vpVerifierSessions` holding at most `maxPending` requests (default 10 000). */
export function createOid4vpVerifierSessions(options: { readonly maxPending?: number } = {}): Oid4vpVerifierSessions {
  const maxPending = options.maxPending ?? 10_000;
  const pending = new Map<string, { request: Oid4vpAuthorizationRequest; expiresAt: number }>();
  const usedNonces = new Map<string, number>();
  const sweep = (now: number) => {
    for (const [state, entry] of pending) if (entry.expiresAt <= now) pending.delete(state);
    for (const [nonce, expiresAt] of usedNonces) if (expiresAt <= now) usedNonces.delete(nonce);
  };
  return {
    add(request, expiresAt) {
      const state = request?.state;
      if (typeof state !== 'string' || !(expiresAt instanceof Date)) {
        throw new ZzError('ERR_INPUT_INVALID', 'A request with a state and an expiry Date is required');
      }
      if (
        pending.has(state) ||
        usedNonces.has(request.nonce) ||
        [...pending.values()].some((e) => e.request.nonce === request.nonce)
      ) {
        throw new ZzError('ERR_OID4VP_STATE_UNKNOWN', 'state or nonce is already in use');
      }
      if (pending.size >= maxPending) sweep(expiresAt.getTime() - 24 * 3600 * 1000);
      if (pending.size >= maxPending) throw new ZzError('ERR_INPUT_TOO_LARGE', 'Too many pending requests');
      pending.set(state, { request, expiresAt: expiresAt.getTime() });
    },
    consume(state, now) {
      const entry = typeof state === 'string' ? pending.get(state) : undefined;
      if (!entry) throw new ZzError('ERR_OID4VP_STATE_UNKNOWN', 'No pending request for this state');
      pending.delete(state as string);
      if (entry.expiresAt <= now.getTime()) throw new ZzError('ERR_OID4VP_STATE_UNKNOWN', 'The request has expired');
      if (usedNonces.has(entry.request.nonce))
        throw new ZzError('ERR_OID4VP_STATE_UNKNOWN', 'The nonce was already used');
      usedNonces.set(entry.request.nonce, entry.expiresAt);
      sweep(now.getTime());
      return entry.request;
    },
    get size() {
      return pending.size;
    },
  };
}
