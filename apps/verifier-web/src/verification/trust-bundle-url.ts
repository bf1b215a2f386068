import { resolveConfiguredUrl } from './resolve-configured-url.js';

/**
 * Where the counter app takes its trust bundle from: the `trust` query parameter (absolute, or
 * relative to the page) when given, else `trust-bundle.json` next to the app. Only http(s) URLs
 * are used; anything else falls back to the default.
 */
export function resolveTrustBundleUrl(pageUrl: string, baseUrl: string): string {
  return resolveConfiguredUrl(pageUrl, baseUrl, 'trust', 'trust-bundle.json');
}
