import { parseJson } from '../bytes/utf8.js';
import { ZzError } from '../errors/zz-error.js';
import { codeOfOAuthError } from './oauth-errors.js';

/** The `fetch` the wallet client is given (the platform's, or an adapter in tests). */
export type Oid4vciFetch = typeof fetch;

export interface IssuerRequest {
  readonly method: 'GET' | 'POST';
  readonly headers?: Record<string, string>;
  readonly body?: string;
  /** Largest response body accepted, in characters. */
  readonly maxLength: number;
}

/**
 * Calls an issuer endpoint and returns its JSON object. A non-2xx answer with an OAuth error
 * body becomes the catalogue code of that `error` (`invalid_nonce` → `ERR_OID4VCI_INVALID_NONCE`…);
 * a network failure, a redirect, an oversized or non-JSON body is `ERR_OID4VCI_ISSUER_RESPONSE`.
 * Error descriptions from the issuer are not copied into messages (they are not ours to trust).
 */
export async function callIssuer(
  fetchFn: Oid4vciFetch,
  url: string,
  request: IssuerRequest,
): Promise<{ status: number; body: Record<string, unknown> }> {
  let response: Response;
  try {
    response = await fetchFn(url, {
      method: request.method,
      headers: { accept: 'application/json', ...request.headers },
      ...(request.body !== undefined ? { body: request.body } : {}),
      redirect: 'error',
    });
  } catch (error) {
    throw new ZzError('ERR_OID4VCI_ISSUER_RESPONSE', 'Credential issuer is not reachable', { cause: error });
  }
  const text = await readBounded(response, request.maxLength);
  let body: unknown;
  try {
    body = parseJson(text);
  } catch (error) {
    throw new ZzError('ERR_OID4VCI_ISSUER_RESPONSE', `Issuer answered ${response.status} without JSON`, {
      cause: error,
    });
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ZzError('ERR_OID4VCI_ISSUER_RESPONSE', 'Issuer answered with a JSON value that is not an object');
  }
  const obj = body as Record<string, unknown>;
  if (response.status < 200 || response.status >= 300) {
    const code = codeOfOAuthError(obj.error);
    const what = typeof obj.error === 'string' && code !== 'ERR_OID4VCI_ISSUER_RESPONSE' ? obj.error : 'an error';
    throw new ZzError(code, `Issuer answered ${response.status} ${what}`);
  }
  return { status: response.status, body: obj };
}

async function readBounded(response: Response, maxLength: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxLength) throw new ZzError('ERR_OID4VCI_ISSUER_RESPONSE', 'Issuer response is too large');
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw new ZzError('ERR_OID4VCI_ISSUER_RESPONSE', 'Issuer response could not be read', { cause: error });
  }
  if (text.length > maxLength) throw new ZzError('ERR_OID4VCI_ISSUER_RESPONSE', 'Issuer response is too large');
  return text;
}
