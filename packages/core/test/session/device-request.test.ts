import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CborValue,
  createDeviceRequest,
  createSessionTranscript,
  decodeCbor,
  embedCbor,
  encodeCbor,
  fromHex,
  isZzError,
  type Platform,
  parseDeviceRequest,
  readerAuthenticationBytes,
  type Tag,
  toHex,
} from '../../src/index.js';
import { createHolder, createTestReader, DOC_TYPE, expectCode, NOW, NS, PLATFORMS } from './session-fixtures.js';

const transcript = createSessionTranscript(fromHex('a10063312e30'), fromHex('a20102'));
const otherTranscript = createSessionTranscript(fromHex('a10063312e31'), fromHex('a20102'));
const nameSpaces = { [NS]: { family_name: false, portrait: true } };

describe.each(PLATFORMS)('DeviceRequest with reader authentication on %s', (_, platform: Platform) => {
  it('creates the §8.3.2.1.2.1 structure and verifies the reader (§9.1.4)', async () => {
    const reader = await createTestReader(platform);
    const bytes = await createDeviceRequest({
      docType: DOC_TYPE,
      nameSpaces,
      sessionTranscript: transcript,
      readerSigner: reader.signer,
      readerCertificateChain: reader.chain,
    });
    const raw = decodeCbor(bytes) as Map<string, unknown>;
    expect(raw.get('version')).toBe('1.0');
    const docRequest = (raw.get('docRequests') as Map<string, unknown>[])[0] as Map<string, unknown>;
    expect((docRequest.get('itemsRequest') as Tag).tag).toBe(24);
    const readerAuth = docRequest.get('readerAuth') as unknown[];
    expect(readerAuth).toHaveLength(4);
    expect(readerAuth[2]).toBeNull(); // detached
    expect(toHex((readerAuth[1] as Map<number, Uint8Array>).get(33) as Uint8Array)).toBe(
      toHex(reader.chain[0] as Uint8Array),
    );

    const parsed = await parseDeviceRequest(platform, bytes, {
      sessionTranscript: transcript,
      trust: reader.trust,
      now: NOW,
    });
    expect(parsed.version).toBe('1.0');
    const [request] = parsed.docRequests;
    expect(request?.docType).toBe(DOC_TYPE);
    expect(request?.nameSpaces).toEqual(nameSpaces);
    expect(request?.readerAuth).toBe('verified');
    expect(request?.reader?.subject.display).toBe('CN=Hotel Reader,O=Hotel Reader Org,C=CN');
    expect(request?.reader?.resolution.publicKey.point).toEqual(reader.signer.publicKey.point);
    // ReaderAuthenticationBytes = #6.24(["ReaderAuthentication", transcript, #6.24(items)])
    const auth = decodeCbor(readerAuthenticationBytes(transcript, request?.itemsRequestBytes as Uint8Array)) as Tag;
    const inner = decodeCbor(auth.value as Uint8Array) as unknown[];
    expect(inner[0]).toBe('ReaderAuthentication');
    expect((inner[2] as Tag).tag).toBe(24);

    const unchecked = await parseDeviceRequest(platform, bytes, { sessionTranscript: transcript, now: NOW });
    expect(unchecked.docRequests[0]?.readerAuth).toBe('not-checked');
    expect(unchecked.docRequests[0]?.reader).toBeUndefined();
  });

  it('an unsigned request parses as readerAuth "absent", or fails when reader auth is required', async () => {
    const reader = await createTestReader(platform);
    const bytes = await createDeviceRequest({ docType: DOC_TYPE, nameSpaces, sessionTranscript: transcript });
    const parsed = await parseDeviceRequest(platform, bytes, {
      sessionTranscript: transcript,
      trust: reader.trust,
      now: NOW,
    });
    expect(parsed.docRequests[0]?.readerAuth).toBe('absent');
    await expectCode(
      () =>
        parseDeviceRequest(platform, bytes, {
          sessionTranscript: transcript,
          trust: reader.trust,
          now: NOW,
          requireReaderAuth: true,
        }),
      'ERR_SESSION_READER_AUTH_MISSING',
    );
  });

  it('wrong signature, other transcript, changed items → ERR_SESSION_READER_AUTH_INVALID', async () => {
    const reader = await createTestReader(platform);
    const impostor = await platform.suite('ES256').generateSigner();
    const options = { sessionTranscript: transcript, trust: reader.trust, now: NOW };
    const forged = await createDeviceRequest({
      docType: DOC_TYPE,
      nameSpaces,
      sessionTranscript: transcript,
      readerSigner: impostor,
      readerCertificateChain: reader.chain,
    });
    await expectCode(() => parseDeviceRequest(platform, forged, options), 'ERR_SESSION_READER_AUTH_INVALID');
    const genuine = await createDeviceRequest({
      docType: DOC_TYPE,
      nameSpaces,
      sessionTranscript: transcript,
      readerSigner: reader.signer,
      readerCertificateChain: reader.chain,
    });
    await expectCode(
      () => parseDeviceRequest(platform, genuine, { ...options, sessionTranscript: otherTranscript }),
      'ERR_SESSION_READER_AUTH_INVALID',
    );
    // Swap in a larger ItemsRequest, keep the signature.
    const raw = decodeCbor(genuine) as Map<string, CborValue>;
    const docRequest = (raw.get('docRequests') as Map<string, CborValue>[])[0] as Map<string, CborValue>;
    docRequest.set(
      'itemsRequest',
      embedCbor(
        new Map<string, CborValue>([
          ['docType', DOC_TYPE],
          ['nameSpaces', { [NS]: { family_name: false, address: false } }],
        ]),
      ),
    );
    await expectCode(() => parseDeviceRequest(platform, encodeCbor(raw), options), 'ERR_SESSION_READER_AUTH_INVALID');
  });

  it('an untrusted reader, an issuer DS certificate or no x5chain → typed trust errors', async () => {
    const reader = await createTestReader(platform);
    const stranger = await createTestReader(platform, 'Stranger');
    const options = { sessionTranscript: transcript, trust: reader.trust, now: NOW };
    const untrusted = await createDeviceRequest({
      docType: DOC_TYPE,
      nameSpaces,
      sessionTranscript: transcript,
      readerSigner: stranger.signer,
      readerCertificateChain: stranger.chain,
    });
    await expectCode(() => parseDeviceRequest(platform, untrusted, options), 'ERR_TRUST_UNTRUSTED_ROOT');
    // A document-signer certificate lacks id-mdlReaderAuth.
    const { authority } = await createHolder(platform);
    const dsAsReader = await createDeviceRequest({
      docType: DOC_TYPE,
      nameSpaces,
      sessionTranscript: transcript,
      readerSigner: authority.documentSigner.signer,
      readerCertificateChain: authority.chain,
    });
    await expectCode(
      () => parseDeviceRequest(platform, dsAsReader, { ...options, trust: authority.trustSource }),
      'ERR_TRUST_KEY_USAGE',
    );
    // Expired at `now`.
    await expectCode(
      () =>
        parseDeviceRequest(platform, untrusted, {
          ...options,
          trust: stranger.trust,
          now: new Date('2030-01-01T00:00:00Z'),
        }),
      'ERR_TRUST_CERT_EXPIRED',
    );
    const raw = decodeCbor(untrusted) as Map<string, CborValue>;
    const docRequest = (raw.get('docRequests') as Map<string, CborValue>[])[0] as Map<string, CborValue>;
    const readerAuth = docRequest.get('readerAuth') as CborValue[];
    docRequest.set('readerAuth', [readerAuth[0] as CborValue, new Map(), null, readerAuth[3] as CborValue]);
    await expectCode(() => parseDeviceRequest(platform, encodeCbor(raw), options), 'ERR_TRUST_CHAIN_MISSING');
  });
});

describe('DeviceRequest input validation', () => {
  const [, platform] = PLATFORMS[0] as (typeof PLATFORMS)[number];

  it('createDeviceRequest refuses bad options', async () => {
    const reader = await createTestReader(platform);
    const base = { docType: DOC_TYPE, nameSpaces, sessionTranscript: transcript };
    for (const options of [
      { ...base, docType: '' },
      { ...base, nameSpaces: {} },
      { ...base, nameSpaces: { [NS]: {} } },
      { ...base, nameSpaces: { [NS]: { x: 'yes' } } },
      { ...base, sessionTranscript: 'x' },
      { ...base, readerSigner: reader.signer },
      { ...base, readerCertificateChain: reader.chain },
    ]) {
      await expectCode(() => createDeviceRequest(options as never), 'ERR_INPUT_INVALID');
    }
  });

  it('parseDeviceRequest refuses malformed structures with ERR_SESSION_REQUEST_MALFORMED', async () => {
    const items = embedCbor(
      new Map<string, CborValue>([
        ['docType', DOC_TYPE],
        ['nameSpaces', nameSpaces],
      ]),
    );
    const bad: CborValue[] = [
      new Map([['version', '1.0']]),
      new Map<string, CborValue>([
        ['version', '2.0'],
        ['docRequests', [new Map([['itemsRequest', items]])]],
      ]),
      new Map<string, CborValue>([
        ['version', '1.0'],
        ['docRequests', []],
      ]),
      new Map<string, CborValue>([
        ['version', '1.0'],
        ['docRequests', [new Map([['itemsRequest', encodeCbor(1)]])]],
      ]),
      new Map<string, CborValue>([
        ['version', '1.0'],
        ['docRequests', [new Map([['itemsRequest', embedCbor(new Map([['docType', DOC_TYPE]]))]])]],
      ]),
      new Map<string, CborValue>([
        ['version', '1.0'],
        [
          'docRequests',
          [
            new Map([
              [
                'itemsRequest',
                embedCbor(
                  new Map<string, CborValue>([
                    ['docType', DOC_TYPE],
                    ['nameSpaces', { [NS]: { a: 1 } }],
                  ]),
                ),
              ],
            ]),
          ],
        ],
      ]),
      new Map<string, CborValue>([
        ['version', '1.0'],
        [
          'docRequests',
          [
            new Map<string, CborValue>([
              ['itemsRequest', items],
              ['readerAuth', [new Uint8Array(0), new Map(), new Uint8Array(1), new Uint8Array(64)]],
            ]),
          ],
        ],
      ]),
      new Map<string, CborValue>([
        ['version', '1.0'],
        [
          'docRequests',
          [
            new Map<string, CborValue>([
              ['itemsRequest', items],
              ['readerAuth', 5],
            ]),
          ],
        ],
      ]),
    ];
    for (const value of bad) {
      await expectCode(
        () => parseDeviceRequest(platform, encodeCbor(value), { sessionTranscript: transcript, now: NOW }),
        'ERR_SESSION_REQUEST_MALFORMED',
      );
    }
    await expectCode(
      () => parseDeviceRequest(platform, encodeCbor(1), { sessionTranscript: 'x' as never, now: NOW }),
      'ERR_INPUT_INVALID',
    );
  });

  it('property: random bytes, truncations and bit flips end in a ZzError', async () => {
    const reader = await createTestReader(platform);
    const good = await createDeviceRequest({
      docType: DOC_TYPE,
      nameSpaces,
      sessionTranscript: transcript,
      readerSigner: reader.signer,
      readerCertificateChain: reader.chain,
    });
    const options = { sessionTranscript: transcript, trust: reader.trust, now: NOW };
    const typed = async (bytes: Uint8Array) => {
      try {
        await parseDeviceRequest(platform, bytes, options);
        return true;
      } catch (error) {
        return isZzError(error);
      }
    };
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), typed), { numRuns: 200 });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: good.length - 1 }), (cut) => typed(good.subarray(0, cut))),
      { numRuns: 100 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: good.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (at, flip) => {
          const bytes = new Uint8Array(good);
          bytes[at] = (bytes[at] as number) ^ flip;
          return typed(bytes);
        },
      ),
      { numRuns: 200 },
    );
  });
});
