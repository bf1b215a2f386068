export {
  type CheckedAccessLog,
  checkAccessLog,
  type HolderLogResponse,
  type KnownTreeHead,
} from './check-access-log.js';
export {
  type ApproveShareOptions,
  createShareClient,
  type ShareClient,
  type ShareClientOptions,
} from './create-share-client.js';
export type { ShareConsent, ShareRegistration, ShareRequest } from './share-types.js';
