import { createHash, timingSafeEqual } from 'node:crypto';
import { ZzError } from '@zhengzhao/core';

/** Administrative roles (DESIGN.md §6.6). */
export const ADMIN_ROLES = ['clerk', 'supervisor', 'auditor'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

/** The administrative actions and the roles allowed to perform each. */
export const ADMIN_PERMISSIONS = {
  'person.suspend': ['clerk', 'supervisor'],
  'person.resume': ['clerk', 'supervisor'],
  'person.revoke': ['supervisor'],
  'wallet.suspend': ['clerk', 'supervisor'],
  'wallet.resume': ['clerk', 'supervisor'],
  'paper_card.revoke': ['clerk', 'supervisor'],
  'audit.read': ['auditor', 'supervisor'],
} as const satisfies Record<string, readonly AdminRole[]>;
export type AdminAction = keyof typeof ADMIN_PERMISSIONS;

/** A configured bearer token and whom it stands for. */
export interface AdminToken {
  /** At least 16 characters of opaque secret. */
  readonly token: string;
  /** Who acts, as the audit log records it (an official's id, e.g. `clerk-0042`). */
  readonly actor: string;
  readonly role: AdminRole;
}

/** The authenticated caller. */
export interface AdminPrincipal {
  readonly actor: string;
  readonly role: AdminRole;
}

const MIN_TOKEN = 16;
const ACTOR = /^[A-Za-z0-9._@-]{1,64}$/;

/**
 * Parses `role:actor:token` entries separated by commas or whitespace (the `ZZ_ADMIN_TOKENS`
 * setting), e.g. `supervisor:sup-1:9f…,clerk:clerk-7:2b…`. Bad entries are `ERR_CONFIG_INVALID`
 * naming the entry's position, never the token.
 */
export function parseAdminTokens(text: string | undefined): AdminToken[] {
  if (text === undefined || text.trim() === '') return [];
  return text
    .split(/[\s,]+/)
    .filter((part) => part.length > 0)
    .map((part, i) => {
      const [role, actor, ...rest] = part.split(':');
      const token = rest.join(':');
      if (!ADMIN_ROLES.includes(role as AdminRole) || !ACTOR.test(actor ?? '') || token.length < MIN_TOKEN) {
        throw new ZzError(
          'ERR_CONFIG_INVALID',
          `Admin token entry ${i + 1} must be role:actor:token (token ≥ 16 chars)`,
        );
      }
      return { role: role as AdminRole, actor: actor as string, token };
    });
}

/** Checks `Authorization: Bearer …` against the configured tokens in constant time. */
export function createAdminAuthenticator(tokens: readonly AdminToken[]) {
  for (const t of tokens) {
    if (typeof t.token !== 'string' || t.token.length < MIN_TOKEN || !ADMIN_ROLES.includes(t.role)) {
      throw new ZzError('ERR_CONFIG_INVALID', 'Admin tokens must be at least 16 characters with a known role');
    }
  }
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  const known = tokens.map((t) => ({ digest: digest(t.token), actor: t.actor, role: t.role }));
  return {
    /** The principal for an Authorization header; `ERR_ADMIN_UNAUTHENTICATED` otherwise. */
    authenticate(header: string | undefined): AdminPrincipal {
      const match = typeof header === 'string' ? /^Bearer ([\x21-\x7e]{1,512})$/i.exec(header.trim()) : null;
      if (!match) throw new ZzError('ERR_ADMIN_UNAUTHENTICATED', 'A bearer token is required');
      const presented = digest(match[1] as string);
      let found: AdminPrincipal | undefined;
      for (const k of known) {
        if (timingSafeEqual(k.digest, presented) && !found) found = { actor: k.actor, role: k.role };
      }
      if (!found) throw new ZzError('ERR_ADMIN_UNAUTHENTICATED', 'Unknown bearer token');
      return found;
    },
    /** True when the role may perform the action. */
    allows(principal: AdminPrincipal, action: AdminAction): boolean {
      return (ADMIN_PERMISSIONS[action] as readonly AdminRole[]).includes(principal.role);
    },
  };
}

export type AdminAuthenticator = ReturnType<typeof createAdminAuthenticator>;
