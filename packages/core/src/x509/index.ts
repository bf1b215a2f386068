// X.509 certificates for issuing authorities (ISO/IEC 18013-5 Annex B) and, because the core
// index re-exports only this area, the trust functions built on them. ADR 0005.

export { combineTrustSources } from '../trust/combine-trust-sources.js';
export {
  createStaticTrustSource,
  type StaticTrustAnchor,
  type StaticTrustSourceOptions,
} from '../trust/create-static-trust-source.js';
export {
  type ChainValidationResult,
  type ValidateCertificateChainOptions,
  validateCertificateChain,
} from '../trust/validate-certificate-chain.js';
export { ANNEX_B_LIMITS } from './annex-b.js';
export { CERTIFICATE_KID_LENGTH, certificateKid, certificateThumbprint } from './certificate-kid.js';
export {
  type CreateDocumentSignerCertificateOptions,
  createDocumentSignerCertificate,
} from './create-document-signer-certificate.js';
export { type CreateIacaRootCertificateOptions, createIacaRootCertificate } from './create-iaca-root-certificate.js';
export {
  type AlternativeNameInput,
  type CertificateExtensionsInput,
  type CreateX509CertificateOptions,
  createX509Certificate,
  type KeyUsageName,
} from './create-x509-certificate.js';
export { decodeEcdsaSigValue, encodeEcdsaSigValue } from './der-integer.js';
export type { CertificateName, CertificateSubject } from './name.js';
export { normaliseOid, X509_OID } from './oids.js';
export { MAX_CERTIFICATE_BYTES, type ParsedCertificate, parseCertificate } from './parse-certificate.js';
export { decodeCertificatePem, decodeCertificatePemChain, encodeCertificatePem } from './pem.js';
export { createCertificateSerialNumber } from './serial-number.js';
