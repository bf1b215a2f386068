import { problemResponses, type RateLimitSettings, rateLimitConfig } from '@zhengzhao/server-kit';
import type { FastifyInstance } from 'fastify';
import { LOGIN_PAGE_CSP } from '../login-page/routes.js';
import { renderValidatePage } from './render-validate-page.js';
import { VALIDATE_PAGE_CSS, VALIDATE_PAGE_SCRIPT } from './validate-page-script.js';
import type { ValidatePageLanguage } from './validate-page-strings.js';
import type { ValidateService } from './validate-service.js';

/** Base64 of the largest layout document accepted (6 MiB of PDF). */
const MAX_BODY = 8 * 1024 * 1024 + 1024;

/**
 * The public validation page (证照校验, issue 7 §4): `GET /validate` (zh-CN; `?lang=en`),
 * `GET /validate.js`, `GET /validate.css`, and `POST /validate {document: base64 PDF}` → the
 * report, rate-limited per client address. The file is not stored or logged.
 */
export function registerValidatePageRoutes(
  app: FastifyInstance,
  options: { service: ValidateService; rateLimit: RateLimitSettings },
): void {
  const pages: Record<ValidatePageLanguage, string> = {
    'zh-CN': renderValidatePage('zh-CN'),
    en: renderValidatePage('en'),
  };
  const common = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' };
  app.get<{ Querystring: { lang?: string } }>(
    '/validate',
    {
      schema: {
        summary: 'Validation page for signed licence documents (zh-CN; ?lang=en for English)',
        tags: ['page'],
        querystring: { type: 'object', properties: { lang: { type: 'string', maxLength: 16 } } },
      },
    },
    async (request, reply) => {
      const lang: ValidatePageLanguage = request.query.lang === 'en' ? 'en' : 'zh-CN';
      return reply
        .headers({ ...common, 'content-security-policy': LOGIN_PAGE_CSP, 'content-language': lang })
        .type('text/html; charset=utf-8')
        .send(pages[lang]);
    },
  );
  app.get('/validate.js', { schema: { hide: true } }, async (_request, reply) =>
    reply.headers(common).type('text/javascript; charset=utf-8').send(VALIDATE_PAGE_SCRIPT),
  );
  app.get('/validate.css', { schema: { hide: true } }, async (_request, reply) =>
    reply.headers(common).type('text/css; charset=utf-8').send(VALIDATE_PAGE_CSS),
  );
  app.post(
    '/validate',
    {
      bodyLimit: MAX_BODY,
      config: { rateLimit: rateLimitConfig(options.rateLimit, (request) => request.ip) },
      schema: {
        summary: 'Validate a signed layout document (PDF, base64): signature, signer trust, embedded credential',
        tags: ['validate'],
        body: {
          type: 'object',
          properties: { document: { type: 'string', minLength: 1, maxLength: MAX_BODY } },
          required: ['document'],
          additionalProperties: false,
        },
        response: problemResponses(400, 413, 415, 429),
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return options.service.validate((request.body as { document: string }).document);
    },
  );
}
