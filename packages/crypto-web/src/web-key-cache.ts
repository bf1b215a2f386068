/**
 * A bounded cache of imported CryptoKeys keyed by the uncompressed point bytes. It holds the
 * import promise, so concurrent verifications with a new key import it once; a failed import is
 * dropped so that the error is thrown again, not cached.
 */
export class WebKeyCache {
  private readonly entries = new Map<string, Promise<CryptoKey>>();

  constructor(
    private readonly importKey: (point: Uint8Array) => Promise<CryptoKey>,
    private readonly maxEntries = 1024,
  ) {}

  get(point: Uint8Array): Promise<CryptoKey> {
    if (!(point instanceof Uint8Array) || point.length !== 65) return this.importKey(point); // rejects, typed
    const id = String.fromCharCode(...point);
    let key = this.entries.get(id);
    if (key === undefined) {
      key = this.importKey(point);
      if (this.entries.size >= this.maxEntries) {
        const oldest = this.entries.keys().next().value;
        if (oldest !== undefined) this.entries.delete(oldest);
      }
      this.entries.set(id, key);
      key.catch(() => this.entries.delete(id));
    }
    return key;
  }
}
