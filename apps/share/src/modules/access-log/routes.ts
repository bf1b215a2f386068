import { encodeBase64url, publicKeyToJwk, ZzError } from '@zhengzhao/core';
import type { FastifyInstance } from 'fastify';
import type { ShareContext } from '../../context.js';
import { holderOf } from '../requests/routes.js';

const MAX_HOLDER_ENTRIES = 500;
const SIZE = { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER } as const;

/**
 * The access log, public (Certificate Transparency style, RFC 9162 §4) except for the entries:
 * - `GET /log/key`: the log id and its tree-head key (wallets pin it);
 * - `GET /log/tree-head`: the signed tree head of the current size;
 * - `GET /log/proof/inclusion?index&size`, `GET /log/proof/consistency?from&to`;
 * - `GET /holder/log` (signed by the holder): the holder's own entries with inclusion proofs
 *   against the current signed head. Entries name a holder only by a pseudonymous reference,
 *   but they stay with their holder all the same.
 */
export function registerAccessLogRoutes(
  app: FastifyInstance,
  context: ShareContext,
  logKey: { publicKey: Parameters<typeof publicKeyToJwk>[0] },
): void {
  const { log } = context;
  app.get('/log/key', { schema: { summary: 'The access log id and tree-head key', tags: ['log'] } }, async () => ({
    log_id: log.logId,
    public_jwk: publicKeyToJwk(logKey.publicKey),
  }));
  app.get('/log/tree-head', { schema: { summary: 'The signed tree head', tags: ['log'] } }, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return treeHeadJson(await log.treeHead());
  });
  app.get(
    '/log/proof/inclusion',
    {
      schema: {
        summary: 'Inclusion proof of entry index in the tree of size',
        tags: ['log'],
        querystring: { type: 'object', properties: { index: SIZE, size: SIZE }, required: ['index', 'size'] },
      },
    },
    async (request) => {
      const { index, size } = request.query as { index: number; size: number };
      return { index, size, proof: log.log.inclusionProof(index, size).map(encodeBase64url) };
    },
  );
  app.get(
    '/log/proof/consistency',
    {
      schema: {
        summary: 'Consistency proof between two tree sizes',
        tags: ['log'],
        querystring: { type: 'object', properties: { from: SIZE, to: SIZE }, required: ['from', 'to'] },
      },
    },
    async (request) => {
      const { from, to } = request.query as { from: number; to: number };
      if (from > to) throw new ZzError('ERR_INPUT_INVALID', 'from must not exceed to');
      return { from, to, proof: log.log.consistencyProof(from, to).map(encodeBase64url) };
    },
  );
  app.get(
    '/holder/log',
    { schema: { summary: 'The holder’s own log entries with proofs', tags: ['holder', 'log'] } },
    async (request) => {
      const holder = await holderOf(context, request);
      const head = await log.treeHead();
      const rows = await context.db
        .selectFrom('share_log_refs')
        .select('leaf_index')
        .where('holder_id', '=', holder.row.id)
        .where('leaf_index', '<', head.head.treeSize)
        .orderBy('leaf_index', 'desc')
        .limit(MAX_HOLDER_ENTRIES)
        .execute();
      return {
        tree_head: treeHeadJson(head),
        entries: rows.map(({ leaf_index: index }) => ({
          index: Number(index),
          entry: encodeBase64url(log.log.entry(Number(index))),
          proof: log.log.inclusionProof(Number(index), head.head.treeSize).map(encodeBase64url),
        })),
      };
    },
  );
}

function treeHeadJson({ signed, head }: Awaited<ReturnType<ShareContext['log']['treeHead']>>) {
  return {
    signed: encodeBase64url(signed),
    log_id: head.logId,
    size: head.treeSize,
    root: encodeBase64url(head.rootHash),
    timestamp: head.timestamp.toISOString(),
  };
}
