/** `@zhengzhao/verifier/browser` — browser-only parts of the verifier SDK. */
export { createIndexedDbCacheStore } from './create-indexed-db-cache-store.js';
