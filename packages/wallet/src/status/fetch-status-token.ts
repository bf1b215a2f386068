import { DEFAULT_MAX_STATUS_LIST_TOKEN_BYTES, isEndpointUrl, STATUS_LIST_JWT_MEDIA_TYPE } from '@zhengzhao/core';
import type { WalletFetch } from '../wallet-types.js';

/**
 * Fetches the whole Status List Token at `uri` as a JWT (draft-ietf-oauth-status-list §8.1):
 * one request per list, never per credential. Returns undefined on any failure (offline, an
 * error status, a wrong media type, an oversized body): the caller falls back to its cache.
 */
export async function fetchStatusToken(fetchFn: WalletFetch, uri: string): Promise<string | undefined> {
  if (!isEndpointUrl(uri)) return undefined;
  try {
    const response = await fetchFn(uri, { headers: { accept: STATUS_LIST_JWT_MEDIA_TYPE }, redirect: 'follow' });
    if (!response.ok) return undefined;
    const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== STATUS_LIST_JWT_MEDIA_TYPE) return undefined;
    if (Number(response.headers.get('content-length') ?? '0') > DEFAULT_MAX_STATUS_LIST_TOKEN_BYTES) return undefined;
    const text = await response.text();
    return text.length > DEFAULT_MAX_STATUS_LIST_TOKEN_BYTES ? undefined : text.trim();
  } catch {
    return undefined;
  }
}
