import { createHash, timingSafeEqual } from 'node:crypto';
import { ZzError } from '@zhengzhao/core';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Who may call what: clerks operate on persons, issuers read the event feed. */
export type RegistryRole = 'clerk' | 'issuer';

/** Bearer tokens per role (each 16–512 printable ASCII characters, no spaces). */
export interface RegistryTokens {
  readonly clerk: readonly string[];
  readonly issuer?: readonly string[];
}

const TOKEN_PATTERN = /^[\x21-\x7e]{16,512}$/;

interface KnownToken {
  readonly digest: Buffer;
  readonly role: RegistryRole;
  /** First 12 hex digits of SHA-256(token): names the caller in logs without revealing the token. */
  readonly fingerprint: string;
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** Checks the configured tokens; a short, spaced or repeated token is `ERR_CONFIG_INVALID`. */
function knownTokens(tokens: RegistryTokens): KnownToken[] {
  const known: KnownToken[] = [];
  const add = (list: readonly string[] | undefined, role: RegistryRole) => {
    for (const token of list ?? []) {
      if (typeof token !== 'string' || !TOKEN_PATTERN.test(token)) {
        throw new ZzError('ERR_CONFIG_INVALID', `every ${role} token must be 16–512 printable characters`);
      }
      const digest = sha256(token);
      if (known.some((k) => k.digest.equals(digest))) {
        throw new ZzError('ERR_CONFIG_INVALID', 'a token is configured twice');
      }
      known.push({ digest, role, fingerprint: digest.toString('hex').slice(0, 12) });
    }
  };
  add(tokens.clerk, 'clerk');
  add(tokens.issuer, 'issuer');
  return known;
}

/** The authenticated caller, as logged: role and token fingerprint. */
export interface RegistryCaller {
  readonly role: RegistryRole;
  readonly fingerprint: string;
}

/**
 * Bearer-token authentication (RFC 6750) with a role check, run as an `onRequest` hook so that
 * an unauthenticated request is refused before its body is read or validated: no or an unknown
 * token → 401 `ERR_REGISTRY_UNAUTHENTICATED` (with `WWW-Authenticate: Bearer`); a token of
 * another role → 403 `ERR_REGISTRY_FORBIDDEN`. Tokens are compared as SHA-256 digests in
 * constant time, against every known token.
 */
export function createRegistryAuth(tokens: RegistryTokens) {
  const known = knownTokens(tokens);
  const callers = new WeakMap<FastifyRequest, RegistryCaller>();

  const identify = (header: string | undefined): KnownToken | undefined => {
    const match = typeof header === 'string' ? /^Bearer ([\x21-\x7e]{1,512})$/i.exec(header) : null;
    if (!match?.[1]) return undefined;
    const digest = sha256(match[1]);
    let found: KnownToken | undefined;
    for (const k of known) if (timingSafeEqual(k.digest, digest)) found = k;
    return found;
  };

  return {
    /** An `onRequest` hook admitting only `role`. */
    require(role: RegistryRole) {
      return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
        const token = identify(request.headers.authorization);
        if (token === undefined) {
          reply.header('www-authenticate', 'Bearer realm="registry"');
          throw new ZzError('ERR_REGISTRY_UNAUTHENTICATED', 'Send Authorization: Bearer <token>');
        }
        if (token.role !== role) {
          throw new ZzError('ERR_REGISTRY_FORBIDDEN', `This endpoint needs a ${role} token`);
        }
        callers.set(request, { role: token.role, fingerprint: token.fingerprint });
      };
    },
    /** The caller admitted for `request` (after the hook ran). */
    callerOf(request: FastifyRequest): RegistryCaller | undefined {
      return callers.get(request);
    },
  };
}

export type RegistryAuth = ReturnType<typeof createRegistryAuth>;
