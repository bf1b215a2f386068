import {
  issueStatusListCwt,
  issueStatusListJwt,
  type Platform,
  STATUS_LIST_CWT_MEDIA_TYPE,
  STATUS_LIST_JWT_MEDIA_TYPE,
  StatusList,
  ZzError,
} from '@zhengzhao/core';
import type { IssuerSigning } from '../../signing.js';
import type { StatusLists } from './status-lists.js';

/** The two token forms of draft-ietf-oauth-status-list §5. */
export type StatusListForm = 'jwt' | 'cwt';

/** A signed status list token ready to serve. */
export interface PublishedStatusList {
  readonly form: StatusListForm;
  readonly mediaType: string;
  /** JWT text or CWT bytes. */
  readonly body: string | Uint8Array;
  /** Strong ETag naming this exact token. */
  readonly etag: string;
  readonly issuedAt: Date;
  readonly expiresAt: Date;
  readonly ttlSeconds: number;
}

export interface StatusListPublisherOptions {
  readonly platform: Platform;
  /** The signing key, or a function giving the active one (read once per token: key rotation). */
  readonly signing: IssuerSigning | (() => IssuerSigning);
  readonly lists: StatusLists;
  readonly clock: () => Date;
  /** Token `ttl` and HTTP max-age, seconds (draft §5.1, §8.2). */
  readonly ttlSeconds: number;
  /** Token lifetime (`exp − iat`), seconds. */
  readonly lifetimeSeconds: number;
}

interface Cached {
  readonly version: number;
  readonly token: PublishedStatusList;
}

/**
 * Signs and caches one token per shard and form. A token is re-signed only when its shard
 * changed since (the in-memory list's version moved) or when half its lifetime has passed;
 * otherwise the cached token, its ETag and its `iat` are served as they are. Concurrent requests
 * share one signing. The list is snapshotted before compression, so a change during signing
 * lands in the next token, never half in this one.
 */
export class StatusListPublisher {
  readonly #options: StatusListPublisherOptions;
  readonly #cache = new Map<string, Cached>();
  readonly #pending = new Map<string, Promise<PublishedStatusList>>();

  constructor(options: StatusListPublisherOptions) {
    if (!Number.isSafeInteger(options.ttlSeconds) || options.ttlSeconds < 1) {
      throw new ZzError('ERR_CONFIG_INVALID', 'Status list ttl must be a positive number of seconds');
    }
    if (!Number.isSafeInteger(options.lifetimeSeconds) || options.lifetimeSeconds <= options.ttlSeconds) {
      throw new ZzError('ERR_CONFIG_INVALID', 'Status list lifetime must be longer than its ttl');
    }
    this.#options = options;
  }

  /** The current token of `shardId` in `form`; `ERR_ISSUER_STATUS_SHARD_UNKNOWN` if none. */
  async publish(shardId: number, form: StatusListForm): Promise<PublishedStatusList> {
    const live = this.#options.lists.get(shardId);
    if (!live) throw new ZzError('ERR_ISSUER_STATUS_SHARD_UNKNOWN', 'No status list with this id');
    const key = `${shardId}/${form}`;
    const now = this.#options.clock();
    const cached = this.#cache.get(key);
    const halfLife = (this.#options.lifetimeSeconds * 1000) / 2;
    if (
      cached &&
      cached.version === live.version &&
      now.getTime() - cached.token.issuedAt.getTime() < halfLife &&
      now.getTime() >= cached.token.issuedAt.getTime() - 1000
    ) {
      return cached.token;
    }
    const pending = this.#pending.get(key);
    if (pending) return pending;
    const signing = this.#sign(shardId, form, now).finally(() => this.#pending.delete(key));
    this.#pending.set(key, signing);
    return signing;
  }

  /** Drops every cached token (after a key rotation). */
  clear(): void {
    this.#cache.clear();
  }

  async #sign(shardId: number, form: StatusListForm, now: Date): Promise<PublishedStatusList> {
    const live = this.#options.lists.get(shardId);
    if (!live) throw new ZzError('ERR_ISSUER_STATUS_SHARD_UNKNOWN', 'No status list with this id');
    const { platform, ttlSeconds, lifetimeSeconds } = this.#options;
    const signing = typeof this.#options.signing === 'function' ? this.#options.signing() : this.#options.signing;
    const version = live.version;
    const snapshot = new StatusList(live.list.size, live.list.bits, live.list.bytes.slice());
    const issuedAt = new Date(Math.floor(now.getTime() / 1000) * 1000);
    const expiresAt = new Date(issuedAt.getTime() + lifetimeSeconds * 1000);
    const common = {
      uri: live.uri,
      list: snapshot,
      issuedAt,
      expiresAt,
      ttlSeconds,
      certificateChain: signing.certificateChain,
    };
    const body =
      form === 'jwt'
        ? await issueStatusListJwt(platform, signing.signer, common)
        : await issueStatusListCwt(platform, signing.signer, { ...common, kid: signing.kid });
    const token: PublishedStatusList = {
      form,
      mediaType: form === 'jwt' ? STATUS_LIST_JWT_MEDIA_TYPE : STATUS_LIST_CWT_MEDIA_TYPE,
      body,
      etag: `"${shardId}-${form}-${issuedAt.getTime() / 1000}-${version}"`,
      issuedAt,
      expiresAt,
      ttlSeconds,
    };
    this.#cache.set(`${shardId}/${form}`, { version, token });
    return token;
  }
}
