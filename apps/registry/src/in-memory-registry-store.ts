import { ZzError } from '@zhengzhao/core';
import type { CardEvent } from './card-event.js';
import type { CardEventCommit, OutboxEntry, PersonRecord, RegistryStore } from './registry-store.js';

const MAX_OUTBOX_READ = 10_000;

/** Checks the arguments a SQL store would refuse with a constraint error. */
function checkEventFor(person: PersonRecord, event: CardEvent): void {
  if (event.personId !== person.personId || event.sequence !== person.sequence) {
    throw new ZzError('ERR_INPUT_INVALID', 'event does not belong to this person record or sequence');
  }
}

/**
 * A `RegistryStore` in memory, for tests and the embedded demo. Each method does all its work
 * synchronously before its promise settles, so a commit is atomic; records are copied in and
 * out (`structuredClone`) so callers cannot change stored state by mutation.
 */
export function createInMemoryRegistryStore(): RegistryStore {
  const persons = new Map<string, PersonRecord>();
  const idNumbers = new Set<string>();
  const outbox: OutboxEntry[] = [];
  const cursors = new Map<string, number>();

  const append = (event: CardEvent): OutboxEntry => {
    const entry = { position: outbox.length + 1, event: structuredClone(event) };
    outbox.push(entry);
    return structuredClone(entry);
  };

  return {
    async getPerson(personId) {
      const person = persons.get(personId);
      return person === undefined ? undefined : structuredClone(person);
    },

    async insertPerson(person, event) {
      if (persons.has(person.personId) || idNumbers.has(person.idNumber)) {
        throw new ZzError('ERR_REGISTRY_PERSON_EXISTS', 'A person with this id or ID number is already registered');
      }
      if (event !== undefined) checkEventFor(person, event);
      persons.set(person.personId, structuredClone(person));
      idNumbers.add(person.idNumber);
      return event === undefined ? undefined : append(event);
    },

    async commitCardEvent({ person, expectedSequence, event }: CardEventCommit) {
      const stored = persons.get(person.personId);
      if (stored === undefined) throw new ZzError('ERR_REGISTRY_PERSON_UNKNOWN', 'No person with this id');
      if (stored.sequence !== expectedSequence) {
        throw new ZzError('ERR_REGISTRY_CONCURRENT_UPDATE', 'The person record changed concurrently');
      }
      checkEventFor(person, event);
      if (person.idNumber !== stored.idNumber) throw new ZzError('ERR_INPUT_INVALID', 'the ID number cannot change');
      persons.set(person.personId, structuredClone(person));
      return append(event);
    },

    async readOutbox(afterPosition, limit) {
      if (
        !Number.isSafeInteger(afterPosition) ||
        afterPosition < 0 ||
        !Number.isSafeInteger(limit) ||
        limit < 1 ||
        limit > MAX_OUTBOX_READ
      ) {
        throw new ZzError('ERR_INPUT_INVALID', `afterPosition must be ≥ 0 and limit 1–${MAX_OUTBOX_READ}`);
      }
      return structuredClone(outbox.slice(afterPosition, afterPosition + limit));
    },

    async readCursor(consumer) {
      return cursors.get(consumer) ?? 0;
    },

    async writeCursor(consumer, position) {
      if (typeof consumer !== 'string' || consumer.length === 0 || !Number.isSafeInteger(position) || position < 0) {
        throw new ZzError('ERR_INPUT_INVALID', 'cursor needs a consumer name and a position ≥ 0');
      }
      if (position > (cursors.get(consumer) ?? 0)) cursors.set(consumer, position);
    },
  };
}
