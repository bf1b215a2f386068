/**
 * @zhengzhao/crypto-sm — SM3 (GB/T 32905) and SM2 signatures (GB/T 32918.2, sm2p256v1, default
 * user ID) in pure TypeScript, isomorphic (no Node built-ins). The platform adapters
 * `@zhengzhao/crypto-node` and `@zhengzhao/crypto-web` build their SM2 suite with `createSm2Suite`.
 */
export { computeSm2Za, SM2_DEFAULT_USER_ID } from './compute-sm2-za.js';
export { createSm2Suite, type Sm2SuiteOptions } from './create-sm2-suite.js';
export { signSm2 } from './sign-sm2.js';
export { SM2_CURVE, Sm2Point } from './sm2-curve.js';
export { Sm2KeyCache, type Sm2KeyCacheOptions } from './sm2-key-cache.js';
export { parseSm2PrivateScalar, parseSm2PublicKey } from './sm2-public-key.js';
export type { RandomBytesFunction, Sm2HashOptions, Sm3Function } from './sm2-types.js';
export { sm3 } from './sm3.js';
export { verifySm2 } from './verify-sm2.js';
