/**
 * @zhengzhao/layout — signed layout documents (证照版式文件) for Node services and the CLI:
 * render a licence as a printable PDF with its data, portrait and a QR of the signed credential
 * (`renderLayoutDocument`), sign it with a PAdES B-B CMS signature (`signLayoutDocument`), and
 * validate a received file (`validateLayoutDocument`: structure, signature, signer trust, the
 * embedded credential through the caller's verifier).
 */
export { CMS_OID, CMS_SUITES, type CmsSuite } from './cms/cms-oids.js';
export { MAX_CMS_BYTES, type ParsedCmsSignedData, parseCmsSignedData } from './cms/parse-cms-signed-data.js';
export { credentialAttachmentName } from './render/credential-attachment-name.js';
export { type DisplayRow, displayRows } from './render/display-rows.js';
export { type RenderLayoutInput, renderLayoutDocument } from './render/render-layout-document.js';
export { SIGNATURE_CONTENTS_BYTES } from './sign/add-signature-placeholder.js';
export { type LayoutSigner, type SignLayoutOptions, signLayoutDocument } from './sign/sign-layout-document.js';
export { isPdf, MAX_LAYOUT_DOCUMENT_BYTES } from './validate/check-pdf-envelope.js';
export {
  type CredentialReportLike,
  LAYOUT_CHECK_IDS,
  type LayoutCheckId,
  type LayoutCheckResult,
  type LayoutValidationReport,
} from './validate/layout-report.js';
export { type ValidateLayoutOptions, validateLayoutDocument } from './validate/validate-layout-document.js';
export {
  type VerifyEmbeddedCredentialOptions,
  verifyEmbeddedCredential,
} from './validate/verify-embedded-credential.js';
