export {
  ACCESS_LOG_KEY_ID,
  type CreateShareAppOptions,
  createShareApp,
  DEFAULT_REQUEST_TTL_MS,
  SHARE_VERSION,
  type ShareApp,
} from './create-share-app.js';
export type { ShareDatabase } from './db/schema.js';
export { AGENCY_CALL_TYP } from './modules/agencies/authenticate-agency.js';
export { HOLDER_CALL_TYP } from './modules/holders/holder-service.js';
export {
  CONSENT_TYP,
  type ConsentView,
  type HolderRequestView,
  type Retrieval,
} from './modules/requests/share-service.js';
export { type RunningShare, type StartShareOptions, startShare } from './start-share.js';
