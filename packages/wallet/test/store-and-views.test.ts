import { describe, expect, it } from 'vitest';
import { countCopies, displayClaimsOf, isExpired } from '../src/cards/card-view.js';
import { copyId, copyPrefix, parseCopyId } from '../src/records/card-record.js';
import { createMemoryWalletStore } from '../src/store/create-memory-wallet-store.js';

describe('memory wallet store', () => {
  it('gets, lists in id order, deletes and copies values in and out', async () => {
    const store = createMemoryWalletStore();
    const value = new Uint8Array([1, 2, 3]);
    await store.put('credential', 'b', value);
    await store.put('credential', 'a', new Uint8Array([4]));
    value[0] = 9; // the caller's buffer is not the stored one
    expect(await store.get('credential', 'b')).toEqual(new Uint8Array([1, 2, 3]));
    const got = (await store.get('credential', 'b')) as Uint8Array;
    got[0] = 7;
    expect((await store.get('credential', 'b'))?.[0]).toBe(1);
    expect(await store.ids('credential')).toEqual(['a', 'b']);
    expect((await store.list('credential')).map((r) => r.id)).toEqual(['a', 'b']);
    expect(await store.list('status')).toEqual([]);
    await store.delete('credential', 'a');
    expect(await store.get('credential', 'a')).toBeUndefined();
  });

  it('applies putMany all or nothing', async () => {
    const store = createMemoryWalletStore();
    await store.put('meta', 'keep', new Uint8Array([1]));
    await expect(
      store.putMany([
        { kind: 'meta', id: 'new', value: new Uint8Array([2]) },
        { kind: 'meta', id: 'keep' },
        { kind: 'bogus' as 'meta', id: 'x', value: new Uint8Array([3]) },
      ]),
    ).rejects.toThrow();
    expect(store.dump().map((r) => r.id)).toEqual(['keep']);
    await store.putMany([
      { kind: 'meta', id: 'new', value: new Uint8Array([2]) },
      { kind: 'meta', id: 'keep' },
    ]);
    expect(store.dump().map((r) => r.id)).toEqual(['new']);
    await store.clear();
    expect(store.dump()).toEqual([]);
  });
});

describe('copy ids and card views', () => {
  it('encodes format and purpose in copy ids, and reads them back', () => {
    const id = copyId('card1', 'zz1_qr', 'hotel', '00-001');
    expect(id).toBe('copy:card1:qr:hotel:00-001');
    expect(id.startsWith(copyPrefix('card1', 'zz1_qr', 'hotel'))).toBe(true);
    expect(id.startsWith(copyPrefix('card1', 'zz1_qr', 'age_over_18'))).toBe(false);
    expect(parseCopyId(id)).toEqual({ cardId: 'card1', format: 'zz1_qr', purpose: 'hotel', n: '00-001' });
    expect(parseCopyId(copyId('card1', 'mso_mdoc', undefined, '7'))).toEqual({
      cardId: 'card1',
      format: 'mso_mdoc',
      n: '7',
    });
    for (const bad of ['copy:a:b', 'card:x', 'copy:a:pdf:-:1', 'copy:a:qr:hotel:1:2'])
      expect(parseCopyId(bad)).toBeUndefined();
  });

  it('maps catalog elements to display claims, the portrait to a data URL', () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0xff, 0xd9]);
    const claims = displayClaimsOf({
      full_name: '陈小红',
      sex: 2,
      ethnicity: '01',
      birth_date: '1990-03-07',
      expiry_date: '9999-12-31',
      portrait: jpeg,
      age_over_18: true,
    });
    expect(claims).toEqual({
      fullName: '陈小红',
      sex: 2,
      ethnicity: '01',
      ethnicityName: '汉族',
      birthDate: '1990-03-07',
      expiryDate: '9999-12-31',
      portrait: jpeg,
      portraitDataUrl: 'data:image/jpeg;base64,/9j/4P/Z',
    });
    expect(displayClaimsOf({ sex: 'x', full_name: 5 })).toEqual({});
  });

  it('counts copies per format and QR purpose, and tells expired ones', () => {
    const base = { cardId: 'c', configurationId: 'x', credential: 'y' };
    const counts = countCopies([
      { ...base, format: 'mso_mdoc' },
      { ...base, format: 'mso_mdoc' },
      { ...base, format: 'dc+sd-jwt' },
      { ...base, format: 'zz1_qr', purpose: 'hotel' },
      { ...base, format: 'zz1_qr', purpose: 'age_over_18' },
      { ...base, format: 'zz1_qr', purpose: 'hotel' },
    ]);
    expect(counts).toEqual({ mdoc: 2, sdJwt: 1, qr: { hotel: 2, age_over_18: 1 } });
    const now = new Date('2026-11-27T10:00:00Z');
    expect(isExpired({ ...base, format: 'zz1_qr', expiresAt: '2026-11-27T10:00:00.000Z' }, now)).toBe(true);
    expect(isExpired({ ...base, format: 'zz1_qr', expiresAt: '2026-11-27T10:00:01.000Z' }, now)).toBe(false);
    expect(isExpired({ ...base, format: 'mso_mdoc' }, now)).toBe(false);
  });
});
