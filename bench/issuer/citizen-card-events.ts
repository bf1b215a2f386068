import { randomUUID } from 'node:crypto';
import {
  type CardIssuedEvent,
  formatResidentAddress,
  generateCitizens,
  type SyntheticCitizen,
} from '@zhengzhao/registry';

/** A minimal JPEG (SOI, APP0 stub, EOI) shared by every citizen of a bulk run. */
export const SHARED_STUB_PORTRAIT = Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x01, 0xff, 0xd9);

export interface CitizenCardEventsOptions {
  readonly seed: string;
  readonly province: string;
  readonly count: number;
  /** First citizen index; default 0. */
  readonly startIndex?: number;
  /** Citizens generated at a time (memory stays bounded by one page); default 10,000. */
  readonly pageSize?: number;
  /** Shared by every event; default {@link SHARED_STUB_PORTRAIT}. */
  readonly portrait?: Uint8Array;
  readonly occurredAt: Date;
}

/** The `card.issued` event (sequence 1) the registry emits when it imports `citizen` (cf. `importCitizen`). */
export function cardIssuedEventOf(citizen: SyntheticCitizen, portrait: Uint8Array, occurredAt: Date): CardIssuedEvent {
  return {
    eventId: randomUUID(),
    type: 'card.issued',
    personId: citizen.personId,
    sequence: 1,
    occurredAt: occurredAt.toISOString(),
    provinceCode: citizen.address.regionCode.slice(0, 2),
    payload: {
      card: citizen.card,
      claims: {
        id_number: citizen.idNumber,
        family_name: citizen.familyName,
        given_name: citizen.givenName,
        full_name: citizen.fullName,
        sex: citizen.sex,
        birth_date: citizen.birthDate,
        ethnicity: citizen.ethnicity,
        resident_address: formatResidentAddress(citizen.address),
        portrait,
      },
    },
  };
}

/**
 * A registry population as a stream of `card.issued` events, generated page by page with
 * `generateCitizens({ startIndex })` so that a million citizens never sit in memory at once.
 */
export async function* citizenCardEvents(options: CitizenCardEventsOptions): AsyncGenerator<CardIssuedEvent> {
  const pageSize = options.pageSize ?? 10_000;
  const portrait = options.portrait ?? SHARED_STUB_PORTRAIT;
  const start = options.startIndex ?? 0;
  for (let offset = 0; offset < options.count; offset += pageSize) {
    const page = generateCitizens({
      seed: options.seed,
      province: options.province,
      count: Math.min(pageSize, options.count - offset),
      startIndex: start + offset,
    });
    for (const citizen of page) yield cardIssuedEventOf(citizen, portrait, options.occurredAt);
  }
}
