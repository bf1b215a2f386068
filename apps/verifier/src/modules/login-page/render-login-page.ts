import { LOGIN_PAGE_STRINGS, type LoginPageLanguage } from './login-page-strings.js';

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON safe inside a `<script type="application/json">` element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/**
 * The demo government-service login page (server-rendered shell, no build step, no external
 * resources): a QR code for the cross-device flow, a wallet link for the same-device flow, and
 * the "logged in" view with the verified name only. No inline script or handler (CSP
 * `script-src 'self'`); the script's strings travel in a JSON data block.
 */
export function renderLoginPage(lang: LoginPageLanguage): string {
  const s = LOGIN_PAGE_STRINGS[lang];
  const e = (key: keyof typeof s) => escapeHtml(s[key]);
  const other: LoginPageLanguage = lang === 'zh-CN' ? 'en' : 'zh-CN';
  const otherHref = other === 'en' ? '/?lang=en' : '/';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${e('title')}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/login.css">
<script type="application/json" id="zz-strings">${scriptJson(s)}</script>
<script src="/login.js" defer></script>
</head>
<body>
<header>
  <div><h1>${e('title')}</h1><p>${e('service')}</p></div>
  <a href="${otherHref}" lang="${other}" hreflang="${other}">${e('switchLanguage')}</a>
</header>
<main>
<noscript><p class="error">${e('noscript')}</p></noscript>
<div id="login">
  <section aria-labelledby="scan-h">
    <h2 id="scan-h">${e('scanHeading')}</h2>
    <p>${e('scanHint')}</p>
    <img id="qr" class="qr" alt="${e('qrAlt')}" width="320" height="320" hidden>
    <p class="note">${e('shares')}</p>
  </section>
  <section aria-labelledby="same-h">
    <h2 id="same-h">${e('sameDeviceHeading')}</h2>
    <p>${e('sameDeviceHint')}</p>
    <a id="same-device" class="button" href="#" hidden>${e('sameDeviceButton')}</a>
  </section>
</div>
<p id="status" role="status" aria-live="polite"></p>
<button type="button" id="retry" class="button secondary" hidden>${e('retry')}</button>
<section id="done" aria-labelledby="done-heading" hidden>
  <h2 id="done-heading" tabindex="-1">${e('loggedIn')}</h2>
  <p id="welcome" class="welcome"></p>
  <p class="note">${e('privacy')}</p>
  <button type="button" id="logout" class="button secondary">${e('logout')}</button>
</section>
</main>
</body>
</html>
`;
}
