import { createHttpApp, type Logger, registerStaticSite } from '@zhengzhao/server-kit';
import type { FastifyInstance } from 'fastify';

export interface ServeWebAppOptions {
  readonly name: string;
  readonly root: string;
  readonly host: string;
  readonly port: number;
  readonly logger: Logger;
  /** Origins the app talks to besides its own (issuer, relay, verifier): its CSP `connect-src`. */
  readonly connectTo: readonly string[];
  /** JSON documents served next to index.html (`wallet-config.json`, `trust-bundle.json`…), made per request. */
  readonly documents: Readonly<Record<string, () => unknown>>;
}

/**
 * Serves a built web app and its deployment documents from one origin, with a Content-Security-
 * Policy that lets it reach only its own origin and the services it is configured for.
 */
export async function serveWebApp(options: ServeWebAppOptions): Promise<FastifyInstance> {
  const app = await createHttpApp({ name: options.name, version: '0.1.0', logger: options.logger, openapi: false });
  for (const [file, document] of Object.entries(options.documents)) {
    app.get(`/${file}`, { schema: { hide: true } }, async (_request, reply) =>
      reply.header('cache-control', 'no-cache').type('application/json').send(JSON.stringify(document())),
    );
  }
  const connect = ["'self'", ...options.connectTo].join(' ');
  await registerStaticSite(app, {
    root: options.root,
    contentSecurityPolicy: `default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob: mediastream:; style-src 'self' 'unsafe-inline'; connect-src ${connect}; worker-src 'self' blob:; frame-ancestors 'none'; base-uri 'none'`,
  });
  await app.listen({ host: options.host, port: options.port });
  return app;
}
