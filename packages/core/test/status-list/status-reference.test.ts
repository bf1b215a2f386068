import { describe, expect, it } from 'vitest';
import {
  createInMemoryStatusResolver,
  decodeCbor,
  fromHex,
  parseStatusReference,
  STATUS_INVALID,
  StatusList,
  statusCodeForValue,
} from '../../src/index.js';
import { codeOf, loadVectors } from './fixtures.js';

describe('parseStatusReference (draft §6)', () => {
  it('reads the JOSE status claim', () => {
    expect(parseStatusReference({ status_list: { idx: 0, uri: 'https://example.com/statuslists/1' } })).toEqual({
      idx: 0,
      uri: 'https://example.com/statuslists/1',
    });
  });

  it('reads CWT claim 65535 of the draft referenced-token example (a CBOR Map)', () => {
    const hex = loadVectors().token_examples['examples/referenced_token_cwt.md'] as string;
    const cose = decodeCbor(fromHex(hex)) as { value: unknown[] };
    const claims = decodeCbor(cose.value[2] as Uint8Array) as Map<number, unknown>;
    expect(parseStatusReference(claims.get(65535))).toEqual({ idx: 0, uri: 'https://example.com/statuslists/1' });
  });

  it('reads an mdoc MSO status map and ignores its certificate', () => {
    const status = new Map([
      [
        'status_list',
        new Map<string, unknown>([
          ['idx', 412],
          ['uri', 'https://status.example.cn/1'],
          ['certificate', new Uint8Array(3)],
        ]),
      ],
    ]);
    expect(parseStatusReference(status)).toEqual({ idx: 412, uri: 'https://status.example.cn/1' });
  });

  it('rejects wrong types strictly with ERR_STATUS_REFERENCE_MALFORMED', async () => {
    const bad: unknown[] = [
      null,
      'status',
      [],
      {},
      { status_list: null },
      { status_list: { idx: '1', uri: 'https://a/1' } },
      { status_list: { idx: 1.5, uri: 'https://a/1' } },
      { status_list: { idx: -1, uri: 'https://a/1' } },
      { status_list: { idx: 2 ** 53, uri: 'https://a/1' } },
      { status_list: { idx: 1n, uri: 'https://a/1' } },
      { status_list: { idx: 1 } },
      { status_list: { idx: 1, uri: '' } },
      { status_list: { idx: 1, uri: 'not a uri' } },
      { status_list: { idx: 1, uri: `https://a/${'x'.repeat(3000)}` } },
      { status_list: new Map([[1, 1]]) },
      new Map([['status_list', { idx: 1, uri: 42 }]]),
      { identifier_list: { id: 'x', uri: 'https://a/1' } },
      Object.create({ status_list: { idx: 1, uri: 'https://a/1' } }),
    ];
    for (const value of bad)
      expect(await codeOf(() => parseStatusReference(value))).toBe('ERR_STATUS_REFERENCE_MALFORMED');
  });
});

describe('statusCodeForValue (draft §7.1)', () => {
  it('maps values to codes, failing closed', () => {
    expect(statusCodeForValue(0)).toBeUndefined();
    expect(statusCodeForValue(1)).toBe('ERR_STATUS_REVOKED');
    expect(statusCodeForValue(2)).toBe('ERR_STATUS_SUSPENDED');
    for (const v of [3, 0x0c, 0x0f, 255, -1, 0.5, Number.NaN])
      expect(statusCodeForValue(v)).toBe('ERR_STATUS_UNKNOWN_VALUE');
  });
});

describe('createInMemoryStatusResolver', () => {
  it('answers from lists and sparse maps; unknown URIs are unavailable', async () => {
    const list = new StatusList(16, 2);
    list.set(3, STATUS_INVALID);
    const resolver = createInMemoryStatusResolver({ 'https://a/1': list, 'https://a/2': new Map([[7, 2]]) });
    const now = new Date(0);
    expect(await resolver.resolveStatus({ idx: 3, uri: 'https://a/1' }, { now })).toBe(STATUS_INVALID);
    expect(await resolver.resolveStatus({ idx: 7, uri: 'https://a/2' }, { now })).toBe(2);
    expect(await resolver.resolveStatus({ idx: 8, uri: 'https://a/2' }, { now })).toBe(0);
    expect(await codeOf(resolver.resolveStatus({ idx: 16, uri: 'https://a/1' }, { now }))).toBe(
      'ERR_STATUS_INDEX_OUT_OF_RANGE',
    );
    expect(await codeOf(resolver.resolveStatus({ idx: 0, uri: 'https://a/3' }, { now }))).toBe(
      'ERR_STATUS_UNAVAILABLE',
    );
    const fromMap = createInMemoryStatusResolver(new Map([['https://a/1', list]]));
    expect(await fromMap.resolveStatus({ idx: 3, uri: 'https://a/1' }, { now })).toBe(STATUS_INVALID);
  });
});
