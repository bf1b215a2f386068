export { trustListCredentialType } from './catalog-entry.js';
export { parseRegisteredElements, parseTrustList } from './parse-trust-list.js';
export {
  type CreateNationalRootOptions,
  type CreateRelyingPartyCertificateOptions,
  createNationalRootCertificate,
  createRelyingPartyCertificate,
  createTrustListSignerCertificate,
  type IssueUnderNationalRootOptions,
} from './registry-certificates.js';
export {
  elementsOutsideRegistration,
  type RelyingPartyRegistration,
  type RequestedElement,
  readRelyingPartyRegistration,
  relyingPartyRegistrationExtension,
} from './relying-party-registration.js';
export { type SignTrustListOptions, signTrustListCose, signTrustListJws } from './sign-trust-list.js';
export { createTrustListSource, type TrustListSource } from './trust-list-source.js';
export * from './trust-list-types.js';
export { type VerifiedTrustList, type VerifyTrustListOptions, verifyTrustList } from './verify-trust-list.js';
