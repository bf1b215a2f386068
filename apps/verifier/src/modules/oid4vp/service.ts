import {
  createAuthorizationRequest,
  createAuthorizationRequestLink,
  elementNamespace,
  encodeBase64url,
  getCredentialType,
  isZzError,
  type Oid4vpResponseMode,
  type Platform,
  parseAuthorizationResponse,
  type Signer,
  timingSafeEqual,
  utf8Encode,
  ZzError,
} from '@zhengzhao/core';
import type { EngineReport, VerificationEngine } from '../verify/verification-engine.js';
import { createResponseEncryptionKey } from './create-response-encryption-key.js';
import { dcqlQueryFor, getPresentationPurpose, type PresentationPurpose } from './purposes.js';
import { renderQrCode } from './render-qr-code.js';
import type {
  PresentationFlow,
  PresentationSession,
  SessionResult,
  SessionStatus,
  SessionStore,
} from './session-store.js';

/** The verifier's request-signing identity: an access certificate with a DNS SAN and its key. */
export interface RequestSigning {
  readonly signer: Signer;
  /** DER, leaf first; the leaf names the client id host in a dNSName SAN. */
  readonly certificateChain: readonly Uint8Array[];
}

export interface PresentationServiceOptions {
  readonly platform: Platform;
  readonly clock: () => Date;
  readonly store: SessionStore;
  readonly engine: VerificationEngine;
  readonly signing: RequestSigning;
  /** `x509_san_dns:<host>`. */
  readonly clientId: string;
  /** https origin (and optional path) the wallet reaches this service at. */
  readonly publicBaseUrl: string;
  /** Scheme or universal link the wallet answers to (default `openid4vp://`). */
  readonly walletLinkBase?: string;
  /** Lifetime of a session and of its signed request (default 300 s). */
  readonly ttlSeconds?: number;
  /** Same-device: where the wallet sends the browser back, with `?response_code=` (default the login page `/`). */
  readonly redirectPath?: string;
}

export interface CreateSessionInput {
  readonly purpose: string;
  readonly flow: PresentationFlow;
  readonly responseMode: Oid4vpResponseMode;
}

export interface CreatedSession {
  readonly sessionId: string;
  readonly requestUri: string;
  /** `openid4vp://?client_id=…&request_uri=…` (OpenID4VP 1.0 §5.10). */
  readonly authorizationRequest: string;
  /** The link as a QR code (SVG data URL). */
  readonly qrCode: string;
  readonly expiresAt: Date;
  readonly purpose: PresentationPurpose;
}

/** What the page sees when it polls. */
export interface SessionView {
  readonly status: SessionStatus;
  readonly flow: PresentationFlow;
  readonly purpose: string;
  readonly expiresAt: Date;
  readonly result?: SessionResult;
  /** Same-device and verified: the result needs the redirect's `response_code`. */
  readonly responseCodeRequired?: boolean;
  readonly resultReleased?: boolean;
  readonly error?: PresentationSession['error'];
}

const OAUTH_ERROR = /^[a-z_]{1,64}$/;

/**
 * The OpenID4VP 1.0 verifier for websites (DESIGN.md M5): sessions with a signed Request Object
 * (`x509_san_dns:`), DCQL from a purpose preset, `direct_post` and `direct_post.jwt` responses to a
 * per-session ephemeral key, one answer per request (state and nonce burn on the first response
 * that decrypts and names the session's state; a malformed post does not burn the session), and a
 * result that holds only the purpose's elements and is handed out once.
 */
export function createPresentationService(options: PresentationServiceOptions) {
  const { platform, clock, store, engine, signing, clientId } = options;
  const base = options.publicBaseUrl.replace(/\/+$/, '');
  const ttlSeconds = options.ttlSeconds ?? 300;
  const random = () => encodeBase64url(platform.randomBytes(16));

  async function createSession(input: CreateSessionInput): Promise<CreatedSession> {
    const purpose = getPresentationPurpose(input.purpose);
    const now = clock();
    const sessionId = random();
    const requestId = random();
    const nonce = random();
    const encryption =
      input.responseMode === 'direct_post.jwt' ? await createResponseEncryptionKey(random().slice(0, 8)) : undefined;
    const { requestObject, request } = await createAuthorizationRequest({
      signer: signing.signer,
      x5c: signing.certificateChain,
      clientId,
      responseUri: `${base}/oid4vp/responses/${requestId}`,
      responseMode: input.responseMode,
      nonce,
      state: random(),
      dcqlQuery: dcqlQueryFor(purpose),
      clientMetadata: {
        ...(encryption && {
          jwks: { keys: [encryption.jwk] },
          encrypted_response_enc_values_supported: ['A128GCM', 'A256GCM'],
        }),
        vp_formats_supported: {
          'dc+sd-jwt': { 'sd-jwt_alg_values': ['ES256'], 'kb-jwt_alg_values': ['ES256'] },
          mso_mdoc: { issuerauth_alg_values: [-7], deviceauth_alg_values: [-7] },
        },
      },
      now,
      lifetimeSeconds: ttlSeconds,
    });
    const expiresAt = new Date(now.getTime() + ttlSeconds * 1000);
    store.add({
      sessionId,
      requestId,
      purpose,
      flow: input.flow,
      request,
      requestObject,
      ...(encryption && { decryptionKey: encryption.privateKey }),
      createdAt: now.getTime(),
      expiresAt: expiresAt.getTime(),
      status: 'pending',
      released: false,
    });
    const requestUri = `${base}/oid4vp/requests/${requestId}`;
    const authorizationRequest = createAuthorizationRequestLink(clientId, requestUri, options.walletLinkBase);
    return {
      sessionId,
      requestUri,
      authorizationRequest,
      qrCode: await renderQrCode(authorizationRequest),
      expiresAt,
      purpose,
    };
  }

  /** `GET request_uri`: the signed Request Object while the session waits for its answer. */
  function requestObject(requestId: string): string {
    const session = store.findByRequest(requestId);
    const status = session ? store.statusOf(session) : undefined;
    if (!session || (status !== 'pending' && status !== 'retrieved')) {
      throw new ZzError('ERR_VERIFIER_SESSION_UNKNOWN', 'No open presentation request with this id');
    }
    session.status = 'retrieved';
    return session.requestObject;
  }

  function openSession(requestId: string): PresentationSession {
    const session = store.findByRequest(requestId);
    if (!session) throw new ZzError('ERR_OID4VP_STATE_UNKNOWN', 'No pending request for this response');
    const status = store.statusOf(session);
    if (status === 'expired') throw new ZzError('ERR_OID4VP_STATE_UNKNOWN', 'The request has expired');
    if (status !== 'pending' && status !== 'retrieved') {
      throw new ZzError('ERR_OID4VP_STATE_UNKNOWN', 'The request was already answered');
    }
    return session;
  }

  /**
   * `POST response_uri` (OpenID4VP 1.0 §8.2, §8.3): an Authorization Error Response
   * (`error`, `state`) marks the session declined; otherwise the response is decrypted and
   * checked against the request, the session is consumed, and the vp_token verified. Returns the
   * same-device `redirect_uri`; a presentation that fails verification throws its check's code.
   */
  async function acceptResponse(requestId: string, body: string): Promise<{ redirectUri?: string }> {
    let session = openSession(requestId);
    const form = new URLSearchParams(body);
    const walletError = form.get('error');
    if (walletError !== null && !form.has('vp_token') && !form.has('response')) {
      if (form.get('state') !== session.request.state) {
        throw new ZzError('ERR_OID4VP_RESPONSE_INVALID', 'state does not match the request');
      }
      session.status = 'declined';
      session.error = {
        code: 'ERR_OID4VP_RESPONSE_INVALID',
        walletError: OAUTH_ERROR.test(walletError) ? walletError : 'invalid_error',
      };
      return {};
    }
    const parsed = await parseAuthorizationResponse(body, {
      request: session.request,
      ...(session.decryptionKey && { decryptionKey: session.decryptionKey }),
    });
    session = openSession(requestId); // another response may have won while this one decrypted
    session.status = 'verifying';
    let reports: Record<string, EngineReport[]>;
    try {
      reports = await engine.verifyVpToken(parsed.vpToken, session.request);
    } catch (error) {
      session.status = 'failed';
      session.error = { code: isZzError(error) ? error.code : 'ERR_SERVER_INTERNAL' };
      throw error;
    }
    const all = Object.values(reports).flat();
    const failedReport = all.find((report) => !report.valid);
    if (failedReport || all.length === 0) {
      const check = failedReport?.checks.find((c) => c.outcome === 'failed');
      const code = check?.code ?? 'ERR_OID4VP_RESPONSE_INVALID';
      session.status = 'failed';
      session.error = { code, ...(check && { check: check.id }) };
      throw new ZzError(code, check ? `The presentation failed the ${check.id} check` : 'Empty vp_token');
    }
    session.result = resultOf(session.purpose, all);
    session.status = 'verified';
    if (session.flow !== 'same_device') return {};
    session.responseCode = random();
    const page = `${base}${options.redirectPath ?? '/'}`;
    return { redirectUri: `${page}${page.includes('?') ? '&' : '?'}response_code=${session.responseCode}` };
  }

  /**
   * `GET /oid4vp/sessions/:id` for the page. A verified result is handed out once (then
   * forgotten); a same-device session releases it only with the redirect's `response_code`
   * (a wrong one is `ERR_VERIFIER_RESPONSE_CODE_INVALID`).
   */
  function readSession(sessionId: string, responseCode?: string): SessionView {
    const session = store.get(sessionId);
    if (!session) throw new ZzError('ERR_VERIFIER_SESSION_UNKNOWN');
    const status = store.statusOf(session);
    const view = {
      status,
      flow: session.flow,
      purpose: session.purpose.id,
      expiresAt: new Date(session.expiresAt),
      ...(session.error && { error: session.error }),
    };
    if (status !== 'verified') return view;
    if (session.flow === 'same_device') {
      if (responseCode === undefined) return { ...view, responseCodeRequired: true };
      const expected = utf8Encode(session.responseCode ?? '');
      const given = utf8Encode(responseCode);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new ZzError('ERR_VERIFIER_RESPONSE_CODE_INVALID');
      }
    }
    if (session.released || !session.result) return { ...view, resultReleased: true };
    const result = session.result;
    session.result = undefined;
    session.released = true;
    return { ...view, result };
  }

  return { createSession, requestObject, acceptResponse, readSession, clientId };
}

export type PresentationService = ReturnType<typeof createPresentationService>;

/** Keeps only the purpose's elements of the verified credential (data minimisation). */
function resultOf(purpose: PresentationPurpose, reports: readonly EngineReport[]): SessionResult {
  const first = reports[0] as EngineReport;
  const type = getCredentialType(purpose.typeId);
  const claims: Record<string, unknown> = {};
  for (const report of reports) {
    for (const element of purpose.elements) {
      // SD-JWT VC claims sit under the vct, mdoc claims under the element's namespace
      const disclosed = report.claims?.[purpose.typeId] ?? report.claims?.[elementNamespace(type, element)] ?? {};
      if (Object.hasOwn(disclosed, element)) claims[element] = disclosed[element];
    }
  }
  return {
    credentialType: first.credentialType ?? purpose.typeId,
    ...(first.issuer && {
      issuer: { name: first.issuer.name, ...(first.issuer.country !== undefined && { country: first.issuer.country }) },
    }),
    claims,
  };
}
