import type { ShareContext } from '../../context.js';
import { createAgencyCalls } from './agency-calls.js';
import { createHolderAnswers } from './holder-answers.js';

export type { ApproveBody } from './check-release.js';
export { CONSENT_TYP, MAX_STANDING_CONSENT_MS } from './read-consent.js';
export type { ConsentView, HolderRequestView, Retrieval } from './share-views.js';

/**
 * The sharing service's flows (文件调用). An agency asks for a holder's licence for its registered
 * purpose; the holder approves in the wallet (once, or as a standing consent until a date,
 * revocable) and releases the credential with only the consented elements; the agency retrieves
 * it once per request. Every step, and every refused call, goes into the access log.
 */
export function createShareService(context: ShareContext) {
  return { ...createAgencyCalls(context), ...createHolderAnswers(context) };
}

export type ShareService = ReturnType<typeof createShareService>;
