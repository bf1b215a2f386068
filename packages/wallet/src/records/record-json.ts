import { decodeBase64url, encodeBase64url, utf8Decode, utf8Encode, ZzError } from '@zhengzhao/core';

/** Values a wallet record may hold: JSON plus byte strings. */
export type RecordValue =
  | string
  | number
  | boolean
  | null
  | Uint8Array
  | readonly RecordValue[]
  | { readonly [key: string]: RecordValue | undefined };

const BYTES = '$b64u';

/** JSON text of `value`, byte strings as `{"$b64u": "…"}`, as UTF-8. */
export function encodeRecordJson(value: unknown): Uint8Array {
  return utf8Encode(
    JSON.stringify(value, (_key, item: unknown) =>
      item instanceof Uint8Array ? { [BYTES]: encodeBase64url(item) } : item,
    ),
  );
}

/**
 * The inverse of {@link encodeRecordJson}; anything unreadable is `ERR_WALLET_STORE_TAMPERED`.
 * Records are parsed only after AES-GCM authenticated them (this wallet wrote them).
 */
export function decodeRecordJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(utf8Decode(bytes), (_key, item: unknown) => {
      if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
        const keys = Object.keys(item);
        const encoded = (item as Record<string, unknown>)[BYTES];
        if (keys.length === 1 && typeof encoded === 'string') return decodeBase64url(encoded);
      }
      return item;
    });
  } catch (error) {
    throw new ZzError('ERR_WALLET_STORE_TAMPERED', 'A wallet record is not readable', { cause: error });
  }
}
