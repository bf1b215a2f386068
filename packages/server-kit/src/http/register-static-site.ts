import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';

/** Content types of the files a Vite build emits. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export interface StaticSiteOptions {
  /** The built site (a Vite `dist/` folder). */
  readonly root: string;
  /** URL prefix the site is served under; default `/`. */
  readonly prefix?: string;
  /** Content-Security-Policy of the HTML pages; default: same-origin only. */
  readonly contentSecurityPolicy?: string;
}

const DEFAULT_CSP =
  "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob: mediastream:; style-src 'self' 'unsafe-inline'; connect-src 'self'; worker-src 'self'; frame-ancestors 'none'; base-uri 'none'";

/**
 * Serves a single-page web app (wallet, counter app) from its build folder: hashed assets under
 * `assets/` are cached for a year (immutable), everything else — `index.html`, the service worker,
 * the manifest — is revalidated each time, so a new release reaches an installed PWA. A path with
 * no file behind it (a client-side route) gets `index.html`. Paths never leave `root`.
 */
export async function registerStaticSite(app: FastifyInstance, options: StaticSiteOptions): Promise<void> {
  const root = await realpath(resolve(options.root));
  const prefix = (options.prefix ?? '/').replace(/\/?$/, '/');
  const csp = options.contentSecurityPolicy ?? DEFAULT_CSP;
  const index = await readFile(join(root, 'index.html'));

  app.get(`${prefix}*`, { schema: { hide: true } }, async (request, reply) => {
    const path = decodedPath(request.url).slice(prefix.length);
    const file = await existingFile(root, path);
    reply.header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer');
    if (!file) {
      return reply
        .type(CONTENT_TYPES['.html']!)
        .header('cache-control', 'no-cache')
        .header('content-security-policy', csp)
        .send(index);
    }
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    const immutable = path.startsWith('assets/');
    reply.type(type).header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    if (type.startsWith('text/html')) reply.header('content-security-policy', csp);
    if (path === 'sw.js') reply.header('service-worker-allowed', prefix);
    return reply.send(await readFile(file));
  });
}

/** The request's path, percent-decoded; '' when it does not decode (then index.html answers). */
function decodedPath(url: string): string {
  try {
    return decodeURIComponent(new URL(url, 'http://site').pathname);
  } catch {
    return '';
  }
}

/** The file under `root` that `path` names, or undefined for a directory, a missing file or an escape. */
async function existingFile(root: string, path: string): Promise<string | undefined> {
  if (path === '' || path.includes('\0')) return undefined;
  const candidate = resolve(root, path);
  if (!candidate.startsWith(root + sep)) return undefined;
  try {
    const real = await realpath(candidate);
    if (!real.startsWith(root + sep)) return undefined;
    return (await stat(real)).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}
