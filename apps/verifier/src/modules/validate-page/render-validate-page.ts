import { escapeHtml } from '../login-page/render-login-page.js';
import { VALIDATE_PAGE_STRINGS, type ValidatePageLanguage } from './validate-page-strings.js';

/**
 * The public validation page (证照校验): a file picker, the verdict in large text, the document
 * signer, every check and the licence data. No inline script or style (CSP `'self'` only); the
 * script's strings travel in a JSON data block.
 */
export function renderValidatePage(lang: ValidatePageLanguage): string {
  const s = VALIDATE_PAGE_STRINGS[lang];
  const e = (key: keyof typeof s) => escapeHtml(s[key]);
  const other: ValidatePageLanguage = lang === 'zh-CN' ? 'en' : 'zh-CN';
  const json = JSON.stringify(s).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${e('title')}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/login.css">
<link rel="stylesheet" href="/validate.css">
<script type="application/json" id="zz-strings">${json}</script>
<script src="/validate.js" defer></script>
</head>
<body>
<header>
  <div><h1>${e('title')}</h1></div>
  <a href="${other === 'en' ? '/validate?lang=en' : '/validate'}" lang="${other}" hreflang="${other}">${e('switchLanguage')}</a>
</header>
<main>
<noscript><p class="error">${e('noscript')}</p></noscript>
<p>${e('intro')}</p>
<form id="form">
  <label for="file">${e('chooseFile')}</label>
  <input type="file" id="file" accept="application/pdf,.pdf" required>
  <button type="submit" class="button" id="submit">${e('validate')}</button>
</form>
<p id="status" role="status" aria-live="polite"></p>
<section id="result" aria-labelledby="verdict" hidden>
  <h2 id="verdict" tabindex="-1"></h2>
  <p id="paper" class="paper" hidden>${e('paper')}</p>
  <dl id="facts"></dl>
  <h3>${e('claims')}</h3>
  <dl id="claims"></dl>
  <h3>${e('checks')}</h3>
  <ol id="checks" class="checks"></ol>
</section>
</main>
</body>
</html>`;
}
