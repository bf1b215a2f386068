/**
 * A bounded cache of imported public keys, keyed by the uncompressed point. Importing a key
 * costs more than verifying with it, and verifiers see the same few issuer keys again and again.
 */
export class KeyCache<K> {
  private readonly entries = new Map<string, K>();

  constructor(
    private readonly importKey: (point: Uint8Array) => K,
    private readonly maxEntries = 4096,
  ) {}

  get(point: Uint8Array): K {
    if (!(point instanceof Uint8Array)) return this.importKey(point); // throws the adapter's typed error
    const id = Buffer.from(point.buffer, point.byteOffset, point.byteLength).toString('latin1');
    let key = this.entries.get(id);
    if (key === undefined) {
      key = this.importKey(point);
      if (this.entries.size >= this.maxEntries) {
        const oldest = this.entries.keys().next().value;
        if (oldest !== undefined) this.entries.delete(oldest);
      }
      this.entries.set(id, key);
    }
    return key;
  }
}
