import { webcrypto } from 'node:crypto';
import {
  createAuthorizationRequest,
  createAuthorizationRequestLink,
  createOid4vpVerifierSessions,
  type DcqlQuery,
  decodeJwsCompact,
  encodeBase64url,
  encodeX5c,
  type JsonObject,
  type Oid4vpAuthorizationRequest,
  type Oid4vpEncryptionJwk,
  type Oid4vpResponseMode,
  type Platform,
  parseAuthorizationResponse,
  signJwsCompact,
  type TrustSource,
  type VerificationReport,
  verifyVpToken,
} from '@zhengzhao/core';
import Fastify, { type FastifyInstance } from 'fastify';
import type { FetchFunction } from '../oid4vp/presentation-types.js';
import type { TestRelyingParty } from './relying-party.js';

export const VERIFIER_HOST = 'verifier.example.org';
export const CLIENT_ID = `x509_san_dns:${VERIFIER_HOST}`;
export const ORIGIN = `https://${VERIFIER_HOST}`;

/** What the verifier received at its response_uri. */
export type VerifierResult =
  | { readonly kind: 'presentation'; readonly reports: Record<string, VerificationReport[]>; readonly body: string }
  | { readonly kind: 'error'; readonly error: string | null; readonly state: string | null };

/** How the response_uri answers (to test the wallet against misbehaving verifiers). */
export type ResponseBehaviour = 'ok' | 'http-400' | 'redirect-302' | 'javascript-redirect' | 'no-redirect';

export interface CreatedTestRequest {
  /** `openid4vp://?client_id=…&request_uri=…`. */
  readonly link: string;
  readonly requestUri: string;
  readonly request: Oid4vpAuthorizationRequest;
  readonly requestObject: string;
}

export interface TestVerifier {
  /** Maps https://verifier.example.org to this server (the wallet's injected fetch). */
  readonly fetch: FetchFunction;
  readonly results: VerifierResult[];
  behaviour: ResponseBehaviour;
  createRequest(options: {
    readonly responseMode: Oid4vpResponseMode;
    readonly dcqlQuery: DcqlQuery | JsonObject;
    /** Re-signs the Request Object after changing its payload or header. */
    readonly tamper?: (payload: JsonObject) => JsonObject;
    readonly header?: JsonObject;
    /** Signs with another relying party (its chain in x5c). */
    readonly signer?: TestRelyingParty;
  }): Promise<CreatedTestRequest>;
  /** Serves `/raw/<id>` with exactly this answer; returns its https URL. */
  serveRaw(answer: { status: number; contentType?: string; body: string; location?: string }): string;
  close(): Promise<void>;
}

/**
 * A tiny OpenID4VP 1.0 verifier on fastify, built from core's verifier side: signed Request
 * Objects (`createAuthorizationRequest`) served at `request_uri`, one-time sessions by `state`
 * (`createOid4vpVerifierSessions`), and at `response_uri` `parseAuthorizationResponse` +
 * `verifyVpToken` against the issuers' trust.
 */
export async function startTestVerifier(
  platform: Platform,
  relyingParty: TestRelyingParty,
  issuerTrust: TrustSource,
  now: Date,
): Promise<TestVerifier> {
  const app: FastifyInstance = Fastify();
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) =>
    done(null, body),
  );
  const sessions = createOid4vpVerifierSessions();
  const objects = new Map<string, string>();
  const raw = new Map<string, { status: number; contentType?: string; body: string; location?: string }>();
  const keys = new Map<string, CryptoKey>();
  const pending: Oid4vpAuthorizationRequest[] = [];
  const results: VerifierResult[] = [];
  let counter = 0;

  app.get<{ Params: { id: string } }>('/request/:id', (request, reply) => {
    const object = objects.get(request.params.id);
    if (!object) return reply.code(404).send({ error: 'not found' });
    return reply.type('application/oauth-authz-req+jwt').send(object);
  });
  app.get<{ Params: { id: string } }>('/raw/:id', (request, reply) => {
    const answer = raw.get(request.params.id);
    if (!answer) return reply.code(404).send();
    if (answer.location) reply.header('location', answer.location);
    return reply
      .code(answer.status)
      .type(answer.contentType ?? 'text/plain')
      .send(answer.body);
  });
  app.post('/post', async (request, reply) => {
    const body = request.body as string;
    const form = new URLSearchParams(body);
    if (verifier.behaviour === 'http-400') return reply.code(400).send({ error: 'invalid_request' });
    if (verifier.behaviour === 'redirect-302') return reply.code(302).header('location', `${ORIGIN}/elsewhere`).send();
    if (form.has('error')) {
      results.push({ kind: 'error', error: form.get('error'), state: form.get('state') });
    } else {
      // The request this answers: by state for direct_post; the one pending request for direct_post.jwt.
      const state = form.get('state') ?? pending[pending.length - 1]?.state;
      const mine = sessions.consume(state, now);
      const decryptionKey = keys.get(mine.state as string);
      const parsed = await parseAuthorizationResponse(body, { request: mine, ...(decryptionKey && { decryptionKey }) });
      const reports = await verifyVpToken(platform, parsed.vpToken, { request: mine, trust: issuerTrust, now });
      results.push({ kind: 'presentation', reports, body });
    }
    if (verifier.behaviour === 'no-redirect') return {};
    if (verifier.behaviour === 'javascript-redirect') return { redirect_uri: 'javascript:alert(1)' };
    return { redirect_uri: `${ORIGIN}/done#response_code=${encodeBase64url(platform.randomBytes(16))}` };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const verifier: TestVerifier = {
    results,
    behaviour: 'ok',
    fetch: (url, init) => globalThis.fetch(url.startsWith(ORIGIN) ? base + url.slice(ORIGIN.length) : url, init),
    async createRequest(options) {
      counter += 1;
      const nonce = encodeBase64url(platform.randomBytes(16));
      const state = `state-${counter}-${nonce}`;
      const pair = (await webcrypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, [
        'deriveBits',
      ])) as CryptoKeyPair;
      const publicJwk = await webcrypto.subtle.exportKey('jwk', pair.publicKey);
      const encryptionKey: Oid4vpEncryptionJwk = {
        kty: 'EC',
        crv: 'P-256',
        x: publicJwk.x as string,
        y: publicJwk.y as string,
        use: 'enc',
        alg: 'ECDH-ES',
        kid: `k${counter}`,
      };
      const signer = options.signer ?? relyingParty;
      const created = await createAuthorizationRequest({
        signer: relyingParty.signer,
        x5c: relyingParty.chain,
        clientId: CLIENT_ID,
        responseUri: `${ORIGIN}/post`,
        responseMode: options.responseMode,
        nonce,
        state,
        dcqlQuery: options.dcqlQuery as DcqlQuery,
        clientMetadata: {
          jwks: { keys: [encryptionKey] },
          encrypted_response_enc_values_supported: ['A128GCM'],
          vp_formats_supported: { 'dc+sd-jwt': { 'sd-jwt_alg_values': ['ES256'], 'kb-jwt_alg_values': ['ES256'] } },
        },
        now,
      });
      let requestObject = created.requestObject;
      // core refuses to sign a DCQL query it cannot parse: add unknown members by re-signing
      const rawQuery = options.dcqlQuery as JsonObject;
      if (options.tamper || options.header || signer !== relyingParty || rawQuery.credential_sets !== undefined) {
        const decoded = decodeJwsCompact(requestObject);
        const payload = { ...decoded.payload, dcql_query: rawQuery } as JsonObject;
        requestObject = await signJwsCompact(
          signer.signer,
          { typ: 'oauth-authz-req+jwt', x5c: encodeX5c(signer.chain), ...options.header },
          options.tamper ? options.tamper(payload) : payload,
        );
      }
      const id = `r${counter}`;
      objects.set(id, requestObject);
      sessions.add(created.request, new Date(now.getTime() + 300_000));
      pending.push(created.request);
      keys.set(state, pair.privateKey);
      const requestUri = `${ORIGIN}/request/${id}`;
      return {
        link: createAuthorizationRequestLink(CLIENT_ID, requestUri),
        requestUri,
        request: created.request,
        requestObject,
      };
    },
    serveRaw(answer) {
      counter += 1;
      raw.set(`x${counter}`, answer);
      return `${ORIGIN}/raw/x${counter}`;
    },
    close: () => app.close(),
  };
  return verifier;
}
