import { asUint8Array } from '../bytes/bytes.js';
import type { ErrorCode } from '../errors/catalogue.js';
import { ZzError } from '../errors/zz-error.js';

/**
 * Typed readers for decoded CBOR. Each throws a ZzError with the caller's code (for example
 * `ERR_MDOC_MALFORMED`) naming the field that is wrong, so parsers read like the CDDL they follow.
 */
export class CborReader {
  constructor(readonly code: ErrorCode = 'ERR_CBOR_STRUCTURE') {}

  fail(message: string): never {
    throw new ZzError(this.code, message);
  }

  map(value: unknown, what: string): Map<unknown, unknown> {
    if (value instanceof Map) return value;
    return this.fail(`${what} must be a map`);
  }

  array(value: unknown, what: string): unknown[] {
    if (Array.isArray(value)) return value;
    return this.fail(`${what} must be an array`);
  }

  text(value: unknown, what: string): string {
    if (typeof value === 'string') return value;
    return this.fail(`${what} must be a text string`);
  }

  /** A byte string as a plain Uint8Array (a view over the same memory, never a Node Buffer). */
  bytes(value: unknown, what: string): Uint8Array {
    if (value instanceof Uint8Array) return asUint8Array(value);
    return this.fail(`${what} must be a byte string`);
  }

  uint(value: unknown, what: string): number {
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
    return this.fail(`${what} must be an unsigned integer`);
  }

  int(value: unknown, what: string): number {
    if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
    return this.fail(`${what} must be an integer`);
  }

  boolean(value: unknown, what: string): boolean {
    if (typeof value === 'boolean') return value;
    return this.fail(`${what} must be a boolean`);
  }

  /** `map.get(key)`, failing when the key is absent. */
  required(map: Map<unknown, unknown>, key: string | number, what: string): unknown {
    if (!map.has(key)) return this.fail(`${what} is missing ${JSON.stringify(key)}`);
    return map.get(key);
  }
}
