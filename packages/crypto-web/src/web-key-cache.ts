import { BoundedCache, bytesKey } from '@zhengzhao/core';

/**
 * Imported CryptoKeys by the uncompressed point. It holds the import promise, so concurrent
 * verifications with a new key import it once; a failed import is dropped so that the error is
 * thrown again, not cached.
 */
export class WebKeyCache {
  private readonly cache: BoundedCache<string, Promise<CryptoKey>>;

  constructor(
    private readonly importKey: (point: Uint8Array) => Promise<CryptoKey>,
    maxEntries = 1024,
  ) {
    this.cache = new BoundedCache(maxEntries);
  }

  get(point: Uint8Array): Promise<CryptoKey> {
    if (!(point instanceof Uint8Array) || point.length !== 65) return this.importKey(point); // rejects, typed
    const id = bytesKey(point);
    return this.cache.getOrCreate(id, () => {
      const key = this.importKey(point);
      key.catch(() => this.cache.delete(id));
      return key;
    });
  }
}
