import { ZzError } from '@zhengzhao/core';
import type { HttpApp } from '@zhengzhao/server-kit';
import { countiesOfProvince } from '../county-regions.js';
import { CLERK_PAGE_SCRIPT } from './clerk-page-script.js';
import type { ClerkPageLanguage } from './clerk-page-strings.js';
import { CLERK_PAGE_CSS } from './clerk-page-style.js';
import { renderClerkPage } from './render-clerk-page.js';

/**
 * The page's Content-Security-Policy: own scripts and styles only, no inline code, images from
 * the API as blob: URLs, fetches to this origin and (if configured) the issuer's.
 */
export function clerkPageCsp(issuerUrl?: string, others: readonly OtherIssuer[] = []): string {
  const origins = [...(issuerUrl === undefined ? [] : [issuerUrl]), ...others.map((other) => other.url)].map(
    (url) => new URL(url).origin,
  );
  const connect = ["'self'", ...new Set(origins)].join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' blob:",
    `connect-src ${connect}`,
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Another authority of the province that the clerk asks for activation codes (the social security card's). */
export interface OtherIssuer {
  readonly name: { readonly 'zh-CN': string; readonly en: string };
  readonly url: string;
}

/** `GET /` (the clerk page, `?lang=en` for English), `GET /clerk.js`, `GET /clerk.css`. */
export function registerClerkPageRoutes(
  app: HttpApp,
  options: { province: string; issuerUrl?: string; otherIssuers?: readonly OtherIssuer[] },
): void {
  const others = options.otherIssuers ?? [];
  for (const url of [...(options.issuerUrl === undefined ? [] : [options.issuerUrl]), ...others.map((o) => o.url)]) {
    if (!/^https?:$/.test(URL.canParse(url) ? new URL(url).protocol : '')) {
      throw new ZzError('ERR_CONFIG_INVALID', 'issuer URLs must be http(s) URLs');
    }
  }
  const counties = countiesOfProvince(options.province) ?? [];
  const csp = clerkPageCsp(options.issuerUrl, others);
  const page = (lang: ClerkPageLanguage) =>
    renderClerkPage({
      lang,
      counties,
      ...(options.issuerUrl ? { issuerUrl: options.issuerUrl } : {}),
      otherIssuers: others,
    });
  const pages: Record<ClerkPageLanguage, string> = { 'zh-CN': page('zh-CN'), en: page('en') };
  const common = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };

  app.get<{ Querystring: { lang?: string } }>(
    '/',
    {
      schema: {
        summary: 'The clerk page (zh-CN; ?lang=en for English)',
        tags: ['page'],
        querystring: { type: 'object', properties: { lang: { type: 'string', maxLength: 16 } } },
      },
    },
    async (request, reply) => {
      const lang: ClerkPageLanguage = request.query.lang === 'en' ? 'en' : 'zh-CN';
      return reply
        .headers({ ...common, 'content-security-policy': csp, 'content-language': lang })
        .type('text/html; charset=utf-8')
        .send(pages[lang]);
    },
  );
  app.get('/clerk.js', { schema: { hide: true } }, async (_request, reply) =>
    reply.headers(common).type('text/javascript; charset=utf-8').send(CLERK_PAGE_SCRIPT),
  );
  app.get('/clerk.css', { schema: { hide: true } }, async (_request, reply) =>
    reply.headers(common).type('text/css; charset=utf-8').send(CLERK_PAGE_CSS),
  );
}
