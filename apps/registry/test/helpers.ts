import { randomBytes } from 'node:crypto';
import { fixedClock } from '@zhengzhao/test-kit';
import { createInMemoryRegistryStore, createRegistry, generateCitizens, type RegistryStore } from '../src/index.js';

/** A minimal JPEG-shaped byte string (SOI … EOI) standing in for a portrait in fast tests. */
export const STUB_PORTRAIT = Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x01, 0xff, 0xd9);

export const random = (length: number): Uint8Array => new Uint8Array(randomBytes(length));

export function setup(options: { realPortraits?: boolean; store?: RegistryStore } = {}) {
  const store = options.store ?? createInMemoryRegistryStore();
  const clock = fixedClock('2026-03-01T08:00:00Z');
  const registry = createRegistry({
    store,
    clock,
    random,
    ...(options.realPortraits ? {} : { portraitOf: () => STUB_PORTRAIT }),
  });
  const citizens = generateCitizens({ seed: 'registry-tests', province: '44', count: 50 });
  return { store, clock, registry, citizens };
}

/** Strips the card from a synthetic citizen: the data `registerPerson` takes. */
export function personDataOf<T extends { card: unknown }>(citizen: T): Omit<T, 'card'> {
  const { card: _card, ...person } = citizen;
  return person;
}
