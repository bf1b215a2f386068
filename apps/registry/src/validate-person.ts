import { findEthnicityCode, findProvinceCode, isFullDate, validateCitizenId, ZzError } from '@zhengzhao/core';
import { formatResidentAddress, type PersonData, type PhysicalCard, type ResidentAddress } from './citizen.js';

const invalid = (what: string): never => {
  throw new ZzError('ERR_INPUT_INVALID', what);
};

/** A printable text of 1–max characters without control characters (names never echoed). */
function checkText(value: unknown, name: string, max: number): string {
  if (typeof value !== 'string' || value.length === 0 || [...value].length > max) {
    return invalid(`${name} must be a text of 1–${max} characters`);
  }
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) invalid(`${name} must not contain control characters`);
  }
  return value;
}

/** An opaque person id: 1–64 characters of [A-Za-z0-9-]. */
export function checkPersonId(personId: unknown): string {
  return typeof personId === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(personId)
    ? personId
    : invalid('personId must be 1–64 characters of A–Z, a–z, 0–9 or "-"');
}

/** Validates a structured address; the printed line must fit the catalog's 128 characters. */
export function validateResidentAddress(address: unknown): ResidentAddress {
  if (typeof address !== 'object' || address === null) return invalid('address must be an object');
  const a = address as Record<string, unknown>;
  if (
    typeof a.regionCode !== 'string' ||
    !/^\d{6}$/.test(a.regionCode) ||
    !findProvinceCode(a.regionCode.slice(0, 2))
  ) {
    invalid('address.regionCode must be a six-digit code in a known province');
  }
  const result: ResidentAddress = {
    regionCode: a.regionCode as string,
    city: checkText(a.city, 'address.city', 32),
    district: checkText(a.district, 'address.district', 32),
    street: checkText(a.street, 'address.street', 64),
  };
  if ([...formatResidentAddress(result)].length > 128) invalid('address is longer than 128 characters');
  return result;
}

/** Validates a name change: family name 1–16, given name 1–16 characters. */
export function validatePersonName(name: unknown): { familyName: string; givenName: string } {
  if (typeof name !== 'object' || name === null) return invalid('name must be an object');
  const n = name as Record<string, unknown>;
  return { familyName: checkText(n.familyName, 'familyName', 16), givenName: checkText(n.givenName, 'givenName', 16) };
}

/**
 * Validates a person: a valid GB 11643 number whose birth date and sex agree with the record,
 * names, ethnicity (GB/T 3304), address and portrait seed.
 */
export function validatePersonData(person: PersonData): PersonData {
  if (typeof person !== 'object' || person === null) return invalid('person must be an object');
  const personId = checkPersonId(person.personId);
  const parts = validateCitizenId(person.idNumber);
  if (parts.birthDate !== person.birthDate || parts.sex !== person.sex) {
    invalid('birthDate and sex must agree with the ID number');
  }
  const { familyName, givenName } = validatePersonName(person);
  if (person.fullName !== familyName + givenName) invalid('fullName must be familyName followed by givenName');
  if (typeof person.ethnicity !== 'string' || !findEthnicityCode(person.ethnicity)) {
    invalid('ethnicity must be a GB/T 3304 code');
  }
  const address = validateResidentAddress(person.address);
  const seed = person.portraitSeed;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) invalid('portraitSeed must be a uint32');
  return {
    personId,
    idNumber: person.idNumber,
    familyName,
    givenName,
    fullName: person.fullName,
    sex: person.sex,
    birthDate: person.birthDate,
    ethnicity: person.ethnicity,
    address,
    portraitSeed: seed,
  };
}

/** Validates an existing physical card (for import). */
export function validatePhysicalCard(card: unknown): PhysicalCard {
  if (typeof card !== 'object' || card === null) return invalid('card must be an object');
  const c = card as Record<string, unknown>;
  if (!isFullDate(c.issueDate) || !isFullDate(c.expiryDate) || c.expiryDate <= c.issueDate) {
    invalid('card dates must be full-dates with expiry after issue');
  }
  return {
    cardNumber: checkText(c.cardNumber, 'card.cardNumber', 64),
    issuingAuthority: checkText(c.issuingAuthority, 'card.issuingAuthority', 64),
    issueDate: c.issueDate as string,
    expiryDate: c.expiryDate as string,
  };
}
