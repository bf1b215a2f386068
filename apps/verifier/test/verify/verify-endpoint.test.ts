import { encodeBase64, encodeBase64url, encodeCbor, utf8Encode } from '@zhengzhao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_KEY, createFixture, type Fixture, PERSON, TYPE } from '../helpers/fixture.js';
import { AUDIENCE, mdocPresentation, NONCE, qrPresentation, sdJwtPresentation } from '../helpers/presentations.js';

let f: Fixture;
beforeAll(async () => {
  f = await createFixture();
});
afterAll(async () => {
  await f?.app.close();
});

const auth = { authorization: `Bearer ${API_KEY}` };

function verify(payload: unknown, headers: Record<string, string> = auth) {
  return f.app.inject({ method: 'POST', url: '/verify', headers, payload: payload as Record<string, unknown> });
}

interface Report {
  valid: boolean;
  format: string;
  credential_type?: string;
  issuer?: { name: string; suite: string };
  claims?: Record<string, Record<string, unknown>>;
  status_value?: number;
  checks: { id: string; outcome: string; code?: string }[];
  cache: { stale: boolean };
}

const failedCheck = (report: Report) => report.checks.find((check) => check.outcome === 'failed');

/** Replaces one occurrence of `from` by `to` (same length) inside bytes. */
function replaceBytes(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const a = utf8Encode(from);
  const b = utf8Encode(to);
  expect(b.length).toBe(a.length);
  const out = new Uint8Array(bytes);
  for (let i = 0; i + a.length <= out.length; i++) {
    if (a.every((byte, j) => out[i + j] === byte)) {
      out.set(b, i);
      return out;
    }
  }
  throw new Error('pattern not found');
}

describe('POST /verify with valid presentations', () => {
  it('verifies a ZZ1 offline QR and returns the disclosed claims, the issuer and every check', async () => {
    const response = await verify({ presentation: await qrPresentation(f.credentials, f.clock.now()) });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const report = response.json() as Report;
    expect(report.valid).toBe(true);
    expect(report.format).toBe('zz1-qr');
    expect(report.credential_type).toBe(TYPE);
    expect(report.claims?.[TYPE]?.full_name).toBe(PERSON.full_name);
    expect(report.issuer?.suite).toBe('ES256');
    expect(report.status_value).toBe(0);
    expect(report.cache).toEqual({ stale: false, status_age_seconds: 0 });
    expect(report.checks.map((c) => c.id)).toEqual(expect.arrayContaining(['issuer_signature', 'status', 'freshness']));
    expect(report.checks.every((c) => c.outcome !== 'failed')).toBe(true);
  });

  it('verifies an SD-JWT VC with its KB-JWT (nonce and audience) and shows only the disclosed claims', async () => {
    const presentation = await sdJwtPresentation(f.credentials, f.clock.now());
    const response = await verify({ presentation, nonce: NONCE, audience: AUDIENCE, expected_type: TYPE });
    expect(response.statusCode).toBe(200);
    const report = response.json() as Report;
    expect(report.valid).toBe(true);
    expect(report.format).toBe('sd-jwt-vc');
    expect(report.claims?.[TYPE]?.full_name).toBe(PERSON.full_name);
    expect(report.claims?.[TYPE]?.age_over_18).toBe(true);
    expect(report.claims?.[TYPE]).not.toHaveProperty('id_number');
    expect(report.checks.find((c) => c.id === 'device_binding')?.outcome).toBe('ok');
  });

  it('verifies an mdoc DeviceResponse (base64 and base64url) against its session transcript', async () => {
    const { deviceResponse, transcriptBase64 } = await mdocPresentation(f.credentials);
    for (const base64 of [encodeBase64(deviceResponse), encodeBase64url(deviceResponse)]) {
      const response = await verify({ presentation: { base64 }, session_transcript: { base64: transcriptBase64 } });
      expect(response.statusCode).toBe(200);
      const report = response.json() as Report;
      expect(report.valid).toBe(true);
      expect(report.format).toBe('mdoc-device-response');
      expect(report.claims?.[TYPE]).toEqual({ full_name: PERSON.full_name, age_over_18: true });
    }
  });
});

describe('POST /verify with presentations that must fail', () => {
  it('an SD-JWT with a tampered issuer signature fails issuer_signature and carries no claims', async () => {
    const presentation = await sdJwtPresentation(f.credentials, f.clock.now());
    const [jwt, ...rest] = presentation.split('~');
    const [h, p, s] = (jwt as string).split('.') as [string, string, string];
    const flipped = `${s.slice(0, 10)}${s[10] === 'A' ? 'B' : 'A'}${s.slice(11)}`;
    const tampered = [`${h}.${p}.${flipped}`, ...rest].join('~');
    const report = (await verify({ presentation: tampered, nonce: NONCE, audience: AUDIENCE })).json() as Report;
    expect(report.valid).toBe(false);
    expect(failedCheck(report)?.id).toBe('issuer_signature');
    expect(failedCheck(report)?.code).toMatch(/^ERR_(JWS_SIGNATURE_INVALID|CRYPTO_SIGNATURE_MALFORMED)$/);
    expect(report.claims).toBeUndefined();
  });

  it('an SD-JWT whose header says alg none is refused', async () => {
    const presentation = await sdJwtPresentation(f.credentials, f.clock.now());
    const [jwt, ...rest] = presentation.split('~');
    const [h, p, s] = (jwt as string).split('.') as [string, string, string];
    const header = JSON.parse(Buffer.from(h, 'base64url').toString());
    const none = Buffer.from(JSON.stringify({ ...header, alg: 'none' })).toString('base64url');
    const response = await verify({
      presentation: [`${none}.${p}.${s}`, ...rest].join('~'),
      nonce: NONCE,
      audience: AUDIENCE,
    });
    expect(response.statusCode).toBe(200);
    const report = response.json() as Report;
    expect(report.valid).toBe(false);
    expect(failedCheck(report)).toMatchObject({ id: 'issuer_signature', code: 'ERR_JWS_ALG_NOT_ALLOWED' });
  });

  it('an SD-JWT bound to another nonce or audience fails device_binding', async () => {
    for (const [nonce, audience] of [
      ['other-nonce-0123456789', AUDIENCE],
      [NONCE, 'https://evil.example'],
    ]) {
      const presentation = await sdJwtPresentation(f.credentials, f.clock.now());
      const report = (await verify({ presentation, nonce, audience })).json() as Report;
      expect(report.valid).toBe(false);
      expect(failedCheck(report)).toMatchObject({ id: 'device_binding', code: 'ERR_SDJWT_KB_INVALID' });
    }
  });

  it('an mdoc with a changed element value fails digests (ERR_MDOC_DIGEST_MISMATCH)', async () => {
    const { deviceResponse, transcriptBase64 } = await mdocPresentation(f.credentials);
    const tampered = replaceBytes(deviceResponse, PERSON.full_name as string, '陈小绿');
    const report = (
      await verify({
        presentation: { base64: encodeBase64(tampered) },
        session_transcript: { base64: transcriptBase64 },
      })
    ).json() as Report;
    expect(report.valid).toBe(false);
    expect(failedCheck(report)).toMatchObject({ id: 'digests', code: 'ERR_MDOC_DIGEST_MISMATCH' });
    expect(report.claims).toBeUndefined();
  });

  it('an mdoc verified against another session transcript fails device_binding', async () => {
    const { deviceResponse } = await mdocPresentation(f.credentials);
    const otherBase64 = encodeBase64(encodeCbor([null, null, ['OpenID4VPHandover', new Uint8Array(32)]] as never));
    const report = (
      await verify({
        presentation: { base64: encodeBase64(deviceResponse) },
        session_transcript: { base64: otherBase64 },
      })
    ).json() as Report;
    expect(report.valid).toBe(false);
    expect(failedCheck(report)?.id).toBe('device_binding');
  });

  it('a revoked credential fails status with ERR_STATUS_REVOKED (SD-JWT and mdoc)', async () => {
    const sd = await sdJwtPresentation(f.credentials, f.clock.now(), { sdJwt: f.credentials.revokedSdJwt });
    const sdReport = (await verify({ presentation: sd, nonce: NONCE, audience: AUDIENCE })).json() as Report;
    expect(sdReport.valid).toBe(false);
    expect(failedCheck(sdReport)).toMatchObject({ id: 'status', code: 'ERR_STATUS_REVOKED' });
    const mdoc = await mdocPresentation(f.credentials, f.credentials.revokedMdoc);
    const mdocReport = (
      await verify({
        presentation: { base64: encodeBase64(mdoc.deviceResponse) },
        session_transcript: { base64: mdoc.transcriptBase64 },
      })
    ).json() as Report;
    expect(failedCheck(mdocReport)).toMatchObject({ id: 'status', code: 'ERR_STATUS_REVOKED' });
  });

  it('a QR presented longer ago than the freshness window fails freshness', async () => {
    const presentation = await qrPresentation(f.credentials, new Date(f.clock.now().getTime() - 600_000));
    const report = (await verify({ presentation })).json() as Report;
    expect(report.valid).toBe(false);
    expect(failedCheck(report)).toMatchObject({ id: 'freshness', code: 'ERR_FRESHNESS_STALE' });
  });

  it('a bare IssuerSigned (no holder proof) is reported invalid with ERR_DEVICE_BINDING_MISSING', async () => {
    const response = await verify({ presentation: { base64: encodeBase64(f.credentials.mdoc) } });
    expect(response.statusCode).toBe(200);
    const report = response.json() as Report;
    expect(report.valid).toBe(false);
    expect(report.format).toBe('mdoc-issuer-signed');
    expect(failedCheck(report)).toMatchObject({ id: 'device_binding', code: 'ERR_DEVICE_BINDING_MISSING' });
    expect(report.claims).toBeUndefined();
  });

  it('a wrong expected_type fails doc_type', async () => {
    const presentation = await sdJwtPresentation(f.credentials, f.clock.now());
    const report = (
      await verify({ presentation, nonce: NONCE, audience: AUDIENCE, expected_type: 'cn.gov.mdl.1' })
    ).json() as Report;
    expect(report.valid).toBe(false);
    expect(failedCheck(report)?.code).toMatch(/^ERR_(SDJWT_VCT_MISMATCH|DOCTYPE_UNEXPECTED)$/);
  });
});

describe('POST /verify bad input → problem details', () => {
  const problem = (response: Awaited<ReturnType<typeof verify>>) => {
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    return response.json() as { status: number; code: string; errors?: { pointer: string }[] };
  };

  it('400 ERR_INPUT_INVALID for wrong types, missing or unknown members', async () => {
    for (const payload of [
      { presentation: 42 },
      { presentation: ['ZZ1:'] },
      { presentation: { base64: 7 } },
      { presentation: { hex: 'abcd' } },
      {},
      { presentation: 'ZZ1:ABC', extra: true },
      { presentation: 'ZZ1:ABC', nonce: 5 },
      { presentation: '' },
    ]) {
      const response = await verify(payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(problem(response).code).toBe('ERR_INPUT_INVALID');
    }
    const wrongType = problem(await verify({ presentation: 'x', expected_type: 12 }));
    expect(wrongType.errors?.[0]?.pointer).toBe('/expected_type');
  });

  it('400 with the decoding code for undecodable presentations', async () => {
    const cases: [unknown, RegExp][] = [
      [{ presentation: 'hello, verifier' }, /^ERR_FORMAT_UNKNOWN$/],
      [{ presentation: { base64: '!!!not base64!!!' } }, /^ERR_ENCODING_BASE64(URL)?$/],
      [
        { presentation: { base64: encodeBase64(new Uint8Array([0xa1, 0x01])) } },
        /^ERR_(FORMAT_UNKNOWN|CBOR_MALFORMED)$/,
      ],
      [{ presentation: 'ZZ1:%%%%' }, /^ERR_(ENCODING_BASE45|QR_MALFORMED)$/],
      [{ presentation: 'ZZ1:' }, /^ERR_(ENCODING_BASE45|QR_MALFORMED|COMPRESSION_MALFORMED|INPUT_INVALID)$/],
    ];
    for (const [payload, code] of cases) {
      const response = await verify(payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(problem(response).code).toMatch(code);
    }
  });

  it('400 for a truncated DeviceResponse, an SD-JWT without nonce/audience, a DeviceResponse without transcript', async () => {
    const { deviceResponse, transcriptBase64 } = await mdocPresentation(f.credentials);
    const truncated = await verify({
      presentation: { base64: encodeBase64(deviceResponse.slice(0, deviceResponse.length - 40)) },
      session_transcript: { base64: transcriptBase64 },
    });
    expect(truncated.statusCode).toBe(400);
    expect(problem(truncated).code).toMatch(/^ERR_(CBOR_MALFORMED|FORMAT_UNKNOWN|MDOC_MALFORMED)$/);
    const sd = await sdJwtPresentation(f.credentials, f.clock.now());
    expect(problem(await verify({ presentation: sd, nonce: NONCE })).code).toBe('ERR_INPUT_INVALID');
    expect(problem(await verify({ presentation: { base64: encodeBase64(deviceResponse) } })).code).toBe(
      'ERR_INPUT_INVALID',
    );
    const badTranscript = await verify({
      presentation: { base64: encodeBase64(deviceResponse) },
      session_transcript: { base64: encodeBase64(new Uint8Array([0x82, 0xf6, 0xf6])) },
    });
    expect(problem(badTranscript).code).toBe('ERR_INPUT_INVALID');
  });

  it('400 ERR_ENCODING_JSON for malformed JSON, 415 for other media types', async () => {
    const malformed = await f.app.inject({
      method: 'POST',
      url: '/verify',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: '{"presentation": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(problem(malformed).code).toBe('ERR_ENCODING_JSON');
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/cbor']) {
      const response = await f.app.inject({
        method: 'POST',
        url: '/verify',
        headers: { ...auth, 'content-type': type },
        payload: 'presentation=ZZ1:ABC',
      });
      expect(response.statusCode, type).toBe(415);
      expect(problem(response).code).toBe('ERR_HTTP_UNSUPPORTED_MEDIA_TYPE');
    }
  });

  it('413 ERR_INPUT_TOO_LARGE for a body over the limit and for an over-long presentation', async () => {
    const huge = await f.app.inject({
      method: 'POST',
      url: '/verify',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: JSON.stringify({ presentation: `ZZ1:${'A'.repeat(1100 * 1024)}` }),
    });
    expect(huge.statusCode).toBe(413);
    expect(problem(huge).code).toBe('ERR_INPUT_TOO_LARGE');
    const long = await verify({ presentation: `ZZ1:${'A'.repeat(600 * 1024)}` });
    expect(long.statusCode).toBe(413);
    expect(problem(long).code).toBe('ERR_INPUT_TOO_LARGE');
  });

  it('404 problem for an unknown route and GET /verify', async () => {
    const response = await f.app.inject({ method: 'GET', url: '/verify', headers: auth });
    expect(response.statusCode).toBe(404);
    expect(problem(response).code).toBe('ERR_HTTP_NOT_FOUND');
  });
});
