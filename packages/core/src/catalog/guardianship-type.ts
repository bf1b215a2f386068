import { validateCitizenId } from './citizen-id.js';
import type { ClaimValue, CredentialTypeDefinition, ElementDefinition, LocalizedText } from './credential-type.js';

/**
 * The guardianship credential (监护关系证明), docType, `vct` and namespace `cn.gov.guardianship.1`:
 * issued into the guardian's wallet, bound to the guardian's device key, by the authority that
 * knows the relation (household register, civil affairs, a court). Presented beside a ward's
 * credential held in the same wallet, it tells the verifier who presents and under what right
 * (docs/adr/0011-guardian-delegation.md).
 */
export const GUARDIANSHIP_TYPE_ID = 'cn.gov.guardianship.1';

/** One kind of guardianship the Civil Code knows (中华人民共和国民法典 第二十七条至第三十三条). */
export interface GuardianshipRelationship {
  readonly code: string;
  readonly display: LocalizedText;
}

/** The relationship codes of the `relationship` element; a verifier refuses any other. */
export const GUARDIANSHIP_RELATIONSHIPS: readonly GuardianshipRelationship[] = [
  // art. 27 ¶1: parents of a minor
  { code: 'parent', display: { 'zh-CN': '父母', en: 'Parent' } },
  // art. 27 ¶2 (1)–(2): grandparents, elder siblings of a minor
  { code: 'grandparent', display: { 'zh-CN': '祖父母、外祖父母', en: 'Grandparent' } },
  { code: 'sibling', display: { 'zh-CN': '兄、姐', en: 'Elder sibling' } },
  // art. 28: guardians of an adult without (full) capacity
  { code: 'spouse', display: { 'zh-CN': '配偶', en: 'Spouse' } },
  { code: 'adult_child', display: { 'zh-CN': '成年子女', en: 'Adult child' } },
  { code: 'near_relative', display: { 'zh-CN': '其他近亲属', en: 'Other near relative' } },
  // art. 27 ¶2 (3), art. 28 (4): another willing person, with the committee's or civil affairs' consent
  { code: 'consented_person', display: { 'zh-CN': '经同意的其他个人', en: 'Other person (consented)' } },
  // art. 29–31, 33: by will, by agreement, designated, appointed by a court, chosen in advance
  { code: 'testamentary', display: { 'zh-CN': '遗嘱指定监护人', en: 'Guardian by will' } },
  { code: 'agreement', display: { 'zh-CN': '协议确定监护人', en: 'Guardian by agreement' } },
  { code: 'designated', display: { 'zh-CN': '指定监护人', en: 'Designated guardian' } },
  { code: 'court_appointed', display: { 'zh-CN': '人民法院指定监护人', en: 'Court-appointed guardian' } },
  { code: 'voluntary', display: { 'zh-CN': '意定监护人', en: 'Guardian chosen in advance' } },
];

/** The relationship with `code`, or undefined. */
export function findGuardianshipRelationship(code: unknown): GuardianshipRelationship | undefined {
  return typeof code === 'string' ? GUARDIANSHIP_RELATIONSHIPS.find((entry) => entry.code === code) : undefined;
}

/** At most this many docTypes in `scope`. */
export const MAX_GUARDIANSHIP_SCOPE = 8;

const DOC_TYPE = /^[a-z0-9]+(\.[a-z0-9_-]+)+$/;

/**
 * `scope` is the docTypes the delegation covers, separated by single spaces (the catalog's
 * element kinds have no arrays; OAuth `scope` uses the same form, RFC 6749 §3.3).
 */
export function parseGuardianshipScope(value: unknown): readonly string[] | undefined {
  if (typeof value !== 'string') return undefined;
  const types = value.split(' ');
  if (types.length > MAX_GUARDIANSHIP_SCOPE || new Set(types).size !== types.length) return undefined;
  if (!types.every((type) => DOC_TYPE.test(type) && type !== GUARDIANSHIP_TYPE_ID)) return undefined;
  return types;
}

const relationship = (value: ClaimValue): string | undefined =>
  findGuardianshipRelationship(value) ? undefined : 'must be a known relationship code';

const scope = (value: ClaimValue): string | undefined =>
  parseGuardianshipScope(value)
    ? undefined
    : `must be 1–${MAX_GUARDIANSHIP_SCOPE} distinct docTypes separated by single spaces`;

const citizenId = (value: ClaimValue): string | undefined => {
  try {
    validateCitizenId(value as string);
    return undefined;
  } catch {
    return 'must be a valid GB 11643 citizen identity number';
  }
};

/** This type uses text and dates only. */
type Spec = Pick<ElementDefinition, 'id' | 'display' | 'personal' | 'sensitive' | 'maxLength' | 'check'> & {
  readonly valueType: 'tstr' | 'full-date';
};

const CDDL = { tstr: 'tstr', 'full-date': 'full-date' } as const;
const JSON_TYPE = { tstr: 'string', 'full-date': 'string (YYYY-MM-DD)' } as const;

const name = (id: string, zh: string, en: string): Spec => ({
  id,
  valueType: 'tstr',
  maxLength: 32,
  display: { 'zh-CN': zh, en },
  personal: true,
  sensitive: false,
});
const date = (id: string, zh: string, en: string): Spec => ({
  id,
  valueType: 'full-date',
  display: { 'zh-CN': zh, en },
  personal: false,
  sensitive: false,
});

const SPECS: readonly Spec[] = [
  name('guardian_family_name', '监护人姓', 'Guardian family name'),
  name('guardian_given_name', '监护人名', 'Guardian given name'),
  {
    id: 'relationship',
    valueType: 'tstr',
    check: relationship,
    display: { 'zh-CN': '监护关系', en: 'Relationship' },
    personal: true,
    sensitive: false,
  },
  {
    id: 'ward_id_number',
    valueType: 'tstr',
    check: citizenId,
    display: { 'zh-CN': '被监护人公民身份号码', en: 'Ward citizen ID number' },
    personal: true,
    sensitive: true,
  },
  name('ward_family_name', '被监护人姓', 'Ward family name'),
  name('ward_given_name', '被监护人名', 'Ward given name'),
  {
    id: 'scope',
    valueType: 'tstr',
    maxLength: 256,
    check: scope,
    display: { 'zh-CN': '代为出示的证照', en: 'Credentials covered' },
    personal: false,
    sensitive: false,
  },
  date('valid_from', '监护起始日期', 'Valid from'),
  date('valid_until', '监护终止日期', 'Valid until'),
  {
    id: 'document_number',
    valueType: 'tstr',
    maxLength: 32,
    display: { 'zh-CN': '证明编号', en: 'Document number' },
    personal: false,
    sensitive: false,
  },
  {
    id: 'issuing_authority',
    valueType: 'tstr',
    maxLength: 64,
    display: { 'zh-CN': '出具机关', en: 'Issuing authority' },
    personal: false,
    sensitive: false,
  },
  date('issue_date', '出具日期', 'Date of issue'),
];

/** Catalog entry for the guardianship credential (监护关系证明). */
export const GUARDIANSHIP_TYPE: CredentialTypeDefinition = {
  typeId: GUARDIANSHIP_TYPE_ID,
  namespace: GUARDIANSHIP_TYPE_ID,
  display: { 'zh-CN': '监护关系证明', en: 'Guardianship certificate' },
  elements: SPECS.map((spec) => ({
    ...spec,
    cbor: CDDL[spec.valueType],
    json: JSON_TYPE[spec.valueType],
    derived: false,
  })),
};
