import { type CredentialOffer, PRE_AUTHORIZED_CODE_GRANT, ZzError } from '@zhengzhao/core';
import { isExpired, qrPurposeElements, toCredentialView } from './cards/card-view.js';
import { findCopy, getCard } from './cards/find-copy.js';
import { exportTransactionsJson, listTransactions, logTransaction } from './log/transaction-log.js';
import { presentQrCopy } from './qr/present-qr-copy.js';
import {
  displayNames,
  fetchIssuerMetadata,
  pickDisplayName,
  readOffer,
  supportedConfigurationIds,
} from './receive/read-offer.js';
import { receiveCards } from './receive/receive-cards.js';
import { storeReceivedCards } from './receive/store-received-cards.js';
import {
  CARD_PREFIX,
  type CardRecord,
  COPY_PREFIX,
  type CopyRecord,
  cardRecordId,
  copyPrefix,
} from './records/card-record.js';
import { createSealedRecords, type SealedRecords } from './records/sealed-records.js';
import { refreshCardStatus } from './status/refresh-card-status.js';
import { syncWallet } from './sync/sync-wallet.js';
import {
  addPrfToVault,
  changeVaultPin,
  createVault,
  loadVaultMeta,
  type OpenVault,
  openVaultWithPin,
  openVaultWithPrf,
  pendingPrfSalt,
  pinDelay,
} from './vault/vault.js';
import { DEFAULT_PIN_ITERATIONS } from './vault/vault-constants.js';
import type { VaultMeta } from './vault/vault-meta.js';
import type {
  CreateWalletOptions,
  CredentialView,
  OfferedCredential,
  OfferPreview,
  TakenCopy,
  Wallet,
  WalletState,
} from './wallet-types.js';

const DEFAULT_AUTO_LOCK_SECONDS = 120;
/** Longest wait for one issuer or status-list request before it fails (offline, hung server). */
const FETCH_TIMEOUT_MS = 30_000;

/** `fetchFn` with a deadline on every request that brings no signal of its own. */
function withTimeout(fetchFn: typeof fetch, ms: number): typeof fetch {
  return ((input: Parameters<typeof fetch>[0], init?: RequestInit) =>
    fetchFn(
      input,
      init?.signal || typeof AbortSignal.timeout !== 'function' ? init : { ...init, signal: AbortSignal.timeout(ms) },
    )) as typeof fetch;
}

/**
 * Opens the holder wallet kept in `options.store` (Zhengzhao issue 4): `uninitialised` on first
 * run (call `setUp`), else `locked` (call `unlockWithPin` or `unlockWithPrf`). Everything that
 * touches keys, cards or the log needs `unlocked` and throws `ERR_WALLET_LOCKED` otherwise
 * (`ERR_WALLET_NOT_INITIALISED` before `setUp`). Every such call counts as activity; after
 * `autoLockSeconds` without any (by `clock`), the wallet locks itself and drops its keys.
 */
export async function createWallet(options: CreateWalletOptions): Promise<Wallet> {
  const { platform, store } = options;
  if (typeof platform?.suite !== 'function') throw new ZzError('ERR_INPUT_INVALID', 'A platform is required');
  if (typeof store?.putMany !== 'function') throw new ZzError('ERR_INPUT_INVALID', 'A wallet store is required');
  const clock = options.clock ?? (() => new Date());
  const fetchFn = withTimeout(options.fetch ?? ((input, init) => globalThis.fetch(input, init)), FETCH_TIMEOUT_MS);
  const autoLockSeconds = options.autoLockSeconds ?? DEFAULT_AUTO_LOCK_SECONDS;
  if (!Number.isFinite(autoLockSeconds) || autoLockSeconds < 0) {
    throw new ZzError('ERR_INPUT_INVALID', 'autoLockSeconds must be 0 or more');
  }
  const iterations = options.pinIterations ?? DEFAULT_PIN_ITERATIONS;
  const locale = options.locale ?? 'zh-CN';
  const anchors = options.trustAnchorsPem ? { trustAnchorsPem: options.trustAnchorsPem } : {};
  const batch = options.batchSize !== undefined ? { batchSize: options.batchSize } : {};

  let meta: VaultMeta | undefined = await loadVaultMeta(store);
  let vault: OpenVault | undefined;
  let records: SealedRecords | undefined;
  let lastActivity = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let unlocking: Promise<unknown> = Promise.resolve();
  let writing: Promise<unknown> = Promise.resolve();
  const listeners = new Set<(state: WalletState) => void>();

  const stateNow = (): WalletState => (meta === undefined ? 'uninitialised' : vault ? 'unlocked' : 'locked');
  const emit = () => {
    const state = stateNow();
    for (const listener of listeners) {
      try {
        listener(state);
      } catch {
        // a UI listener must not break the wallet
      }
    }
  };
  const idle = () => autoLockSeconds > 0 && clock().getTime() - lastActivity >= autoLockSeconds * 1000;

  function lock(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const wasOpen = vault !== undefined;
    vault = undefined;
    records = undefined;
    if (wasOpen) emit();
  }

  /** Auto-lock in real time too (a UI must see it): re-checks the injected clock when it fires. */
  function schedule(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (autoLockSeconds === 0 || !vault) return;
    const remaining = Math.max(1000, lastActivity + autoLockSeconds * 1000 - clock().getTime());
    timer = setTimeout(() => {
      timer = undefined;
      if (vault && idle()) lock();
      else schedule();
    }, remaining);
    (timer as { unref?: () => void }).unref?.();
  }

  function touch(): void {
    if (!vault) return;
    if (idle()) {
      lock();
      return;
    }
    lastActivity = clock().getTime();
    schedule();
  }

  /** The open vault for an operation, or the typed error; counts as activity. */
  function open(): { vault: OpenVault; records: SealedRecords } {
    if (meta === undefined) throw new ZzError('ERR_WALLET_NOT_INITIALISED');
    if (vault && idle()) lock();
    if (!vault || !records) throw new ZzError('ERR_WALLET_LOCKED');
    lastActivity = clock().getTime();
    schedule();
    return { vault, records };
  }

  function opened(next: OpenVault): void {
    vault = next;
    meta = next.meta;
    records = createSealedRecords(store, next.dataKey);
    lastActivity = clock().getTime();
    schedule();
    emit();
  }

  /** Unlock attempts one at a time, so that concurrent wrong PINs are all counted. */
  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = unlocking.then(fn, fn);
    unlocking = run.catch(() => undefined);
    return run;
  }

  /**
   * Operations that pick and delete copies run one at a time, so that two presentations started
   * together never take the same one-time copy.
   */
  function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = writing.then(fn, fn);
    writing = run.catch(() => undefined);
    return run;
  }

  const requireMeta = (): VaultMeta => {
    if (meta === undefined) throw new ZzError('ERR_WALLET_NOT_INITIALISED');
    return meta;
  };

  async function allCopies(recs: SealedRecords): Promise<{ id: string; copy: CopyRecord }[]> {
    return (await recs.list('credential', COPY_PREFIX)).map((r) => ({ id: r.id, copy: r.value as CopyRecord }));
  }

  async function refreshQuietly(recs: SealedRecords): Promise<void> {
    try {
      await refreshCardStatus({ platform, records: recs, fetch: fetchFn, now: clock(), ...anchors });
    } catch {
      // status stays as it was; refreshStatus() reports errors
    }
  }

  const wallet: Wallet = {
    platform,
    get state() {
      if (vault && idle()) lock();
      return stateNow();
    },

    async walletId() {
      return requireMeta().walletId;
    },

    setUp: (input) =>
      serial(async () => {
        if (meta !== undefined) throw new ZzError('ERR_WALLET_ALREADY_INITIALISED');
        const next = await createVault(store, platform, {
          pin: input?.pin,
          ...(input?.prf ? { prf: input.prf } : {}),
          iterations,
          prfSalt: await pendingPrfSalt(store),
        });
        opened(next);
      }),

    async addPrf(input) {
      const { vault: v } = open();
      meta = await addPrfToVault(store, v, input);
      vault = { ...v, meta };
    },

    async prfCredentialIds() {
      return (meta?.prf ?? []).map((p) => p.credentialId.slice());
    },

    async prfSalt() {
      return meta ? meta.prfSalt.slice() : (await pendingPrfSalt(store)).slice();
    },

    unlockWithPrf: (output) =>
      serial(async () => {
        const m = requireMeta();
        if (vault) return touch();
        opened(await openVaultWithPrf(store, m, output));
      }),

    unlockWithPin: (pin) =>
      serial(async () => {
        const m = requireMeta();
        if (vault) return touch();
        opened(await openVaultWithPin(store, m, pin, clock()));
      }),

    async pinRetryDelaySeconds() {
      requireMeta();
      return pinDelay(store, clock());
    },

    async changePin(newPin) {
      const { vault: v } = open();
      meta = await changeVaultPin(store, v, newPin, iterations);
      vault = { ...v, meta };
    },

    lock,
    touch,

    onStateChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    async previewOffer(offerText) {
      open();
      const offer: CredentialOffer = await readOffer(offerText, fetchFn);
      const metadata = await fetchIssuerMetadata(fetchFn, offer.credential_issuer);
      const credentials: OfferedCredential[] = supportedConfigurationIds(offer, metadata).map((id) => {
        const c = metadata.credential_configurations_supported[id];
        return {
          configurationId: id,
          format: c?.format ?? '',
          type: c?.doctype ?? c?.vct ?? c?.type_id ?? '',
          ...(c?.purpose !== undefined ? { purpose: c.purpose } : {}),
          name: pickDisplayName(c?.credential_metadata?.display, locale) ?? id,
        };
      });
      const tx = offer.grants?.[PRE_AUTHORIZED_CODE_GRANT]?.tx_code;
      const preview: OfferPreview = {
        credentialIssuer: offer.credential_issuer,
        issuerName: pickDisplayName(metadata.display, locale) ?? new URL(offer.credential_issuer).host,
        issuerNames: displayNames(metadata.display),
        credentials,
        ...(tx
          ? {
              txCode: {
                inputMode: tx.input_mode ?? 'numeric',
                ...(tx.length !== undefined ? { length: tx.length } : {}),
                ...(tx.description !== undefined ? { description: tx.description } : {}),
              },
            }
          : {}),
      };
      return preview;
    },

    async acceptOffer(offerText, txCode) {
      const { vault: v, records: recs } = open();
      const cards = (await recs.list('credential', CARD_PREFIX)).map((r) => r.value as CardRecord);
      const received = await receiveCards(platform, {
        offer: offerText,
        ...(txCode !== undefined ? { txCode } : {}),
        deviceSigner: v.deviceSigner,
        fetch: fetchFn,
        now: clock,
        locale,
        ...batch,
        ...anchors,
        pinned: cards.flatMap((c) => c.dsCertificates),
      });
      const { summaries } = await storeReceivedCards(recs, received);
      await refreshQuietly(recs);
      return summaries;
    },

    async credentials() {
      const { records: recs } = open();
      const now = clock();
      const cards = (await recs.list('credential', CARD_PREFIX)).map((r) => r.value as CardRecord);
      const copies = (await allCopies(recs)).map((c) => c.copy).filter((copy) => !isExpired(copy, now));
      const views: CredentialView[] = cards.map((card) =>
        toCredentialView(
          card,
          copies.filter((c) => c.cardId === card.cardId),
        ),
      );
      return views.sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime());
    },

    deleteCredential: (credentialId) =>
      exclusive(async () => {
        const { records: recs } = open();
        const card = await getCard(recs, credentialId);
        const ids = await recs.ids('credential', copyPrefix(card.cardId));
        await recs.write([
          { kind: 'credential', id: cardRecordId(card.cardId) },
          ...ids.map((id) => ({ kind: 'credential' as const, id })),
        ]);
      }),

    async refreshStatus() {
      const { records: recs } = open();
      await refreshCardStatus({ platform, records: recs, fetch: fetchFn, now: clock(), ...anchors });
    },

    async sync() {
      const { vault: v, records: recs } = open();
      return syncWallet({
        platform,
        records: recs,
        walletId: v.meta.walletId,
        deviceSigner: v.deviceSigner,
        fetch: fetchFn,
        now: clock,
        locale,
        ...batch,
        ...anchors,
      });
    },

    async qrPurposes(credentialId) {
      const { records: recs } = open();
      const card = await getCard(recs, credentialId);
      const now = clock();
      const live = (await recs.list('credential', copyPrefix(card.cardId, 'zz1_qr')))
        .map((r) => r.value as CopyRecord)
        .filter((c) => !isExpired(c, now) && c.purpose !== undefined);
      const purposes = [...new Set(live.map((c) => c.purpose as string))];
      return purposes.map((id) => ({ id, elements: [...(qrPurposeElements(card.type, id) ?? [])] }));
    },

    presentQr: (credentialId, purpose) =>
      exclusive(async () => {
        const { vault: v, records: recs } = open();
        return presentQrCopy(platform, recs, v.deviceSigner, credentialId, purpose, clock());
      }),

    async transactions() {
      const { records: recs } = open();
      return listTransactions(recs);
    },

    async exportTransactions() {
      const { records: recs } = open();
      return exportTransactionsJson(await listTransactions(recs), clock());
    },

    async reset() {
      lock();
      await store.clear();
      meta = undefined;
      emit();
    },

    async deviceSigner() {
      return open().vault.deviceSigner;
    },

    takeCopy: (credentialId, format) =>
      exclusive(async () => {
        const { records: recs } = open();
        if (format !== 'mso_mdoc' && format !== 'dc+sd-jwt') {
          throw new ZzError('ERR_INPUT_INVALID', 'takeCopy hands out mso_mdoc or dc+sd-jwt copies');
        }
        const card = await getCard(recs, credentialId);
        const found = await findCopy(recs, card.cardId, format, undefined, clock());
        await recs.write([
          { kind: 'credential', id: found.id },
          ...found.expiredIds.map((id) => ({ kind: 'credential' as const, id })),
        ]);
        const taken: TakenCopy = {
          credentialId: card.cardId,
          type: card.type,
          format,
          credential: found.copy.credential,
          remaining: found.remaining,
        };
        return taken;
      }),

    recordTransaction: (input) =>
      exclusive(async () => {
        const { records: recs } = open();
        const { entry, write } = logTransaction(platform, input, clock());
        await recs.write([write]);
        return entry;
      }),
  };
  return wallet;
}
