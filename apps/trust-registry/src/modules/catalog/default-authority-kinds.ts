/**
 * Which kinds of authority may issue each credential type, until an administrator changes it
 * (`PUT /admin/catalog/:typeId`). Types of the code's catalog missing here start with no kind:
 * no authority can be enrolled for them before their kinds are set.
 */
export const DEFAULT_AUTHORITY_KINDS: Readonly<Record<string, readonly string[]>> = {
  /** Resident identity card: the public-security departments (居民身份证法 §8). */
  'cn.gov.eid.1': ['public_security'],
  /** Driving licence. */
  'cn.gov.mdl.1': ['transport'],
  /** Social security card: the human-resources and social-security departments. */
  'cn.gov.sscard.1': ['human_resources'],
  /** Degree certificate: education authorities. */
  'cn.gov.degree.1': ['education'],
};

/** The default kinds of `typeId` (a copy; empty when the type has none). */
export function defaultAuthorityKinds(typeId: string): string[] {
  return Object.hasOwn(DEFAULT_AUTHORITY_KINDS, typeId) ? [...(DEFAULT_AUTHORITY_KINDS[typeId] ?? [])] : [];
}
