import {
  type DcqlHeldCredential,
  type DcqlQuery,
  decodeSdJwt,
  isZzError,
  type Platform,
  processSdJwtDisclosures,
  selectCredentialsForQuery,
  ZzError,
} from '@zhengzhao/core';
import type { CredentialCandidate, CredentialMatches, PresentationRequest } from './presentation-types.js';

/** Most held credentials compared with one request. */
const MAX_HELD = 256;

export interface MatchCredentialsOptions {
  readonly platform: Platform;
  readonly request: PresentationRequest;
  /** The holder's SD-JWT VCs as issued (`JWT~D1~…~Dn~`). */
  readonly sdJwts: readonly string[];
}

/**
 * Which of the holder's SD-JWT VCs answer each credential query (OpenID4VP 1.0 §6.4, core's
 * `selectCredentialsForQuery`): same format, a `vct` among `vct_values`, and the requested claims
 * (or one `claim_sets` option) present with any requested `values`. A credential that does not
 * decode is skipped. mdoc queries get no candidates here: online, this wallet presents SD-JWT VCs.
 */
export async function matchCredentials(options: MatchCredentialsOptions): Promise<CredentialMatches> {
  const { platform, request, sdJwts } = options ?? {};
  const query = request?.request?.dcqlQuery;
  if (!query) throw new ZzError('ERR_INPUT_INVALID', 'request must come from readPresentationRequest');
  if (!Array.isArray(sdJwts) || sdJwts.length > MAX_HELD) {
    throw new ZzError('ERR_INPUT_INVALID', `sdJwts must be an array of at most ${MAX_HELD} credentials`);
  }
  const held: (DcqlHeldCredential & { format: 'dc+sd-jwt' })[] = [];
  for (const [index, sdJwt] of sdJwts.entries()) {
    const credential = await describeHeld(platform, sdJwt, index);
    if (credential) held.push(credential);
  }
  const queries = query.credentials.map((credentialQuery) => {
    const candidates: CredentialCandidate[] = [];
    for (const credential of held) {
      const single: DcqlQuery = { credentials: [{ ...credentialQuery, multiple: false }] };
      const match = trySelect(single, [credential])?.[credentialQuery.id]?.[0];
      if (match?.format === 'dc+sd-jwt') {
        candidates.push({ index: Number(credential.id), vct: credential.vct, claims: match.disclose });
      }
    }
    return { queryId: credentialQuery.id, candidates };
  });
  const selection = trySelect(query, held);
  if (!selection) return { satisfiable: false, queries };
  const suggestion: Record<string, number[]> = {};
  for (const [id, matches] of Object.entries(selection)) {
    Object.defineProperty(suggestion, id, {
      value: matches.map((match) => Number(match.credentialId)),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return { satisfiable: true, queries, suggestion };
}

async function describeHeld(
  platform: Platform,
  sdJwt: unknown,
  index: number,
): Promise<(DcqlHeldCredential & { format: 'dc+sd-jwt' }) | undefined> {
  try {
    const decoded = decodeSdJwt(sdJwt as string);
    const { claims } = await processSdJwtDisclosures(platform, decoded.jwt.payload, decoded.disclosures);
    if (typeof claims.vct !== 'string') return undefined;
    return { id: String(index), format: 'dc+sd-jwt', vct: claims.vct, claims };
  } catch (error) {
    if (isZzError(error)) return undefined;
    throw error;
  }
}

function trySelect(query: DcqlQuery, held: readonly DcqlHeldCredential[]) {
  try {
    return selectCredentialsForQuery(query, held);
  } catch (error) {
    if (isZzError(error, 'ERR_OID4VP_NO_MATCHING_CREDENTIAL')) return undefined;
    throw error;
  }
}
