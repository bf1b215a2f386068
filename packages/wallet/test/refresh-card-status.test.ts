import { issueStatusListJwt, RESIDENT_ID_TYPE_ID, StatusList } from '@zhengzhao/core';
import { createTestAuthority } from '@zhengzhao/test-kit';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CardRecord, CopyRecord } from '../src/records/card-record.js';
import { cardRecordId, copyId } from '../src/records/card-record.js';
import { createSealedRecords, type SealedRecords } from '../src/records/sealed-records.js';
import { refreshCardStatus } from '../src/status/refresh-card-status.js';
import { createMemoryWalletStore, type MemoryWalletStore } from '../src/store/create-memory-wallet-store.js';
import { generateDataKey } from '../src/vault/data-key.js';
import { platform, storeContains } from './helpers.js';

const NOW = new Date('2026-11-27T10:00:00Z');
const URI = 'https://issuer.example.cn/status/7';

describe('refreshCardStatus: verified status lists, cached for offline', () => {
  let authority: Awaited<ReturnType<typeof createTestAuthority>>;
  let store: MemoryWalletStore;
  let records: SealedRecords;
  let served: string | undefined;
  let fetches = 0;
  const fetchFn = (async () => {
    fetches++;
    if (served === undefined) throw new TypeError('offline');
    return new Response(served, { headers: { 'content-type': 'application/statuslist+jwt' } });
  }) as typeof fetch;

  const card: CardRecord = {
    cardId: 'c1',
    type: RESIDENT_ID_TYPE_ID,
    typeNames: {},
    issuer: { url: 'https://issuer.example.cn', name: 'Issuer', names: {} },
    claims: {},
    dsCertificates: [],
    status: { value: 'unknown' },
    receivedAt: NOW.toISOString(),
  };
  const copy = (idx: number | undefined): CopyRecord => ({
    cardId: 'c1',
    format: 'mso_mdoc',
    configurationId: 'eid_mdoc',
    credential: `copy-${idx}`,
    ...(idx !== undefined ? { status: { uri: URI, idx } } : {}),
  });
  const list = async (values: Record<number, number>, options: { signer?: 'ds' | 'untrusted'; uri?: string } = {}) => {
    const statusList = new StatusList(64, 2);
    for (const [idx, value] of Object.entries(values)) statusList.set(Number(idx), value);
    const signer =
      options.signer === 'untrusted' ? authority.variants.untrustedDocumentSigner : authority.documentSigner;
    return issueStatusListJwt(platform, signer.signer, {
      uri: options.uri ?? URI,
      list: statusList,
      issuedAt: new Date(NOW.getTime() - 1000),
      expiresAt: new Date(NOW.getTime() + 3_600_000),
      certificateChain: [signer.der],
    });
  };
  const refresh = (now = NOW) => refreshCardStatus({ platform, records, fetch: fetchFn, now });
  const cardStatus = async () => ((await records.get('credential', cardRecordId('c1'))) as CardRecord).status;

  beforeAll(async () => {
    authority = await createTestAuthority({ platform, suite: 'ES256', now: NOW });
  });
  beforeEach(async () => {
    store = createMemoryWalletStore();
    records = createSealedRecords(store, await generateDataKey());
    served = undefined;
    fetches = 0;
    await records.write([
      {
        kind: 'credential',
        id: cardRecordId('c1'),
        value: { ...card, dsCertificates: [authority.documentSigner.der] },
      },
      { kind: 'credential', id: copyId('c1', 'mso_mdoc', undefined, '0'), value: copy(1) },
      { kind: 'credential', id: copyId('c1', 'mso_mdoc', undefined, '1'), value: copy(2) },
      {
        kind: 'credential',
        id: copyId('c1', 'zz1_qr', 'age_over_18', '0'),
        value: { ...copy(undefined), format: 'zz1_qr', purpose: 'age_over_18' },
      },
    ]);
  });

  it('fetches each list once, verifies it and shows valid; offline it answers from the sealed cache', async () => {
    served = await list({});
    expect(await refresh()).toEqual({ droppedCopies: 0, listsFetched: 1 });
    expect(fetches).toBe(1);
    expect(await cardStatus()).toEqual({ value: 'valid', checkedAt: NOW.toISOString() });
    expect(storeContains(store, URI)).toBe(false); // the cache is sealed too

    served = undefined;
    const later = new Date(NOW.getTime() + 600_000);
    expect(await refresh(later)).toEqual({ droppedCopies: 0, listsFetched: 0 });
    expect(await cardStatus()).toEqual({ value: 'valid', checkedAt: NOW.toISOString() });
    // once the cached token has expired there is no answer: the last known value stays
    await refresh(new Date(NOW.getTime() + 7_200_000));
    expect(await cardStatus()).toEqual({ value: 'valid', checkedAt: NOW.toISOString() });
  });

  it('shows suspended, then revoked, and drops revoked copies', async () => {
    served = await list({ 2: 2 });
    await refresh();
    expect((await cardStatus()).value).toBe('suspended');
    served = await list({ 1: 1, 2: 1 });
    expect((await refresh()).droppedCopies).toBe(2);
    expect((await cardStatus()).value).toBe('revoked');
    expect(await records.ids('credential', 'copy:c1:mdoc')).toEqual([]);
    expect(await records.ids('credential', 'copy:c1:qr')).toHaveLength(1); // no status reference
  });

  it('refuses a list signed by a signer the card did not come with, or for another URI', async () => {
    served = await list({ 1: 1 }, { signer: 'untrusted' });
    await refresh();
    expect(await cardStatus()).toEqual({ value: 'unknown' });
    served = await list({ 1: 1 }, { uri: 'https://issuer.example.cn/status/8' });
    await refresh();
    expect(await cardStatus()).toEqual({ value: 'unknown' });
    served = 'not a jwt';
    await refresh();
    expect(await cardStatus()).toEqual({ value: 'unknown' });
    // a bad answer does not replace a good cached list
    served = await list({});
    await refresh();
    served = await list({ 1: 1 }, { signer: 'untrusted' });
    await refresh();
    expect((await cardStatus()).value).toBe('valid');
  });
});
