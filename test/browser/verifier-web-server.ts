import { registerStaticSite } from '@zhengzhao/server-kit';
import Fastify from 'fastify';

export interface ServedFile {
  readonly type: string;
  readonly body: string | Uint8Array;
}

export interface CounterServer {
  readonly url: string;
  /** Number of requests per path, to see what the app fetched. */
  readonly hits: Map<string, number>;
  close(): Promise<void>;
}

/**
 * One origin for the counter app: the built app (server-kit's `registerStaticSite`, with its
 * CSP and caching headers) and, beside it, the trust bundle and status list tokens, as a
 * deployment would serve them.
 */
export async function serveCounterApp(options: {
  readonly dist: string;
  readonly port: number;
  readonly files: Readonly<Record<string, ServedFile>>;
  /** The pages' CSP (default server-kit's same-origin one); a relay on another origin needs `connect-src`. */
  readonly contentSecurityPolicy?: string;
}): Promise<CounterServer> {
  const app = Fastify({ logger: false, forceCloseConnections: true });
  const hits = new Map<string, number>();
  app.addHook('onRequest', async (request) => {
    const path = new URL(request.url, 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
  });
  for (const [path, file] of Object.entries(options.files)) {
    app.get(path, async (_request, reply) => reply.header('cache-control', 'no-cache').type(file.type).send(file.body));
  }
  await registerStaticSite(app, {
    root: options.dist,
    ...(options.contentSecurityPolicy && { contentSecurityPolicy: options.contentSecurityPolicy }),
  });
  await app.listen({ host: '127.0.0.1', port: options.port });
  return { url: `http://127.0.0.1:${options.port}`, hits, close: () => app.close() };
}
