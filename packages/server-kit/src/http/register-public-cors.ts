import type { FastifyInstance } from 'fastify';

export interface PublicCorsOptions {
  /** Paths that stay same-origin (admin API, webhooks, routes with their own CORS rules). */
  readonly isPrivate: (path: string) => boolean;
  /** Request headers a browser may send; default `authorization`, `content-type`, `if-none-match`. */
  readonly allowHeaders?: readonly string[];
  /** Response headers a page may read; default `etag`, `retry-after`, `location`. */
  readonly exposeHeaders?: readonly string[];
}

/**
 * Lets browser apps on other origins (the wallet, the counter app) call a service's public
 * protocol endpoints — OpenID4VCI, status lists, OpenID4VP request and response URIs — as the
 * specifications expect of issuers and verifiers that serve web wallets: `Access-Control-Allow-
 * Origin: *` with no credentials (every call authenticates in its body or an Authorization
 * header; no cookie is ever honoured), and answers to preflight requests. Private paths get no
 * CORS headers, so a browser refuses cross-origin calls to them.
 */
export function registerPublicCors(app: FastifyInstance, options: PublicCorsOptions): void {
  const allowHeaders = (options.allowHeaders ?? ['authorization', 'content-type', 'if-none-match']).join(', ');
  const exposeHeaders = (options.exposeHeaders ?? ['etag', 'retry-after', 'location']).join(', ');
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?', 1)[0] ?? '/';
    if (options.isPrivate(path)) return;
    reply.header('access-control-allow-origin', '*').header('access-control-expose-headers', exposeHeaders);
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined) {
      return reply
        .code(204)
        .header('access-control-allow-methods', 'GET, POST')
        .header('access-control-allow-headers', allowHeaders)
        .header('access-control-max-age', '600')
        .send();
    }
  });
}
