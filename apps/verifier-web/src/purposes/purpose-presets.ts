import { getQrPurpose, RESIDENT_ID_TYPE_ID, SOCIAL_SECURITY_CARD_TYPE_ID } from '@zhengzhao/core';

/** The counter situations the app knows (issue 5 §2). */
export type PurposePresetId = 'hotel' | 'age' | 'boarding' | 'internet_cafe' | 'parcel' | 'medical';

/**
 * One thing a purpose needs: an element that must be presented, or proof that the holder is an
 * adult, which `age_over_18`, `birth_date` or the birth date inside `id_number` can give.
 */
export type Requirement = { readonly kind: 'element'; readonly element: string } | { readonly kind: 'adult' };

export interface PurposePreset {
  readonly id: PurposePresetId;
  /** The credential type the preset accepts. */
  readonly typeId: string;
  readonly requirements: readonly Requirement[];
  /**
   * The offline-QR purpose sets of the catalog (`QR_PURPOSES`, docs/qr-format.md §2) that meet
   * the preset; the first one is what the holder should choose in the wallet.
   */
  readonly qrPurposes: readonly string[];
}

const elements = (...ids: readonly string[]): Requirement[] => ids.map((element) => ({ kind: 'element', element }));

/** The catalog's hotel set: the lodging register's fields (旅馆业治安管理办法 §6). */
const HOTEL_ELEMENTS = getQrPurpose(RESIDENT_ID_TYPE_ID, 'hotel').elements;

/**
 * The presets, from the catalog's purpose sets (packages/core/src/catalog/qr-purposes.ts):
 * - hotel check-in: exactly the catalog's `hotel` set (a portrait is welcome, not required);
 * - age check: proof of 18 or over only (`age_over_18`: no name, no number);
 * - boarding and parcel sending: real-name registers, name and ID number (`identity_basic`);
 * - internet café: a real-name register that must also turn minors away, so name, number and
 *   adulthood (derivable from the number's birth date, so `identity_basic` is enough).
 */
export const PURPOSE_PRESETS: readonly PurposePreset[] = [
  {
    id: 'hotel',
    typeId: RESIDENT_ID_TYPE_ID,
    requirements: elements(...HOTEL_ELEMENTS),
    qrPurposes: ['hotel', 'hotel_with_portrait'],
  },
  { id: 'age', typeId: RESIDENT_ID_TYPE_ID, requirements: [{ kind: 'adult' }], qrPurposes: ['age_over_18'] },
  {
    id: 'boarding',
    typeId: RESIDENT_ID_TYPE_ID,
    requirements: elements('full_name', 'id_number'),
    qrPurposes: ['identity_basic', 'hotel', 'hotel_with_portrait'],
  },
  {
    id: 'internet_cafe',
    typeId: RESIDENT_ID_TYPE_ID,
    requirements: [...elements('full_name', 'id_number'), { kind: 'adult' }],
    qrPurposes: ['identity_basic', 'hotel', 'hotel_with_portrait'],
  },
  {
    id: 'parcel',
    typeId: RESIDENT_ID_TYPE_ID,
    requirements: elements('full_name', 'id_number'),
    qrPurposes: ['identity_basic', 'hotel', 'hotel_with_portrait'],
  },
  // hospital registration with the social security card (another authority's licence, issue 7 §1):
  // it has no offline-QR form, so only a proximity session presents it
  {
    id: 'medical',
    typeId: SOCIAL_SECURITY_CARD_TYPE_ID,
    requirements: elements('full_name', 'social_security_number'),
    qrPurposes: [],
  },
];

/** The preset with `id` (the hotel preset for an unknown id, e.g. from an old saved setting). */
export function getPurposePreset(id: string): PurposePreset {
  return PURPOSE_PRESETS.find((preset) => preset.id === id) ?? (PURPOSE_PRESETS[0] as PurposePreset);
}

/** True when `value` names a preset. */
export function isPurposePresetId(value: unknown): value is PurposePresetId {
  return PURPOSE_PRESETS.some((preset) => preset.id === value);
}
