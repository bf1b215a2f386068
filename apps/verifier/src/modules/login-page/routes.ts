import type { FastifyInstance } from 'fastify';
import { LOGIN_PAGE_SCRIPT } from './login-page-script.js';
import type { LoginPageLanguage } from './login-page-strings.js';
import { LOGIN_PAGE_CSS } from './login-page-style.js';
import { renderLoginPage } from './render-login-page.js';

/**
 * The page's Content-Security-Policy: its own script and style only, no inline code, the QR
 * code as a `data:` image, fetches to this origin only, never framed.
 */
export const LOGIN_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** `GET /` (the demo login page, zh-CN; `?lang=en` for English), `GET /login.js`, `GET /login.css`. */
export function registerLoginPageRoutes(app: FastifyInstance): void {
  const pages: Record<LoginPageLanguage, string> = { 'zh-CN': renderLoginPage('zh-CN'), en: renderLoginPage('en') };
  const common = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
  app.get<{ Querystring: { lang?: string; response_code?: string } }>(
    '/',
    {
      schema: {
        summary: 'Demo government-service page: log in with the e-ID (zh-CN; ?lang=en for English)',
        tags: ['page'],
        querystring: {
          type: 'object',
          properties: { lang: { type: 'string', maxLength: 16 }, response_code: { type: 'string', maxLength: 64 } },
        },
      },
    },
    async (request, reply) => {
      const lang: LoginPageLanguage = request.query.lang === 'en' ? 'en' : 'zh-CN';
      return reply
        .headers({ ...common, 'content-security-policy': LOGIN_PAGE_CSP, 'content-language': lang })
        .type('text/html; charset=utf-8')
        .send(pages[lang]);
    },
  );
  app.get('/login.js', { schema: { hide: true } }, async (_request, reply) =>
    reply.headers(common).type('text/javascript; charset=utf-8').send(LOGIN_PAGE_SCRIPT),
  );
  app.get('/login.css', { schema: { hide: true } }, async (_request, reply) =>
    reply.headers(common).type('text/css; charset=utf-8').send(LOGIN_PAGE_CSS),
  );
}
