import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { createLogger, type Logger } from '../logging/create-logger.js';
import { describeErrorForLog } from '../logging/describe-error-for-log.js';
import { PROBLEM_CONTENT_TYPE, problemFor, toProblemDetails } from './problem-details.js';
import { ReadinessChecks } from './readiness.js';

/** Default JSON body limit: 256 KiB. */
export const DEFAULT_BODY_LIMIT = 256 * 1024;

export interface HttpAppOptions {
  /** Service name (`registry`, `issuer-gd`…): logged as `service`, shown by `/healthz`. */
  name: string;
  /** Service version, shown by `/healthz` and in the OpenAPI document. */
  version: string;
  /** A logger from `createLogger` (redacting); default one writing to stdout at `info`. */
  logger?: Logger;
  /** Largest request body in bytes; default {@link DEFAULT_BODY_LIMIT}. Larger → 413. */
  bodyLimit?: number;
  /** OpenAPI document info; `false` turns `/docs` off. Default title is `name`. */
  openapi?: { title: string; description?: string } | false;
  /** Per-check timeout of `/readyz`; default 2 s. */
  readinessTimeoutMs?: number;
}

/** A Fastify instance with the platform's edge behaviour and a readiness registry. */
export type HttpApp = FastifyInstance & {
  /** Checks run by `GET /readyz`: `app.readiness.add('database', () => database.ping())`. */
  readonly readiness: ReadinessChecks;
};

/**
 * Creates the HTTP app every Zhengzhao service starts from (STYLE.md §9):
 * - JSON bodies only (other media types → 415), at most `bodyLimit` bytes (→ 413);
 * - one error handler rendering every error as RFC 9457 problem details with a catalogue `code`
 *   (`toProblemDetails`), unknown routes as a 404 problem, unexpected errors as a bare 500;
 * - request ids (`x-request-id` response header, `urn:uuid:` problem `instance`);
 * - on `close()`: in-flight requests finish (their connections then close), new ones get 503;
 * - one log line per request with method, route pattern, status, duration and request id —
 *   never the URL, query string, headers or body (DESIGN.md §6.3);
 * - `GET /healthz` (liveness), `GET /readyz` (registered checks), OpenAPI 3.1 at `/docs/json`
 *   and swagger-ui at `/docs`, served from the installed package (no CDN).
 * Register routes on the returned app (route schemas feed validation and the OpenAPI document).
 * Async because the OpenAPI plugin must be loaded before routes are declared.
 */
// ajv-formats is CommonJS with `exports.default`: under NodeNext the default import is the module object.
const addFormats = addFormatsModule.default;

function createBodyValidator(options: { coerceTypes?: 'array' } = {}): Ajv {
  const ajv = new Ajv({
    removeAdditional: false,
    useDefaults: true,
    allErrors: false,
    strict: false,
    coerceTypes: options.coerceTypes ?? false,
  });
  addFormats(ajv);
  return ajv;
}

export async function createHttpApp(options: HttpAppOptions): Promise<HttpApp> {
  const logger = options.logger ?? createLogger({ name: options.name });
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // Fastify's own request lines carry the raw URL (IDs, query strings): replaced by one line in onResponse
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => randomUUID(),
    // reject unknown properties instead of silently dropping them (schemas say additionalProperties: false)
    ajv: { customOptions: { removeAdditional: false } },
    // while closing, new requests get a 503 problem (below) instead of Fastify's plain JSON
    return503OnClosing: false,
  }) as unknown as FastifyInstance;

  // Bodies are validated without type coercion ({"street": 42} is not a string); params,
  // query strings and headers arrive as text and keep Fastify's coercion to the schema's types.
  const strictBodies = createBodyValidator();
  const coercing = createBodyValidator({ coerceTypes: 'array' });
  app.setValidatorCompiler(({ schema, httpPart }) =>
    httpPart === 'body' ? strictBodies.compile(schema) : coercing.compile(schema),
  );

  const readiness = new ReadinessChecks(options.readinessTimeoutMs);
  app.decorate('readiness', readiness);

  // JSON only: a text/plain body is a 415, not a string handed to a handler.
  app.removeContentTypeParser('text/plain');

  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (closing) {
      const problem = problemFor('ERR_SERVER_NOT_READY', 'Shutting down', request.id);
      return reply.code(503).header('connection', 'close').type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
    }
  });

  // a response finished after close() began ends its keep-alive connection, so close() can complete
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });

  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? '(unmatched)',
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  });

  app.setErrorHandler((error, request, reply) => {
    const { problem, internal } = toProblemDetails(error, request.id);
    if (internal) request.log.error({ error: describeErrorForLog(error) }, 'request failed');
    return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  });

  app.setNotFoundHandler((request, reply) => {
    const problem = problemFor('ERR_HTTP_NOT_FOUND', 'No route matches this method and path', request.id);
    return reply.code(404).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  });

  if (options.openapi !== false) {
    // awaited, so that @fastify/swagger's onRoute hook sees every route declared afterwards
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: options.openapi?.title ?? options.name,
          description: options.openapi?.description ?? '',
          version: options.version,
        },
      },
    });
    await app.register(swaggerUi, { routePrefix: '/docs' });
  }

  app.get(
    '/healthz',
    {
      schema: {
        summary: 'Liveness: the process answers',
        tags: ['health'],
        response: {
          200: {
            type: 'object',
            properties: { status: { const: 'ok' }, service: { type: 'string' }, version: { type: 'string' } },
            required: ['status', 'service', 'version'],
          },
        },
      },
    },
    async () => ({ status: 'ok', service: options.name, version: options.version }),
  );

  app.get(
    '/readyz',
    { schema: { summary: 'Readiness: every registered dependency answers', tags: ['health'] } },
    async (request, reply) => {
      const result = await readiness.run();
      if (result.ready) return { status: 'ready', checks: result.checks };
      const failed = Object.keys(result.checks).filter((k) => result.checks[k] !== 'ok');
      const problem = { ...problemFor('ERR_SERVER_NOT_READY', `Not ready: ${failed.join(', ')}`, request.id) };
      return reply
        .code(503)
        .type(PROBLEM_CONTENT_TYPE)
        .send(JSON.stringify({ ...problem, checks: result.checks }));
    },
  );

  return app as HttpApp;
}
