import { isZzError, LONG_TERM_EXPIRY_DATE, RESIDENT_ID_TYPE_ID, validateClaims, ZzError } from '@zhengzhao/core';
import { describe, expect, it } from 'vitest';
import {
  CARD_NUMBER_PATTERN,
  type CardEvent,
  carriesCard,
  computeCardExpiry,
  createInMemoryRegistryStore,
  createRegistry,
  type RegistryStore,
  residentIdClaimsOf,
} from '../src/index.js';
import { UUID_V4_PATTERN } from '../src/uuid.js';
import { personDataOf, random, setup } from './helpers.js';

async function expectCode(promise: Promise<unknown>, code: Parameters<typeof isZzError>[1]): Promise<void> {
  try {
    await promise;
    expect.unreachable();
  } catch (error) {
    expect(isZzError(error, code), String(error)).toBe(true);
  }
}

describe('registry service', () => {
  it('issues, changes, renews, replaces and cancels, each with a new card and the right payload', async () => {
    const { registry, citizens, clock } = setup({ realPortraits: true });
    const c = citizens[0];
    if (!c) throw new Error('no citizen');
    await registry.registerPerson(personDataOf(c));
    const issued = await registry.issueCard(c.personId);
    expect(issued.eventId).toMatch(UUID_V4_PATTERN);
    expect(issued.occurredAt).toBe('2026-03-01T08:00:00.000Z');
    expect(issued.provinceCode).toBe('44');
    expect(issued.payload.card.cardNumber).toMatch(CARD_NUMBER_PATTERN);
    expect(issued.payload.card.issueDate).toBe('2026-03-01');
    expect(issued.payload.replacesCardNumber).toBeUndefined();
    expect(issued.payload.claims.id_number).toBe(c.idNumber);
    // the claims plus the card are a valid cn.gov.eid.1 claim set for the core catalog
    expect(() => validateClaims(RESIDENT_ID_TYPE_ID, residentIdClaimsOf(issued))).not.toThrow();

    clock.advance(86_400);
    const moved = await registry.changeAddress(c.personId, {
      regionCode: '440106',
      city: '广州市',
      district: '天河区',
      street: '天河路385号',
    });
    expect(moved.payload.changed).toEqual(['address']);
    expect(moved.payload.previousCardNumber).toBe(issued.payload.card.cardNumber);
    expect(moved.payload.card.cardNumber).not.toBe(issued.payload.card.cardNumber);
    expect(moved.payload.card.issuingAuthority).toBe('广州市公安局天河分局');
    expect(moved.payload.claims.resident_address).toBe('广东省广州市天河区天河路385号');

    const renamed = await registry.changeName(c.personId, { familyName: '欧阳', givenName: '子涵' });
    expect(renamed.payload.changed).toEqual(['name']);
    expect(renamed.payload.claims.full_name).toBe('欧阳子涵');
    expect(() => validateClaims(RESIDENT_ID_TYPE_ID, residentIdClaimsOf(renamed))).not.toThrow();

    const renewed = await registry.renewCard(c.personId);
    expect(renewed.payload.previousCardNumber).toBe(renamed.payload.card.cardNumber);

    const lost = await registry.reportLost(c.personId, 'stolen');
    expect(lost.payload).toEqual({ cardNumber: renewed.payload.card.cardNumber, reason: 'stolen' });

    const replacement = await registry.issueCard(c.personId);
    expect(replacement.payload.replacesCardNumber).toBe(renewed.payload.card.cardNumber);
    expect(replacement.payload.card.cardNumber).not.toBe(renewed.payload.card.cardNumber);

    const cancelled = await registry.cancelCard(c.personId, 'death');
    expect(cancelled.payload).toEqual({ cardNumber: replacement.payload.card.cardNumber, reason: 'death' });
    expect((await registry.getPerson(c.personId)).cancellationReason).toBe('death');

    const all: CardEvent[] = [issued, moved, renamed, renewed, lost, replacement, cancelled];
    expect(all.map((e) => e.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(new Set(all.map((e) => e.eventId)).size).toBe(all.length);
    const cardNumbers = all.filter(carriesCard).map((e) => e.payload.card.cardNumber);
    expect(new Set(cardNumbers).size).toBe(cardNumbers.length);
  });

  it('sets the card term by age at issue (long-term from 46)', async () => {
    const { registry, citizens } = setup();
    const old = citizens.find((c) => c.birthDate < '1970-01-01');
    const young = citizens.find((c) => c.birthDate > '2005-01-01');
    if (!old || !young) throw new Error('sample lacks ages');
    await registry.registerPerson(personDataOf(old));
    await registry.registerPerson(personDataOf(young));
    expect((await registry.issueCard(old.personId)).payload.card.expiryDate).toBe(LONG_TERM_EXPIRY_DATE);
    expect((await registry.issueCard(young.personId)).payload.card.expiryDate).toBe(
      computeCardExpiry(young.birthDate, '2026-03-01'),
    );
    expect(computeCardExpiry(young.birthDate, '2026-03-01') < '2037-01-01').toBe(true);
  });

  it('keeps per-person sequences and a global outbox order across interleaved people', async () => {
    const { registry, citizens, store } = setup();
    const people = citizens.slice(0, 5);
    for (const c of people) await registry.importCitizen(c);
    for (let round = 0; round < 3; round++) {
      for (const c of people) await registry.renewCard(c.personId);
    }
    const outbox = await store.readOutbox(0, 1000);
    expect(outbox.map((e) => e.position)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    for (const c of people) {
      expect(outbox.filter((e) => e.event.personId === c.personId).map((e) => e.event.sequence)).toEqual([1, 2, 3, 4]);
    }
    expect((await store.readOutbox(15, 3)).map((e) => e.position)).toEqual([16, 17, 18]);
    expect(await store.readOutbox(20, 10)).toEqual([]);
    await expectCode(store.readOutbox(-1, 10), 'ERR_INPUT_INVALID');
    await expectCode(store.readOutbox(0, 0), 'ERR_INPUT_INVALID');
  });

  it('imports a citizen with their existing card as card.issued sequence 1', async () => {
    const { registry, citizens } = setup();
    const c = citizens[1];
    if (!c) throw new Error('no citizen');
    const event = await registry.importCitizen(c);
    expect(event).toMatchObject({ type: 'card.issued', sequence: 1, personId: c.personId });
    expect(event.payload.card).toEqual(c.card);
    await expectCode(registry.importCitizen(c), 'ERR_REGISTRY_PERSON_EXISTS');
    await expectCode(
      registry.registerPerson({ ...personDataOf(c), personId: 'other-id' }),
      'ERR_REGISTRY_PERSON_EXISTS',
    );
  });

  it('refuses bad input with typed errors and leaves the record unchanged', async () => {
    const { registry, citizens } = setup();
    const c = citizens[2];
    if (!c) throw new Error('no citizen');
    await registry.importCitizen(c);
    await expectCode(registry.issueCard('no-such-person'), 'ERR_REGISTRY_PERSON_UNKNOWN');
    await expectCode(registry.issueCard('bad id!'), 'ERR_INPUT_INVALID');
    await expectCode(registry.changeAddress(c.personId, c.address), 'ERR_INPUT_INVALID');
    await expectCode(registry.changeAddress(c.personId, { ...c.address, regionCode: '110108' }), 'ERR_INPUT_INVALID');
    await expectCode(registry.changeAddress(c.personId, { ...c.address, street: 'a\u0000b' }), 'ERR_INPUT_INVALID');
    await expectCode(registry.changeAddress(c.personId, { ...c.address, street: 'x'.repeat(65) }), 'ERR_INPUT_INVALID');
    await expectCode(
      registry.changeName(c.personId, { familyName: c.familyName, givenName: c.givenName }),
      'ERR_INPUT_INVALID',
    );
    await expectCode(registry.changeName(c.personId, { familyName: '', givenName: '伟' }), 'ERR_INPUT_INVALID');
    await expectCode(registry.cancelCard(c.personId, 'bored' as 'death'), 'ERR_INPUT_INVALID');
    await expectCode(registry.reportLost(c.personId, 'misplaced' as 'lost'), 'ERR_INPUT_INVALID');
    const d = citizens[3];
    if (!d) throw new Error('no citizen');
    await expectCode(registry.registerPerson({ ...personDataOf(d), sex: d.sex === 1 ? 2 : 1 }), 'ERR_INPUT_INVALID');
    await expectCode(
      registry.registerPerson({
        ...personDataOf(d),
        idNumber:
          `${d.idNumber.slice(0, 17)}0` === d.idNumber ? `${d.idNumber.slice(0, 17)}1` : `${d.idNumber.slice(0, 17)}0`,
      }),
      'ERR_CITIZEN_ID_INVALID',
    );
    await expectCode(registry.registerPerson({ ...personDataOf(d), ethnicity: '99' }), 'ERR_INPUT_INVALID');
    await expectCode(registry.registerPerson({ ...personDataOf(d), fullName: 'x' }), 'ERR_INPUT_INVALID');
    expect((await registry.getPerson(c.personId)).sequence).toBe(1);
  });

  it('retries a compare-and-set conflict and gives up after maxConflictRetries', async () => {
    const inner = createInMemoryRegistryStore();
    let conflicts = 0;
    const flaky: RegistryStore = {
      ...inner,
      async commitCardEvent(commit) {
        if (conflicts > 0) {
          conflicts--;
          throw new ZzError('ERR_REGISTRY_CONCURRENT_UPDATE');
        }
        return inner.commitCardEvent(commit);
      },
    };
    const { registry, citizens } = setup({ store: flaky });
    const c = citizens[4];
    if (!c) throw new Error('no citizen');
    await registry.importCitizen(c);
    conflicts = 2;
    expect((await registry.renewCard(c.personId)).sequence).toBe(2);
    conflicts = 10;
    await expectCode(registry.renewCard(c.personId), 'ERR_REGISTRY_CONCURRENT_UPDATE');
    expect((await inner.readOutbox(0, 10)).length).toBe(2);
  });

  it('the in-memory store refuses a stale compare-and-set and keeps both tables unchanged', async () => {
    const store = createInMemoryRegistryStore();
    const clock = { now: () => new Date('2026-03-01T00:00:00Z') };
    const registry = createRegistry({ store, clock, random, portraitOf: () => Uint8Array.of(0xff, 0xd8, 0xff, 0xd9) });
    const { citizens } = setup();
    const c = citizens[5];
    if (!c) throw new Error('no citizen');
    const first = await registry.importCitizen(c);
    const renewed = await registry.renewCard(c.personId);
    const person = await store.getPerson(c.personId);
    if (!person) throw new Error('missing');
    await expectCode(
      store.commitCardEvent({
        person: { ...person, sequence: 2 },
        expectedSequence: 1,
        event: { ...renewed, sequence: 2 },
      }),
      'ERR_REGISTRY_CONCURRENT_UPDATE',
    );
    expect((await store.readOutbox(0, 10)).map((e) => e.event.eventId)).toEqual([first.eventId, renewed.eventId]);
  });
});
