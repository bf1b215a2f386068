/** `@zhengzhao/verifier/node` — Node-only parts of the verifier SDK. */
export { createFileCacheStore } from './create-file-cache-store.js';
