import {
  elementNamespace,
  elementsOutsideRegistration,
  encodeBase64,
  findElement,
  getCredentialType,
  isZzError,
  ZzError,
} from '@zhengzhao/core';
import { newShareId, type ShareContext } from '../../context.js';
import type { ShareLogEntry } from '../access-log/share-access-log.js';
import { authenticateAgency } from '../agencies/authenticate-agency.js';
import { findHolderByHandle } from '../holders/holder-repository.js';
import { findConsent, findRelease, findRequest, type RequestRow, standingConsents } from './request-repository.js';
import { logRefOf, NO_HOLDER, UNKNOWN } from './share-log-fields.js';
import { iso, type Retrieval } from './share-views.js';

const MAX_ELEMENTS = 64;

/**
 * The agency's side of the sharing service: a signed request for a holder's licence (within its
 * registration; approved at once under a standing consent of the holder) and the signed
 * retrieval of what the holder released. Every refused call is logged, attributed as far as it
 * got, before its error is returned.
 */
export function createAgencyCalls(context: ShareContext) {
  const at = () => context.clock();
  const record = (entry: ShareLogEntry, holderId?: string) => context.log.append(entry, holderId);

  /** Logs a refused agency call (attributed as far as it got), then rethrows it. */
  const rejected = async (
    error: unknown,
    seen: {
      agency?: string;
      holder?: Uint8Array;
      holderId?: string;
      requestId?: string;
      purpose?: string;
      docType?: string;
    },
  ): Promise<never> => {
    await record(
      {
        type: 'rejected',
        agency: seen.agency ?? 'unauthenticated',
        requestId: seen.requestId ?? UNKNOWN,
        purpose: seen.purpose || UNKNOWN,
        docType: seen.docType || UNKNOWN,
        elements: [],
        holder: seen.holder ?? NO_HOLDER,
        code: isZzError(error) ? error.code : 'ERR_INTERNAL',
      },
      seen.holderId,
    );
    throw error;
  };

  return {
    /** Agency: a signed request `{handle, doc_type, elements, purpose}`. */
    async request(signed: unknown): Promise<{ request_id: string; state: 'pending' | 'approved'; expires_at: string }> {
      const seen: Parameters<typeof rejected>[1] = {};
      try {
        const { agency, token } = await authenticateAgency(context, signed);
        seen.agency = agency.id;
        const { handle, doc_type: docType, elements, purpose } = token.payload;
        // only identifiers reach the log, never free text an agency sent
        if (isIdentifier(purpose)) seen.purpose = purpose;
        if (isIdentifier(docType)) seen.docType = docType;
        const holder = typeof handle === 'string' ? await findHolderByHandle(context, handle) : undefined;
        if (holder) Object.assign(seen, { holder: logRefOf(holder.log_ref), holderId: holder.id });
        const requested = readElements(docType, elements);
        if (!holder) throw new ZzError('ERR_SHARE_HOLDER_UNKNOWN', 'No holder with this share code');
        if (purpose !== agency.profile) {
          throw new ZzError(
            'ERR_SHARE_PURPOSE_NOT_REGISTERED',
            'The purpose is not the one the agency is registered for',
          );
        }
        const type = getCredentialType(docType as string);
        const beyond = elementsOutsideRegistration(
          requested.map((identifier) => ({
            docType: type.typeId,
            namespace: elementNamespace(type, identifier),
            identifier,
          })),
          agency.elements,
        );
        if (beyond.length > 0) {
          throw new ZzError('ERR_READER_SCOPE', `${beyond.length} requested element(s) are outside the registration`);
        }
        const now = at().getTime();
        const row: RequestRow = {
          id: newShareId(context.platform, 'req'),
          holder_id: holder.id,
          agency_id: agency.id,
          agency_name: JSON.stringify(agency.name),
          purpose: agency.profile,
          purpose_text: JSON.stringify(agency.purpose),
          doc_type: type.typeId,
          elements: JSON.stringify(requested),
          nonce: newShareId(context.platform, 'n'),
          state: 'pending',
          consent_id: null,
          created_at: now,
          expires_at: now + context.requestTtlMs,
          decided_at: null,
          retrieved_at: null,
        };
        const standing = (await standingConsents(context, holder.id, agency.id, type.typeId, now)).find(
          (consent) => consent.purpose === row.purpose && covers(JSON.parse(consent.elements), requested),
        );
        const base = { agency: agency.id, requestId: row.id, purpose: row.purpose, docType: row.doc_type };
        await record({ ...base, type: 'request', elements: requested, holder: logRefOf(holder.log_ref) }, holder.id);
        if (standing) {
          Object.assign(row, { state: 'approved', consent_id: standing.id, decided_at: now });
          await record(
            {
              ...base,
              type: 'approval',
              elements: requested,
              holder: logRefOf(holder.log_ref),
              consentId: standing.id,
            },
            holder.id,
          );
        }
        await context.db.insertInto('share_requests').values(row).execute();
        return { request_id: row.id, state: row.state as 'pending' | 'approved', expires_at: iso(row.expires_at) };
      } catch (error) {
        return rejected(error, seen);
      }
    },

    /** Agency: a signed retrieval `{request_id}`. Releases only under a standing consent. */
    async retrieve(signed: unknown): Promise<Retrieval> {
      const seen: Parameters<typeof rejected>[1] = {};
      try {
        const { agency, token } = await authenticateAgency(context, signed);
        seen.agency = agency.id;
        const requestId = token.payload.request_id;
        const request = typeof requestId === 'string' ? await findRequest(context, requestId) : undefined;
        if (!request || request.agency_id !== agency.id) {
          throw new ZzError('ERR_SHARE_REQUEST_UNKNOWN', 'No such request of this agency');
        }
        Object.assign(seen, { requestId: request.id, purpose: request.purpose, docType: request.doc_type });
        const holderRow = await context.db
          .selectFrom('share_holders')
          .select('log_ref')
          .where('id', '=', request.holder_id)
          .executeTakeFirstOrThrow();
        Object.assign(seen, { holder: logRefOf(holderRow.log_ref), holderId: request.holder_id });
        if (request.state === 'refused') throw new ZzError('ERR_SHARE_REFUSED', 'The holder refused this request');
        if (request.state === 'retrieved') throw new ZzError('ERR_SHARE_ALREADY_RETRIEVED', 'Already retrieved');
        if (request.state !== 'approved' || request.consent_id === null) {
          throw new ZzError('ERR_SHARE_NOT_CONSENTED', 'The holder has not consented to this request');
        }
        const consent = await findConsent(context, request.consent_id);
        const now = at().getTime();
        if (!consent || consent.revoked_at !== null || consent.expires_at <= now) {
          throw new ZzError('ERR_SHARE_NOT_CONSENTED', 'The consent was revoked or has ended');
        }
        const release = await findRelease(context, consent.id);
        if (!release) throw new ZzError('ERR_SHARE_NOT_CONSENTED', 'Nothing was released under this consent');
        // write-ahead: the holder's log has the retrieval before anything is handed over, so a crash
        // can leave an entry without a release, never a release without an entry
        await record(
          {
            type: 'retrieval',
            agency: agency.id,
            requestId: request.id,
            purpose: request.purpose,
            docType: request.doc_type,
            elements: JSON.parse(consent.elements),
            holder: logRefOf(holderRow.log_ref),
            consentId: consent.id,
          },
          request.holder_id,
        );
        const claimed = await context.db
          .updateTable('share_requests')
          .set({ state: 'retrieved', retrieved_at: now })
          .where('id', '=', request.id)
          .where('state', '=', 'approved')
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) !== 1) throw new ZzError('ERR_SHARE_ALREADY_RETRIEVED', 'Already retrieved');
        if (consent.kind === 'once') {
          // a one-time release is handed over once and not kept
          await context.db.deleteFrom('share_releases').where('consent_id', '=', consent.id).execute();
        }
        return {
          request_id: request.id,
          credential: release.credential,
          consent: consent.consent_jws,
          consent_kind: consent.kind,
          ...(consent.kind === 'once' ? { audience: agency.id, nonce: request.nonce } : {}),
          ...(release.layout_document ? { layout_document: encodeBase64(release.layout_document) } : {}),
        };
      } catch (error) {
        return rejected(error, seen);
      }
    },
  };
}

function readElements(docType: unknown, elements: unknown): string[] {
  if (typeof docType !== 'string') throw new ZzError('ERR_INPUT_INVALID', 'doc_type must be a string');
  const type = getCredentialType(docType);
  if (!Array.isArray(elements) || elements.length === 0 || elements.length > MAX_ELEMENTS) {
    throw new ZzError('ERR_INPUT_INVALID', `elements must be 1–${MAX_ELEMENTS} element ids`);
  }
  for (const id of elements) {
    if (typeof id !== 'string' || !findElement(type, id)) {
      throw new ZzError('ERR_INPUT_INVALID', 'An element is not part of the credential type');
    }
  }
  return [...new Set(elements as string[])];
}

function covers(consented: readonly string[], requested: readonly string[]): boolean {
  return requested.every((id) => consented.includes(id));
}

const IDENTIFIER = /^[A-Za-z0-9._:-]{1,128}$/;

function isIdentifier(value: unknown): value is string {
  return typeof value === 'string' && IDENTIFIER.test(value);
}
