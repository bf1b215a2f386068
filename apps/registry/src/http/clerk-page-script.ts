/**
 * The clerk page's script (served as /clerk.js, `script-src 'self'`): keeps the clerk's token in
 * sessionStorage, calls the registry API with `Authorization: Bearer`, writes only with
 * `textContent` (never HTML), and shows a person only after the clerk asks for them.
 */
export const CLERK_PAGE_SCRIPT = `'use strict';
(function () {
  var S = JSON.parse(document.getElementById('zz-strings').textContent);
  var KEY = 'zz-registry-clerk-token';
  var issuerUrl = document.body.getAttribute('data-issuer-url') || '';
  var current = null;
  var $ = function (id) { return document.getElementById(id); };
  var fill = function (text, values) {
    return text.replace(/\\{(\\w+)\\}/g, function (_, k) { return values[k] === undefined ? '' : String(values[k]); });
  };
  var say = function (text, isError) {
    var m = $('message'); m.textContent = text; m.className = isError ? 'error' : '';
  };
  var token = function () { return sessionStorage.getItem(KEY) || ''; };
  var stateLabel = { none: S.stateNone, valid: S.stateValid, lost: S.stateLost, cancelled: S.stateCancelled };

  function call(method, path, body, base) {
    if (!token()) { say(S.tokenMissing, true); return Promise.reject(new Error('no token')); }
    var init = { method: method, headers: { authorization: 'Bearer ' + token() } };
    if (body !== undefined) { init.headers['content-type'] = 'application/json'; init.body = JSON.stringify(body); }
    return fetch((base || '') + path, init).then(function (r) {
      var type = r.headers.get('content-type') || '';
      if (!r.ok) {
        return (type.indexOf('json') >= 0 ? r.json() : Promise.resolve({})).then(function (p) {
          say(fill(S.failed, { title: p.title || r.status, code: p.code || r.status }), true);
          throw new Error('HTTP ' + r.status);
        });
      }
      return type.indexOf('json') >= 0 ? r.json() : r.blob();
    });
  }

  function show(p) {
    current = p;
    $('person').hidden = false;
    $('p-name').textContent = p.full_name;
    $('p-id-number').textContent = p.id_number;
    $('p-address').textContent = p.address.line;
    $('p-card-number').textContent = p.card ? p.card.card_number : '—';
    $('p-validity').textContent = p.card
      ? p.card.issue_date + ' — ' + (p.card.expiry_date === '9999-12-31' ? S.longTerm : p.card.expiry_date) : '—';
    $('p-state').textContent = stateLabel[p.card_state] || p.card_state;
    $('p-state').className = 'state state-' + p.card_state;
    $('p-sequence').textContent = String(p.sequence);
    $('portrait').hidden = true;
    $('n-family').value = ''; $('n-given').value = ''; $('a-street').value = '';
    if ($('activation')) { $('activation').hidden = p.card_state !== 'valid'; $('activation-code').textContent = ''; $('paper-link').hidden = true; }
  }

  function open(id) { return call('GET', '/persons/' + encodeURIComponent(id)).then(show).catch(function () {}); }

  $('token').value = '';
  $('token-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var t = $('token').value.trim();
    if (t) { sessionStorage.setItem(KEY, t); say(S.tokenSaved); } else { say(S.tokenMissing, true); }
    $('token').value = '';
  });
  $('token-clear').addEventListener('click', function () { sessionStorage.removeItem(KEY); say(''); });

  $('search-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var q = $('q').value.trim();
    var list = $('results'); list.textContent = '';
    call('GET', '/persons' + (q ? '?q=' + encodeURIComponent(q) : '')).then(function (r) {
      if (r.persons.length === 0) { say(S.searchNone); return; }
      say('');
      r.persons.forEach(function (p) {
        var li = document.createElement('li');
        var b = document.createElement('button');
        b.type = 'button'; b.className = 'secondary';
        b.textContent = S.open + ' · ' + p.full_name + ' · ' + (p.card_number || '—') + ' · ' + (stateLabel[p.card_state] || p.card_state);
        b.addEventListener('click', function () { open(p.person_id); });
        li.appendChild(b); list.appendChild(li);
      });
    }).catch(function () {});
  });

  $('portrait-button').addEventListener('click', function () {
    if (!current) return;
    call('GET', '/persons/' + encodeURIComponent(current.person_id) + '/portrait').then(function (blob) {
      var img = $('portrait');
      if (img.src) URL.revokeObjectURL(img.src);
      img.src = URL.createObjectURL(blob); img.alt = S.fieldName; img.hidden = false;
    }).catch(function () {});
  });

  function bodyOf(op, form) {
    var f = form.elements;
    if (op === 'address') {
      var o = f.county.options[f.county.selectedIndex];
      return { address: { region_code: o.value, city: o.getAttribute('data-city'), district: o.getAttribute('data-district'), street: f.street.value.trim() } };
    }
    if (op === 'name') return { family_name: f.family_name.value.trim(), given_name: f.given_name.value.trim() };
    if (op === 'lost' || op === 'cancel') return { reason: f.reason.value };
    return {};
  }

  Array.prototype.forEach.call(document.querySelectorAll('form[data-op]'), function (form) {
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (!current) return;
      var op = form.getAttribute('data-op');
      call('POST', '/persons/' + encodeURIComponent(current.person_id) + '/' + op, bodyOf(op, form)).then(function (r) {
        say(fill(S.done, { type: r.type, sequence: r.sequence }));
        if (form.elements.confirm) form.elements.confirm.checked = false;
        return open(current.person_id);
      }).catch(function () {});
    });
  });

  if ($('activation-button')) {
    $('activation-button').addEventListener('click', function () {
      if (!current || !current.card) return;
      var base = issuerUrl.replace(/\\/+$/, '');
      call('POST', '/activation/codes', { person_id: current.person_id }, base)
        .then(function (r) { $('activation-code').textContent = r.activation_code || ''; })
        .catch(function () {});
    });
    Array.prototype.forEach.call(document.querySelectorAll('.activation-other'), function (button) {
      button.addEventListener('click', function () {
        if (!current || !current.card) return;
        var base = button.getAttribute('data-issuer-url').replace(/\\/+$/, '');
        call('POST', '/activation/codes', { person_id: current.person_id }, base)
          .then(function (r) { $('activation-code').textContent = (r.activation_code || '') + ' (' + button.textContent + ')'; })
          .catch(function () {});
      });
    });
    $('paper-button').addEventListener('click', function () {
      if (!current || !current.card) return;
      var base = issuerUrl.replace(/\\/+$/, '');
      call('POST', '/paper-cards', { person_id: current.person_id }, base)
        .then(function (blob) {
          var link = $('paper-link');
          if (link.href) URL.revokeObjectURL(link.href);
          link.href = URL.createObjectURL(blob);
          link.hidden = false;
        })
        .catch(function () {});
    });
  }
})();
`;
