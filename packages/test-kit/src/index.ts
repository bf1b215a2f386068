/**
 * @zhengzhao/test-kit — shared test fixtures (Node only): test issuing authorities with IACA and
 * document-signer certificates for ES256 and SM2, a fixed clock, and suite availability checks.
 *
 * ```ts
 * const clock = fixedClock('2026-03-01T08:00:00Z');
 * const authority = await createTestAuthority({ suite: 'ES256', now: clock.now() });
 * // sign with authority.documentSigner.signer, put authority.chain in x5chain (or authority.kid),
 * // verify with authority.trustSource; negative cases: authority.variants.*
 * ```
 */
export {
  type CreateTestAuthorityOptions,
  createTestAuthority,
  type TestAuthority,
  type TestAuthorityVariants,
  type TestCertificate,
} from './create-test-authority.js';
export {
  createTestNationalRegistry,
  type MutableTrustList,
  TEST_ELEMENTS,
  TEST_REGISTRATION_PROFILES,
  type TestNationalRegistry,
  type TestProvince,
  type TestRelyingParty,
} from './create-test-national-registry.js';
export { type FixedClock, fixedClock } from './fixed-clock.js';
export { freePort } from './free-port.js';
export { hasSuite } from './has-suite.js';
export {
  type IssuedTestCredential,
  issueTestCredential,
  reportOutcome,
  TEST_CREDENTIAL_FORMATS,
  type TestCredentialFormat,
  verifyTestCredential,
} from './issue-test-credential.js';
export {
  type IssuedTestGuardianship,
  type IssueTestGuardianshipOptions,
  issueTestGuardianship,
  syntheticGuardianshipJson,
  syntheticWardJson,
} from './issue-test-guardianship.js';
export {
  type IssuedTestPaperCredential,
  type IssueTestPaperCredentialOptions,
  issueTestPaperCredential,
} from './issue-test-paper-credential.js';
export { syntheticResidentClaims, syntheticResidentJson } from './synthetic-resident.js';
