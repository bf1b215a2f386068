import { isZzError } from '@zhengzhao/core';
import {
  describeErrorForLog,
  PROBLEM_CONTENT_TYPE,
  PROBLEM_TYPE_BASE,
  type ProblemDetails,
  toProblemDetails,
} from '@zhengzhao/server-kit';
import type { FastifyInstance } from 'fastify';

/**
 * The trust registry's own error codes, for failures the core catalogue has no code for (unknown
 * and duplicate registry entries, the registry's limits). Same shape as the core catalogue: a
 * stable `code` with its HTTP status and a short title. Everything else the registry refuses
 * with a core `ZzError` code (`ERR_INPUT_INVALID`, `ERR_X509_MALFORMED`, `ERR_TRUST_*`,
 * `ERR_CATALOG_UNKNOWN_TYPE`, `ERR_CRYPTO_KEY_INVALID`…).
 */
export const TRUST_REGISTRY_ERRORS = {
  ERR_TRUST_REGISTRY_AUTHORITY_UNKNOWN: { status: 404, title: 'No issuing authority with this id' },
  ERR_TRUST_REGISTRY_AUTHORITY_EXISTS: { status: 409, title: 'An issuing authority with this id is already enrolled' },
  ERR_TRUST_REGISTRY_AUTHORITY_WITHDRAWN: { status: 409, title: 'The issuing authority has been withdrawn' },
  ERR_TRUST_REGISTRY_SUITE_MISMATCH: {
    status: 400,
    title: 'A certificate key does not use the authority’s signature suite',
  },
  ERR_TRUST_REGISTRY_CERTIFICATE_ENROLLED: { status: 409, title: 'This certificate is already in the registry' },
  ERR_TRUST_REGISTRY_KEY_ALREADY_COMPROMISED: {
    status: 409,
    title: 'This certificate is already declared compromised',
  },
  ERR_TRUST_REGISTRY_CREDENTIAL_TYPE_UNKNOWN: { status: 404, title: 'No credential type with this id in the catalog' },
  ERR_TRUST_REGISTRY_ELEMENT_UNKNOWN: {
    status: 400,
    title: 'A namespace or element is not part of the credential type in the catalog',
  },
  ERR_TRUST_REGISTRY_REGISTRATION_PROFILE_UNKNOWN: {
    status: 400,
    title: 'The relying party names no registration profile of the registry',
  },
  ERR_TRUST_REGISTRY_RELYING_PARTY_UNKNOWN: { status: 404, title: 'No relying party with this id' },
  ERR_TRUST_REGISTRY_RELYING_PARTY_EXISTS: { status: 409, title: 'A relying party with this id is already registered' },
  ERR_TRUST_REGISTRY_RELYING_PARTY_DEREGISTERED: { status: 409, title: 'The relying party has been de-registered' },
  ERR_TRUST_REGISTRY_LIMIT: {
    status: 409,
    title: 'The entry already holds as many certificates as a trust list allows',
  },
} as const satisfies Record<string, { status: number; title: string }>;

export type TrustRegistryErrorCode = keyof typeof TRUST_REGISTRY_ERRORS;

/**
 * An error with a {@link TRUST_REGISTRY_ERRORS} code. Like `ZzError`, its message is for people
 * and never carries personal data or secrets; tests assert the code.
 */
export class TrustRegistryError extends Error {
  override readonly name = 'TrustRegistryError';
  readonly code: TrustRegistryErrorCode;

  constructor(code: TrustRegistryErrorCode, message?: string, options?: { cause?: unknown }) {
    super(message ?? TRUST_REGISTRY_ERRORS[code].title, options);
    this.code = code;
  }

  get status(): number {
    return TRUST_REGISTRY_ERRORS[this.code].status;
  }
}

/** True when `error` is a {@link TrustRegistryError}, optionally with the given code. */
export function isTrustRegistryError(error: unknown, code?: TrustRegistryErrorCode): error is TrustRegistryError {
  return error instanceof TrustRegistryError && (code === undefined || error.code === code);
}

/** An RFC 9457 problem whose `code` is a core or a trust-registry code. */
export type TrustRegistryProblem = Omit<ProblemDetails, 'code'> & { code: string };

/** Maps any error to problem details: the registry's own codes here, everything else as server-kit does. */
export function toTrustRegistryProblem(
  error: unknown,
  requestId?: string,
): { problem: TrustRegistryProblem; internal: boolean } {
  if (error instanceof TrustRegistryError) {
    const entry = TRUST_REGISTRY_ERRORS[error.code];
    return {
      problem: {
        type: `${PROBLEM_TYPE_BASE}${error.code}`,
        title: entry.title,
        status: entry.status,
        detail: error.message,
        code: error.code,
        ...(requestId !== undefined ? { instance: `urn:uuid:${requestId}` } : {}),
      },
      internal: false,
    };
  }
  return toProblemDetails(error, requestId);
}

/** The stable code of an error as a problem would carry it. */
export function errorCodeOf(error: unknown): string {
  if (error instanceof TrustRegistryError || isZzError(error)) return error.code;
  return toProblemDetails(error).problem.code;
}

/**
 * Gives a scope an error handler that also knows {@link TRUST_REGISTRY_ERRORS} (register the
 * registry's routes inside that scope; the app's own handler stays for everything else).
 */
export function registerTrustRegistryErrors(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const { problem, internal } = toTrustRegistryProblem(error, request.id);
    if (internal) request.log.error({ error: describeErrorForLog(error) }, 'request failed');
    return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  });
}
