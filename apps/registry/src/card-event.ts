import type { PhysicalCard } from './citizen.js';

/**
 * Events of the physical-card registry (DESIGN.md §2, M1 "同步制发、变更和注销"): the issuing
 * authority follows them to issue, re-issue and revoke the e-ID in lock-step with the card.
 */
export const CARD_EVENT_TYPES = [
  'card.issued',
  'card.changed',
  'card.renewed',
  'card.reported_lost',
  'card.cancelled',
] as const;
export type CardEventType = (typeof CARD_EVENT_TYPES)[number];

/** Why a card was reported: lost (遗失) or stolen (被盗). */
export const LOST_REASONS = ['lost', 'stolen'] as const;
export type LostReason = (typeof LOST_REASONS)[number];

/** Why a record was cancelled (注销): death, emigration (定居国外), or a duplicate registration. */
export const CANCELLATION_REASONS = ['death', 'emigration', 'duplicate_registration'] as const;
export type CancellationReason = (typeof CANCELLATION_REASONS)[number];

/** What changed on a `card.changed` event. */
export const CHANGED_FIELDS = ['address', 'name'] as const;
export type ChangedField = (typeof CHANGED_FIELDS)[number];

/**
 * The person's claims as the issuer needs them, under the element identifiers of the core
 * catalog's `cn.gov.eid.1` (with the card's own elements in `card`).
 */
export interface PersonClaims {
  readonly id_number: string;
  readonly family_name: string;
  readonly given_name: string;
  readonly full_name: string;
  readonly sex: 1 | 2;
  readonly birth_date: string;
  readonly ethnicity: string;
  readonly resident_address: string;
  /** JPEG, at most 16 KiB (base64url in the JSON encoding). */
  readonly portrait: Uint8Array;
}

export interface CardIssuedPayload {
  readonly card: PhysicalCard;
  readonly claims: PersonClaims;
  /** Set when this card replaces one reported lost (补领): that card's number. */
  readonly replacesCardNumber?: string;
}

export interface CardChangedPayload {
  readonly card: PhysicalCard;
  readonly claims: PersonClaims;
  readonly previousCardNumber: string;
  readonly changed: readonly ChangedField[];
}

export interface CardRenewedPayload {
  readonly card: PhysicalCard;
  readonly claims: PersonClaims;
  readonly previousCardNumber: string;
}

export interface CardReportedLostPayload {
  readonly cardNumber: string;
  readonly reason: LostReason;
}

export interface CardCancelledPayload {
  readonly cardNumber: string;
  readonly reason: CancellationReason;
}

interface PayloadOf {
  'card.issued': CardIssuedPayload;
  'card.changed': CardChangedPayload;
  'card.renewed': CardRenewedPayload;
  'card.reported_lost': CardReportedLostPayload;
  'card.cancelled': CardCancelledPayload;
}

/** The envelope every event shares. */
export interface CardEventOf<T extends CardEventType> {
  /** UUID v4 from injected randomness: the consumer's idempotency key. */
  readonly eventId: string;
  readonly type: T;
  /** The registry's opaque person id (never the ID number). */
  readonly personId: string;
  /** 1, 2, 3 … per person, without gaps: a consumer applies an event only after its predecessor. */
  readonly sequence: number;
  /** RFC 3339 instant in UTC from the injected clock, e.g. "2026-03-01T08:00:00.000Z". */
  readonly occurredAt: string;
  /** Province code of the person's residence: routes the event to that province's issuer. */
  readonly provinceCode: string;
  readonly payload: PayloadOf[T];
}

export type CardIssuedEvent = CardEventOf<'card.issued'>;
export type CardChangedEvent = CardEventOf<'card.changed'>;
export type CardRenewedEvent = CardEventOf<'card.renewed'>;
export type CardReportedLostEvent = CardEventOf<'card.reported_lost'>;
export type CardCancelledEvent = CardEventOf<'card.cancelled'>;
export type CardEvent =
  | CardIssuedEvent
  | CardChangedEvent
  | CardRenewedEvent
  | CardReportedLostEvent
  | CardCancelledEvent;

/** Events that carry a card and the person's claims. */
export type CardWithClaimsEvent = CardIssuedEvent | CardChangedEvent | CardRenewedEvent;

/** True for the events that carry a card and claims. */
export function carriesCard(event: CardEvent): event is CardWithClaimsEvent {
  return event.type === 'card.issued' || event.type === 'card.changed' || event.type === 'card.renewed';
}

/**
 * The `cn.gov.eid.1` claims of an event with a card: the person's claims plus
 * `issuing_authority`, `issue_date` and `expiry_date` — ready for the core's `validateClaims`.
 */
export function residentIdClaimsOf(event: CardWithClaimsEvent): Record<string, string | number | Uint8Array> {
  const { card, claims } = event.payload;
  return {
    ...claims,
    issuing_authority: card.issuingAuthority,
    issue_date: card.issueDate,
    expiry_date: card.expiryDate,
  };
}
