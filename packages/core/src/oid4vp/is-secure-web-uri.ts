/**
 * Whether `uri` may carry OpenID4VP traffic (request_uri, response_uri, redirect_uri): an https
 * URL, or an http URL whose host is the loopback interface (`localhost`, `127.0.0.1`, `[::1]`).
 * The loopback exception follows OAuth for native apps (RFC 8252 §7.3, §8.3) and the browsers'
 * own rule that loopback origins are secure contexts: traffic that never leaves the machine
 * needs no TLS, so a demo or a developer's platform runs without certificates. Any other http
 * URL is refused.
 */
export function isSecureWebUri(uri: unknown): uri is string {
  if (typeof uri !== 'string' || !URL.canParse(uri)) return false;
  const url = new URL(uri);
  if (url.username !== '' || url.password !== '') return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
