import { createHash, timingSafeEqual } from 'node:crypto';
import { ZzError } from '@zhengzhao/core';

/** One back-office integration allowed to call `POST /verify`. */
export interface ApiKey {
  /** Who calls, as logs and rate limits name it (e.g. `hotel-pms-7`); never the key itself. */
  readonly id: string;
  /** The bearer secret: at least 24 printable ASCII characters. */
  readonly key: string;
}

/** Shortest accepted API key (characters). */
export const MIN_API_KEY_LENGTH = 24;
const ID = /^[A-Za-z0-9._@-]{1,64}$/;
const KEY = /^[\x21-\x7e]+$/;

/**
 * Parses `id:key` entries separated by commas or whitespace (the `ZZ_VERIFIER_API_KEYS`
 * setting), e.g. `hotel-7:9f…,bank-2:2b…`. A bad entry is `ERR_CONFIG_INVALID` naming its
 * position, never the key.
 */
export function parseApiKeys(text: string | undefined): ApiKey[] {
  if (text === undefined || text.trim() === '') return [];
  return text
    .split(/[\s,]+/)
    .filter((part) => part.length > 0)
    .map((part, i) => {
      const colon = part.indexOf(':');
      const id = colon < 0 ? '' : part.slice(0, colon);
      const key = colon < 0 ? '' : part.slice(colon + 1);
      const entry = { id, key };
      checkApiKey(entry, i);
      return entry;
    });
}

function checkApiKey(entry: ApiKey, index: number): void {
  if (
    typeof entry?.id !== 'string' ||
    !ID.test(entry.id) ||
    typeof entry.key !== 'string' ||
    entry.key.length < MIN_API_KEY_LENGTH ||
    entry.key.length > 512 ||
    !KEY.test(entry.key)
  ) {
    throw new ZzError(
      'ERR_CONFIG_INVALID',
      `API key entry ${index + 1} must be id:key with a key of at least ${MIN_API_KEY_LENGTH} printable characters`,
    );
  }
}

/** Checks bearer API keys in constant time (RFC 6750 §2.1). */
export interface ApiKeyAuthenticator {
  /** The integration id for `Authorization: Bearer <key>`, or undefined (no exception). */
  identify(header: string | undefined): string | undefined;
  /** Like `identify`, but `ERR_VERIFIER_UNAUTHENTICATED` when nobody matches. */
  authenticate(header: string | undefined): string;
}

/**
 * Creates the authenticator. Keys are compared as SHA-256 digests with `timingSafeEqual`, and
 * every configured key is compared (no early exit), so timing says nothing about which key, or
 * how much of one, matched. Duplicate ids or keys are a configuration error.
 */
export function createApiKeyAuthenticator(keys: readonly ApiKey[]): ApiKeyAuthenticator {
  if (!Array.isArray(keys)) throw new ZzError('ERR_CONFIG_INVALID', 'apiKeys must be an array');
  keys.forEach(checkApiKey);
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  const known = keys.map((k) => ({ id: k.id, digest: digest(k.key) }));
  if (new Set(keys.map((k) => k.id)).size !== keys.length || new Set(keys.map((k) => k.key)).size !== keys.length) {
    throw new ZzError('ERR_CONFIG_INVALID', 'API key ids and keys must be unique');
  }
  const identify = (header: string | undefined): string | undefined => {
    const match = typeof header === 'string' ? /^Bearer ([\x21-\x7e]{1,512})$/i.exec(header.trim()) : null;
    if (!match) return undefined;
    const presented = digest(match[1] as string);
    let found: string | undefined;
    for (const k of known) {
      if (timingSafeEqual(k.digest, presented) && found === undefined) found = k.id;
    }
    return found;
  };
  return {
    identify,
    authenticate(header) {
      const id = identify(header);
      if (id === undefined) {
        throw new ZzError(
          'ERR_VERIFIER_UNAUTHENTICATED',
          typeof header === 'string' && header.length > 0 ? 'Unknown API key' : 'An API key is required (Bearer)',
        );
      }
      return id;
    },
  };
}
