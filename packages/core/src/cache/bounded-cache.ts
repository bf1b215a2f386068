/**
 * A Map with a maximum size that forgets its oldest entry first: for imported keys, validated
 * certificate chains and similar values that are costly to make and seen again and again, where
 * an attacker must not be able to grow memory without bound.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly maxEntries: number) {
    if (!Number.isSafeInteger(maxEntries) || maxEntries < 1) throw new RangeError('maxEntries must be at least 1');
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  set(key: K, value: V): void {
    if (!this.entries.has(key) && this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, value);
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  /** The cached value, or `create(key)` remembered (a thrown error is not remembered). */
  getOrCreate(key: K, create: (key: K) => V): V {
    let value = this.entries.get(key);
    if (value === undefined) {
      value = create(key);
      this.set(key, value);
    }
    return value;
  }
}

/** An exact string key for bytes (one char per byte), for maps keyed by keys, kids or DER. */
export function bytesKey(bytes: Uint8Array): string {
  // `apply` over a typed array is ~7× faster than spreading it; chunks keep under argument limits.
  let out = '';
  for (let i = 0; i < bytes.length; i += 4096) {
    out += String.fromCharCode.apply(null, bytes.subarray(i, i + 4096) as unknown as number[]);
  }
  return out;
}
