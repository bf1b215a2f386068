import type { CountyRegion } from '../county-regions.js';
import { CLERK_PAGE_STRINGS, type ClerkPageLanguage } from './clerk-page-strings.js';

export interface ClerkPageOptions {
  readonly lang: ClerkPageLanguage;
  /** Counties of the registry's province, for the address form. */
  readonly counties: readonly CountyRegion[];
  /** The issuer's base URL for activation codes; without it the activation box is not rendered. */
  readonly issuerUrl?: string;
  /** Other authorities' issuers that also give activation codes (one button each). */
  readonly otherIssuers?: readonly {
    readonly name: { readonly 'zh-CN': string; readonly en: string };
    readonly url: string;
  }[];
}

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON safe inside a `<script type="application/json">` element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/**
 * The clerk page (server-rendered, no build step): a shell with forms, and no personal data — the
 * script loads a person through the API with the clerk's token, only when the clerk asks. No
 * inline script or event handler (the CSP allows `script-src 'self'`); the strings for the script
 * travel in a JSON data block.
 */
export function renderClerkPage(options: ClerkPageOptions): string {
  const s = CLERK_PAGE_STRINGS[options.lang];
  const e = (key: keyof typeof s) => escapeHtml(s[key]);
  const other = options.lang === 'zh-CN' ? 'en' : 'zh-CN';
  const counties = options.counties
    .map(
      (c) =>
        `<option value="${escapeHtml(c.code)}" data-city="${escapeHtml(c.city)}" data-district="${escapeHtml(c.district)}">${escapeHtml(c.city === c.district ? c.district : `${c.city} ${c.district}`)}</option>`,
    )
    .join('');
  const activation =
    options.issuerUrl === undefined
      ? ''
      : `
<section id="activation" aria-labelledby="activation-h" hidden>
  <h2 id="activation-h">${e('activationHeading')}</h2>
  <p>${e('activationNote')}</p>
  <button type="button" id="activation-button">${e('activationButton')}</button>
${(options.otherIssuers ?? [])
  .map(
    (other) =>
      `  <button type="button" class="activation-other" data-issuer-url="${escapeHtml(other.url)}">${e('activationButton')}：${escapeHtml(other.name[options.lang])}</button>`,
  )
  .join('\n')}
  <p>${e('activationCode')}: <output id="activation-code" class="code"></output></p>
  <h2 id="paper-h">${e('paperHeading')}</h2>
  <p>${e('paperNote')}</p>
  <button type="button" id="paper-button">${e('paperButton')}</button>
  <p><a id="paper-link" download="paper-card.pdf" hidden>${e('paperLink')}</a></p>
</section>`;
  return `<!doctype html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e('title')}</title>
<link rel="stylesheet" href="/clerk.css">
<script type="application/json" id="zz-strings">${scriptJson(s)}</script>
<script src="/clerk.js" defer></script>
</head>
<body data-issuer-url="${escapeHtml(options.issuerUrl ?? '')}">
<header>
  <div><h1>${e('title')}</h1><p>${e('subtitle')}</p></div>
  <a href="/?lang=${other}" lang="${other}" hreflang="${other}">${e('switchLanguage')}</a>
</header>
<main>
<section aria-labelledby="token-h">
  <h2 id="token-h">${e('tokenHeading')}</h2>
  <form id="token-form" autocomplete="off">
    <label for="token">${e('tokenLabel')}</label>
    <input type="password" id="token" name="token" autocomplete="off" spellcheck="false">
    <button type="submit">${e('tokenSave')}</button>
    <button type="button" id="token-clear" class="secondary">${e('tokenClear')}</button>
  </form>
</section>
<section aria-labelledby="search-h">
  <h2 id="search-h">${e('searchHeading')}</h2>
  <form id="search-form" autocomplete="off">
    <label for="q">${e('searchLabel')}</label>
    <input type="text" id="q" name="q" maxlength="64" spellcheck="false">
    <button type="submit">${e('searchButton')}</button>
  </form>
  <ul id="results"></ul>
</section>
<p id="message" role="status" aria-live="polite"></p>
<section id="person" aria-labelledby="person-h" hidden>
  <h2 id="person-h">${e('personHeading')}</h2>
  <dl>
    <dt>${e('fieldName')}</dt><dd id="p-name"></dd>
    <dt>${e('fieldIdNumber')}</dt><dd id="p-id-number"></dd>
    <dt>${e('fieldAddress')}</dt><dd id="p-address"></dd>
    <dt>${e('fieldCardNumber')}</dt><dd id="p-card-number"></dd>
    <dt>${e('fieldValidity')}</dt><dd id="p-validity"></dd>
    <dt>${e('fieldState')}</dt><dd id="p-state" class="state"></dd>
    <dt>${e('fieldSequence')}</dt><dd id="p-sequence"></dd>
  </dl>
  <button type="button" id="portrait-button" class="secondary">${e('showPortrait')}</button>
  <img id="portrait" class="portrait" alt="" hidden>
  <h2>${e('actionsHeading')}</h2>
  <div class="actions">
    <form data-op="card"><button type="submit">${e('issue')}</button></form>
    <form data-op="renew"><button type="submit">${e('renew')}</button></form>
    <form data-op="address">
      <h3>${e('addressHeading')}</h3>
      <label for="a-county">${e('addressCounty')}</label>
      <select id="a-county" name="county" required>${counties}</select>
      <label for="a-street">${e('addressStreet')}</label>
      <input type="text" id="a-street" name="street" maxlength="64" required>
      <button type="submit">${e('addressSubmit')}</button>
    </form>
    <form data-op="name">
      <h3>${e('nameHeading')}</h3>
      <label for="n-family">${e('familyName')}</label>
      <input type="text" id="n-family" name="family_name" maxlength="16" required>
      <label for="n-given">${e('givenName')}</label>
      <input type="text" id="n-given" name="given_name" maxlength="16" required>
      <button type="submit">${e('nameSubmit')}</button>
    </form>
    <form data-op="lost">
      <h3>${e('lostHeading')}</h3>
      <label for="l-reason">${e('lostReason')}</label>
      <select id="l-reason" name="reason"><option value="lost">${e('reasonLost')}</option><option value="stolen">${e('reasonStolen')}</option></select>
      <button type="submit">${e('lostSubmit')}</button>
    </form>
    <form data-op="cancel">
      <h3>${e('cancelHeading')}</h3>
      <label for="c-reason">${e('cancelReason')}</label>
      <select id="c-reason" name="reason"><option value="death">${e('reasonDeath')}</option><option value="emigration">${e('reasonEmigration')}</option><option value="duplicate_registration">${e('reasonDuplicate')}</option></select>
      <label><input type="checkbox" name="confirm" required> ${e('cancelConfirm')}</label>
      <button type="submit">${e('cancelSubmit')}</button>
    </form>
  </div>
</section>${activation}
</main>
</body>
</html>
`;
}
