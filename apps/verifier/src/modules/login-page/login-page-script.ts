/**
 * The login page's script (served as /login.js, `script-src 'self'`): starts a cross-device
 * session (QR code) and a same-device session (wallet link), polls the cross-device one, and
 * after a same-device redirect exchanges `response_code` for the result. It writes only with
 * `textContent` and shows only the verified name (data minimisation, DESIGN.md §6.2).
 */
export const LOGIN_PAGE_SCRIPT = `'use strict';
(function () {
  var S = JSON.parse(document.getElementById('zz-strings').textContent);
  var SAME_DEVICE_KEY = 'zz-verifier-same-device-session';
  var POLL_MS = 1500;
  var MAX_REFRESH = 5;
  var refreshes = 0;
  var timer = null;
  var $ = function (id) { return document.getElementById(id); };
  var fill = function (text, values) {
    return text.replace(/\\{(\\w+)\\}/g, function (_, k) { return values[k] === undefined ? '' : String(values[k]); });
  };
  var say = function (text, isError) {
    var s = $('status'); s.textContent = text; s.className = isError ? 'error' : '';
  };

  function api(method, path, body) {
    var init = { method: method, headers: { accept: 'application/json' }, cache: 'no-store' };
    if (body !== undefined) { init.headers['content-type'] = 'application/json'; init.body = JSON.stringify(body); }
    return fetch(path, init).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (json) {
        if (!r.ok) { var e = new Error('HTTP ' + r.status); e.code = json.code || String(r.status); throw e; }
        return json;
      });
    });
  }

  function fail(error) {
    say(fill(S.unavailable, { code: (error && error.code) || 'network' }), true);
    $('retry').hidden = false;
  }

  function nameOf(claims) {
    if (typeof claims.full_name === 'string') return claims.full_name;
    return [claims.family_name, claims.given_name].filter(function (p) { return typeof p === 'string'; }).join('');
  }

  function showLoggedIn(view) {
    if (timer) clearTimeout(timer);
    $('login').hidden = true;
    $('done').hidden = false;
    $('welcome').textContent = fill(S.welcome, { name: nameOf(view.result.claims || {}) });
    say('');
    $('done-heading').focus();
  }

  function poll(sessionId) {
    timer = setTimeout(function () {
      api('GET', '/oid4vp/sessions/' + sessionId).then(function (view) {
        if (view.status === 'verified' && view.result) return showLoggedIn(view);
        if (view.status === 'failed') { say(fill(S.failed, { code: view.error ? view.error.code : '' }), true); $('retry').hidden = false; return; }
        if (view.status === 'declined') { say(S.declined, true); $('retry').hidden = false; return; }
        if (view.status === 'expired') {
          if (refreshes++ < MAX_REFRESH) { say(S.expired); return start(); }
          $('retry').hidden = false; return say(S.expired, true);
        }
        if (view.status === 'retrieved') say(S.retrieved);
        if (view.status === 'verifying') say(S.verifying);
        poll(sessionId);
      }).catch(fail);
    }, POLL_MS);
  }

  function start() {
    if (timer) clearTimeout(timer);
    $('retry').hidden = true;
    say(S.waiting);
    api('POST', '/oid4vp/sessions', { purpose: 'login', flow: 'cross_device' }).then(function (cross) {
      var qr = $('qr');
      qr.src = cross.qr_code;
      qr.hidden = false;
      qr.setAttribute('data-request', cross.authorization_request);
      poll(cross.session_id);
      return api('POST', '/oid4vp/sessions', { purpose: 'login', flow: 'same_device' });
    }).then(function (same) {
      var link = $('same-device');
      link.href = same.authorization_request;
      link.hidden = false;
      link.onclick = function () {
        localStorage.setItem(SAME_DEVICE_KEY, JSON.stringify({ sessionId: same.session_id, lang: document.documentElement.lang }));
      };
    }).catch(fail);
  }

  function finishSameDevice(code) {
    var saved = null;
    try { saved = JSON.parse(localStorage.getItem(SAME_DEVICE_KEY) || 'null'); } catch (e) { saved = null; }
    var lang = document.documentElement.lang;
    if (saved && saved.lang && saved.lang !== lang) {
      // back in the language the person started in
      location.replace('/?' + (saved.lang === 'en' ? 'lang=en&' : '') + 'response_code=' + encodeURIComponent(code));
      return;
    }
    localStorage.removeItem(SAME_DEVICE_KEY);
    var url = new URL(location.href);
    url.searchParams.delete('response_code');
    history.replaceState(null, '', url.pathname + url.search);
    var sessionId = saved && saved.sessionId;
    if (!sessionId) return start();
    say(S.verifying);
    api('GET', '/oid4vp/sessions/' + encodeURIComponent(sessionId) + '?response_code=' + encodeURIComponent(code))
      .then(function (view) {
        if (view.status === 'verified' && view.result) return showLoggedIn(view);
        say(fill(S.failed, { code: view.error ? view.error.code : view.status }), true);
        $('retry').hidden = false;
      }).catch(fail);
  }

  $('retry').addEventListener('click', function () { refreshes = 0; start(); });
  $('logout').addEventListener('click', function () {
    $('done').hidden = true; $('welcome').textContent = ''; $('login').hidden = false; refreshes = 0; start();
  });
  var code = new URLSearchParams(location.search).get('response_code');
  if (code) finishSameDevice(code); else start();
})();
`;
