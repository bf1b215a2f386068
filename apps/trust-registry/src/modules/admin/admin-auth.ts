import { createHash, timingSafeEqual } from 'node:crypto';
import { ZzError } from '@zhengzhao/core';

/** A configured administrator bearer token and who it stands for in the audit log. */
export interface AdminToken {
  /** At least 16 characters of opaque secret. */
  readonly token: string;
  /** Who acts, as the audit log records it (an official's id, e.g. `ops-1`). */
  readonly actor: string;
}

/** The authenticated administrator. */
export interface AdminPrincipal {
  readonly actor: string;
}

const MIN_TOKEN = 16;
const ACTOR = /^[A-Za-z0-9._@-]{1,64}$/;
/** Actor recorded for a token configured without one. */
export const DEFAULT_ADMIN_ACTOR = 'admin';

/**
 * Reads the `ZZ_ADMIN_TOKENS` setting: entries separated by commas or white space, each
 * `actor:token` or a bare token (actor {@link DEFAULT_ADMIN_ACTOR}). Bad entries are
 * `ERR_CONFIG_INVALID` naming the entry's position, never the token.
 */
export function parseAdminTokens(text: string | undefined): AdminToken[] {
  if (text === undefined || text.trim() === '') return [];
  return text
    .split(/[\s,]+/)
    .filter((part) => part.length > 0)
    .map((part, i) => {
      const colon = part.indexOf(':');
      const named = colon > 0 && ACTOR.test(part.slice(0, colon));
      const actor = named ? part.slice(0, colon) : DEFAULT_ADMIN_ACTOR;
      const token = named ? part.slice(colon + 1) : part;
      if (token.length < MIN_TOKEN) {
        throw new ZzError('ERR_CONFIG_INVALID', `Admin token entry ${i + 1} must be actor:token (token ≥ 16 chars)`);
      }
      return { actor, token };
    });
}

/** The tokens of `createTrustRegistryApp`'s `adminToken`: one bare token, or several with actors. */
export function adminTokensOf(value: string | readonly AdminToken[]): AdminToken[] {
  return typeof value === 'string' ? [{ token: value, actor: DEFAULT_ADMIN_ACTOR }] : [...value];
}

/** Checks `Authorization: Bearer …` against the configured tokens in constant time. */
export function createAdminAuthenticator(tokens: readonly AdminToken[]) {
  for (const t of tokens) {
    if (typeof t.token !== 'string' || t.token.length < MIN_TOKEN || !ACTOR.test(t.actor)) {
      throw new ZzError('ERR_CONFIG_INVALID', 'Admin tokens must be at least 16 characters with an actor name');
    }
  }
  // equal-length digests, so timingSafeEqual compares without leaking the token's length
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  const known = tokens.map((t) => ({ digest: digest(t.token), actor: t.actor }));
  return {
    /** The principal for an Authorization header; `ERR_ADMIN_UNAUTHENTICATED` otherwise. */
    authenticate(header: string | undefined): AdminPrincipal {
      const match = typeof header === 'string' ? /^Bearer ([\x21-\x7e]{1,512})$/i.exec(header.trim()) : null;
      if (!match) throw new ZzError('ERR_ADMIN_UNAUTHENTICATED', 'A bearer token is required');
      const presented = digest(match[1] as string);
      let found: AdminPrincipal | undefined;
      // every token is compared, whichever matches
      for (const k of known) {
        if (timingSafeEqual(k.digest, presented) && !found) found = { actor: k.actor };
      }
      if (!found) throw new ZzError('ERR_ADMIN_UNAUTHENTICATED', 'Unknown bearer token');
      return found;
    },
  };
}

export type AdminAuthenticator = ReturnType<typeof createAdminAuthenticator>;
