import { createHmac } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  decodeJwsCompact,
  encodeBase64url,
  issueStatusListJwt,
  type JsonObject,
  STATUS_INVALID,
  STATUS_SUSPENDED,
  StatusList,
  signJwsCompact,
  utf8Encode,
  verifyStatusListJwt,
} from '../../src/index.js';
import {
  codeOf,
  DRAFT_EXAMPLE_KEY,
  DRAFT_NOW,
  FAKE_DS_CERT,
  FAKE_ROOT_CERT,
  fakeTrust,
  LIST_URI,
  loadVectors,
  newSigner,
  platform,
} from './fixtures.js';

const NOW = new Date('2025-03-01T08:00:00Z');
const IAT = new Date('2025-03-01T07:00:00Z');
const EXP = new Date('2025-03-02T07:00:00Z');

function sampleList(): StatusList {
  const list = new StatusList(1000, 2);
  list.set(7, STATUS_INVALID);
  list.set(999, STATUS_SUSPENDED);
  return list;
}

const b64 = (json: unknown) => encodeBase64url(utf8Encode(JSON.stringify(json)));

describe('status list JWT (draft §5.1)', () => {
  it('verifies the draft example token with the draft key', async () => {
    const token = (loadVectors().token_examples['examples/status_list_jwt_raw.md'] as string).replace(/\s/g, '');
    const result = await verifyStatusListJwt(platform, token, {
      trust: { publicKey: DRAFT_EXAMPLE_KEY },
      expectedUri: 'https://example.com/statuslists/1',
      now: DRAFT_NOW,
    });
    expect(result.bits).toBe(1);
    expect(result.ttl).toBe(43200);
    expect(result.iat.getTime()).toBe(1686920170 * 1000);
    expect(result.exp?.getTime()).toBe(2291720170 * 1000);
    expect([0, 1, 2, 3].map((i) => result.list.get(i))).toEqual([1, 0, 0, 1]);
  });

  it('round-trips an ES256 token with x5c through a trust source', async () => {
    const signer = await newSigner();
    const token = await issueStatusListJwt(platform, signer, {
      uri: LIST_URI,
      list: sampleList(),
      issuedAt: IAT,
      expiresAt: EXP,
      ttlSeconds: 3600,
      certificateChain: [FAKE_DS_CERT, FAKE_ROOT_CERT],
    });
    const decoded = decodeJwsCompact(token);
    expect(decoded.header).toMatchObject({ alg: 'ES256', typ: 'statuslist+jwt' });
    // x5c is standard base64 with padding (RFC 7515 §4.1.6), not base64url.
    expect(decoded.header.x5c).toEqual([
      Buffer.from(FAKE_DS_CERT).toString('base64'),
      Buffer.from(FAKE_ROOT_CERT).toString('base64'),
    ]);
    expect(decoded.payload).toMatchObject({
      sub: LIST_URI,
      iat: IAT.getTime() / 1000,
      exp: EXP.getTime() / 1000,
      ttl: 3600,
    });
    expect((decoded.payload.status_list as JsonObject).lst).toMatch(/^[A-Za-z0-9_-]+$/);

    const trust = fakeTrust(signer.publicKey);
    const result = await verifyStatusListJwt(platform, token, { trust, expectedUri: LIST_URI, now: NOW });
    expect(trust.calls).toHaveLength(1);
    expect(result.issuer?.name).toBe('CN=Test DS');
    expect(result.list.get(7)).toBe(STATUS_INVALID);
    expect(result.list.get(999)).toBe(STATUS_SUSPENDED);
    expect(result.list.get(0)).toBe(0);
    expect(result.ttl).toBe(3600);
    expect(result.exp?.toISOString()).toBe(EXP.toISOString());
  });

  it('fails without a chain when only a trust source is given, and for an untrusted chain', async () => {
    const signer = await newSigner();
    const bare = await issueStatusListJwt(platform, signer, { uri: LIST_URI, list: sampleList(), issuedAt: IAT });
    const trust = fakeTrust(signer.publicKey);
    expect(await codeOf(verifyStatusListJwt(platform, bare, { trust, expectedUri: LIST_URI, now: NOW }))).toBe(
      'ERR_TRUST_CHAIN_MISSING',
    );
    const other = await issueStatusListJwt(platform, signer, {
      uri: LIST_URI,
      list: sampleList(),
      issuedAt: IAT,
      certificateChain: [FAKE_ROOT_CERT],
    });
    expect(await codeOf(verifyStatusListJwt(platform, other, { trust, expectedUri: LIST_URI, now: NOW }))).toBe(
      'ERR_TRUST_UNTRUSTED_ROOT',
    );
  });

  describe('tampering', () => {
    const setup = async () => {
      const signer = await newSigner();
      const options = { trust: { publicKey: signer.publicKey }, expectedUri: LIST_URI, now: NOW };
      const sign = (header: JsonObject, payload: JsonObject) => signJwsCompact(signer, header, payload);
      const lst = encodeBase64url(deflateSync(new Uint8Array([0xb9, 0xa3])));
      const payload = { sub: LIST_URI, iat: 1740800000, exp: 1740900000, status_list: { bits: 1, lst } };
      return { signer, options, sign, payload };
    };

    it('a changed signature → ERR_JWS_SIGNATURE_INVALID', async () => {
      const { signer, options } = await setup();
      const token = await issueStatusListJwt(platform, signer, { uri: LIST_URI, list: sampleList(), issuedAt: IAT });
      const [h, p, s] = token.split('.') as [string, string, string];
      const flipped = `${h}.${p}.${s.startsWith('A') ? `B${s.slice(1)}` : `A${s.slice(1)}`}`;
      expect(await codeOf(verifyStatusListJwt(platform, flipped, options))).toBe('ERR_JWS_SIGNATURE_INVALID');
      const otherPayload = `${h}.${b64({ sub: LIST_URI, iat: 1, status_list: { bits: 2, lst: 'eNoDAAAAAAE' } })}.${s}`;
      expect(await codeOf(verifyStatusListJwt(platform, otherPayload, options))).toBe('ERR_JWS_SIGNATURE_INVALID');
      const otherKey = (await newSigner()).publicKey;
      expect(await codeOf(verifyStatusListJwt(platform, token, { ...options, trust: { publicKey: otherKey } }))).toBe(
        'ERR_JWS_SIGNATURE_INVALID',
      );
    });

    it('sub ≠ the referenced URI (exact string) → ERR_STATUS_LIST_URI_MISMATCH', async () => {
      const { sign, payload, options } = await setup();
      const token = await sign({ typ: 'statuslist+jwt' }, payload);
      expect((await verifyStatusListJwt(platform, token, options)).list.get(0)).toBe(1);
      for (const uri of [
        `${LIST_URI}/`,
        LIST_URI.toUpperCase(),
        `${LIST_URI}?x=1`,
        'https://status.example.cn/lists/110000/2',
      ]) {
        expect(await codeOf(verifyStatusListJwt(platform, token, { ...options, expectedUri: uri }))).toBe(
          'ERR_STATUS_LIST_URI_MISMATCH',
        );
      }
    });

    it('expired → ERR_STATUS_LIST_EXPIRED (exp == now counts as expired)', async () => {
      const { sign, payload, options } = await setup();
      const token = await sign({ typ: 'statuslist+jwt' }, payload);
      const at = (s: number) => ({ ...options, now: new Date(s * 1000) });
      expect(await codeOf(verifyStatusListJwt(platform, token, at(1740899999)))).toBe('resolved');
      expect(await codeOf(verifyStatusListJwt(platform, token, at(1740900000)))).toBe('ERR_STATUS_LIST_EXPIRED');
      expect(await codeOf(verifyStatusListJwt(platform, token, at(1750000000)))).toBe('ERR_STATUS_LIST_EXPIRED');
    });

    it('wrong or missing typ → ERR_STATUS_LIST_MALFORMED', async () => {
      const { sign, payload, options } = await setup();
      for (const header of [{ typ: 'JWT' }, { typ: 'dc+sd-jwt' }, {}]) {
        const token = await sign(header, payload);
        expect(await codeOf(verifyStatusListJwt(platform, token, options))).toBe('ERR_STATUS_LIST_MALFORMED');
      }
      const full = await sign({ typ: 'application/statuslist+jwt' }, payload);
      expect(await codeOf(verifyStatusListJwt(platform, full, options))).toBe('resolved');
    });

    it('alg none → ERR_JWS_ALG_NOT_ALLOWED', async () => {
      const { payload, options } = await setup();
      const token = `${b64({ alg: 'none', typ: 'statuslist+jwt' })}.${b64(payload)}.`;
      expect(await codeOf(verifyStatusListJwt(platform, token, options))).toBe('ERR_JWS_ALG_NOT_ALLOWED');
    });

    it('HS256 keyed with the public key bytes → ERR_JWS_ALG_NOT_ALLOWED', async () => {
      const { signer, payload, options } = await setup();
      const input = `${b64({ alg: 'HS256', typ: 'statuslist+jwt' })}.${b64(payload)}`;
      for (const key of [signer.publicKey.point, utf8Encode(JSON.stringify(signer.publicKey.point))]) {
        const mac = createHmac('sha256', key).update(input).digest();
        const token = `${input}.${encodeBase64url(mac)}`;
        expect(await codeOf(verifyStatusListJwt(platform, token, options))).toBe('ERR_JWS_ALG_NOT_ALLOWED');
      }
    });

    it('bits = 3, a missing or non-object status_list, and a bad ttl/iat → ERR_STATUS_LIST_MALFORMED', async () => {
      const { sign, payload, options } = await setup();
      const variants: JsonObject[] = [
        { ...payload, status_list: { ...payload.status_list, bits: 3 } },
        { ...payload, status_list: { ...payload.status_list, bits: '1' } },
        { ...payload, status_list: undefined },
        { ...payload, status_list: [1] },
        { ...payload, status_list: { bits: 1 } },
        { ...payload, ttl: 0 },
        { ...payload, ttl: '60' },
        { ...payload, iat: undefined },
        { ...payload, iat: '2025-03-01' },
        { ...payload, exp: null },
        { ...payload, sub: 42 },
      ];
      for (const variant of variants) {
        const token = await sign({ typ: 'statuslist+jwt' }, variant);
        expect(await codeOf(verifyStatusListJwt(platform, token, options))).toBe('ERR_STATUS_LIST_MALFORMED');
      }
    });

    it('lst not base64url → ERR_STATUS_LIST_MALFORMED; lst not ZLIB → ERR_COMPRESSION_MALFORMED', async () => {
      const { sign, payload, options } = await setup();
      for (const lst of [
        'eNrbuRgAAhcBXQ==',
        'eNrb+RgAAhcBXQ',
        'eNrb/RgAAhcBXQ',
        'eNrb uRgAAhcBXQ',
        'eNrbuRgAAhcBXR',
        '',
      ]) {
        const token = await sign({ typ: 'statuslist+jwt' }, { ...payload, status_list: { bits: 1, lst } });
        expect(await codeOf(verifyStatusListJwt(platform, token, options))).toBe('ERR_STATUS_LIST_MALFORMED');
      }
      const raw = await sign({ typ: 'statuslist+jwt' }, { ...payload, status_list: { bits: 1, lst: 'AAECAw' } });
      expect(await codeOf(verifyStatusListJwt(platform, raw, options))).toBe('ERR_COMPRESSION_MALFORMED');
    });

    it('lst a zip bomb → ERR_COMPRESSION_LIMIT, within a small, bounded token', async () => {
      const { sign, payload, options } = await setup();
      const bomb = encodeBase64url(deflateSync(new Uint8Array(64 * 1024 * 1024), { level: 9 }));
      expect(bomb.length).toBeLessThan(128 * 1024);
      const token = await sign({ typ: 'statuslist+jwt' }, { ...payload, status_list: { bits: 2, lst: bomb } });
      expect(await codeOf(verifyStatusListJwt(platform, token, options))).toBe('ERR_COMPRESSION_LIMIT');
      expect(await codeOf(verifyStatusListJwt(platform, token, { ...options, maxBytes: 1 << 20 }))).toBe(
        'ERR_COMPRESSION_LIMIT',
      );
      expect(await codeOf(verifyStatusListJwt(platform, token, { ...options, maxTokenBytes: 1024 }))).toBe(
        'ERR_INPUT_TOO_LARGE',
      );
    });

    it('x5c in base64url, or not an array → ERR_JWS_MALFORMED', async () => {
      const { sign, payload, signer } = await setup();
      const trust = fakeTrust(signer.publicKey);
      const cert = new Uint8Array([0xfb, 0xff, 0xfe, 0x30]);
      for (const x5c of [
        [encodeBase64url(cert)],
        'MIIB',
        [],
        [Buffer.from(cert).toString('base64').replace(/=+$/, '')],
      ]) {
        const token = await sign({ typ: 'statuslist+jwt', x5c }, payload);
        expect(await codeOf(verifyStatusListJwt(platform, token, { trust, expectedUri: LIST_URI, now: NOW }))).toBe(
          'ERR_JWS_MALFORMED',
        );
      }
    });
  });

  it('validates issuance input', async () => {
    const signer = await newSigner();
    const base = { uri: LIST_URI, list: sampleList(), issuedAt: IAT };
    expect(await codeOf(issueStatusListJwt(platform, signer, { ...base, uri: '' }))).toBe('ERR_INPUT_INVALID');
    expect(await codeOf(issueStatusListJwt(platform, signer, { ...base, expiresAt: IAT }))).toBe('ERR_INPUT_INVALID');
    expect(await codeOf(issueStatusListJwt(platform, signer, { ...base, ttlSeconds: 1.5 }))).toBe('ERR_INPUT_INVALID');
    expect(await codeOf(issueStatusListJwt(platform, signer, { ...base, issuedAt: new Date(Number.NaN) }))).toBe(
      'ERR_INPUT_INVALID',
    );
    expect(await codeOf(issueStatusListJwt(platform, signer, { ...base, certificateChain: [] }))).toBe(
      'ERR_INPUT_INVALID',
    );
  });
});
