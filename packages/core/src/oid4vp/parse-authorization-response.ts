import { compactDecrypt, importJWK } from 'jose';
import { utf8Decode } from '../bytes/utf8.js';
import { ZzError } from '../errors/zz-error.js';
import type { Oid4vpAuthorizationRequest } from './request-types.js';
import { checkVpToken, type Oid4vpVpToken } from './vp-token.js';

/** Largest response body accepted (1 MiB). */
export const MAX_OID4VP_RESPONSE_LENGTH = 1024 * 1024;

export interface ParseAuthorizationResponseOptions {
  /** The request this response answers (look it up by `state` first: see `readAuthorizationResponseState`). */
  readonly request: Oid4vpAuthorizationRequest;
  /** For `direct_post.jwt`: the private key of `request.encryption.jwk` (CryptoKey, or a private JWK with `d`). */
  readonly decryptionKey?: CryptoKey | JsonWebKey;
}

export interface ParsedAuthorizationResponse {
  readonly vpToken: Oid4vpVpToken;
  readonly state?: string;
}

/**
 * Verifier side (OpenID4VP 1.0 §8.2, §8.3): reads the form body posted to `response_uri`.
 * `direct_post` expects `vp_token` (and `state`); `direct_post.jwt` expects only `response`, a
 * compact JWE that must use `alg: ECDH-ES`, the request's `enc` and `kid`, and decrypt with
 * `decryptionKey`. The `state` must equal the request's, and the vp_token must answer its
 * DCQL query. Everything else fails with `ERR_OID4VP_RESPONSE_INVALID`.
 */
export async function parseAuthorizationResponse(
  body: string | URLSearchParams,
  options: ParseAuthorizationResponseOptions,
): Promise<ParsedAuthorizationResponse> {
  const { request } = options;
  const payload = await readPayload(formOf(body), options);
  if (payload.state !== request.state) fail('state does not match the request');
  let vpToken = payload.vp_token;
  if (typeof vpToken === 'string') vpToken = json(vpToken);
  return {
    vpToken: checkVpToken(vpToken, request),
    ...(typeof payload.state === 'string' && { state: payload.state }),
  };
}

/** The `state` of a posted body without decrypting (direct_post only); undefined when absent. */
export function readAuthorizationResponseState(body: string | URLSearchParams): string | undefined {
  return formOf(body).get('state') ?? undefined;
}

function formOf(body: string | URLSearchParams): URLSearchParams {
  if (body instanceof URLSearchParams) return body;
  if (typeof body !== 'string') fail('Response body must be a form-encoded string');
  if (body.length > MAX_OID4VP_RESPONSE_LENGTH) throw new ZzError('ERR_INPUT_TOO_LARGE', 'Response body is too large');
  return new URLSearchParams(body);
}

async function readPayload(
  form: URLSearchParams,
  options: ParseAuthorizationResponseOptions,
): Promise<Record<string, unknown>> {
  const { request } = options;
  if (request.responseMode === 'direct_post') {
    if (form.has('response')) fail('direct_post response must not be encrypted');
    if (form.getAll('vp_token').length !== 1) fail('Response must carry exactly one vp_token');
    const state = form.get('state');
    return { vp_token: form.get('vp_token'), ...(state !== null && { state }) };
  }
  const responses = form.getAll('response');
  if (responses.length !== 1 || form.has('vp_token')) fail('direct_post.jwt response must carry only response');
  const encryption = request.encryption;
  if (!encryption || options.decryptionKey === undefined) {
    throw new ZzError('ERR_INPUT_INVALID', 'direct_post.jwt needs the request encryption key and decryptionKey');
  }
  let plaintext: Uint8Array;
  let header: { alg?: string; enc?: string; kid?: string };
  try {
    const key =
      typeof CryptoKey !== 'undefined' && options.decryptionKey instanceof CryptoKey
        ? options.decryptionKey
        : await importJWK(options.decryptionKey as JsonWebKey, 'ECDH-ES');
    const result = await compactDecrypt(responses[0] as string, key, {
      keyManagementAlgorithms: ['ECDH-ES'],
      contentEncryptionAlgorithms: [encryption.enc],
    });
    plaintext = result.plaintext;
    header = result.protectedHeader;
  } catch (error) {
    throw new ZzError('ERR_OID4VP_RESPONSE_INVALID', 'Response JWE does not decrypt', { cause: error });
  }
  if (header.kid !== encryption.jwk.kid) fail('Response JWE kid is not the request encryption key');
  const payload = json(utf8Decode(plaintext));
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) fail('JWE payload must be an object');
  return payload as Record<string, unknown>;
}

function json(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ZzError('ERR_OID4VP_RESPONSE_INVALID', 'Response member is not JSON', { cause: error });
  }
}

function fail(message: string): never {
  throw new ZzError('ERR_OID4VP_RESPONSE_INVALID', message);
}
