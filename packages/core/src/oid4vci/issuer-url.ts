import type { ErrorCode } from '../errors/catalogue.js';
import { ZzError } from '../errors/zz-error.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const MAX_URL_LENGTH = 2048;

/**
 * True for a URL an OpenID4VCI party may be reached at: `https` with a host, no fragment — or
 * `http` to a loopback host (development and the embedded demo only). The Credential Issuer
 * Identifier must additionally have no query (OpenID4VCI 1.0 §12.2.1), see {@link assertIssuerIdentifier}.
 */
export function isEndpointUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_URL_LENGTH) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.hash !== '' || value.includes('#') || url.username !== '' || url.password !== '') return false;
  if (url.protocol === 'https:') return url.hostname !== '';
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}

/** Checks a Credential Issuer Identifier (OpenID4VCI 1.0 §12.2.1): an endpoint URL without query. */
export function assertIssuerIdentifier(value: unknown, code: ErrorCode): string {
  if (!isEndpointUrl(value) || value.includes('?')) {
    throw new ZzError(code, 'credential_issuer must be an https URL without query or fragment');
  }
  return value;
}

/**
 * The well-known URL of `identifier`: the well-known segment goes between host and path
 * (OpenID4VCI 1.0 §12.2.2, RFC 8414 §3.1), e.g. `https://h/p` → `https://h/.well-known/x/p`.
 */
export function wellKnownUrl(identifier: string, wellKnownPath: string): string {
  const url = new URL(identifier);
  const path = url.pathname === '/' ? '' : url.pathname.replace(/\/$/, '');
  return `${url.origin}${wellKnownPath}${path}`;
}
