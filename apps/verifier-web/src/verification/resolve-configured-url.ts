/**
 * Where the counter app takes a configuration file from: the query parameter `param` of the page
 * (absolute, or relative to the page) when given, else `fileName` next to the app. Only http(s)
 * URLs are used; anything else (javascript:, data:, file:, blob:) falls back to the default.
 */
export function resolveConfiguredUrl(pageUrl: string, baseUrl: string, param: string, fileName: string): string {
  const fallback = new URL(fileName, baseUrl).href;
  const requested = new URL(pageUrl).searchParams.get(param);
  if (!requested) return fallback;
  try {
    const url = new URL(requested, pageUrl);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : fallback;
  } catch {
    return fallback;
  }
}
