import { ageOn, chinaDateOf, validateCitizenId } from '@zhengzhao/core';
import type { PurposePreset } from './purpose-presets.js';

/** Whether what was presented is enough for the preset, and if not, what is missing. */
export type PurposeCoverage =
  | { readonly covered: true }
  | { readonly covered: false; readonly reason: 'wrong_type' }
  | { readonly covered: false; readonly reason: 'underage' }
  | { readonly covered: false; readonly reason: 'missing'; readonly missing: readonly string[] };

/** Adult or not from what was presented; undefined when nothing presented says. */
function isAdult(claims: Readonly<Record<string, unknown>>, now: Date): boolean | undefined {
  const over18 = claims.age_over_18;
  if (typeof over18 === 'boolean') return over18;
  const today = chinaDateOf(now);
  const birthDate = claims.birth_date;
  if (typeof birthDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return ageOn(birthDate, today) >= 18;
  const idNumber = claims.id_number;
  if (typeof idNumber === 'string') {
    try {
      // GB 11643-1999 §6: positions 7–14 are the birth date; the issuer signed the whole number.
      return ageOn(validateCitizenId(idNumber).birthDate, today) >= 18;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Checks that a VALID report's disclosed claims cover the preset: the credential type matches,
 * every required element was presented, and an adult requirement is met. `age_over_18: false`
 * (or a birth date under 18) is `underage`, which a counter must treat as a refusal. The
 * elements that are missing are listed so the clerk can ask for the right QR code.
 */
export function checkPurposeCoverage(
  preset: PurposePreset,
  credentialType: string | undefined,
  claims: Readonly<Record<string, unknown>>,
  now: Date,
): PurposeCoverage {
  if (credentialType !== preset.typeId) return { covered: false, reason: 'wrong_type' };
  const missing: string[] = [];
  let underage = false;
  for (const requirement of preset.requirements) {
    if (requirement.kind === 'element') {
      if (claims[requirement.element] === undefined) missing.push(requirement.element);
      continue;
    }
    const adult = isAdult(claims, now);
    if (adult === undefined) missing.push('age_over_18');
    else if (!adult) underage = true;
  }
  if (missing.length > 0) return { covered: false, reason: 'missing', missing };
  if (underage) return { covered: false, reason: 'underage' };
  return { covered: true };
}
