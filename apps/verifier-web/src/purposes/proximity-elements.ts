import type { PurposePreset } from './purpose-presets.js';

/** Elements that prove adulthood by themselves (a birth date; GB 11643 §6: the number holds one). */
const PROVES_AGE = new Set(['age_over_18', 'birth_date', 'id_number']);

/**
 * The elements a proximity session asks the holder for, for a preset (Zhengzhao issue 5 §2):
 * the preset's elements, `age_over_18` for an adult requirement that no requested element
 * already answers (no name or number just to learn the age), and always the full `portrait`,
 * which is what a session offers over a QR code: the clerk compares the signed photo with the
 * face in front of them.
 */
export function proximityElements(preset: PurposePreset): string[] {
  const elements: string[] = [];
  const add = (element: string) => {
    if (!elements.includes(element)) elements.push(element);
  };
  for (const requirement of preset.requirements) {
    if (requirement.kind === 'element') add(requirement.element);
  }
  if (preset.requirements.some((requirement) => requirement.kind === 'adult')) {
    if (!elements.some((element) => PROVES_AGE.has(element))) add('age_over_18');
  }
  add('portrait');
  return elements;
}
