import { ZzError } from '@zhengzhao/core';

/**
 * The card state of a person record:
 *
 *   none ──issue──▶ valid ──change / renew──▶ valid (a new card each time)
 *                     │ └──reportLost──▶ lost ──issue (replacement, new card number)──▶ valid
 *                     └──cancel──▶ cancelled ◀──cancel── lost
 *
 * `cancelled` is final: no operation leaves it.
 */
export type CardState = 'none' | 'valid' | 'lost' | 'cancelled';
export type CardOperation = 'issue' | 'change' | 'renew' | 'reportLost' | 'cancel';

const TRANSITIONS: Readonly<Record<CardState, Partial<Record<CardOperation, CardState>>>> = {
  none: { issue: 'valid' },
  valid: { change: 'valid', renew: 'valid', reportLost: 'lost', cancel: 'cancelled' },
  lost: { issue: 'valid', cancel: 'cancelled' },
  cancelled: {},
};

/**
 * The state after `operation`, or a typed error: `ERR_REGISTRY_RECORD_CANCELLED` from
 * `cancelled`, `ERR_REGISTRY_CARD_STATE` for any other forbidden transition.
 */
export function nextCardState(state: CardState, operation: CardOperation): CardState {
  if (state === 'cancelled') {
    throw new ZzError('ERR_REGISTRY_RECORD_CANCELLED', `Cannot ${operation}: the record is cancelled`);
  }
  const next = TRANSITIONS[state][operation];
  if (next === undefined) throw new ZzError('ERR_REGISTRY_CARD_STATE', `Cannot ${operation} a card in state ${state}`);
  return next;
}

/** Every (state, operation) pair that is allowed. */
export function isCardTransitionAllowed(state: CardState, operation: CardOperation): boolean {
  return TRANSITIONS[state][operation] !== undefined;
}
