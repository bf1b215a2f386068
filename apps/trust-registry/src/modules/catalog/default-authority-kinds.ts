/**
 * Which kinds of authority may issue each credential type, until an administrator changes it
 * (`PUT /admin/catalog/:typeId`). Types of the code's catalog missing here start with no kind:
 * no authority can be enrolled for them before their kinds are set.
 */
export const DEFAULT_AUTHORITY_KINDS: Readonly<Record<string, readonly string[]>> = {
  /** Resident identity card: the public-security departments (居民身份证法 §8). */
  'cn.gov.eid.1': ['public_security'],
  /**
   * Driving licence (ISO mDL docType): issued by the traffic administration departments of the
   * public-security organs (道路交通安全法 §19).
   */
  'org.iso.18013.5.1.mDL': ['public_security'],
  /** Social security card: the human-resources and social-security departments. */
  'cn.gov.sscard.1': ['human_resources'],
  /** Degree certificate: degree-awarding institutions (学位法). */
  'cn.edu.degree.1': ['education'],
  /** Marriage certificate: civil-affairs marriage registries (婚姻登记条例 §2). */
  'cn.gov.marriage.1': ['civil_affairs'],
  /** Real-estate certificate: real-estate registries of the natural-resources departments. */
  'cn.gov.realestate.1': ['natural_resources'],
  /** Household register: the public-security household registration organs (户口登记条例 §3). */
  'cn.gov.hukou.1': ['public_security'],
  /**
   * Guardianship (监护关系证明, ADR 0011): the household-registration organs, which record parents
   * (户口登记条例 §3), and the civil-affairs departments, which record appointed guardians
   * (民法典 §§27–32).
   */
  'cn.gov.guardianship.1': ['public_security', 'civil_affairs'],
};

/** The default kinds of `typeId` (a copy; empty when the type has none). */
export function defaultAuthorityKinds(typeId: string): string[] {
  return Object.hasOwn(DEFAULT_AUTHORITY_KINDS, typeId) ? [...(DEFAULT_AUTHORITY_KINDS[typeId] ?? [])] : [];
}
