/**
 * @zhengzhao/crypto-web — the Zhengzhao `Platform` on WebCrypto and Compression Streams, with
 * SM2/SM3 from @zhengzhao/crypto-sm, and non-extractable device keys for the wallet.
 */
export { deflateWithStreams, inflateWithStreams } from './compression-streams.js';
export {
  type CryptoKeyPairSigner,
  createSignerFromCryptoKeyPair,
  generateNonExtractableSigner,
} from './generate-non-extractable-signer.js';
export { createWebEs256Suite } from './web-es256-suite.js';
export { createWebPlatform } from './web-platform.js';
export { webRandomBytes } from './web-random-bytes.js';
