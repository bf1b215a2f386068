import {
  decodeJwsCompact,
  elementNamespace,
  elementsOutsideRegistration,
  encodeBase64,
  findElement,
  getCredentialType,
  isZzError,
  type LocalizedText,
  verifyJws,
  ZzError,
} from '@zhengzhao/core';
import { newShareId, type ShareContext } from '../../context.js';
import type { ShareLogEntry } from '../access-log/share-access-log.js';
import { authenticateAgency } from '../agencies/authenticate-agency.js';
import { findHolderByHandle } from '../holders/holder-repository.js';
import type { AuthenticatedHolder } from '../holders/holder-service.js';
import {
  type ConsentRow,
  consentsOf,
  findConsent,
  findRelease,
  findRequest,
  pendingRequestsOf,
  type RequestRow,
  standingConsents,
} from './request-repository.js';

/** JWS `typ` of a holder's consent. */
export const CONSENT_TYP = 'zz-share-consent+jwt';
/** Longest standing consent: one year. */
export const MAX_STANDING_CONSENT_MS = 366 * 24 * 3600 * 1000;
const NO_HOLDER = new Uint8Array(32);
/** A log field the refused call never got to (the log has no empty fields). */
const UNKNOWN = '-';
const MAX_ELEMENTS = 64;
const MAX_CREDENTIAL_LENGTH = 64 * 1024;
const MAX_LAYOUT_BYTES = 4 * 1024 * 1024;

/** A request as the holder's wallet shows it. */
export interface HolderRequestView {
  readonly request_id: string;
  readonly agency: { readonly id: string; readonly name: LocalizedText };
  readonly purpose: { readonly id: string; readonly text: LocalizedText };
  readonly doc_type: string;
  readonly elements: readonly string[];
  readonly nonce: string;
  readonly created_at: string;
  readonly expires_at: string;
}

export interface ConsentView {
  readonly consent_id: string;
  readonly agency: string;
  readonly purpose: string;
  readonly doc_type: string;
  readonly elements: readonly string[];
  readonly kind: 'once' | 'standing';
  readonly granted_at: string;
  readonly expires_at: string;
  readonly revoked_at?: string;
}

/** What an agency retrieves under consent. */
export interface Retrieval {
  readonly request_id: string;
  /** The SD-JWT VC the holder released: only the consented disclosures. */
  readonly credential: string;
  /** The holder's consent (compact JWS signed with the holder's registered key). */
  readonly consent: string;
  readonly consent_kind: 'once' | 'standing';
  /** For a one-time consent: the KB-JWT's `aud` and `nonce`. */
  readonly audience?: string;
  readonly nonce?: string;
  /** base64 of the signed layout document (PDF), when the holder released one. */
  readonly layout_document?: string;
}

export interface ApproveBody {
  readonly consent: unknown;
  readonly credential: unknown;
  readonly layout_document?: unknown;
}

/**
 * The sharing service's flows (文件调用). An agency asks for a holder's licence for its registered
 * purpose; the holder approves in the wallet (once, or as a standing consent until a date,
 * revocable) and releases the credential with only the consented elements; the agency retrieves
 * it once per request. Every step, and every refused call, goes into the access log.
 */
export function createShareService(context: ShareContext) {
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
        if (typeof purpose === 'string') seen.purpose = purpose.slice(0, 128);
        if (typeof docType === 'string') seen.docType = docType.slice(0, 128);
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
        if (standing) Object.assign(row, { state: 'approved', consent_id: standing.id, decided_at: now });
        await context.db.insertInto('share_requests').values(row).execute();
        if (standing) {
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
        consent = await readConsent(holder, request, body.consent, now);
        ({ credential, layout } = await checkRelease(request, consent, body));
      } catch (error) {
        await record(
          { ...base, type: 'rejected', elements: [], code: isZzError(error) ? error.code : 'ERR_INTERNAL' },
          holder.row.id,
        );
        throw error;
      }
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
      const elements: string[] = JSON.parse(consent.elements);
      if (consent.kind === 'standing') {
        await record({ ...base, type: 'consent_granted', elements, consentId: consent.id }, holder.row.id);
      }
      await record({ ...base, type: 'approval', elements, consentId: consent.id }, holder.row.id);
      return consentView(consent);
    },

    /** Holder: refuses; nothing is released. */
    async refuse(holder: AuthenticatedHolder, requestId: string): Promise<void> {
      const request = await ownRequest(holder, requestId);
      const updated = await context.db
        .updateTable('share_requests')
        .set({ state: 'refused', decided_at: at().getTime() })
        .where('id', '=', request.id)
        .where('state', '=', 'pending')
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) {
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
      await context.db.transaction().execute(async (tx) => {
        await tx.updateTable('share_consents').set({ revoked_at: now }).where('id', '=', consent.id).execute();
        await tx.deleteFrom('share_releases').where('consent_id', '=', consent.id).execute();
      });
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

  /** The consent JWS: signed by the holder's key, naming exactly this request. */
  async function readConsent(
    holder: AuthenticatedHolder,
    request: RequestRow,
    signed: unknown,
    now: number,
  ): Promise<ConsentRow> {
    if (typeof signed !== 'string') throw new ZzError('ERR_SHARE_CONSENT_INVALID', 'consent must be a compact JWS');
    let payload: Record<string, unknown>;
    try {
      const jws = decodeJwsCompact(signed, 16 * 1024);
      if (jws.header.typ !== CONSENT_TYP) throw new ZzError('ERR_SHARE_CONSENT_INVALID', `typ must be ${CONSENT_TYP}`);
      await verifyJws(context.platform, jws, holder.publicKey);
      payload = jws.payload;
    } catch (error) {
      throw new ZzError('ERR_SHARE_CONSENT_INVALID', 'The consent is not signed by the holder', { cause: error });
    }
    const requested: string[] = JSON.parse(request.elements);
    const elements = payload.elements;
    if (
      payload.request_id !== request.id ||
      payload.agency !== request.agency_id ||
      payload.purpose !== request.purpose ||
      payload.doc_type !== request.doc_type ||
      !Array.isArray(elements) ||
      elements.length === 0 ||
      !elements.every((e) => typeof e === 'string' && requested.includes(e))
    ) {
      throw new ZzError('ERR_SHARE_CONSENT_INVALID', 'The consent does not match the request');
    }
    const kind = payload.kind;
    if (kind !== 'once' && kind !== 'standing')
      throw new ZzError('ERR_SHARE_CONSENT_INVALID', 'kind must be once or standing');
    let expiresAt = request.expires_at;
    if (kind === 'standing') {
      const exp = payload.exp;
      if (typeof exp !== 'number' || exp * 1000 <= now || exp * 1000 > now + MAX_STANDING_CONSENT_MS) {
        throw new ZzError('ERR_SHARE_CONSENT_INVALID', 'A standing consent needs an exp within a year');
      }
      expiresAt = exp * 1000;
    }
    return {
      id: newShareId(context.platform, 'cns'),
      holder_id: holder.row.id,
      agency_id: request.agency_id,
      purpose: request.purpose,
      doc_type: request.doc_type,
      elements: JSON.stringify([...new Set(elements as string[])]),
      kind,
      consent_jws: signed,
      granted_at: now,
      expires_at: expiresAt,
      revoked_at: null,
    };
  }

  /**
   * The released credential must verify (issuer, trust, status; for a one-time consent a KB-JWT
   * for this agency and request nonce) and disclose no element beyond the consent.
   */
  async function checkRelease(
    request: RequestRow,
    consent: ConsentRow,
    body: ApproveBody,
  ): Promise<{ credential: string; layout: Uint8Array | null }> {
    const { credential } = body;
    if (typeof credential !== 'string' || credential.length === 0 || credential.length > MAX_CREDENTIAL_LENGTH) {
      throw new ZzError('ERR_SHARE_RELEASE_INVALID', 'credential must be an SD-JWT VC of at most 64 KiB');
    }
    const report = await context.verifier.verify(credential, {
      expectedType: request.doc_type,
      ...(consent.kind === 'once'
        ? { audience: request.agency_id, nonce: request.nonce }
        : { requireKeyBinding: false }),
    });
    if (!report.valid || report.format !== 'sd-jwt-vc') {
      const failed = report.checks.find((check) => check.outcome === 'failed');
      throw new ZzError(
        'ERR_SHARE_RELEASE_INVALID',
        `The released credential does not verify (${failed?.code ?? 'format'})`,
      );
    }
    const consented: string[] = JSON.parse(consent.elements);
    const type = getCredentialType(request.doc_type);
    const disclosed = Object.keys(report.claims?.[request.doc_type] ?? {}).filter((id) => findElement(type, id));
    if (disclosed.some((id) => !consented.includes(id))) {
      throw new ZzError('ERR_SHARE_RELEASE_INVALID', 'The credential discloses elements beyond the consent');
    }
    let layout: Uint8Array | null = null;
    if (body.layout_document !== undefined) {
      if (typeof body.layout_document !== 'string' || body.layout_document.length > (MAX_LAYOUT_BYTES * 4) / 3 + 4) {
        throw new ZzError('ERR_SHARE_RELEASE_INVALID', 'layout_document must be base64 of at most 4 MiB');
      }
      layout = new Uint8Array(Buffer.from(body.layout_document, 'base64'));
      if (!startsWithPdf(layout)) throw new ZzError('ERR_SHARE_RELEASE_INVALID', 'layout_document is not a PDF');
    }
    return { credential, layout };
  }
}

export type ShareService = ReturnType<typeof createShareService>;

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

function requestView(row: RequestRow): HolderRequestView {
  return {
    request_id: row.id,
    agency: { id: row.agency_id, name: JSON.parse(row.agency_name) },
    purpose: { id: row.purpose, text: JSON.parse(row.purpose_text) },
    doc_type: row.doc_type,
    elements: JSON.parse(row.elements),
    nonce: row.nonce,
    created_at: iso(row.created_at),
    expires_at: iso(row.expires_at),
  };
}

function consentView(row: ConsentRow): ConsentView {
  return {
    consent_id: row.id,
    agency: row.agency_id,
    purpose: row.purpose,
    doc_type: row.doc_type,
    elements: JSON.parse(row.elements),
    kind: row.kind,
    granted_at: iso(row.granted_at),
    expires_at: iso(row.expires_at),
    ...(row.revoked_at !== null ? { revoked_at: iso(row.revoked_at) } : {}),
  };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function logRefOf(base64url: string): Uint8Array {
  return new Uint8Array(Buffer.from(base64url, 'base64url'));
}

function startsWithPdf(bytes: Uint8Array): boolean {
  return bytes.length > 8 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-';
}
