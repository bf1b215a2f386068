import { resolveConfiguredUrl } from './resolve-configured-url.js';

/**
 * Where the counter app takes its trust configuration from (see trust-config.ts): the `trust`
 * query parameter (absolute, or relative to the page) when given, else `trust.json` next to the
 * app. Only http(s) URLs are used; anything else falls back to the default.
 */
export function resolveTrustConfigUrl(pageUrl: string, baseUrl: string): string {
  return resolveConfiguredUrl(pageUrl, baseUrl, 'trust', 'trust.json');
}
