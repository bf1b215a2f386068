import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createKeyBindingJwt,
  createSdJwtDisclosure,
  decodeBase64url,
  decodeSdJwt,
  decodeSdJwtDisclosure,
  encodeBase64url,
  type JsonObject,
  type Signer,
  signJwsCompact,
  utf8Decode,
  utf8Encode,
  verifySdJwtVc,
} from '../../src/index.js';
import {
  AUDIENCE,
  createFixture,
  FAKE_DER,
  type Fixture,
  failedCheck,
  fixedTrust,
  NONCE,
  NOW,
  platform,
  VCT,
} from './fixtures.js';

const b64json = (value: unknown): string => encodeBase64url(utf8Encode(JSON.stringify(value)));
const sha256 = async (text: string): Promise<string> =>
  encodeBase64url(await platform.digest('SHA-256', utf8Encode(text)));

/** Appends a KB-JWT over `JWT~D…~` (no checks, unlike presentSdJwtVc). */
async function withKb(
  holder: Signer,
  sdJwt: string,
  overrides: { audience?: string; nonce?: string; now?: Date; sdHashInput?: string } = {},
): Promise<string> {
  const kb = await createKeyBindingJwt(platform, holder, {
    sdHashInput: overrides.sdHashInput ?? sdJwt,
    digestAlgorithm: 'SHA-256',
    audience: overrides.audience ?? AUDIENCE,
    nonce: overrides.nonce ?? NONCE,
    now: overrides.now ?? NOW,
  });
  return sdJwt + kb;
}

/** Re-signs the fixture's JWT with a changed payload (an issuer gone wrong), keeping or replacing disclosures. */
async function resign(
  fixture: Fixture,
  mutate: (payload: JsonObject) => void,
  disclosures?: readonly string[],
  header: Record<string, unknown> = { typ: 'dc+sd-jwt', x5c: [btoa(utf8Decode(FAKE_DER))] },
): Promise<string> {
  const decoded = decodeSdJwt(fixture.sdJwt);
  const payload = structuredClone(decoded.jwt.payload);
  mutate(payload);
  const jwt = await signJwsCompact(fixture.issuer, header, payload);
  return `${[jwt, ...(disclosures ?? decoded.disclosures)].join('~')}~`;
}

async function verify(fixture: Fixture, presentation: string, options: { expectedVct?: string } = {}) {
  return verifySdJwtVc(platform, presentation, {
    trust: fixture.trust,
    now: NOW,
    audience: AUDIENCE,
    nonce: NONCE,
    expectedVct: options.expectedVct ?? VCT,
  });
}

async function expectFailure(fixture: Fixture, presentation: string, id: string, code: string): Promise<void> {
  const report = await verify(fixture, presentation);
  expect(report.valid).toBe(false);
  expect(report.claims).toBeUndefined();
  expect(failedCheck(report)).toEqual({ id, code });
}

const fixture = await createFixture();
const full = decodeSdJwt(fixture.sdJwt);

describe('tamper matrix: each alteration fails its check with its code', () => {
  it('the untampered presentation is valid (control)', async () => {
    expect((await verify(fixture, await withKb(fixture.holder, fixture.sdJwt))).valid).toBe(true);
  });

  it.each(full.disclosures.map((_, i) => i))('disclosure %i with a changed value', async (index) => {
    const disclosure = decodeSdJwtDisclosure(full.disclosures[index] as string);
    const altered =
      disclosure.name === undefined
        ? b64json([disclosure.salt, 'XX'])
        : b64json([
            disclosure.salt,
            disclosure.name,
            typeof disclosure.value === 'string' ? `${disclosure.value}!` : 0,
          ]);
    const disclosures = full.disclosures.map((d, i) => (i === index ? altered : d));
    const sdJwt = `${[full.jwtText, ...disclosures].join('~')}~`;
    await expectFailure(fixture, await withKb(fixture.holder, sdJwt), 'digests', 'ERR_SDJWT_DISCLOSURE_INVALID');
  });

  it.each(full.disclosures.map((_, i) => i))('disclosure %i with a changed salt', async (index) => {
    const { salt, name, value } = decodeSdJwtDisclosure(full.disclosures[index] as string);
    const newSalt = `${salt.slice(0, -1)}${salt.endsWith('A') ? 'B' : 'A'}`;
    const altered = b64json(name === undefined ? [newSalt, value] : [newSalt, name, value]);
    const sdJwt = `${[full.jwtText, ...full.disclosures.map((d, i) => (i === index ? altered : d))].join('~')}~`;
    await expectFailure(fixture, await withKb(fixture.holder, sdJwt), 'digests', 'ERR_SDJWT_DISCLOSURE_INVALID');
  });

  it('a digest altered in the signed payload: signature fails; re-signed: its disclosure is unreferenced', async () => {
    const [header, payload, signature] = full.jwtText.split('.') as [string, string, string];
    const json = JSON.parse(utf8Decode(decodeBase64url(payload))) as { _sd: string[] };
    const first = json._sd[0] as string;
    json._sd[0] = `${first.slice(0, -1)}${first.endsWith('A') ? 'B' : 'A'}`;
    const unsigned = `${[`${header}.${b64json(json)}.${signature}`, ...full.disclosures].join('~')}~`;
    await expectFailure(
      fixture,
      await withKb(fixture.holder, unsigned),
      'issuer_signature',
      'ERR_JWS_SIGNATURE_INVALID',
    );
    // Re-signed: remove one real digest; its disclosure is then sent but referenced nowhere.
    const digests = await Promise.all(full.disclosures.map(sha256));
    const resigned = await resign(fixture, (p) => {
      p._sd = (p._sd as string[]).filter((d) => d !== digests[0]).concat(json._sd[0] as string);
    });
    await expectFailure(fixture, await withKb(fixture.holder, resigned), 'digests', 'ERR_SDJWT_DISCLOSURE_INVALID');
  });

  it('header altered (a member added, not re-signed)', async () => {
    const [, payload, signature] = full.jwtText.split('.') as [string, string, string];
    const header = b64json({ alg: 'ES256', typ: 'dc+sd-jwt', x5c: [btoa(utf8Decode(FAKE_DER))], kid: 'k' });
    const sdJwt = `${[`${header}.${payload}.${signature}`, ...full.disclosures].join('~')}~`;
    await expectFailure(fixture, await withKb(fixture.holder, sdJwt), 'issuer_signature', 'ERR_JWS_SIGNATURE_INVALID');
  });

  it('typ not dc+sd-jwt, even when signed', async () => {
    const sdJwt = await resign(fixture, () => {}, undefined, { typ: 'JWT', x5c: [btoa(utf8Decode(FAKE_DER))] });
    await expectFailure(fixture, await withKb(fixture.holder, sdJwt), 'issuer_signature', 'ERR_SDJWT_MALFORMED');
  });

  it('the pre-2024 typ vc+sd-jwt is still accepted', async () => {
    const sdJwt = await resign(fixture, () => {}, undefined, { typ: 'vc+sd-jwt', x5c: [btoa(utf8Decode(FAKE_DER))] });
    expect((await verify(fixture, await withKb(fixture.holder, sdJwt))).valid).toBe(true);
  });

  it('signature altered', async () => {
    const [header, payload, signature] = full.jwtText.split('.') as [string, string, string];
    const bytes = decodeBase64url(signature);
    bytes[10] = (bytes[10] as number) ^ 1;
    const sdJwt = `${[`${header}.${payload}.${encodeBase64url(bytes)}`, ...full.disclosures].join('~')}~`;
    await expectFailure(fixture, await withKb(fixture.holder, sdJwt), 'issuer_signature', 'ERR_JWS_SIGNATURE_INVALID');
  });

  const [, payloadPart] = full.jwtText.split('.') as [string, string];
  const x5c = [btoa(utf8Decode(FAKE_DER))];
  const withAlg = (alg: string, signature: (input: string) => Uint8Array): string => {
    const input = `${b64json({ alg, typ: 'dc+sd-jwt', x5c })}.${payloadPart}`;
    return `${[`${input}.${encodeBase64url(signature(input))}`, ...full.disclosures].join('~')}~`;
  };

  it('alg none', async () => {
    const sdJwt = withAlg('none', () => new Uint8Array(0));
    await expectFailure(fixture, await withKb(fixture.holder, sdJwt), 'issuer_signature', 'ERR_JWS_ALG_NOT_ALLOWED');
  });

  it('alg HS256 keyed with the issuer public key bytes', async () => {
    const sdJwt = withAlg(
      'HS256',
      (input) => new Uint8Array(createHmac('sha256', fixture.issuer.publicKey.point).update(input).digest()),
    );
    await expectFailure(fixture, await withKb(fixture.holder, sdJwt), 'issuer_signature', 'ERR_JWS_ALG_NOT_ALLOWED');
  });

  it('alg ES384 (a real P-384 signature)', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    const sdJwt = withAlg(
      'ES384',
      (input) => new Uint8Array(sign('sha384', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' })),
    );
    await expectFailure(fixture, await withKb(fixture.holder, sdJwt), 'issuer_signature', 'ERR_JWS_ALG_NOT_ALLOWED');
  });

  it('x5c replaced: by an unknown certificate (trust) or by a trusted one of another key (signature)', async () => {
    const unknown = await resign(fixture, () => {}, undefined, { typ: 'dc+sd-jwt', x5c: [btoa('other certificate')] });
    await expectFailure(fixture, await withKb(fixture.holder, unknown), 'trust_chain', 'ERR_TRUST_UNTRUSTED_ROOT');
    const other = await platform.suite('ES256').generateSigner();
    const report = await verifySdJwtVc(platform, await withKb(fixture.holder, fixture.sdJwt), {
      trust: fixedTrust(other.publicKey),
      now: NOW,
      audience: AUDIENCE,
      nonce: NONCE,
    });
    expect(failedCheck(report)).toEqual({ id: 'issuer_signature', code: 'ERR_JWS_SIGNATURE_INVALID' });
    const missing = await resign(fixture, () => {}, undefined, { typ: 'dc+sd-jwt' });
    await expectFailure(fixture, await withKb(fixture.holder, missing), 'trust_chain', 'ERR_TRUST_CHAIN_MISSING');
    const urlSafe = await resign(fixture, () => {}, undefined, { typ: 'dc+sd-jwt', x5c: ['-_-_'] });
    await expectFailure(fixture, await withKb(fixture.holder, urlSafe), 'trust_chain', 'ERR_JWS_MALFORMED');
  });

  it('expired, and nbf in the future', async () => {
    const expired = await createFixture({
      exp: new Date(NOW.getTime() - 3600_000),
      iat: new Date('2025-01-01T00:00:00Z'),
    });
    await expectFailure(expired, await withKb(expired.holder, expired.sdJwt), 'validity', 'ERR_VALIDITY_EXPIRED');
    const early = await createFixture({ nbf: new Date(NOW.getTime() + 3600_000) });
    await expectFailure(early, await withKb(early.holder, early.sdJwt), 'validity', 'ERR_VALIDITY_NOT_YET_VALID');
    const future = await createFixture({
      iat: new Date(NOW.getTime() + 3600_000),
      now: new Date(NOW.getTime() + 3600_000),
    });
    await expectFailure(future, await withKb(future.holder, future.sdJwt), 'validity', 'ERR_VALIDITY_NOT_YET_VALID');
  });

  it('wrong vct, and no vct', async () => {
    const report = await verify(fixture, await withKb(fixture.holder, fixture.sdJwt), {
      expectedVct: 'urn:cn:gov:mdl:1',
    });
    expect(failedCheck(report)).toEqual({ id: 'doc_type', code: 'ERR_SDJWT_VCT_MISMATCH' });
    const noVct = await resign(fixture, (p) => {
      delete p.vct;
    });
    await expectFailure(fixture, await withKb(fixture.holder, noVct), 'doc_type', 'ERR_SDJWT_VCT_MISMATCH');
  });

  it('KB missing', async () => {
    await expectFailure(fixture, fixture.sdJwt, 'device_binding', 'ERR_SDJWT_KB_MISSING');
  });

  it.each([
    ['wrong nonce', { nonce: 'other-nonce' }],
    ['wrong aud', { audience: 'x509_san_dns:evil.example' }],
    ['wrong sd_hash', { sdHashInput: `${full.jwtText}~` }],
    ['old iat', { now: new Date(NOW.getTime() - 301_000) }],
    ['iat in the future', { now: new Date(NOW.getTime() + 61_000) }],
  ] as const)('KB with %s', async (_, overrides) => {
    await expectFailure(
      fixture,
      await withKb(fixture.holder, fixture.sdJwt, overrides),
      'device_binding',
      'ERR_SDJWT_KB_INVALID',
    );
  });

  it('KB signed by another key, with wrong typ, or not a JWS', async () => {
    const other = await platform.suite('ES256').generateSigner();
    await expectFailure(fixture, await withKb(other, fixture.sdJwt), 'device_binding', 'ERR_SDJWT_KB_INVALID');
    const sdHash = await sha256(fixture.sdJwt);
    const claims = { iat: NOW.getTime() / 1000, aud: AUDIENCE, nonce: NONCE, sd_hash: sdHash };
    const wrongTyp = await signJwsCompact(fixture.holder, { typ: 'JWT' }, claims);
    await expectFailure(fixture, fixture.sdJwt + wrongTyp, 'device_binding', 'ERR_SDJWT_KB_INVALID');
    await expectFailure(fixture, `${fixture.sdJwt}a.b.c`, 'device_binding', 'ERR_SDJWT_KB_INVALID');
  });

  it('duplicate digest in _sd, and a digest in both _sd and an array element', async () => {
    const twice = await resign(fixture, (p) => {
      const sd = p._sd as string[];
      sd.push(sd[0] as string);
    });
    await expectFailure(fixture, await withKb(fixture.holder, twice), 'digests', 'ERR_SDJWT_DIGEST_DUPLICATE');
    const decoy = await sha256('a decoy');
    const across = await resign(fixture, (p) => {
      (p._sd as string[]).push(decoy);
      (p.nationalities as unknown[]).push({ '...': decoy });
    });
    await expectFailure(fixture, await withKb(fixture.holder, across), 'digests', 'ERR_SDJWT_DIGEST_DUPLICATE');
  });

  it('the same disclosure sent twice', async () => {
    const sdJwt = `${[full.jwtText, ...full.disclosures, full.disclosures[0]].join('~')}~`;
    await expectFailure(fixture, await withKb(fixture.holder, sdJwt), 'digests', 'ERR_SDJWT_DISCLOSURE_INVALID');
  });

  it.each([
    ['a disclosure named _sd', () => createSdJwtDisclosure(platform, '_sd', ['x'])],
    ['a disclosure named ...', () => createSdJwtDisclosure(platform, '...', 'x')],
    ['a name already present', () => createSdJwtDisclosure(platform, 'iss', 'https://evil.example')],
    ['_sd_alg by disclosure', () => createSdJwtDisclosure(platform, '_sd_alg', 'sha-256')],
    ['two elements in an object', () => createSdJwtDisclosure(platform, undefined, 'x')],
    ['a name appearing twice', () => full.disclosures[0] as string],
  ])('%s', async (_, make) => {
    const extra = make();
    const digest = await sha256(extra);
    const twice = extra === full.disclosures[0];
    const sdJwt = await resign(
      fixture,
      (p) => {
        if (twice) (p.address_copy as unknown) = { _sd: [digest] };
        else (p._sd as string[]).push(digest);
      },
      twice ? undefined : [...full.disclosures, extra],
    );
    const expected = twice ? 'ERR_SDJWT_DIGEST_DUPLICATE' : 'ERR_SDJWT_DISCLOSURE_INVALID';
    await expectFailure(fixture, await withKb(fixture.holder, sdJwt), 'digests', expected);
  });

  it('three elements in an array element', async () => {
    const extra = createSdJwtDisclosure(platform, 'name', 'x');
    const digest = await sha256(extra);
    const sdJwt = await resign(fixture, (p) => (p.nationalities as unknown[]).push({ '...': digest }), [
      ...full.disclosures,
      extra,
    ]);
    await expectFailure(fixture, await withKb(fixture.holder, sdJwt), 'digests', 'ERR_SDJWT_DISCLOSURE_INVALID');
  });

  it('an unsupported or malformed _sd_alg, and a malformed _sd', async () => {
    for (const value of ['md5', 'SHA-256', 42]) {
      const sdJwt = await resign(fixture, (p) => {
        p._sd_alg = value;
      });
      await expectFailure(fixture, await withKb(fixture.holder, sdJwt), 'digests', 'ERR_SDJWT_HASH_ALG');
    }
    const badSd = await resign(fixture, (p) => {
      p._sd = 'not-an-array';
    });
    await expectFailure(fixture, await withKb(fixture.holder, badSd), 'digests', 'ERR_SDJWT_MALFORMED');
  });

  it('unreadable input fails issuer_signature and skips every other check', async () => {
    for (const input of [
      '',
      '~',
      'a.b.c',
      `${full.jwtText}`,
      `${full.jwtText}~~`,
      `${full.jwtText}~D!~`,
      'x'.repeat(600_000),
    ]) {
      const report = await verify(fixture, input);
      expect(report.valid).toBe(false);
      expect(report.checks[0]).toMatchObject({ id: 'issuer_signature', outcome: 'failed' });
      expect(report.checks.slice(1).every((c) => c.outcome === 'skipped')).toBe(true);
      expect(report.checks).toHaveLength(7);
    }
  });
});

describe('x5c (RFC 7515 §4.1.6: standard base64 DER)', () => {
  it('round-trips DER of every length modulo 3 and refuses sloppy base64', async () => {
    for (const der of [
      utf8Encode('abc'),
      utf8Encode('abcd'),
      utf8Encode('abcde'),
      new Uint8Array([0xfb, 0xff, 0xfe]),
    ]) {
      const issued = await createFixture({ x5c: [der] });
      const trust = fixedTrust(issued.issuer.publicKey, der);
      const report = await verifySdJwtVc(platform, issued.sdJwt, { trust, now: NOW, requireKeyBinding: false });
      expect(report.valid).toBe(true);
      expect(decodeSdJwt(issued.sdJwt).jwt.header.x5c).toEqual([Buffer.from(der).toString('base64')]);
    }
    for (const entry of ['QQ', 'QQ=', 'QR==', 'Q===', 'QUJD=', 'QU=D', '+/8', '_-8A', '', 42]) {
      const sdJwt = await resign(fixture, () => {}, undefined, { typ: 'dc+sd-jwt', x5c: [entry] });
      await expectFailure(fixture, await withKb(fixture.holder, sdJwt), 'trust_chain', 'ERR_JWS_MALFORMED');
    }
    for (const x5c of [[], 'QUJD', new Array(11).fill('QUJD')]) {
      const sdJwt = await resign(fixture, () => {}, undefined, { typ: 'dc+sd-jwt', x5c });
      await expectFailure(fixture, await withKb(fixture.holder, sdJwt), 'trust_chain', 'ERR_JWS_MALFORMED');
    }
  });
});
