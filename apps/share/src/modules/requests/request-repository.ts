import type { ShareContext } from '../../context.js';
import type { ShareConsentsTable, ShareReleasesTable, ShareRequestsTable } from '../../db/schema.js';

export type RequestRow = ShareRequestsTable;
export type ConsentRow = ShareConsentsTable;
export type ReleaseRow = ShareReleasesTable;

export function findRequest(context: ShareContext, id: string): Promise<RequestRow | undefined> {
  return context.db.selectFrom('share_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findConsent(context: ShareContext, id: string): Promise<ConsentRow | undefined> {
  return context.db.selectFrom('share_consents').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findRelease(context: ShareContext, consentId: string): Promise<ReleaseRow | undefined> {
  return context.db.selectFrom('share_releases').selectAll().where('consent_id', '=', consentId).executeTakeFirst();
}

/** The holder's standing consents for one agency and credential type that have not ended at `now`. */
export function standingConsents(
  context: ShareContext,
  holderId: string,
  agencyId: string,
  docType: string,
  now: number,
): Promise<ConsentRow[]> {
  return context.db
    .selectFrom('share_consents')
    .selectAll()
    .where('holder_id', '=', holderId)
    .where('agency_id', '=', agencyId)
    .where('doc_type', '=', docType)
    .where('kind', '=', 'standing')
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .execute();
}

export function pendingRequestsOf(context: ShareContext, holderId: string, now: number): Promise<RequestRow[]> {
  return context.db
    .selectFrom('share_requests')
    .selectAll()
    .where('holder_id', '=', holderId)
    .where('state', '=', 'pending')
    .where('expires_at', '>', now)
    .orderBy('created_at')
    .limit(100)
    .execute();
}

export function consentsOf(context: ShareContext, holderId: string): Promise<ConsentRow[]> {
  return context.db
    .selectFrom('share_consents')
    .selectAll()
    .where('holder_id', '=', holderId)
    .orderBy('granted_at', 'desc')
    .limit(200)
    .execute();
}
