import { resolveConfiguredUrl } from './resolve-configured-url.js';

/**
 * Where the counter app takes its reader key and certificate from (proximity sessions, ISO/IEC
 * 18013-5 §9.1.4 reader authentication): the `reader` query parameter (absolute, or relative to
 * the page) when given, else `reader.json` next to the app. Only http(s) URLs are used.
 */
export function resolveReaderConfigUrl(pageUrl: string, baseUrl: string): string {
  return resolveConfiguredUrl(pageUrl, baseUrl, 'reader', 'reader.json');
}
