/**
 * Where the counter app takes its trust bundle from: the `trust` query parameter (absolute, or
 * relative to the page) when given, else `trust-bundle.json` next to the app. Only http(s) URLs
 * are used; anything else falls back to the default.
 */
export function resolveTrustBundleUrl(pageUrl: string, baseUrl: string): string {
  const fallback = new URL('trust-bundle.json', baseUrl).href;
  const requested = new URL(pageUrl).searchParams.get('trust');
  if (!requested) return fallback;
  try {
    const url = new URL(requested, pageUrl);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : fallback;
  } catch {
    return fallback;
  }
}
