import {
  type DcqlQuery,
  elementNamespace,
  getCredentialType,
  type LocalizedText,
  RESIDENT_ID_TYPE_ID,
  ZzError,
} from '@zhengzhao/core';

/**
 * What a relying party may ask for, by purpose (DESIGN.md §6.2 data minimisation): each preset
 * names exactly the catalog elements (`cn.gov.eid.1`, packages/core/src/catalog) it needs, and a
 * website picks a preset instead of writing its own query.
 */
export interface PresentationPurpose {
  readonly id: string;
  readonly typeId: string;
  readonly elements: readonly string[];
  readonly display: LocalizedText;
}

export const PRESENTATION_PURPOSES: readonly PresentationPurpose[] = [
  {
    id: 'login',
    typeId: RESIDENT_ID_TYPE_ID,
    elements: ['family_name', 'given_name', 'age_over_18'],
    display: { 'zh-CN': '登录政务服务（姓名、是否成年）', en: 'Log in to a government service (name, adult or not)' },
  },
  {
    id: 'age_over_18',
    typeId: RESIDENT_ID_TYPE_ID,
    elements: ['age_over_18'],
    display: { 'zh-CN': '年龄核验（仅是否年满18周岁）', en: 'Age check (over 18 only)' },
  },
  {
    id: 'identity_basic',
    typeId: RESIDENT_ID_TYPE_ID,
    elements: ['full_name', 'id_number'],
    display: { 'zh-CN': '实名登记（姓名、公民身份号码）', en: 'Real-name registration (name, ID number)' },
  },
];

/** The preset `id`, or `ERR_INPUT_INVALID`. */
export function getPresentationPurpose(id: string): PresentationPurpose {
  const purpose = PRESENTATION_PURPOSES.find((entry) => entry.id === id);
  if (!purpose) throw new ZzError('ERR_INPUT_INVALID', 'Unknown purpose');
  return purpose;
}

/** DCQL credential query ids used by {@link dcqlQueryFor}. */
export const DCQL_IDS = { sdJwt: 'eid_sd_jwt', mdoc: 'eid_mdoc' } as const;

/**
 * The DCQL query of a purpose (OpenID4VP 1.0 §6): the same elements as an SD-JWT VC
 * (`vct_values`) or as an mdoc (`doctype_value`, `[namespace, element]` paths, each element in
 * its own namespace, not retained), and one credential set saying that either answers it (SD-JWT first).
 */
export function dcqlQueryFor(purpose: PresentationPurpose): DcqlQuery {
  const type = getCredentialType(purpose.typeId);
  return {
    credentials: [
      {
        id: DCQL_IDS.sdJwt,
        format: 'dc+sd-jwt',
        meta: { vct_values: [purpose.typeId] },
        claims: purpose.elements.map((element) => ({ path: [element] })),
      },
      {
        id: DCQL_IDS.mdoc,
        format: 'mso_mdoc',
        meta: { doctype_value: purpose.typeId },
        claims: purpose.elements.map((element) => ({
          path: [elementNamespace(type, element), element],
          intent_to_retain: false,
        })),
      },
    ],
    credential_sets: [{ options: [[DCQL_IDS.sdJwt], [DCQL_IDS.mdoc]] }],
  };
}
