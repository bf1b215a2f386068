import { ZzError } from '@zhengzhao/core';
import type { CardEvent } from '../card-event.js';
import type { RegistryClock } from '../create-registry.js';
import { encodeCardEvent } from '../encode-card-event.js';
import { signWebhookBody } from '../webhook-signature.js';

/** One issuer's webhook: where to POST and the shared HMAC secret (≥ 16 bytes). */
export interface WebhookTarget {
  /** Names the consumer cursor (`webhook:<name>`) and log lines; 1–40 of [a-z0-9_-]. */
  readonly name: string;
  readonly url: string;
  readonly secret: string | Uint8Array;
}

export interface WebhookSenderOptions extends WebhookTarget {
  readonly clock: RegistryClock;
  /** Per-request timeout; default 10 s. */
  readonly timeoutMs?: number;
  /** Aborts in-flight requests at shutdown. */
  readonly signal?: AbortSignal;
  /** Injected `fetch` (default: the global one). */
  readonly fetch?: typeof fetch;
}

/** The header that carries the signature, spelled as issuers document it. */
export const WEBHOOK_SIGNATURE_HEADER_NAME = 'ZZ-Signature';

/**
 * A `send` for `createOutboxDispatcher` that POSTs one event to an issuer's webhook: the body is
 * `encodeCardEvent(event)` (application/json), signed in `ZZ-Signature: t=…,v1=…`
 * (webhook-signature.ts) at the moment of sending, so a retry carries a fresh timestamp. Any 2xx
 * is the acknowledgement; anything else, a timeout or a network error is
 * `ERR_REGISTRY_DELIVERY_FAILED` (the dispatcher retries with backoff).
 */
export function createWebhookSender(options: WebhookSenderOptions): (event: CardEvent) => Promise<void> {
  const { url, secret, clock } = options;
  if (typeof url !== 'string' || !URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    throw new ZzError('ERR_CONFIG_INVALID', 'webhook url must be an http(s) URL');
  }
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  return async (event) => {
    const body = encodeCardEvent(event);
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
    let status: number;
    try {
      const response = await doFetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [WEBHOOK_SIGNATURE_HEADER_NAME]: signWebhookBody(secret, body, clock.now()),
          'zz-event-id': event.eventId,
        },
        body,
        signal,
        redirect: 'error',
      });
      status = response.status;
      // read and drop the answer so the connection can be reused
      await response.arrayBuffer().catch(() => undefined);
    } catch (error) {
      throw new ZzError('ERR_REGISTRY_DELIVERY_FAILED', 'Webhook request failed', { cause: error });
    }
    if (status < 200 || status > 299) {
      throw new ZzError('ERR_REGISTRY_DELIVERY_FAILED', `Webhook answered HTTP ${status}`);
    }
  };
}
