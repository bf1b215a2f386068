import { ERROR_CATALOGUE, type ErrorCode, parseJson, ZzError } from '@zhengzhao/core';
import type { WalletFetch } from '../wallet-types.js';
import { IssuerRefusal, parseRetryAfter } from './issuer-refusal.js';

const SMALL = 64 * 1024;

/**
 * Calls one of the issuer's holder endpoints that answer JSON or RFC 9457 problem details
 * (`/activation`, `/activation/lost-device`, `/wallets/:id/…`). A problem whose `code` is in the
 * catalogue keeps that code (`ERR_OID4VCI_ACTIVATION_CODE_INVALID`…) and is thrown as an
 * {@link IssuerRefusal} (HTTP status, `Retry-After`); anything else — network failure, no answer
 * within `timeoutMs`, redirect, oversized or non-JSON body — is `ERR_WALLET_SYNC_FAILED`. Problem
 * `detail` texts are not copied into messages.
 */
export async function callIssuerJson(
  fetchFn: WalletFetch,
  url: string,
  init: {
    method: 'GET' | 'POST';
    body?: unknown;
    headers?: Record<string, string>;
    maxLength?: number;
    /** Gives up (`ERR_WALLET_SYNC_FAILED`) when the whole answer has not arrived by then. */
    timeoutMs?: number;
  },
): Promise<Record<string, unknown>> {
  const controller = init.timeoutMs !== undefined ? new AbortController() : undefined;
  const timer = controller ? setTimeout(() => controller.abort(), init.timeoutMs) : undefined;
  const late = () => controller?.signal.aborted === true;
  try {
    let response: Response;
    try {
      response = await fetchFn(url, {
        method: init.method,
        headers: {
          accept: 'application/json',
          ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...init.headers,
        },
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
        redirect: 'error',
        ...(controller ? { signal: controller.signal } : {}),
      });
    } catch (error) {
      const message = late() ? 'The issuer did not answer in time' : 'The issuer is not reachable';
      throw new ZzError('ERR_WALLET_SYNC_FAILED', message, { cause: error });
    }
    const max = init.maxLength ?? SMALL;
    if (Number(response.headers.get('content-length') ?? '0') > max) {
      throw new ZzError('ERR_WALLET_SYNC_FAILED', 'The issuer answer is too large');
    }
    const text = await response.text().catch((error: unknown) => {
      const message = late() ? 'The issuer did not answer in time' : 'The issuer answer could not be read';
      throw new ZzError('ERR_WALLET_SYNC_FAILED', message, { cause: error });
    });
    if (text.length > max) throw new ZzError('ERR_WALLET_SYNC_FAILED', 'The issuer answer is too large');
    let body: unknown;
    try {
      body = parseJson(text);
    } catch (error) {
      throw new ZzError('ERR_WALLET_SYNC_FAILED', `The issuer answered ${response.status} without JSON`, {
        cause: error,
      });
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new ZzError('ERR_WALLET_SYNC_FAILED', 'The issuer answered with a JSON value that is not an object');
    }
    const obj = body as Record<string, unknown>;
    if (!response.ok) {
      const code = typeof obj.code === 'string' && obj.code in ERROR_CATALOGUE ? (obj.code as ErrorCode) : undefined;
      throw new IssuerRefusal(
        code ?? 'ERR_WALLET_SYNC_FAILED',
        response.status,
        parseRetryAfter(response.headers.get('retry-after')),
      );
    }
    return obj;
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}
