// Public API of this area (draft-ietf-oauth-status-list); re-exported from ../index.ts.
export {
  compressStatusList,
  DEFAULT_MAX_STATUS_LIST_BYTES,
  type DecompressStatusListOptions,
  decompressStatusList,
} from './compress-status-list.js';
export { createInMemoryStatusResolver, type InMemoryStatusEntries } from './create-in-memory-status-resolver.js';
export {
  type CreateStatusListCacheOptions,
  createStatusListCache,
  type StatusListCache,
  type StatusListFetchResult,
} from './create-status-list-cache.js';
export { type IssueStatusListCwtOptions, issueStatusListCwt } from './issue-status-list-cwt.js';
export { type IssueStatusListJwtOptions, issueStatusListJwt } from './issue-status-list-jwt.js';
export { MAX_STATUS_URI_LENGTH, parseStatusReference } from './parse-status-reference.js';
export { statusCodeForValue } from './status-code-for-value.js';
export {
  isStatusListBits,
  STATUS_INVALID,
  STATUS_SUSPENDED,
  STATUS_VALID,
  StatusList,
  type StatusListBits,
} from './status-list.js';
export {
  DEFAULT_MAX_STATUS_LIST_TOKEN_BYTES,
  type IssueStatusListOptions,
  STATUS_LIST_CWT_CLAIM,
  STATUS_LIST_CWT_MEDIA_TYPE,
  STATUS_LIST_JWT_MEDIA_TYPE,
  STATUS_LIST_JWT_TYP,
  type StatusListTrust,
  type VerifiedStatusList,
  type VerifyStatusListOptions,
} from './status-list-token.js';
export { verifyStatusListCwt } from './verify-status-list-cwt.js';
export { verifyStatusListJwt } from './verify-status-list-jwt.js';
