import { isZzError } from '@zhengzhao/core';
import { describe, expect, it } from 'vitest';
import {
  type CardOperation,
  type CardState,
  isCardTransitionAllowed,
  nextCardState,
  type Registry,
} from '../src/index.js';
import { personDataOf, setup } from './helpers.js';

const STATES: readonly CardState[] = ['none', 'valid', 'lost', 'cancelled'];
const OPERATIONS: readonly CardOperation[] = ['issue', 'change', 'renew', 'reportLost', 'cancel'];
const ALLOWED: Record<CardState, Partial<Record<CardOperation, CardState>>> = {
  none: { issue: 'valid' },
  valid: { change: 'valid', renew: 'valid', reportLost: 'lost', cancel: 'cancelled' },
  lost: { issue: 'valid', cancel: 'cancelled' },
  cancelled: {},
};

/** Brings a freshly registered person into `state` through the registry itself. */
async function personIn(registry: Registry, personId: string, state: CardState): Promise<void> {
  if (state === 'none') return;
  await registry.issueCard(personId);
  if (state === 'lost') await registry.reportLost(personId);
  if (state === 'cancelled') await registry.cancelCard(personId, 'death');
}

async function perform(registry: Registry, personId: string, operation: CardOperation) {
  const person = await registry.getPerson(personId);
  switch (operation) {
    case 'issue':
      return registry.issueCard(personId);
    case 'change':
      return registry.changeAddress(personId, { ...person.address, street: '体育西路1号' });
    case 'renew':
      return registry.renewCard(personId);
    case 'reportLost':
      return registry.reportLost(personId);
    case 'cancel':
      return registry.cancelCard(personId, 'emigration');
  }
}

describe('card state machine', () => {
  it('the pure table allows exactly the documented transitions', () => {
    for (const state of STATES) {
      for (const operation of OPERATIONS) {
        const expected = ALLOWED[state][operation];
        expect(isCardTransitionAllowed(state, operation)).toBe(expected !== undefined);
        if (expected) expect(nextCardState(state, operation)).toBe(expected);
        else
          expect(() => nextCardState(state, operation)).toThrow(
            expect.objectContaining({
              code: state === 'cancelled' ? 'ERR_REGISTRY_RECORD_CANCELLED' : 'ERR_REGISTRY_CARD_STATE',
            }),
          );
      }
    }
  });

  for (const state of STATES) {
    for (const operation of OPERATIONS) {
      const expected = ALLOWED[state][operation];
      it(`${state} --${operation}--> ${expected ?? 'refused'} (through the registry, with the outbox)`, async () => {
        const { registry, citizens, store } = setup();
        const citizen = citizens[0];
        if (!citizen) throw new Error('no citizen');
        await registry.registerPerson(personDataOf(citizen));
        await personIn(registry, citizen.personId, state);
        const before = await registry.getPerson(citizen.personId);
        const outboxBefore = await store.readOutbox(0, 100);
        if (expected) {
          const event = await perform(registry, citizen.personId, operation);
          const after = await registry.getPerson(citizen.personId);
          expect(after.cardState).toBe(expected);
          expect(event.sequence).toBe(before.sequence + 1);
          expect(after.sequence).toBe(event.sequence);
          const outbox = await store.readOutbox(0, 100);
          expect(outbox).toHaveLength(outboxBefore.length + 1);
          expect(outbox.at(-1)?.event).toEqual(event);
        } else {
          try {
            await perform(registry, citizen.personId, operation);
            expect.unreachable();
          } catch (error) {
            expect(
              isZzError(error, state === 'cancelled' ? 'ERR_REGISTRY_RECORD_CANCELLED' : 'ERR_REGISTRY_CARD_STATE'),
            ).toBe(true);
          }
          expect(await registry.getPerson(citizen.personId)).toEqual(before);
          expect(await store.readOutbox(0, 100)).toEqual(outboxBefore);
        }
      });
    }
  }
});
