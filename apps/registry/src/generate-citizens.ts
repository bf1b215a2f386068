import { computeCitizenIdCheckDigit, isFullDate, ZzError } from '@zhengzhao/core';
import { cardNumberFromWords } from './card-number.js';
import { cardExpiryForDays } from './card-validity.js';
import { pickGivenName, pickSurname } from './chinese-names.js';
import type { ResidentAddress, SyntheticCitizen } from './citizen.js';
import { daysFromCivil, formatDay, parseDay } from './civil-date.js';
import { type CountyRegion, countiesOfProvince, issuingAuthorityOf } from './county-regions.js';
import { pickEthnicity } from './ethnicity-mix.js';
import { createIndexPermutation } from './id-number-permutation.js';
import { createSeededRandom, hashSeed } from './seeded-random.js';
import { pickStreet } from './street-names.js';
import { uuidFromWords } from './uuid.js';

export interface GenerateCitizensOptions {
  /** Any safe integer or short string; the same seed always yields the same citizens. */
  readonly seed: number | string;
  /** A simulated province code: "11" Beijing, "31" Shanghai, "33" Zhejiang, "44" Guangdong. */
  readonly province: string;
  readonly count: number;
  /** Index of the first citizen (for paging through a large population); default 0. */
  readonly startIndex?: number;
  /** The calendar day the population is observed on: every card is valid that day. Default "2026-01-01". */
  readonly asOf?: string;
}

/** Birth dates span 1940-01-01 … 2010-12-31 (every citizen is at least 15 on 2026-01-01). */
const FIRST_BIRTH_DAY = daysFromCivil(1940, 1, 1);
const BIRTH_DAYS = daysFromCivil(2010, 12, 31) - FIRST_BIRTH_DAY + 1;
/** GB 11643 sequence codes 001–999: odd for men, even for women. */
const SEQUENCES = 999;
const DEFAULT_AS_OF = '2026-01-01';
const MAX_COUNT = 10_000_000;

interface Population {
  readonly counties: readonly CountyRegion[];
  readonly provinceNumber: number;
  readonly seedWords: readonly [number, number];
  readonly permute: (index: number) => number;
  readonly size: number;
  readonly asOfDay: number;
  readonly asOf: string;
}

function preparePopulation(seed: number | string, province: string, asOf: string): Population {
  const counties = typeof province === 'string' ? countiesOfProvince(province) : undefined;
  if (!counties) throw new ZzError('ERR_INPUT_INVALID', 'province is not one the simulator populates');
  if (!isFullDate(asOf) || asOf < '2011-01-01' || asOf > '2099-12-31') {
    throw new ZzError('ERR_INPUT_INVALID', 'asOf must be a full-date between 2011-01-01 and 2099-12-31');
  }
  const seedWords = hashSeed(seed);
  const size = counties.length * BIRTH_DAYS * SEQUENCES;
  const provinceNumber = Number(province);
  const permute = createIndexPermutation(size, seedWords[0] ^ provinceNumber, seedWords[1]);
  return { counties, provinceNumber, seedWords, permute, size, asOfDay: parseDay(asOf), asOf };
}

/**
 * The citizen at `index` of a population: a pure function of (seed, province, index, asOf).
 * The index is mapped through a keyed permutation to a distinct (county, birth date, sequence)
 * triple, so ID numbers never repeat within a population; everything else comes from a
 * per-person SFC32 stream.
 */
function citizenAt(population: Population, province: string, index: number): SyntheticCitizen {
  const { counties, seedWords, asOfDay } = population;
  const random = createSeededRandom(seedWords[0], seedWords[1], index, 0x6d2b79f5 ^ population.provinceNumber);
  const personId = uuidFromWords(random.nextUint32(), random.nextUint32(), random.nextUint32(), random.nextUint32());

  let v = population.permute(index);
  const sequence = (v % SEQUENCES) + 1;
  v = Math.floor(v / SEQUENCES);
  const birthDay = FIRST_BIRTH_DAY + (v % BIRTH_DAYS);
  const birthRegion = counties[Math.floor(v / BIRTH_DAYS)] as CountyRegion;
  const birthDate = formatDay(birthDay);
  const first17 = `${birthRegion.code}${birthDate.slice(0, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}${String(sequence).padStart(3, '0')}`;
  const idNumber = first17 + computeCitizenIdCheckDigit(first17);
  const sex: 1 | 2 = sequence % 2 === 1 ? 1 : 2;

  const familyName = pickSurname(random);
  const givenName = pickGivenName(random, sex);
  const ethnicity = pickEthnicity(random, province);
  const home = random.chance(0.8) ? birthRegion : random.pick(counties);
  const address: ResidentAddress = {
    regionCode: home.code,
    city: home.city,
    district: home.district,
    street: pickStreet(random),
  };

  // A card valid on `asOf`: issued up to 20 years back (not before birth); if that card would
  // already have expired, one issued within the last five years (every term is at least 5).
  const lived = asOfDay - birthDay;
  let issueDay = asOfDay - random.nextInt(Math.min(20 * 365, lived) + 1);
  let expiryDate = cardExpiryForDays(birthDay, issueDay);
  if (expiryDate <= population.asOf) {
    issueDay = asOfDay - random.nextInt(Math.min(5 * 365 - 1, lived) + 1);
    expiryDate = cardExpiryForDays(birthDay, issueDay);
  }

  return {
    personId,
    idNumber,
    familyName,
    givenName,
    fullName: familyName + givenName,
    sex,
    birthDate,
    ethnicity,
    address,
    portraitSeed: random.nextUint32(),
    card: {
      cardNumber: cardNumberFromWords(province, random.nextUint32(), random.nextUint32()),
      issuingAuthority: issuingAuthorityOf(home),
      issueDate: formatDay(issueDay),
      expiryDate,
    },
  };
}

function checkRange(population: Population, startIndex: number, count: number): void {
  if (!Number.isSafeInteger(count) || count < 0 || count > MAX_COUNT) {
    throw new ZzError('ERR_INPUT_INVALID', `count must be an integer from 0 to ${MAX_COUNT}`);
  }
  if (!Number.isSafeInteger(startIndex) || startIndex < 0 || startIndex + count > population.size) {
    throw new ZzError('ERR_INPUT_INVALID', 'startIndex/count outside the population');
  }
}

/**
 * Deterministic synthetic citizens of one province (DESIGN.md §2): valid GB 11643 numbers on
 * real county codes, weighted surnames, sex, ethnicity, an address in the province and a valid
 * physical card. Portraits are not drawn here: call `generatePortrait(citizen)` when needed.
 */
export function generateCitizens(options: GenerateCitizensOptions): SyntheticCitizen[] {
  const { seed, province, count, startIndex = 0, asOf = DEFAULT_AS_OF } = options;
  const population = preparePopulation(seed, province, asOf);
  checkRange(population, startIndex, count);
  const citizens = new Array<SyntheticCitizen>(count);
  for (let i = 0; i < count; i++) citizens[i] = citizenAt(population, province, startIndex + i);
  return citizens;
}

/** The single citizen at `index` (identical to `generateCitizens(...)[index]`). */
export function generateCitizen(
  options: Omit<GenerateCitizensOptions, 'count' | 'startIndex'> & { readonly index: number },
): SyntheticCitizen {
  const { seed, province, index, asOf = DEFAULT_AS_OF } = options;
  const population = preparePopulation(seed, province, asOf);
  checkRange(population, index, 1);
  return citizenAt(population, province, index);
}
