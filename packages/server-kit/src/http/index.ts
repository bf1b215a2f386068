export { type CloseOnSignalsOptions, type Closer, closeOnSignals, type GracefulShutdown } from './close-on-signals.js';
export { createHttpApp, DEFAULT_BODY_LIMIT, type HttpApp, type HttpAppOptions } from './create-http-app.js';
export {
  PROBLEM_CONTENT_TYPE,
  PROBLEM_TYPE_BASE,
  type ProblemDetails,
  type ProblemFieldError,
  problemFor,
  toProblemDetails,
} from './problem-details.js';
export { PROBLEM_SCHEMA, problemResponses } from './problem-schema.js';
export { type ReadinessCheck, ReadinessChecks, type ReadinessResult } from './readiness.js';
export { type PublicCorsOptions, registerPublicCors } from './register-public-cors.js';
export { type RateLimitSettings, rateLimitConfig, registerRateLimit } from './register-rate-limit.js';
export { registerStaticSite, type StaticSiteOptions } from './register-static-site.js';
