import { isZzError, ZzError } from '@zhengzhao/core';
import type { ShareContext } from '../../context.js';
import type { ShareLogEntry } from '../access-log/share-access-log.js';
import type { AuthenticatedHolder } from '../holders/holder-service.js';
import { type ApproveBody, checkRelease } from './check-release.js';
import { readConsent } from './read-consent.js';
import {
  type ConsentRow,
  consentsOf,
  findConsent,
  findRequest,
  pendingRequestsOf,
  type RequestRow,
} from './request-repository.js';
import { UNKNOWN } from './share-log-fields.js';
import { type ConsentView, consentView, type HolderRequestView, requestView } from './share-views.js';

/**
 * The holder's side of the sharing service: the requests waiting, approval with a signed consent
 * and a release checked against it, refusal, the consents and their revocation — each logged.
 */
export function createHolderAnswers(context: ShareContext) {
  const at = () => context.clock();
  const record = (entry: ShareLogEntry, holderId?: string) => context.log.append(entry, holderId);

  return {
    /** Holder: requests waiting for an answer. */
    async pending(holder: AuthenticatedHolder): Promise<HolderRequestView[]> {
      const rows = await pendingRequestsOf(context, holder.row.id, at().getTime());
      return rows.map(requestView);
    },

    /** Holder: approves with a signed consent and the release (credential, optional layout document). */
    async approve(holder: AuthenticatedHolder, requestId: string, body: ApproveBody): Promise<ConsentView> {
      const request = await ownRequest(holder, requestId);
      const now = at().getTime();
      if (request.state !== 'pending' || request.expires_at <= now) {
        throw new ZzError('ERR_SHARE_REQUEST_STATE', 'The request is no longer waiting for an answer');
      }
      const base = {
        agency: request.agency_id,
        requestId: request.id,
        purpose: request.purpose,
        docType: request.doc_type,
        holder: holder.logRef,
      };
      let consent: ConsentRow;
      let credential: string;
      let layout: Uint8Array | null;
      try {
        consent = await readConsent(context, holder, request, body.consent, now);
        ({ credential, layout } = await checkRelease(context, request, consent, body));
      } catch (error) {
        await record(
          { ...base, type: 'rejected', elements: [], code: isZzError(error) ? error.code : 'ERR_INTERNAL' },
          holder.row.id,
        );
        throw error;
      }
      // write-ahead: logged before it takes effect (an entry without an effect after a crash, never
      // an effect without an entry)
      const elements: string[] = JSON.parse(consent.elements);
      if (consent.kind === 'standing') {
        await record({ ...base, type: 'consent_granted', elements, consentId: consent.id }, holder.row.id);
      }
      await record({ ...base, type: 'approval', elements, consentId: consent.id }, holder.row.id);
      await context.db.transaction().execute(async (tx) => {
        await tx.insertInto('share_consents').values(consent).execute();
        await tx
          .insertInto('share_releases')
          .values({ consent_id: consent.id, credential, layout_document: layout, created_at: now })
          .execute();
        const updated = await tx
          .updateTable('share_requests')
          .set({ state: 'approved', consent_id: consent.id, decided_at: now })
          .where('id', '=', request.id)
          .where('state', '=', 'pending')
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) {
          throw new ZzError('ERR_SHARE_REQUEST_STATE', 'The request was answered meanwhile');
        }
      });
      return consentView(consent);
    },

    /** Holder: refuses; nothing is released. */
    async refuse(holder: AuthenticatedHolder, requestId: string): Promise<void> {
      const request = await ownRequest(holder, requestId);
      if (request.state !== 'pending') {
        throw new ZzError('ERR_SHARE_REQUEST_STATE', 'The request is no longer waiting for an answer');
      }
      await record(
        {
          type: 'refusal',
          agency: request.agency_id,
          requestId: request.id,
          purpose: request.purpose,
          docType: request.doc_type,
          elements: JSON.parse(request.elements),
          holder: holder.logRef,
        },
        holder.row.id,
      );
      const updated = await context.db
        .updateTable('share_requests')
        .set({ state: 'refused', decided_at: at().getTime() })
        .where('id', '=', request.id)
        .where('state', '=', 'pending')
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) {
        throw new ZzError('ERR_SHARE_REQUEST_STATE', 'The request was answered meanwhile');
      }
    },

    async consents(holder: AuthenticatedHolder): Promise<ConsentView[]> {
      return (await consentsOf(context, holder.row.id)).map(consentView);
    },

    /** Holder: revokes a consent at once; its release is deleted and later requests are refused. */
    async revoke(holder: AuthenticatedHolder, consentId: string): Promise<ConsentView> {
      const consent = await findConsent(context, consentId);
      if (!consent || consent.holder_id !== holder.row.id) {
        throw new ZzError('ERR_SHARE_CONSENT_UNKNOWN', 'No such consent of this holder');
      }
      if (consent.revoked_at !== null) return consentView(consent);
      const now = at().getTime();
      await record(
        {
          type: 'consent_revoked',
          agency: consent.agency_id,
          requestId: UNKNOWN,
          purpose: consent.purpose,
          docType: consent.doc_type,
          elements: JSON.parse(consent.elements),
          holder: holder.logRef,
          consentId: consent.id,
        },
        holder.row.id,
      );
      await context.db.transaction().execute(async (tx) => {
        await tx.updateTable('share_consents').set({ revoked_at: now }).where('id', '=', consent.id).execute();
        await tx.deleteFrom('share_releases').where('consent_id', '=', consent.id).execute();
      });
      return consentView({ ...consent, revoked_at: now });
    },
  };

  async function ownRequest(holder: AuthenticatedHolder, requestId: string): Promise<RequestRow> {
    const request = await findRequest(context, requestId);
    if (!request || request.holder_id !== holder.row.id) {
      throw new ZzError('ERR_SHARE_REQUEST_UNKNOWN', 'No such request for this holder');
    }
    return request;
  }
}
