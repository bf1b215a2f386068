import type { SeededRandom } from './seeded-random.js';

/**
 * Rough ethnic composition per province (GB/T 3304 codes; 7th census orders of magnitude): the
 * Han majority ("01") plus the province's larger minorities. Weights are per ten thousand.
 */
const MIX: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  '11': [
    ['01', 9540],
    ['11', 200],
    ['03', 120],
    ['02', 40],
    ['10', 20],
    ['15', 20],
    ['08', 20],
    ['04', 10],
    ['05', 10],
    ['06', 20],
  ],
  '31': [
    ['01', 9880],
    ['03', 30],
    ['06', 15],
    ['15', 15],
    ['11', 15],
    ['08', 15],
    ['10', 10],
    ['02', 5],
    ['22', 5],
    ['12', 10],
  ],
  '33': [
    ['01', 9750],
    ['22', 40],
    ['15', 50],
    ['06', 60],
    ['12', 30],
    ['08', 20],
    ['09', 20],
    ['03', 10],
    ['37', 20],
  ],
  '44': [
    ['01', 9750],
    ['08', 100],
    ['15', 40],
    ['06', 30],
    ['13', 30],
    ['12', 20],
    ['03', 10],
    ['22', 5],
    ['09', 10],
    ['07', 5],
  ],
};
const DEFAULT_MIX: readonly (readonly [string, number])[] = [
  ['01', 9150],
  ['08', 150],
  ['03', 120],
  ['11', 100],
  ['05', 90],
  ['06', 80],
  ['07', 70],
  ['15', 70],
  ['04', 50],
  ['02', 50],
  ['12', 30],
  ['13', 20],
  ['10', 20],
];

/** An ethnicity code drawn from the province's mix. */
export function pickEthnicity(random: SeededRandom, provinceCode: string): string {
  const mix = MIX[provinceCode] ?? DEFAULT_MIX;
  let total = 0;
  for (const [, weight] of mix) total += weight;
  let target = random.nextInt(total);
  for (const [code, weight] of mix) {
    if (target < weight) return code;
    target -= weight;
  }
  return '01';
}
