/** A hash function computing SM3 (GB/T 32905): 32-byte output. Injected so Node can use its native one. */
export type Sm3Function = (data: Uint8Array) => Uint8Array;

/** A cryptographically secure random source returning exactly `length` bytes. */
export type RandomBytesFunction = (length: number) => Uint8Array;

/** How Z_A and e are computed (GB/T 32918.2 §5.5 and §6.1). */
export interface Sm2HashOptions {
  /** SM3 implementation; defaults to the pure-TypeScript `sm3`. */
  readonly sm3?: Sm3Function;
  /** Signer's distinguishing identifier ID_A; defaults to `SM2_DEFAULT_USER_ID` (GM/T 0009). */
  readonly userId?: Uint8Array;
}
