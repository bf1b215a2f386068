import {
  decodeCertificatePemChain,
  encodeBase64,
  encodeBase64url,
  encodeCertificatePem,
  parseCertificate,
  ZzError,
} from '@zhengzhao/core';
import type { HttpApp } from '@zhengzhao/server-kit';
import { problemResponses } from '@zhengzhao/server-kit';
import type { FastifyInstance } from 'fastify';
import { type IssuerContext, newSortableId } from '../../context.js';
import type { AdminAuthenticator, AdminPrincipal } from '../admin/admin-auth.js';
import { appendAuditEntry } from '../audit/audit-repository.js';
import type { SigningKeyRecord } from './key-repository.js';
import type { KeyRing } from './key-ring.js';
import { CERTIFICATE_LIST_SCHEMA, ROTATE_BODY_SCHEMA, ROTATE_RESULT_SCHEMA } from './schema.js';

/** Media type of a PEM bundle (RFC 8555 §9.1). */
export const PEM_CHAIN_MEDIA_TYPE = 'application/pem-certificate-chain';

/** Roles that may rotate the document-signer key. */
const ROTATE_ROLES: readonly string[] = ['supervisor'];

export interface KeyRoutesOptions {
  readonly context: IssuerContext;
  readonly keys: KeyRing;
  readonly authenticator: AdminAuthenticator;
}

function describeCertificate(record: SigningKeyRecord) {
  const leaf = parseCertificate(record.certificateChain[0] as Uint8Array);
  return {
    kid: encodeBase64url(record.kid),
    state: record.state,
    suite: record.suite,
    subject: leaf.subject.display,
    serial_number: leaf.serialNumber,
    not_before: record.notBefore.toISOString(),
    not_after: record.notAfter.toISOString(),
    activated_at: record.activatedAt.toISOString(),
    retired_at: record.retiredAt?.toISOString() ?? null,
    x5c: record.certificateChain.map((der) => encodeBase64(der)),
    pem: encodeCertificatePem(leaf.der),
  };
}

/**
 * - `GET /certificates`: the document-signer certificates, current and previous, with their
 *   validity (JSON; a PEM bundle on `Accept: application/pem-certificate-chain`), so verifiers
 *   can resolve the kid of compact QR credentials signed before and after a rotation. Verifiers
 *   still trust only the IACA root: each certificate must chain to it.
 * - `POST /admin/keys/rotate` (supervisor): add a DS key and make it active, audited with its
 *   reason; 401 / 403 (the refusal audited as `denied`) before the body is read.
 */
export async function registerKeyRoutes(app: HttpApp, options: KeyRoutesOptions): Promise<void> {
  const { context, keys, authenticator } = options;

  app.get(
    '/certificates',
    {
      schema: {
        summary: 'Document-signer certificates, current and previous (kid lookup)',
        tags: ['keys'],
        response: { 200: CERTIFICATE_LIST_SCHEMA },
      },
    },
    async (request, reply) => {
      const records = await keys.list();
      reply.header('cache-control', 'public, max-age=60').header('vary', 'Accept');
      const accept = request.headers.accept ?? '';
      if (accept.split(',').some((part) => part.split(';')[0]?.trim().toLowerCase() === PEM_CHAIN_MEDIA_TYPE)) {
        const pem = records.map((r) => encodeCertificatePem(r.certificateChain[0] as Uint8Array)).join('');
        return reply
          .type(PEM_CHAIN_MEDIA_TYPE)
          .serializer((body: unknown) => body as string)
          .send(pem);
      }
      return { certificates: records.map(describeCertificate) };
    },
  );

  await app.register(async (scope: FastifyInstance) => {
    scope.addHook('onRequest', async (request) => {
      const header = request.headers.authorization;
      const principal = authenticator.authenticate(typeof header === 'string' ? header : undefined);
      if (!ROTATE_ROLES.includes(principal.role)) {
        const at = context.clock();
        await appendAuditEntry(context.db, {
          id: newSortableId(context, 'au', at),
          at,
          actor: principal.actor,
          role: principal.role,
          action: 'keys.rotate',
          targetType: 'key',
          targetId: '-',
          reason: null,
          outcome: 'denied',
        });
        throw new ZzError('ERR_ADMIN_FORBIDDEN', `Role ${principal.role} may not perform keys.rotate`);
      }
      request.adminPrincipal = principal;
    });

    scope.post(
      '/admin/keys/rotate',
      {
        bodyLimit: 96 * 1024,
        schema: {
          summary: 'Rotate the document-signer key: add a key + DS certificate and make it active (supervisor)',
          tags: ['admin', 'keys'],
          body: ROTATE_BODY_SCHEMA,
          response: { 201: ROTATE_RESULT_SCHEMA, ...problemResponses(400, 401, 403, 404, 409, 413, 415) },
        },
      },
      async (request, reply) => {
        const body = request.body as { reason: string; key_id?: string; certificate?: string };
        const by = request.adminPrincipal as AdminPrincipal;
        const previousKid = encodeBase64url(keys.current().kid);
        const record = await keys.rotate({
          reason: body.reason,
          by,
          ...(body.key_id !== undefined ? { keyId: body.key_id } : {}),
          ...(body.certificate !== undefined ? { certificateChain: decodeCertificatePemChain(body.certificate) } : {}),
        });
        return reply.code(201).send({
          kid: encodeBase64url(record.kid),
          key_id: record.keyId,
          previous_kid: previousKid,
          not_before: record.notBefore.toISOString(),
          not_after: record.notAfter.toISOString(),
          activated_at: record.activatedAt.toISOString(),
        });
      },
    );
  });
}
