import { chinaDateOf, isZzError, ZzError } from '@zhengzhao/core';
import {
  CANCELLATION_REASONS,
  type CancellationReason,
  type CardCancelledEvent,
  type CardChangedEvent,
  type CardEvent,
  type CardEventOf,
  type CardEventType,
  type CardIssuedEvent,
  type CardRenewedEvent,
  type CardReportedLostEvent,
  LOST_REASONS,
  type LostReason,
  type PersonClaims,
} from './card-event.js';
import { formatCardNumber } from './card-number.js';
import { type CardOperation, nextCardState } from './card-state.js';
import { computeCardExpiry } from './card-validity.js';
import {
  formatResidentAddress,
  type PersonData,
  type PhysicalCard,
  type ResidentAddress,
  type SyntheticCitizen,
} from './citizen.js';
import { issuingAuthorityOf } from './county-regions.js';
import { generatePortrait } from './generate-portrait.js';
import type { PersonRecord, RegistryStore } from './registry-store.js';
import { formatUuidV4 } from './uuid.js';
import {
  checkPersonId,
  validatePersonData,
  validatePersonName,
  validatePhysicalCard,
  validateResidentAddress,
} from './validate-person.js';

/** The injected clock (e.g. `fixedClock` from @zhengzhao/test-kit). */
export interface RegistryClock {
  now(): Date;
}
/** Injected randomness: `length` cryptographically random bytes (e.g. `platform.randomBytes`). */
export type RandomBytes = (length: number) => Uint8Array;

export interface CreateRegistryOptions {
  readonly store: RegistryStore;
  readonly clock: RegistryClock;
  readonly random: RandomBytes;
  /** The person's JPEG portrait; default: the synthetic `generatePortrait(person)`. */
  readonly portraitOf?: (person: PersonData) => Uint8Array | Promise<Uint8Array>;
  /** How often an operation re-reads and retries after `ERR_REGISTRY_CONCURRENT_UPDATE`; default 3. */
  readonly maxConflictRetries?: number;
}

/**
 * The population registry's card operations (DESIGN.md §2). Each checks the card state
 * machine (`nextCardState`), writes the new record and its event to the store's outbox in one
 * atomic commit, and returns the event.
 */
export interface Registry {
  /** Adds a person without a card; emits nothing. */
  registerPerson(person: PersonData): Promise<PersonRecord>;
  /** Adds a person together with the card they already hold; emits `card.issued` for it. */
  importCitizen(citizen: SyntheticCitizen): Promise<CardIssuedEvent>;
  /** First issue, or the replacement (补领) of a card reported lost: a new card number. */
  issueCard(personId: string): Promise<CardIssuedEvent>;
  /** Moves the person within their province; a new card with the new address. */
  changeAddress(personId: string, address: ResidentAddress): Promise<CardChangedEvent>;
  /** Records a change of name; a new card. */
  changeName(personId: string, name: { familyName: string; givenName: string }): Promise<CardChangedEvent>;
  /** Renewal or exchange (换领): a new card with a new term. */
  renewCard(personId: string): Promise<CardRenewedEvent>;
  reportLost(personId: string, reason?: LostReason): Promise<CardReportedLostEvent>;
  /** Final cancellation (注销). */
  cancelCard(personId: string, reason: CancellationReason): Promise<CardCancelledEvent>;
  /** The stored record; `ERR_REGISTRY_PERSON_UNKNOWN` if absent. */
  getPerson(personId: string): Promise<PersonRecord>;
}

interface Transition<T extends CardEventType> {
  readonly type: T;
  readonly operation: CardOperation;
  /** The new person data (state and sequence are filled in) and the event payload. */
  build(
    person: PersonRecord,
    now: Date,
  ): Promise<{ person: Omit<PersonRecord, 'cardState' | 'sequence'>; payload: CardEventOf<T>['payload'] }>;
}

export function createRegistry(options: CreateRegistryOptions): Registry {
  const { store, clock, random } = options;
  const portraitOf = options.portraitOf ?? ((person: PersonData) => generatePortrait(person));
  const maxRetries = options.maxConflictRetries ?? 3;

  const now = (): Date => {
    const instant = clock.now();
    if (!(instant instanceof Date) || Number.isNaN(instant.getTime()))
      throw new ZzError('ERR_INPUT_INVALID', 'clock gave no valid Date');
    return instant;
  };

  const newCard = (person: PersonData, at: Date): PhysicalCard => {
    const issueDate = chinaDateOf(at);
    return {
      cardNumber: formatCardNumber(person.address.regionCode.slice(0, 2), random(8)),
      issuingAuthority: issuingAuthorityOf(person.address),
      issueDate,
      expiryDate: computeCardExpiry(person.birthDate, issueDate),
    };
  };

  const claimsOf = async (person: PersonData): Promise<PersonClaims> => ({
    id_number: person.idNumber,
    family_name: person.familyName,
    given_name: person.givenName,
    full_name: person.fullName,
    sex: person.sex,
    birth_date: person.birthDate,
    ethnicity: person.ethnicity,
    resident_address: formatResidentAddress(person.address),
    portrait: await portraitOf(person),
  });

  const envelope = <T extends CardEventType>(
    type: T,
    person: PersonRecord,
    at: Date,
    payload: CardEventOf<T>['payload'],
  ) =>
    ({
      eventId: formatUuidV4(random(16)),
      type,
      personId: person.personId,
      sequence: person.sequence,
      occurredAt: at.toISOString(),
      provinceCode: person.address.regionCode.slice(0, 2),
      payload,
    }) as CardEventOf<T>;

  const load = async (personId: string): Promise<PersonRecord> => {
    const person = await store.getPerson(checkPersonId(personId));
    if (person === undefined) throw new ZzError('ERR_REGISTRY_PERSON_UNKNOWN', 'No person with this id');
    return person;
  };

  /** Read, check the transition, build, compare-and-set commit; retry on a concurrent update. */
  const apply = async <T extends CardEventType>(
    personId: string,
    transition: Transition<T>,
  ): Promise<CardEventOf<T>> => {
    for (let attempt = 0; ; attempt++) {
      const current = await load(personId);
      const cardState = nextCardState(current.cardState, transition.operation);
      const at = now();
      const built = await transition.build(current, at);
      const person: PersonRecord = { ...built.person, cardState, sequence: current.sequence + 1 };
      const event = envelope(transition.type, person, at, built.payload);
      try {
        await store.commitCardEvent({ person, expectedSequence: current.sequence, event: event as CardEvent });
        return event;
      } catch (error) {
        if (!isZzError(error, 'ERR_REGISTRY_CONCURRENT_UPDATE') || attempt >= maxRetries) throw error;
      }
    }
  };

  const withCard = (current: PersonRecord): PhysicalCard =>
    current.card ??
    (() => {
      throw new ZzError('ERR_REGISTRY_CARD_STATE', 'The record has no card');
    })();

  return {
    async registerPerson(input) {
      const person: PersonRecord = { ...validatePersonData(input), cardState: 'none', sequence: 0 };
      await store.insertPerson(person);
      return person;
    },

    async importCitizen(citizen) {
      const card = validatePhysicalCard(citizen.card);
      const person: PersonRecord = { ...validatePersonData(citizen), card, cardState: 'valid', sequence: 1 };
      const event = envelope('card.issued', person, now(), { card, claims: await claimsOf(person) });
      await store.insertPerson(person, event);
      return event;
    },

    issueCard: (personId) =>
      apply(personId, {
        type: 'card.issued',
        operation: 'issue',
        async build(current, at) {
          const card = newCard(current, at);
          const person = { ...current, card };
          const replaces =
            current.cardState === 'lost' && current.card ? { replacesCardNumber: current.card.cardNumber } : {};
          return { person, payload: { card, claims: await claimsOf(person), ...replaces } };
        },
      }),

    async changeAddress(personId, input) {
      const address = validateResidentAddress(input);
      return apply(personId, {
        type: 'card.changed',
        operation: 'change',
        async build(current, at) {
          if (address.regionCode.slice(0, 2) !== current.address.regionCode.slice(0, 2)) {
            throw new ZzError('ERR_INPUT_INVALID', 'a move to another province is not supported by this registry');
          }
          if (formatResidentAddress(address) === formatResidentAddress(current.address)) {
            throw new ZzError('ERR_INPUT_INVALID', 'the address is unchanged');
          }
          const previous = withCard(current);
          const moved = { ...current, address };
          const card = newCard(moved, at);
          const person = { ...moved, card };
          return {
            person,
            payload: {
              card,
              claims: await claimsOf(person),
              previousCardNumber: previous.cardNumber,
              changed: ['address'],
            },
          };
        },
      });
    },

    async changeName(personId, input) {
      const { familyName, givenName } = validatePersonName(input);
      return apply(personId, {
        type: 'card.changed',
        operation: 'change',
        async build(current, at) {
          if (familyName === current.familyName && givenName === current.givenName) {
            throw new ZzError('ERR_INPUT_INVALID', 'the name is unchanged');
          }
          const previous = withCard(current);
          const renamed = { ...current, familyName, givenName, fullName: familyName + givenName };
          const card = newCard(renamed, at);
          const person = { ...renamed, card };
          return {
            person,
            payload: {
              card,
              claims: await claimsOf(person),
              previousCardNumber: previous.cardNumber,
              changed: ['name'],
            },
          };
        },
      });
    },

    renewCard: (personId) =>
      apply(personId, {
        type: 'card.renewed',
        operation: 'renew',
        async build(current, at) {
          const previous = withCard(current);
          const card = newCard(current, at);
          const person = { ...current, card };
          return { person, payload: { card, claims: await claimsOf(person), previousCardNumber: previous.cardNumber } };
        },
      }),

    async reportLost(personId, reason = 'lost') {
      if (!LOST_REASONS.includes(reason)) throw new ZzError('ERR_INPUT_INVALID', 'unknown lost reason');
      return apply(personId, {
        type: 'card.reported_lost',
        operation: 'reportLost',
        async build(current) {
          return { person: current, payload: { cardNumber: withCard(current).cardNumber, reason } };
        },
      });
    },

    async cancelCard(personId, reason) {
      if (!CANCELLATION_REASONS.includes(reason)) throw new ZzError('ERR_INPUT_INVALID', 'unknown cancellation reason');
      return apply(personId, {
        type: 'card.cancelled',
        operation: 'cancel',
        async build(current) {
          return {
            person: { ...current, cancellationReason: reason },
            payload: { cardNumber: withCard(current).cardNumber, reason },
          };
        },
      });
    },

    getPerson: load,
  };
}
