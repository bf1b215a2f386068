import { decodeBase64url, encodeBase64url, isFullDate, MAX_PORTRAIT_BYTES, parseJson, ZzError } from '@zhengzhao/core';
import {
  CANCELLATION_REASONS,
  CARD_EVENT_TYPES,
  type CardEvent,
  type CardEventType,
  CHANGED_FIELDS,
  type ChangedField,
  LOST_REASONS,
  type PersonClaims,
} from './card-event.js';
import type { PhysicalCard } from './citizen.js';
import { UUID_V4_PATTERN } from './uuid.js';

/** Version of the JSON encoding; a decoder refuses any other. */
export const CARD_EVENT_VERSION = 1;
/** Largest encoded event accepted (a 16 KiB portrait is about 22 KB in base64url). */
export const MAX_CARD_EVENT_JSON_LENGTH = 64 * 1024;

type Json = Record<string, unknown>;

/**
 * The JSON encoding of an event: `{ "version": 1, "eventId", "type", "personId", "sequence",
 * "occurredAt", "provinceCode", "payload" }`, keys in that order, bytes (the portrait) in
 * base64url without padding. The same event always encodes to the same text, so the text can
 * be signed (webhook) and stored (outbox) as is.
 */
export function encodeCardEvent(event: CardEvent): string {
  const payload: Json = { ...event.payload };
  if ('claims' in event.payload) {
    payload.claims = { ...event.payload.claims, portrait: encodeBase64url(event.payload.claims.portrait) };
  }
  return JSON.stringify({
    version: CARD_EVENT_VERSION,
    eventId: event.eventId,
    type: event.type,
    personId: event.personId,
    sequence: event.sequence,
    occurredAt: event.occurredAt,
    provinceCode: event.provinceCode,
    payload,
  });
}

const malformed = (what: string): never => {
  throw new ZzError('ERR_REGISTRY_EVENT_MALFORMED', `Card event: ${what}`);
};
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const obj = (v: unknown, name: string): Json => (isObject(v) ? v : malformed(`${name} must be an object`));
const text = (o: Json, key: string, max = 128): string => {
  const v = o[key];
  if (typeof v !== 'string' || v.length === 0 || v.length > max)
    return malformed(`${key} must be a text of 1–${max} characters`);
  return v;
};
const date = (o: Json, key: string): string =>
  isFullDate(o[key]) ? (o[key] as string) : malformed(`${key} must be a full-date`);
const oneOf = <T extends string>(o: Json, key: string, allowed: readonly T[]): T => {
  const v = o[key];
  return allowed.includes(v as T) ? (v as T) : malformed(`${key} is not an allowed value`);
};

function decodeCard(v: unknown): PhysicalCard {
  const o = obj(v, 'card');
  return {
    cardNumber: text(o, 'cardNumber', 64),
    issuingAuthority: text(o, 'issuingAuthority', 64),
    issueDate: date(o, 'issueDate'),
    expiryDate: date(o, 'expiryDate'),
  };
}

function decodeClaims(v: unknown): PersonClaims {
  const o = obj(v, 'claims');
  const sex = o.sex === 1 || o.sex === 2 ? o.sex : malformed('sex must be 1 or 2');
  const portrait = decodeBase64url(text(o, 'portrait', Math.ceil((MAX_PORTRAIT_BYTES * 4) / 3) + 4));
  return {
    id_number: text(o, 'id_number', 18),
    family_name: text(o, 'family_name', 32),
    given_name: text(o, 'given_name', 32),
    full_name: text(o, 'full_name', 64),
    sex,
    birth_date: date(o, 'birth_date'),
    ethnicity: text(o, 'ethnicity', 2),
    resident_address: text(o, 'resident_address', 128),
    portrait,
  };
}

function decodePayload(type: CardEventType, v: unknown): CardEvent['payload'] {
  const o = obj(v, 'payload');
  switch (type) {
    case 'card.issued':
      return {
        card: decodeCard(o.card),
        claims: decodeClaims(o.claims),
        ...(o.replacesCardNumber === undefined ? {} : { replacesCardNumber: text(o, 'replacesCardNumber', 64) }),
      };
    case 'card.changed': {
      const changed = Array.isArray(o.changed) ? o.changed : malformed('changed must be an array');
      if (changed.length === 0 || changed.length > 2 || !changed.every((f) => CHANGED_FIELDS.includes(f))) {
        malformed('changed must list address and/or name');
      }
      return {
        card: decodeCard(o.card),
        claims: decodeClaims(o.claims),
        previousCardNumber: text(o, 'previousCardNumber', 64),
        changed: changed as ChangedField[],
      };
    }
    case 'card.renewed':
      return {
        card: decodeCard(o.card),
        claims: decodeClaims(o.claims),
        previousCardNumber: text(o, 'previousCardNumber', 64),
      };
    case 'card.reported_lost':
      return { cardNumber: text(o, 'cardNumber', 64), reason: oneOf(o, 'reason', LOST_REASONS) };
    case 'card.cancelled':
      return { cardNumber: text(o, 'cardNumber', 64), reason: oneOf(o, 'reason', CANCELLATION_REASONS) };
  }
}

/**
 * Parses the JSON encoding of an event strictly: bounded length, version 1, every field typed
 * and within bounds. Unknown extra keys are ignored (and dropped). Any failure is
 * `ERR_REGISTRY_EVENT_MALFORMED` (or `ERR_ENCODING_JSON` / `ERR_ENCODING_BASE64URL`).
 */
export function decodeCardEvent(json: string): CardEvent {
  if (typeof json !== 'string') return malformed('must be a string');
  if (json.length > MAX_CARD_EVENT_JSON_LENGTH) throw new ZzError('ERR_INPUT_TOO_LARGE', 'Card event is too large');
  const o = obj(parseJson(json), 'event');
  if (o.version !== CARD_EVENT_VERSION) malformed('unsupported version');
  const eventId = text(o, 'eventId', 36);
  if (!UUID_V4_PATTERN.test(eventId)) malformed('eventId must be a UUID v4');
  const type = oneOf(o, 'type', CARD_EVENT_TYPES);
  const personId = text(o, 'personId', 64);
  const sequence = o.sequence;
  if (typeof sequence !== 'number' || !Number.isSafeInteger(sequence) || sequence < 1) {
    malformed('sequence must be a positive integer');
  }
  const occurredAt = text(o, 'occurredAt', 40);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/.test(occurredAt) || Number.isNaN(Date.parse(occurredAt))) {
    malformed('occurredAt must be an RFC 3339 UTC instant');
  }
  const provinceCode = text(o, 'provinceCode', 2);
  if (!/^\d{2}$/.test(provinceCode)) malformed('provinceCode must be two digits');
  const payload = decodePayload(type, o.payload);
  return { eventId, type, personId, sequence: sequence as number, occurredAt, provinceCode, payload } as CardEvent;
}
