import { findProvinceCode } from '@zhengzhao/core';

/** A resident address, structured so that a clerk UI and the SQL store can keep its parts. */
export interface ResidentAddress {
  /** Six-digit GB/T 2260 code of the county-level region of residence (decides the authority). */
  readonly regionCode: string;
  /** Prefecture-level city or municipality, e.g. "广州市". */
  readonly city: string;
  /** District or county-level city, e.g. "天河区". */
  readonly district: string;
  /** Street or road with number and, optionally, building and room, e.g. "中山路128号3栋502房". */
  readonly street: string;
}

/** The physical card (居民身份证) as the registry knows it. */
export interface PhysicalCard {
  /** The card's own identifier; never the citizen identity number. A new card has a new one. */
  readonly cardNumber: string;
  /** 签发机关, e.g. "广州市公安局天河分局". */
  readonly issuingAuthority: string;
  /** "YYYY-MM-DD". */
  readonly issueDate: string;
  /** "YYYY-MM-DD", or `LONG_TERM_EXPIRY_DATE` ("9999-12-31") for a long-term card (长期). */
  readonly expiryDate: string;
}

/** A person's registry data, without any card. */
export interface PersonData {
  /** Opaque internal identifier (UUID-shaped); never derived from or equal to the ID number. */
  readonly personId: string;
  /** GB 11643 citizen identity number (18 characters). */
  readonly idNumber: string;
  readonly familyName: string;
  readonly givenName: string;
  /** Family name followed by given name, without a space (Chinese order). */
  readonly fullName: string;
  /** GB/T 2261.1: 1 male, 2 female; agrees with the parity of the ID number's sequence code. */
  readonly sex: 1 | 2;
  /** "YYYY-MM-DD"; agrees with the ID number. */
  readonly birthDate: string;
  /** GB/T 3304 two-digit code, "01" = 汉族. */
  readonly ethnicity: string;
  readonly address: ResidentAddress;
  /** Seed of the synthetic portrait (`generatePortrait`), drawn lazily on demand. */
  readonly portraitSeed: number;
}

/** A synthetic citizen with the physical card they currently hold. */
export interface SyntheticCitizen extends PersonData {
  readonly card: PhysicalCard;
}

/**
 * The one-line address printed on the card: province, city, district, street — with the
 * municipality written once ("北京市海淀区…", not "北京市北京市海淀区…").
 */
export function formatResidentAddress(address: ResidentAddress): string {
  const province = findProvinceCode(address.regionCode.slice(0, 2))?.zhCN ?? '';
  const city = address.city === province ? '' : address.city;
  return `${province}${city}${address.district}${address.street}`;
}
