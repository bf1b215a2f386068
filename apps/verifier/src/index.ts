/**
 * @zhengzhao/verifier-service — the verifier as an HTTP service (issue 5 §3–4): `POST /verify`
 * for back-office integrations, OpenID4VP 1.0 verifier endpoints for websites, and a demo
 * government-service login page.
 */

export type { RateLimitSettings } from '@zhengzhao/server-kit';
export {
  type CreateVerifierServiceAppOptions,
  createVerifierServiceApp,
  DEFAULT_VERIFY_BODY_LIMIT,
  VERIFIER_SERVICE_VERSION,
  type VerifierServiceApp,
  type VerifierServices,
} from './create-verifier-service-app.js';
export {
  type ApiKey,
  type ApiKeyAuthenticator,
  createApiKeyAuthenticator,
  MIN_API_KEY_LENGTH,
  parseApiKeys,
} from './modules/auth/api-keys.js';
export { LOGIN_PAGE_CSP } from './modules/login-page/routes.js';
export {
  createDemoRequestSigning,
  type DemoRequestSigning,
} from './modules/oid4vp/create-demo-request-signing.js';
export {
  DCQL_IDS,
  dcqlQueryFor,
  getPresentationPurpose,
  PRESENTATION_PURPOSES,
  type PresentationPurpose,
} from './modules/oid4vp/purposes.js';
export {
  createRelyingPartyRoot,
  generateRelyingPartyKeys,
  issueRelyingPartyCertificate,
  READER_AUTH_EKU,
  type RelyingPartyAuthority,
  type RelyingPartyLeaf,
} from './modules/oid4vp/relying-party-certificates.js';
export type {
  CreatedSession,
  CreateSessionInput,
  PresentationService,
  RequestSigning,
  SessionView,
} from './modules/oid4vp/service.js';
export type {
  PresentationFlow,
  PresentationSession,
  SessionResult,
  SessionStatus,
  SessionStore,
} from './modules/oid4vp/session-store.js';
export { type ReportJson, renderReport } from './modules/verify/render-report.js';
export {
  createVerificationEngine,
  type EngineReport,
  type EngineVerifyOptions,
  type VerificationEngine,
  type VerificationEngineOptions,
} from './modules/verify/verification-engine.js';
export {
  type RunningVerifierService,
  type StartVerifierServiceOptions,
  startVerifierService,
} from './start-verifier-service.js';
