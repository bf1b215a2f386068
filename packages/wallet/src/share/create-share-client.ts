import {
  encodeBase64,
  encodeBase64url,
  jwkToPublicKey,
  parseJson,
  presentSdJwtVc,
  publicKeyToJwk,
  SHARE_CONSENT_TYP,
  SHARE_HOLDER_CALL_TYP,
  signJwsCompact,
  utf8Decode,
  utf8Encode,
  ZzError,
} from '@zhengzhao/core';
import { callIssuerJson } from '../issuer/call-issuer-json.js';
import type { WalletStore } from '../store/wallet-store.js';
import type { Wallet, WalletFetch } from '../wallet-types.js';
import { type CheckedAccessLog, checkAccessLog, type HolderLogResponse } from './check-access-log.js';
import { requestLayoutDocument } from './request-layout-document.js';
import type { ShareConsent, ShareRegistration, ShareRequest } from './share-types.js';

const TIMEOUT_MS = 15_000;

export interface ShareClientOptions {
  readonly wallet: Wallet;
  /** The wallet's store: the registration is kept as a `meta` record. */
  readonly store: WalletStore;
  /** The sharing service's public URL (the `aud` of every signed call). */
  readonly shareUrl: string;
  readonly fetch?: WalletFetch;
  readonly clock?: () => Date;
}

export interface ApproveShareOptions {
  /** The card to release from (a `dc+sd-jwt` copy is taken and used up). */
  readonly credentialId: string;
  /** `once` (default) or `standing` until `until`. */
  readonly kind?: 'once' | 'standing';
  readonly until?: Date;
  /** Release fewer elements than asked (default: all requested). */
  readonly elements?: readonly string[];
  /** The signed layout document (PDF bytes) to attach; or `fromIssuer` to fetch the card's own now. */
  readonly layoutDocument?: Uint8Array | 'fromIssuer';
}

/**
 * The holder's side of the sharing service (文件调用): registration (the wallet's device key signs
 * every call and consent), the requests waiting, approval with a signed consent and a release
 * holding only the consented elements, refusal, consents and their revocation, and the access log
 * checked against the pinned log key (inclusion of every entry, consistency with the last head).
 */
export function createShareClient(options: ShareClientOptions) {
  const { wallet, store, shareUrl } = options;
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  const clock = options.clock ?? (() => new Date());
  const metaId = `share:${shareUrl}`;
  const url = (path: string) => new URL(path, shareUrl).toString();
  const seconds = () => Math.floor(clock().getTime() / 1000);

  const registration = async (): Promise<ShareRegistration | undefined> => {
    const bytes = await store.get('meta', metaId);
    return bytes ? (parseJson(utf8Decode(bytes)) as ShareRegistration) : undefined;
  };
  const save = (value: ShareRegistration) => store.put('meta', metaId, utf8Encode(JSON.stringify(value)));
  const registered = async (): Promise<ShareRegistration> => {
    const value = await registration();
    if (!value) throw new ZzError('ERR_SHARE_AUTH_INVALID', 'This wallet has not registered for sharing yet');
    return value;
  };

  const cardOf = async (credentialId: string) => {
    const card = (await wallet.credentials()).find((view) => view.credentialId === credentialId);
    if (!card) throw new ZzError('ERR_WALLET_CREDENTIAL_UNKNOWN', 'No such card in the wallet');
    return card;
  };

  const holderCall = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const { holderId } = await registered();
    const signer = await wallet.deviceSigner();
    const token = await signJwsCompact(
      signer,
      { typ: SHARE_HOLDER_CALL_TYP },
      {
        sub: holderId,
        aud: shareUrl,
        htm: method,
        htu: path,
        iat: seconds(),
        jti: encodeBase64url(wallet.platform.randomBytes(16)),
      },
    );
    return callIssuerJson(fetchFn, url(path), {
      method,
      headers: { authorization: `ZZ-Holder ${token}` },
      ...(body !== undefined ? { body } : {}),
      maxLength: 4 * 1024 * 1024,
      timeoutMs: TIMEOUT_MS,
    });
  };

  return {
    registration,

    /** Registers once (idempotent) and pins the log key; returns the share code. */
    async register(): Promise<ShareRegistration> {
      const existing = await registration();
      if (existing) return existing;
      const signer = await wallet.deviceSigner();
      const holder = await callIssuerJson(fetchFn, url('/holders'), {
        method: 'POST',
        body: { public_jwk: publicKeyToJwk(signer.publicKey) },
        timeoutMs: TIMEOUT_MS,
      });
      const key = await callIssuerJson(fetchFn, url('/log/key'), { method: 'GET', timeoutMs: TIMEOUT_MS });
      const value: ShareRegistration = {
        shareUrl,
        holderId: String(holder.holder_id),
        handle: String(holder.handle),
        logKeyJwk: key.public_jwk as Record<string, unknown>,
        logId: String(key.log_id),
      };
      await save(value);
      return value;
    },

    async requests(): Promise<ShareRequest[]> {
      return (await holderCall('GET', '/holder/requests')).requests as ShareRequest[];
    },

    async consents(): Promise<ShareConsent[]> {
      return (await holderCall('GET', '/holder/consents')).consents as ShareConsent[];
    },

    /** Approves: a consent signed with the device key and a release of only the consented elements. */
    async approve(request: ShareRequest, approval: ApproveShareOptions): Promise<ShareConsent> {
      const kind = approval.kind ?? 'once';
      const elements = approval.elements ?? request.elements;
      if (elements.length === 0 || elements.some((id) => !request.elements.includes(id))) {
        throw new ZzError('ERR_INPUT_INVALID', 'Release only elements the agency asked for');
      }
      if (kind === 'standing' && !(approval.until instanceof Date)) {
        throw new ZzError('ERR_INPUT_INVALID', 'A standing consent needs an end date');
      }
      const card = await cardOf(approval.credentialId);
      if (card.type !== request.doc_type)
        throw new ZzError('ERR_INPUT_INVALID', 'The card is not of the requested type');
      const signer = await wallet.deviceSigner();
      const consent = await signJwsCompact(
        signer,
        { typ: SHARE_CONSENT_TYP },
        {
          request_id: request.request_id,
          agency: request.agency.id,
          purpose: request.purpose.id,
          doc_type: request.doc_type,
          elements,
          kind,
          iat: seconds(),
          ...(kind === 'standing' ? { exp: Math.floor((approval.until as Date).getTime() / 1000) } : {}),
        },
      );
      // fetched before a one-time copy is used up, so a failure here costs no copy
      const layoutDocument =
        approval.layoutDocument === 'fromIssuer'
          ? await requestLayoutDocument(wallet.platform, {
              issuer: card.issuer.url,
              walletId: await wallet.walletId(),
              deviceSigner: signer,
              fetch: fetchFn,
              now: clock(),
            })
          : approval.layoutDocument;
      const copy = await wallet.takeCopy(approval.credentialId, 'dc+sd-jwt');
      const credential = await presentSdJwtVc(wallet.platform, copy.credential, {
        disclose: elements,
        now: clock(),
        ...(kind === 'once' ? { holderSigner: signer, audience: request.agency.id, nonce: request.nonce } : {}),
      });
      const path = `/holder/requests/${encodeURIComponent(request.request_id)}/approve`;
      const result = await holderCall('POST', path, {
        consent,
        credential,
        ...(layoutDocument ? { layout_document: encodeBase64(layoutDocument) } : {}),
      });
      await wallet.recordTransaction({
        channel: 'share',
        verifier: request.agency.name['zh-CN'],
        verifierOrganisation: request.agency.id,
        purpose: request.purpose.id,
        credentialType: request.doc_type,
        credentialId: approval.credentialId,
        elements: [...elements],
      });
      return result as unknown as ShareConsent;
    },

    async refuse(request: ShareRequest): Promise<void> {
      await holderCall('POST', `/holder/requests/${encodeURIComponent(request.request_id)}/refuse`);
    },

    async revoke(consentId: string): Promise<ShareConsent> {
      return (await holderCall(
        'POST',
        `/holder/consents/${encodeURIComponent(consentId)}/revoke`,
      )) as unknown as ShareConsent;
    },

    /** The holder's access-log entries, each proven; the verified head is kept for the next check. */
    async accessLog(): Promise<CheckedAccessLog> {
      const value = await registered();
      const response = (await holderCall('GET', '/holder/log')) as unknown as HolderLogResponse;
      const checked = await checkAccessLog(wallet.platform, response, {
        logKey: jwkToPublicKey(value.logKeyJwk),
        logId: value.logId,
        ...(value.knownHead ? { known: value.knownHead } : {}),
        consistencyProof: async (from, to) => {
          const proof = await callIssuerJson(fetchFn, url(`/log/proof/consistency?from=${from}&to=${to}`), {
            method: 'GET',
            timeoutMs: TIMEOUT_MS,
          });
          return proof.proof as string[];
        },
      });
      await save({
        ...value,
        knownHead: { size: checked.head.treeSize, root: encodeBase64url(checked.head.rootHash) },
      });
      return checked;
    },
  };
}

export type ShareClient = ReturnType<typeof createShareClient>;
