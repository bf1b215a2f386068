import {
  encodeBase64url,
  jwkThumbprintInput,
  type Platform,
  type PublicKey,
  publicKeyToJwk,
  utf8Encode,
} from '@zhengzhao/core';

/**
 * The wallet id an issuer knows this device by: the RFC 7638 JWK thumbprint of the device key,
 * base64url (the issuer computes the same from the first key proof, apps/issuer `walletIdOf`).
 */
export async function walletIdOfKey(platform: Platform, key: PublicKey): Promise<string> {
  return encodeBase64url(await platform.digest('SHA-256', utf8Encode(jwkThumbprintInput(publicKeyToJwk(key)))));
}
