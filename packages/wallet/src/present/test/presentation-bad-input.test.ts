import type { JsonObject, Platform } from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declinePresentationRequest } from '../oid4vp/decline-presentation-request.js';
import { matchCredentials } from '../oid4vp/match-credentials.js';
import type { PresentationRequest } from '../oid4vp/presentation-types.js';
import { MAX_INVOCATION_LENGTH, readPresentationRequest } from '../oid4vp/read-presentation-request.js';
import { respondToPresentationRequest } from '../oid4vp/respond-to-presentation-request.js';
import { codeOf, createTestHolder, EID, expectCode, NOW, type TestHolder } from './holder-fixtures.js';
import { createTestRelyingParty, type TestRelyingParty } from './relying-party.js';
import { CLIENT_ID, startTestVerifier, type TestVerifier, VERIFIER_HOST } from './test-verifier.js';

const platform: Platform = createNodePlatform();
const QUERY = {
  credentials: [
    {
      id: 'eid',
      format: 'dc+sd-jwt',
      meta: { vct_values: [EID] },
      claims: [{ path: ['age_over_18'] }, { path: ['family_name'] }],
    },
  ],
};

let holder: TestHolder;
let shop: TestRelyingParty;
let verifier: TestVerifier;

beforeAll(async () => {
  holder = await createTestHolder(platform);
  shop = await createTestRelyingParty({ platform, now: NOW, host: VERIFIER_HOST, organisation: 'Zhengzhao Test Shop' });
  verifier = await startTestVerifier(platform, shop, holder.authority.trustSource, NOW);
});
afterAll(async () => {
  await verifier.close();
});

const read = (input: unknown, clock = () => NOW) =>
  readPresentationRequest({ platform, input: input as string, trust: shop.trust, fetch: verifier.fetch, clock });

/** A request object variant: the link points at it with the right client_id. */
async function variant(options: Parameters<TestVerifier['createRequest']>[0]) {
  return (await verifier.createRequest(options)).link;
}

describe('readPresentationRequest refuses bad invocations', () => {
  it('wrong types, oversized text, links that are not links', async () => {
    await expectCode(read(42), 'ERR_OID4VP_REQUEST_INVALID');
    await expectCode(read(undefined), 'ERR_OID4VP_REQUEST_INVALID');
    await expectCode(read(`openid4vp://?client_id=${'a'.repeat(MAX_INVOCATION_LENGTH)}`), 'ERR_INPUT_TOO_LARGE');
    await expectCode(read('not a link'), 'ERR_OID4VP_REQUEST_INVALID');
    await expectCode(read(''), 'ERR_OID4VP_REQUEST_INVALID');
    await expectCode(
      read('openid4vp://?request_uri=https%3A%2F%2Fverifier.example.org%2Frequest%2Fr1'),
      'ERR_OID4VP_REQUEST_INVALID',
    );
    await expectCode(
      read(`openid4vp://?client_id=${encodeURIComponent(CLIENT_ID)}&request_uri=http%3A%2F%2Fverifier.example.org%2Fr`),
      'ERR_OID4VP_REQUEST_INVALID',
    );
    const good = await variant({ responseMode: 'direct_post', dcqlQuery: QUERY });
    await expectCode(read(`${good}&request_uri_method=put`), 'ERR_OID4VP_REQUEST_INVALID');
    await expectCode(
      readPresentationRequest({ platform, input: good, trust: {} as never, fetch: verifier.fetch }),
      'ERR_INPUT_INVALID',
    );
  });

  it('unsigned requests are refused, whatever their prefix', async () => {
    const inline = new URLSearchParams({
      client_id: 'redirect_uri:https://verifier.example.org/post',
      response_type: 'vp_token',
      response_mode: 'direct_post',
      response_uri: 'https://verifier.example.org/post',
      nonce: 'abcdefghijklmnopqrstuvwxyz',
      dcql_query: JSON.stringify(QUERY),
    });
    await expectCode(read(`openid4vp://?${inline}`), 'ERR_OID4VP_CLIENT_ID_INVALID');
    inline.set('client_id', CLIENT_ID);
    await expectCode(read(`openid4vp://?${inline}`), 'ERR_OID4VP_CLIENT_ID_INVALID');
  });

  it('a request_uri that fails, redirects, has the wrong type, is oversized or garbage', async () => {
    const link = (uri: string) =>
      `openid4vp://?client_id=${encodeURIComponent(CLIENT_ID)}&request_uri=${encodeURIComponent(uri)}`;
    const jwt = 'application/oauth-authz-req+jwt';
    await expectCode(read(link(verifier.serveRaw({ status: 404, body: 'no' }))), 'ERR_OID4VP_REQUEST_URI_FAILED');
    await expectCode(
      read(link(verifier.serveRaw({ status: 500, contentType: jwt, body: 'x' }))),
      'ERR_OID4VP_REQUEST_URI_FAILED',
    );
    const good = await verifier.createRequest({ responseMode: 'direct_post', dcqlQuery: QUERY });
    await expectCode(
      read(link(verifier.serveRaw({ status: 302, body: '', location: good.requestUri }))),
      'ERR_OID4VP_REQUEST_URI_FAILED',
    );
    await expectCode(
      read(link(verifier.serveRaw({ status: 200, contentType: 'text/html', body: good.requestObject }))),
      'ERR_OID4VP_REQUEST_URI_FAILED',
    );
    await expectCode(
      read(link(verifier.serveRaw({ status: 200, contentType: jwt, body: 'a'.repeat(200 * 1024) }))),
      'ERR_INPUT_TOO_LARGE',
    );
    await expectCode(
      read(link(verifier.serveRaw({ status: 200, contentType: jwt, body: 'not.a.jws' }))),
      'ERR_OID4VP_REQUEST_INVALID',
    );
    await expectCode(
      read(link(verifier.serveRaw({ status: 200, contentType: jwt, body: '' }))),
      'ERR_OID4VP_REQUEST_INVALID',
    );
    await expectCode(
      readPresentationRequest({
        platform,
        input: good.link,
        trust: shop.trust,
        fetch: () => Promise.reject(new TypeError('network down')),
      }),
      'ERR_OID4VP_REQUEST_URI_FAILED',
    );
  });
});

describe('readPresentationRequest refuses bad Request Objects', () => {
  it('a bad signature', async () => {
    const created = await verifier.createRequest({ responseMode: 'direct_post', dcqlQuery: QUERY });
    const [header, payload, signature] = created.requestObject.split('.') as [string, string, string];
    const flipped = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
    const link = `openid4vp://?client_id=${encodeURIComponent(CLIENT_ID)}&request=${header}.${payload}.${flipped}`;
    await expectCode(read(link), 'ERR_JWS_SIGNATURE_INVALID');
    // the same object, unmodified and by value, is accepted
    const byValue = `openid4vp://?client_id=${encodeURIComponent(CLIENT_ID)}&request=${created.requestObject}`;
    expect((await read(byValue)).verifier.clientId).toBe(CLIENT_ID);
  });

  it('a wrong or mismatched client_id', async () => {
    const foreignLink = (await variant({ responseMode: 'direct_post', dcqlQuery: QUERY })).replace(
      encodeURIComponent(CLIENT_ID),
      encodeURIComponent('x509_san_dns:evil.example'),
    );
    await expectCode(read(foreignLink), 'ERR_OID4VP_CLIENT_ID_INVALID');
    const otherHost = (payload: JsonObject) => ({ ...payload, client_id: 'x509_san_dns:evil.example', iss: undefined });
    const created = await verifier.createRequest({ responseMode: 'direct_post', dcqlQuery: QUERY, tamper: otherHost });
    const link = created.link.replace(encodeURIComponent(CLIENT_ID), encodeURIComponent('x509_san_dns:evil.example'));
    await expectCode(read(link), 'ERR_OID4VP_CLIENT_ID_INVALID');
    const noPrefix = await verifier.createRequest({
      responseMode: 'direct_post',
      dcqlQuery: QUERY,
      tamper: (payload) => ({ ...payload, client_id: VERIFIER_HOST, iss: undefined }),
    });
    await expectCode(
      read(noPrefix.link.replace(encodeURIComponent(CLIENT_ID), VERIFIER_HOST)),
      'ERR_OID4VP_CLIENT_ID_INVALID',
    );
  });

  it('a wrong alg, a wrong typ, an untrusted or expired signer', async () => {
    for (const alg of ['none', 'HS256', 'ES384']) {
      await expectCode(
        read(await variant({ responseMode: 'direct_post', dcqlQuery: QUERY, header: { alg } })),
        'ERR_JWS_ALG_NOT_ALLOWED',
      );
    }
    await expectCode(
      read(await variant({ responseMode: 'direct_post', dcqlQuery: QUERY, header: { typ: 'JWT' } })),
      'ERR_OID4VP_REQUEST_INVALID',
    );
    const stranger = await createTestRelyingParty({ platform, now: NOW, host: VERIFIER_HOST });
    await expectCode(
      read(await variant({ responseMode: 'direct_post', dcqlQuery: QUERY, signer: stranger })),
      'ERR_TRUST_UNTRUSTED_ROOT',
    );
    const link = await variant({ responseMode: 'direct_post', dcqlQuery: QUERY });
    await expectCode(
      read(link, () => new Date(NOW.getTime() + 3600_000)),
      'ERR_OID4VP_REQUEST_INVALID',
    );
  });

  it('malformed parameters, DCQL and transaction_data', async () => {
    const cases: [(payload: JsonObject) => JsonObject, string][] = [
      [(p) => ({ ...p, response_type: 'code' }), 'ERR_OID4VP_REQUEST_INVALID'],
      [(p) => ({ ...p, response_mode: 'fragment' }), 'ERR_OID4VP_REQUEST_INVALID'],
      [(p) => ({ ...p, response_uri: 'http://verifier.example.org/post' }), 'ERR_OID4VP_REQUEST_INVALID'],
      [(p) => ({ ...p, nonce: 'short' }), 'ERR_OID4VP_REQUEST_INVALID'],
      [(p) => ({ ...p, nonce: 42 }), 'ERR_OID4VP_REQUEST_INVALID'],
      [(p) => ({ ...p, dcql_query: { credentials: [] } }), 'ERR_OID4VP_DCQL_INVALID'],
      [
        (p) => ({ ...p, dcql_query: { credentials: [{ id: 'a b', format: 'dc+sd-jwt', meta: {} }] } }),
        'ERR_OID4VP_DCQL_INVALID',
      ],
      [(p) => ({ ...p, dcql_query: 'everything' }), 'ERR_OID4VP_DCQL_INVALID'],
      [(p) => ({ ...p, transaction_data: ['eyJ0eXBlIjoicGF5bWVudCJ9'] }), 'ERR_OID4VP_REQUEST_INVALID'],
      [(p) => ({ ...p, exp: 'tomorrow' }), 'ERR_OID4VP_REQUEST_INVALID'],
    ];
    for (const [tamper, code] of cases) {
      expect(await codeOf(read(await variant({ responseMode: 'direct_post', dcqlQuery: QUERY, tamper })))).toBe(code);
    }
  });
});

describe('respondToPresentationRequest refuses to disclose beyond the request', () => {
  let request: PresentationRequest;
  const respond = (selections: unknown, fetch = verifier.fetch) =>
    respondToPresentationRequest({ platform, request, selections: selections as never, fetch, clock: () => NOW });
  const selection = (overrides: object = {}) => ({
    queryId: 'eid',
    sdJwt: holder.sdJwt,
    deviceSigner: holder.deviceSigner,
    claims: ['age_over_18'],
    ...overrides,
  });

  beforeAll(async () => {
    request = await read(await variant({ responseMode: 'direct_post', dcqlQuery: QUERY }));
  });

  it('refuses unknown queries, unrequested claims, parents of requested paths and foreign keys, sending nothing', async () => {
    const before = verifier.results.length;
    await expectCode(respond([]), 'ERR_INPUT_INVALID');
    await expectCode(respond('eid'), 'ERR_INPUT_INVALID');
    await expectCode(respond([selection({ queryId: 'other' })]), 'ERR_INPUT_INVALID');
    await expectCode(respond([selection({ claims: ['age_over_18', 'id_number'] })]), 'ERR_INPUT_INVALID');
    await expectCode(respond([selection({ claims: [[]] })]), 'ERR_INPUT_INVALID');
    await expectCode(respond([selection({ claims: [['age_over_18', -1]] })]), 'ERR_INPUT_INVALID');
    await expectCode(respond([selection({ claims: 'age_over_18' })]), 'ERR_INPUT_INVALID');
    await expectCode(
      respond([selection({ deviceSigner: await platform.suite('ES256').generateSigner() })]),
      'ERR_INPUT_INVALID',
    );
    await expectCode(respond([selection({ sdJwt: 42 })]), 'ERR_INPUT_INVALID');
    await expectCode(respond([selection({ sdJwt: 'garbage' })]), 'ERR_SDJWT_MALFORMED');
    await expectCode(respond([selection(), selection()]), 'ERR_OID4VP_RESPONSE_INVALID');
    expect(verifier.results.length).toBe(before);
  });

  it('a credential of a type the query does not accept is refused', async () => {
    const strict: PresentationRequest = {
      ...request,
      request: {
        ...request.request,
        dcqlQuery: { credentials: [{ ...QUERY.credentials[0], meta: { vct_values: ['cn.gov.mdl.1'] } } as never] },
      },
    };
    await expectCode(
      respondToPresentationRequest({ platform, request: strict, selections: [selection()], fetch: verifier.fetch }),
      'ERR_INPUT_INVALID',
    );
    const mdocQuery: PresentationRequest = {
      ...request,
      request: {
        ...request.request,
        dcqlQuery: { credentials: [{ id: 'eid', format: 'mso_mdoc', meta: { doctype_value: EID } }] },
      },
    };
    await expectCode(
      respondToPresentationRequest({ platform, request: mdocQuery, selections: [selection()], fetch: verifier.fetch }),
      'ERR_INPUT_INVALID',
    );
  });

  it('a verifier that refuses, redirects or cannot be reached → ERR_OID4VP_RESPONSE_REJECTED', async () => {
    verifier.behaviour = 'http-400';
    await expectCode(respond([selection()]), 'ERR_OID4VP_RESPONSE_REJECTED');
    verifier.behaviour = 'redirect-302';
    await expectCode(declinePresentationRequest({ request, fetch: verifier.fetch }), 'ERR_OID4VP_RESPONSE_REJECTED');
    verifier.behaviour = 'ok';
    await expectCode(
      respond([selection()], () => Promise.reject(new TypeError('offline'))),
      'ERR_OID4VP_RESPONSE_REJECTED',
    );
    await expectCode(declinePresentationRequest({} as never), 'ERR_INPUT_INVALID');
  });

  it('a redirect_uri that is not https is dropped, not followed', async () => {
    const fresh = await read(await variant({ responseMode: 'direct_post', dcqlQuery: QUERY }));
    verifier.behaviour = 'javascript-redirect';
    try {
      const result = await respondToPresentationRequest({
        platform,
        request: fresh,
        selections: [selection()],
        fetch: verifier.fetch,
        clock: () => NOW,
      });
      expect(result).toEqual({});
      expect(verifier.results.at(-1)).toMatchObject({ kind: 'presentation' });
    } finally {
      verifier.behaviour = 'ok';
    }
  });

  it('matchCredentials checks its input', async () => {
    await expectCode(matchCredentials({ platform, request: {} as never, sdJwts: [] }), 'ERR_INPUT_INVALID');
    await expectCode(matchCredentials({ platform, request, sdJwts: 'x' as never }), 'ERR_INPUT_INVALID');
    await expectCode(matchCredentials({ platform, request, sdJwts: new Array(300).fill('') }), 'ERR_INPUT_INVALID');
    const result = await matchCredentials({ platform, request, sdJwts: [42 as never, '', '~~'] });
    expect(result).toEqual({ satisfiable: false, queries: [{ queryId: 'eid', candidates: [] }] });
  });
});
