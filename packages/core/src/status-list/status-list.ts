import { asUint8Array } from '../bytes/bytes.js';
import { ZzError } from '../errors/zz-error.js';

/** Status values of draft-ietf-oauth-status-list §7.1. 3 and 0x0C–0x0F are application-specific. */
export const STATUS_VALID = 0;
export const STATUS_INVALID = 1;
export const STATUS_SUSPENDED = 2;

/** The entry widths a status list may use (draft §4.1: `bits` is 1, 2, 4 or 8). */
export type StatusListBits = 1 | 2 | 4 | 8;

/** Largest list this class builds or accepts: 2^31 − 1 bytes (the limit of one ArrayBuffer we rely on). */
const MAX_LIST_BYTES = 0x7fff_ffff;

/** True for an allowed `bits` value. */
export function isStatusListBits(value: unknown): value is StatusListBits {
  return value === 1 || value === 2 || value === 4 || value === 8;
}

/**
 * A Token Status List (draft-ietf-oauth-status-list §4.1): `size` entries of `bits` bits each,
 * packed into one byte array, least-significant bits first. Entry `i` lives in byte
 * `floor(i·bits/8)` at bit offset `(i·bits) mod 8`:
 * `v = (arr[floor(i*bits/8)] >> ((i*bits)%8)) & ((1<<bits)-1)`.
 *
 * Memory is `ceil(size·bits/8)` bytes (a 10 M-entry 2-bit list takes 2.5 MB); never one JS
 * number per entry.
 */
export class StatusList {
  readonly size: number;
  readonly bits: StatusListBits;
  /** The packed byte array, shared (not copied): what `compressStatusList` deflates. */
  readonly bytes: Uint8Array;
  readonly #mask: number;
  readonly #perByte: number;

  /**
   * A list of `size` entries, all VALID (0); or, with `bytes`, a list over that existing array
   * (not copied), which must be exactly `ceil(size·bits/8)` bytes long.
   */
  constructor(size: number, bits: StatusListBits, bytes?: Uint8Array) {
    if (!isStatusListBits(bits)) throw new ZzError('ERR_INPUT_INVALID', 'Status list bits must be 1, 2, 4 or 8');
    if (!Number.isSafeInteger(size) || size < 1) {
      throw new ZzError('ERR_INPUT_INVALID', 'Status list size must be a positive integer');
    }
    const length = Math.ceil((size * bits) / 8);
    if (length > MAX_LIST_BYTES) throw new ZzError('ERR_INPUT_TOO_LARGE', 'Status list is too large');
    this.size = size;
    this.bits = bits;
    if (bytes !== undefined && (!(bytes instanceof Uint8Array) || bytes.length !== length)) {
      throw new ZzError('ERR_INPUT_INVALID', 'Status list bytes do not match its size');
    }
    this.bytes = bytes === undefined ? new Uint8Array(length) : asUint8Array(bytes);
    this.#mask = (1 << bits) - 1;
    this.#perByte = 8 / bits;
  }

  /**
   * Wraps an existing byte array (for example, a decompressed `lst`) without copying it. The
   * list has `bytes.length · 8 / bits` entries: trailing padding entries read as 0 (draft §4.1).
   */
  static fromBytes(bytes: Uint8Array, bits: StatusListBits): StatusList {
    if (!(bytes instanceof Uint8Array))
      throw new ZzError('ERR_INPUT_INVALID', 'Status list bytes must be a Uint8Array');
    if (bytes.length === 0) throw new ZzError('ERR_STATUS_LIST_MALFORMED', 'Status list byte array is empty');
    if (!isStatusListBits(bits)) throw new ZzError('ERR_INPUT_INVALID', 'Status list bits must be 1, 2, 4 or 8');
    return new StatusList((bytes.length * 8) / bits, bits, bytes);
  }

  /** The status value of entry `index`. */
  get(index: number): number {
    this.#check(index);
    const byte = this.bytes[Math.floor(index / this.#perByte)] as number;
    return (byte >> ((index % this.#perByte) * this.bits)) & this.#mask;
  }

  /** Sets entry `index` to `value` (0 ≤ value < 2^bits). */
  set(index: number, value: number): void {
    this.#check(index);
    if (!Number.isInteger(value) || value < 0 || value > this.#mask) {
      throw new ZzError('ERR_INPUT_INVALID', `Status value does not fit in ${this.bits} bits`);
    }
    const at = Math.floor(index / this.#perByte);
    const shift = (index % this.#perByte) * this.bits;
    const byte = this.bytes[at] as number;
    this.bytes[at] = (byte & ~(this.#mask << shift)) | (value << shift);
  }

  #check(index: number): void {
    if (!Number.isSafeInteger(index)) throw new ZzError('ERR_INPUT_INVALID', 'Status index must be an integer');
    if (index < 0 || index >= this.size) {
      throw new ZzError('ERR_STATUS_INDEX_OUT_OF_RANGE', `Status index outside a list of ${this.size} entries`);
    }
  }
}
