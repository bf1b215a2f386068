import { createHmac } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  type CborValue,
  COSE_HEADER,
  decodeCbor,
  decodeCoseSign1,
  encodeCbor,
  encodeCoseSign1,
  fromHex,
  issueStatusListCwt,
  type Signer,
  STATUS_INVALID,
  StatusList,
  signCoseSign1,
  sigStructure1,
  Tag,
  toHex,
  verifyStatusListCwt,
} from '../../src/index.js';
import {
  codeOf,
  DRAFT_EXAMPLE_KEY,
  DRAFT_NOW,
  FAKE_DS_CERT,
  FAKE_KID,
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
const TYP = 'application/statuslist+cwt';

function claims(overrides: Map<number, CborValue | undefined> = new Map()): Map<number, CborValue> {
  const map = new Map<number, CborValue>([
    [2, LIST_URI],
    [6, 1740800000],
    [4, 1740900000],
    [65534, 600],
    [
      65533,
      new Map<CborValue, CborValue>([
        ['bits', 1],
        ['lst', new Uint8Array(deflateSync(new Uint8Array([0xb9, 0xa3])))],
      ]),
    ],
  ]);
  for (const [key, value] of overrides) {
    if (value === undefined) map.delete(key);
    else map.set(key, value);
  }
  return map;
}

async function craft(
  signer: Signer,
  payload: CborValue,
  options: { protected?: Map<number, CborValue>; unprotected?: Map<number, CborValue>; tagged?: boolean } = {},
): Promise<Uint8Array> {
  const message = await signCoseSign1(signer, {
    payload: encodeCbor(payload),
    protectedHeaders: options.protected ?? new Map([[COSE_HEADER.typ, TYP]]),
    unprotectedHeaders: options.unprotected ?? new Map(),
  });
  return encodeCoseSign1(message, { tagged: options.tagged ?? true });
}

describe('status list CWT (draft §5.2)', () => {
  it('verifies the draft example token with the draft key', async () => {
    const token = fromHex(loadVectors().token_examples['examples/status_list_cwt.md'] as string);
    const result = await verifyStatusListCwt(platform, token, {
      trust: { publicKey: DRAFT_EXAMPLE_KEY },
      expectedUri: 'https://example.com/statuslists/1',
      now: DRAFT_NOW,
    });
    expect(result.bits).toBe(1);
    expect(result.ttl).toBe(43200);
    expect(toHex(result.list.bytes)).toBe('b9a3');
    expect(result.exp?.getTime()).toBe(2291720170 * 1000);
  });

  it('round-trips an ES256 token: tag 18, protected {1, 16}, x5chain unprotected, claims map', async () => {
    const signer = await newSigner();
    const list = new StatusList(100, 2);
    list.set(42, STATUS_INVALID);
    const token = await issueStatusListCwt(platform, signer, {
      uri: LIST_URI,
      list,
      issuedAt: IAT,
      expiresAt: EXP,
      ttlSeconds: 600,
      certificateChain: [FAKE_DS_CERT],
    });
    expect(toHex(token.subarray(0, 2))).toBe('d284'); // tag 18, array(4)
    const message = decodeCoseSign1(token);
    expect(toHex(message.protectedBytes)).toBe(
      toHex(
        encodeCbor(
          new Map<number, CborValue>([
            [1, -7],
            [16, TYP],
          ]),
        ),
      ),
    );
    expect(message.unprotectedHeaders.get(33)).toEqual(FAKE_DS_CERT);
    const payload = decodeCbor(message.payload as Uint8Array) as Map<number, unknown>;
    expect([...payload.keys()].sort((a, b) => a - b)).toEqual([2, 4, 6, 65533, 65534]);
    expect(payload.get(2)).toBe(LIST_URI);
    expect(payload.get(6)).toBe(IAT.getTime() / 1000);
    expect(payload.get(65534)).toBe(600);
    expect((payload.get(65533) as Map<string, unknown>).get('lst')).toBeInstanceOf(Uint8Array);

    const result = await verifyStatusListCwt(platform, token, {
      trust: fakeTrust(signer.publicKey),
      expectedUri: LIST_URI,
      now: NOW,
    });
    expect(result.issuer?.name).toBe('CN=Test DS');
    expect(result.list.get(42)).toBe(STATUS_INVALID);
    expect(result.list.get(41)).toBe(0);
  });

  it('puts a longer chain in x5chain as an array, and resolves a bstr kid through the trust source', async () => {
    const signer = await newSigner();
    const chained = await issueStatusListCwt(platform, signer, {
      uri: LIST_URI,
      list: new StatusList(8, 1),
      issuedAt: IAT,
      certificateChain: [FAKE_DS_CERT, FAKE_ROOT_CERT],
    });
    expect(decodeCoseSign1(chained).unprotectedHeaders.get(33)).toEqual([FAKE_DS_CERT, FAKE_ROOT_CERT]);
    const trust = fakeTrust(signer.publicKey);
    expect(await codeOf(verifyStatusListCwt(platform, chained, { trust, expectedUri: LIST_URI, now: NOW }))).toBe(
      'resolved',
    );
    const byKid = await issueStatusListCwt(platform, signer, {
      uri: LIST_URI,
      list: new StatusList(8, 1),
      issuedAt: IAT,
      kid: FAKE_KID,
    });
    expect(await codeOf(verifyStatusListCwt(platform, byKid, { trust, expectedUri: LIST_URI, now: NOW }))).toBe(
      'resolved',
    );
    const neither = await issueStatusListCwt(platform, signer, {
      uri: LIST_URI,
      list: new StatusList(8, 1),
      issuedAt: IAT,
    });
    expect(await codeOf(verifyStatusListCwt(platform, neither, { trust, expectedUri: LIST_URI, now: NOW }))).toBe(
      'ERR_TRUST_CHAIN_MISSING',
    );
  });

  describe('tampering', () => {
    const setup = async () => {
      const signer = await newSigner();
      const options = { trust: { publicKey: signer.publicKey }, expectedUri: LIST_URI, now: NOW };
      return { signer, options };
    };

    it('accepts the well-formed crafted token (baseline)', async () => {
      const { signer, options } = await setup();
      const result = await verifyStatusListCwt(platform, await craft(signer, claims()), options);
      expect(result.list.get(0)).toBe(1);
      expect(result.ttl).toBe(600);
    });

    it('a changed signature or payload → ERR_COSE_SIGNATURE_INVALID', async () => {
      const { signer, options } = await setup();
      const token = await craft(signer, claims());
      const flipped = new Uint8Array(token);
      flipped[flipped.length - 1] = (flipped[flipped.length - 1] as number) ^ 1;
      expect(await codeOf(verifyStatusListCwt(platform, flipped, options))).toBe('ERR_COSE_SIGNATURE_INVALID');
      const message = decodeCoseSign1(token);
      const swapped = encodeCoseSign1(
        { ...message, payload: encodeCbor(claims(new Map([[65534, 601]]))) },
        { tagged: true },
      );
      expect(await codeOf(verifyStatusListCwt(platform, swapped, options))).toBe('ERR_COSE_SIGNATURE_INVALID');
    });

    it('sub mismatch → ERR_STATUS_LIST_URI_MISMATCH; expired → ERR_STATUS_LIST_EXPIRED', async () => {
      const { signer, options } = await setup();
      const other = await craft(signer, claims(new Map([[2, `${LIST_URI}0`]])));
      expect(await codeOf(verifyStatusListCwt(platform, other, options))).toBe('ERR_STATUS_LIST_URI_MISMATCH');
      const token = await craft(signer, claims());
      expect(await codeOf(verifyStatusListCwt(platform, token, { ...options, now: new Date(1740900000 * 1000) }))).toBe(
        'ERR_STATUS_LIST_EXPIRED',
      );
    });

    it('wrong, missing or unprotected typ → ERR_STATUS_LIST_MALFORMED', async () => {
      const { signer, options } = await setup();
      const cases = [
        { protected: new Map<number, CborValue>([[16, 'application/cwt']]) },
        { protected: new Map<number, CborValue>() },
        { protected: new Map<number, CborValue>(), unprotected: new Map<number, CborValue>([[16, TYP]]) },
        { protected: new Map<number, CborValue>([[16, 61]]) },
      ];
      for (const headers of cases) {
        const token = await craft(signer, claims(), headers);
        expect(await codeOf(verifyStatusListCwt(platform, token, options))).toBe('ERR_STATUS_LIST_MALFORMED');
      }
    });

    it('untagged, CWT tag 61 or COSE_Mac0 tag 17 → ERR_STATUS_LIST_MALFORMED', async () => {
      const { signer, options } = await setup();
      const untagged = await craft(signer, claims(), { tagged: false });
      expect(await codeOf(verifyStatusListCwt(platform, untagged, options))).toBe('ERR_STATUS_LIST_MALFORMED');
      const inner = decodeCbor(await craft(signer, claims())) as Tag;
      const cwt61 = encodeCbor(new Tag(inner, 61));
      expect(await codeOf(verifyStatusListCwt(platform, cwt61, options))).toBe('ERR_STATUS_LIST_MALFORMED');
      const mac0 = encodeCbor(new Tag(inner.value as CborValue, 17));
      expect(await codeOf(verifyStatusListCwt(platform, mac0, options))).toBe('ERR_STATUS_LIST_MALFORMED');
    });

    it('HMAC (alg 5) keyed with the public key bytes → ERR_CRYPTO_UNSUPPORTED_ALG; alg unprotected only → ERR_COSE_ALG_MISMATCH', async () => {
      const { signer, options } = await setup();
      const protectedBytes = encodeCbor(
        new Map<number, CborValue>([
          [1, 5],
          [16, TYP],
        ]),
      );
      const payload = encodeCbor(claims());
      const tag = createHmac('sha256', signer.publicKey.point)
        .update(sigStructure1(protectedBytes, new Uint8Array(0), payload))
        .digest();
      const hmac = encodeCbor(new Tag([protectedBytes, new Map(), payload, new Uint8Array(tag)], 18));
      expect(await codeOf(verifyStatusListCwt(platform, hmac, options))).toBe('ERR_CRYPTO_UNSUPPORTED_ALG');
      const noAlg = encodeCbor(
        new Tag([encodeCbor(new Map([[16, TYP]])), new Map([[1, -7]]), payload, new Uint8Array(64)], 18),
      );
      expect(await codeOf(verifyStatusListCwt(platform, noAlg, options))).toBe('ERR_COSE_ALG_MISMATCH');
    });

    it('bits = 3, lst as text, missing claims → ERR_STATUS_LIST_MALFORMED', async () => {
      const { signer, options } = await setup();
      const lst = new Uint8Array(deflateSync(new Uint8Array([1])));
      const variants: Map<number, CborValue | undefined>[] = [
        new Map([
          [
            65533,
            new Map<CborValue, CborValue>([
              ['bits', 3],
              ['lst', lst],
            ]),
          ],
        ]),
        new Map([
          [
            65533,
            new Map<CborValue, CborValue>([
              ['bits', 1],
              ['lst', 'eNrbuRgAAhcBXQ'],
            ]),
          ],
        ]),
        new Map([
          [
            65533,
            new Map<CborValue, CborValue>([
              [1, 1],
              [2, lst],
            ]),
          ],
        ]),
        new Map([[65533, [1, lst]]]),
        new Map([[65533, undefined]]),
        new Map([[2, undefined]]),
        new Map([[6, undefined]]),
        new Map([[6, '2025-03-01']]),
        new Map([[65534, -5]]),
      ];
      for (const variant of variants) {
        const token = await craft(signer, claims(variant));
        expect(await codeOf(verifyStatusListCwt(platform, token, options))).toBe('ERR_STATUS_LIST_MALFORMED');
      }
      const notMap = await craft(signer, [1, 2]);
      expect(await codeOf(verifyStatusListCwt(platform, notMap, options))).toBe('ERR_STATUS_LIST_MALFORMED');
    });

    it('lst a zip bomb → ERR_COMPRESSION_LIMIT', async () => {
      const { signer, options } = await setup();
      const bomb = new Uint8Array(deflateSync(new Uint8Array(64 * 1024 * 1024), { level: 9 }));
      const token = await craft(
        signer,
        claims(
          new Map([
            [
              65533,
              new Map<CborValue, CborValue>([
                ['bits', 2],
                ['lst', bomb],
              ]),
            ],
          ]),
        ),
      );
      expect(await codeOf(verifyStatusListCwt(platform, token, options))).toBe('ERR_COMPRESSION_LIMIT');
    });

    it('non-CBOR and oversized tokens fail typed', async () => {
      const { options } = await setup();
      expect(await codeOf(verifyStatusListCwt(platform, new Uint8Array([0xd2, 0x84, 0x40]), options))).toBe(
        'ERR_STATUS_LIST_MALFORMED',
      );
      expect(
        await codeOf(verifyStatusListCwt(platform, new Uint8Array(2048), { ...options, maxTokenBytes: 1024 })),
      ).toBe('ERR_INPUT_TOO_LARGE');
      expect(await codeOf(verifyStatusListCwt(platform, 'd284' as unknown as Uint8Array, options))).toBe(
        'ERR_INPUT_INVALID',
      );
    });
  });
});
