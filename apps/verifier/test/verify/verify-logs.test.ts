import { encodeBase64 } from '@zhengzhao/core';
import { describe, expect, it } from 'vitest';
import { API_KEY, createFixture, PERSON } from '../helpers/fixture.js';
import { AUDIENCE, mdocPresentation, NONCE, qrPresentation, sdJwtPresentation } from '../helpers/presentations.js';
import { createSession, pollSession, postResponse, walletAnswer, walletReadRequest } from '../helpers/wallet.js';

/** Strings that must never appear in a log line: the person's data and the credentials. */
const FORBIDDEN = [
  PERSON.full_name,
  PERSON.given_name,
  PERSON.id_number,
  PERSON.resident_address,
  PERSON.birth_date,
  API_KEY,
] as string[];

describe('logs carry no personal data', () => {
  it('verifying every format and an OpenID4VP login logs requests but never names, ID numbers, keys or bytes', async () => {
    const f = await createFixture();
    const headers = { authorization: `Bearer ${API_KEY}` };
    const qr = await qrPresentation(f.credentials, f.clock.now());
    const sd = await sdJwtPresentation(f.credentials, f.clock.now());
    const mdoc = await mdocPresentation(f.credentials);
    const payloads = [
      { presentation: qr },
      { presentation: sd, nonce: NONCE, audience: AUDIENCE },
      {
        presentation: { base64: encodeBase64(mdoc.deviceResponse) },
        session_transcript: { base64: mdoc.transcriptBase64 },
      },
      { presentation: `${qr.slice(0, 40)}` },
      { presentation: sd.replace(/\.[^.~]+~/, '.AAAA~'), nonce: NONCE, audience: AUDIENCE },
    ];
    const bodies: string[] = [];
    for (const payload of payloads) {
      const response = await f.app.inject({ method: 'POST', url: '/verify', headers, payload });
      bodies.push(response.body);
    }
    // the full report reached the caller (so the data was there to leak)
    expect(bodies[0]).toContain(PERSON.id_number);
    expect(bodies[1]).toContain(PERSON.full_name);

    const session = await createSession(f, { purpose: 'identity_basic' });
    const request = await walletReadRequest(f, session.authorization_request);
    const answer = await walletAnswer(f, request);
    expect((await postResponse(f, answer.uri, answer.body)).statusCode).toBe(200);
    const poll = await pollSession(f, session.session_id);
    expect(poll.body).toContain(PERSON.id_number);

    const log = f.logs.join('\n');
    expect(f.logs.length).toBeGreaterThan(8);
    expect(log).toContain('"route":"/verify"');
    expect(log).toContain('"integration":"hotel-1"');
    for (const secret of FORBIDDEN) expect(log).not.toContain(secret);
    for (const credential of [qr.slice(4, 60), sd.slice(0, 60), session.session_id])
      expect(log).not.toContain(credential);
    await f.app.close();
  });
});
