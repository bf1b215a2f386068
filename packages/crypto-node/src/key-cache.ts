import { BoundedCache, bytesKey } from '@zhengzhao/core';

/**
 * Imported public keys by their uncompressed point. Importing a key costs more than verifying
 * with it, and verifiers see the same few issuer keys again and again.
 */
export class KeyCache<K> {
  private readonly cache: BoundedCache<string, K>;

  constructor(
    private readonly importKey: (point: Uint8Array) => K,
    maxEntries = 4096,
  ) {
    this.cache = new BoundedCache(maxEntries);
  }

  get(point: Uint8Array): K {
    if (!(point instanceof Uint8Array)) return this.importKey(point); // throws the adapter's typed error
    return this.cache.getOrCreate(bytesKey(point), () => this.importKey(point));
  }
}
