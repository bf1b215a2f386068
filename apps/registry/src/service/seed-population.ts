import { isZzError, ZzError } from '@zhengzhao/core';
import type { Registry } from '../create-registry.js';
import { generateCitizens } from '../generate-citizens.js';
import type { RegistryStore } from '../registry-store.js';
import type { RegistryDirectory } from './registry-directory.js';

/** The synthetic population a registry starts with. */
export interface PopulationConfig {
  /** A simulated province: "11", "31", "33" or "44". */
  readonly province: string;
  /** Same seed → same citizens (ids, numbers, names, cards). */
  readonly seed: string | number;
  /** How many citizens to seed (0–100 000; default of the service: 200). */
  readonly population: number;
  /**
   * How many of them (the last ones) are registered WITHOUT a card, so a clerk can demonstrate a
   * first issue; default 0. The others are imported with the card they hold (a `card.issued`
   * event each, so the issuer knows them at once and they may activate a wallet).
   */
  readonly withoutCard?: number;
  /** The day the population is observed on (cards valid that day); default "2026-01-01". */
  readonly asOf?: string;
}

const MAX_SEED = 100_000;

/**
 * Seeds the population on first start, deterministically from the seed. Resumable and
 * idempotent: a person already present is skipped, so a crash half-way or two instances
 * starting together end with the same population. Returns how many persons were added.
 */
export async function seedPopulation(
  registry: Registry,
  store: RegistryStore & Pick<RegistryDirectory, 'countPersons'>,
  config: PopulationConfig,
): Promise<number> {
  const { population } = config;
  const withoutCard = config.withoutCard ?? 0;
  if (!Number.isSafeInteger(population) || population < 0 || population > MAX_SEED) {
    throw new ZzError('ERR_CONFIG_INVALID', `population must be an integer from 0 to ${MAX_SEED}`);
  }
  if (!Number.isSafeInteger(withoutCard) || withoutCard < 0 || withoutCard > population) {
    throw new ZzError('ERR_CONFIG_INVALID', 'withoutCard must be an integer from 0 to population');
  }
  if ((await store.countPersons()) >= population) return 0;
  const citizens = generateCitizens({
    seed: config.seed,
    province: config.province,
    count: population,
    ...(config.asOf ? { asOf: config.asOf } : {}),
  });
  let added = 0;
  for (const [index, citizen] of citizens.entries()) {
    if (await store.getPerson(citizen.personId)) continue;
    try {
      if (index >= population - withoutCard) {
        const { card: _card, ...person } = citizen;
        await registry.registerPerson(person);
      } else {
        await registry.importCitizen(citizen);
      }
      added++;
    } catch (error) {
      if (!isZzError(error, 'ERR_REGISTRY_PERSON_EXISTS')) throw error;
    }
  }
  return added;
}
