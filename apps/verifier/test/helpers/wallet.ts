import {
  createAuthorizationResponse,
  createDeviceResponse,
  createOid4vpRequestSessionTranscript,
  decodeIssuerSigned,
  encodeBase64url,
  encodeDeviceResponse,
  type Oid4vpAuthorizationRequest,
  parseAuthorizationRequestLink,
  presentMdoc,
  presentSdJwtVc,
  verifyAuthorizationRequest,
} from '@zhengzhao/core';
import { DCQL_IDS } from '../../src/index.js';
import { type Fixture, platform, TYPE } from './fixture.js';

/** A created session as the API returns it. */
export interface SessionCreated {
  session_id: string;
  authorization_request: string;
  request_uri: string;
  qr_code: string;
  expires_at: string;
  expires_in: number;
}

export async function createSession(f: Fixture, body: Record<string, unknown> = {}): Promise<SessionCreated> {
  const response = await f.app.inject({ method: 'POST', url: '/oid4vp/sessions', payload: body });
  if (response.statusCode !== 201) throw new Error(`create session: ${response.statusCode} ${response.body}`);
  return response.json() as SessionCreated;
}

/** Path of an absolute URL of this service (the wallet reaches it in process). */
export const pathOf = (url: string) => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};

/** The wallet reads the link, fetches and verifies the signed request (OpenID4VP 1.0 §5). */
export async function walletReadRequest(f: Fixture, link: string): Promise<Oid4vpAuthorizationRequest> {
  const parsed = parseAuthorizationRequestLink(link);
  if (!('requestUri' in parsed)) throw new Error('link without request_uri');
  const response = await f.app.inject({ method: 'GET', url: pathOf(parsed.requestUri) });
  if (response.statusCode !== 200) throw new Error(`request object: ${response.statusCode} ${response.body}`);
  return verifyAuthorizationRequest(platform, response.body, {
    trust: f.signing.walletTrust,
    now: f.clock.now(),
    expectedClientId: parsed.clientId,
  });
}

export interface WalletAnswerOptions {
  readonly format?: 'sd-jwt' | 'mdoc';
  /** Override the KB-JWT `nonce` / `aud` (negative tests). */
  readonly nonce?: string;
  readonly audience?: string;
  readonly sdJwt?: string;
  readonly mdoc?: Uint8Array;
}

/** The wallet presents exactly the requested elements and builds the form body. */
export async function walletAnswer(
  f: Fixture,
  request: Oid4vpAuthorizationRequest,
  options: WalletAnswerOptions = {},
): Promise<{ uri: string; body: string }> {
  const elements = (request.dcqlQuery.credentials.find((q) => q.id === DCQL_IDS.sdJwt)?.claims ?? []).map(
    (claim) => claim.path[0] as string,
  );
  const presentations: Record<string, string[]> = {};
  if (options.format === 'mdoc') {
    const document = await presentMdoc(platform, {
      issuerSigned: decodeIssuerSigned(options.mdoc ?? f.credentials.mdoc),
      deviceSigner: f.credentials.device,
      sessionTranscript: await createOid4vpRequestSessionTranscript(platform, request),
      docType: TYPE,
      disclose: { [TYPE]: elements },
    });
    presentations[DCQL_IDS.mdoc] = [encodeBase64url(encodeDeviceResponse(createDeviceResponse([document])))];
  } else {
    presentations[DCQL_IDS.sdJwt] = [
      await presentSdJwtVc(platform, options.sdJwt ?? f.credentials.sdJwt, {
        disclose: elements,
        holderSigner: f.credentials.device,
        audience: options.audience ?? request.clientId,
        nonce: options.nonce ?? request.nonce,
        now: f.clock.now(),
      }),
    ];
  }
  const response = await createAuthorizationResponse({ request, presentations });
  return { uri: response.uri, body: response.body };
}

/** POSTs a form body to a response_uri. */
export function postResponse(f: Fixture, uri: string, body: string) {
  return f.app.inject({
    method: 'POST',
    url: pathOf(uri),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: body,
  });
}

export function pollSession(f: Fixture, sessionId: string, responseCode?: string) {
  const query = responseCode === undefined ? '' : `?response_code=${encodeURIComponent(responseCode)}`;
  return f.app.inject({ method: 'GET', url: `/oid4vp/sessions/${sessionId}${query}` });
}
