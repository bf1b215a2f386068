/**
 * The validation page's script (served as /validate.js, no build step): reads the chosen PDF,
 * posts it as base64 to `POST /validate`, and shows the verdict, the facts, the data and each
 * check. Everything is written with textContent: nothing from the file becomes markup.
 */
export const VALIDATE_PAGE_SCRIPT = `(function () {
  'use strict';
  var S = JSON.parse(document.getElementById('zz-strings').textContent);
  function $(id) { return document.getElementById(id); }
  function say(text, error) { $('status').textContent = text; $('status').className = error ? 'error' : ''; }
  function base64(buffer) {
    var bytes = new Uint8Array(buffer), chunks = [];
    for (var i = 0; i < bytes.length; i += 0x8000) chunks.push(String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000)));
    return btoa(chunks.join(''));
  }
  function row(list, term, value) {
    var dt = document.createElement('dt'); dt.textContent = term;
    var dd = document.createElement('dd'); dd.textContent = value;
    list.appendChild(dt); list.appendChild(dd);
  }
  function outcome(o) { return o === 'ok' ? S.outcomeOk : o === 'failed' ? S.outcomeFailed : S.outcomeSkipped; }
  function check(list, c) {
    var li = document.createElement('li');
    li.className = 'check-' + c.outcome;
    li.setAttribute('data-check', c.id);
    li.textContent = c.id + ' — ' + outcome(c.outcome) + (c.code ? ' (' + c.code + ')' : '');
    list.appendChild(li);
  }
  function show(r) {
    $('result').hidden = false;
    var verdict = $('verdict');
    verdict.textContent = r.valid ? S.valid : S.invalid;
    verdict.className = r.valid ? 'pass' : 'fail';
    $('result').setAttribute('data-verdict', r.valid ? 'pass' : 'fail');
    $('paper').hidden = !(r.credential && r.credential.presentation === 'paper');
    var facts = $('facts'); facts.textContent = '';
    if (r.signer) row(facts, S.signer, r.signer.name + ' (' + r.signer.suite + ')');
    if (r.signingTime) row(facts, S.signingTime, new Date(r.signingTime).toLocaleString());
    if (r.credential && r.credential.issuer) row(facts, S.issuer, r.credential.issuer);
    var claims = $('claims'); claims.textContent = '';
    var values = (r.credential && r.credential.claims) || {};
    Object.keys(values).forEach(function (k) { row(claims, k, String(values[k])); });
    var checks = $('checks'); checks.textContent = '';
    r.checks.forEach(function (c) { check(checks, c); });
    ((r.credential && r.credential.checks) || []).forEach(function (c) { check(checks, c); });
    verdict.focus();
  }
  $('form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var file = $('file').files[0];
    if (!file) return;
    $('result').hidden = true;
    say(S.validating);
    file.arrayBuffer().then(function (buffer) {
      var head = new Uint8Array(buffer.slice(0, 5));
      if (String.fromCharCode.apply(null, head) !== '%PDF-') { say(S.notPdf, true); return; }
      return fetch('/validate', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ document: base64(buffer) })
      }).then(function (response) {
        return response.json().then(function (body) {
          if (!response.ok) { say(S.failed.replace('{code}', body.code || response.status), true); return; }
          say('');
          show(body);
        });
      });
    }).catch(function () { say(S.failed.replace('{code}', 'network'), true); });
  });
})();
`;

/** Extra style of the validation page (served as /validate.css; the login page's sheet is the base). */
export const VALIDATE_PAGE_CSS = `
form { display: flex; flex-direction: column; gap: 0.6rem; align-items: flex-start; margin: 1rem 0; }
input[type=file] { font-size: 1.1rem; }
#verdict { font-size: 1.5rem; padding: 0.6rem; border-radius: 6px; }
#verdict.pass { background: #e3f6e3; color: #0b5d0b; } #verdict.fail { background: #fde4e4; color: #a00000; }
.paper { font-weight: 700; background: #fff4d6; padding: 0.4rem; border-radius: 6px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; } dt { font-weight: 700; } dd { margin: 0; }
.checks li { margin: 0.2rem 0; } .check-failed { color: #a00000; font-weight: 700; } .check-skipped { color: #555; }
`;
