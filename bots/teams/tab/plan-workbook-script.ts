/**
 * The plan-workbook page's script, served as /tab/plan-workbook.js (the tab's CSP runs no inline
 * script). It sends the chosen file's bytes as the request body to /tab/plan-workbook/check, shows
 * the fragment the server renders, and only on "Gem" sends the same bytes to /save with the digest
 * the check returned, so the file saved is the file that was checked. Plain ES2017: no bundling.
 */
export const PLAN_WORKBOOK_SCRIPT = `(function () {
  'use strict';
  var XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  var data = document.getElementById('plan-workbook-data');
  if (!data) return;
  var texts = JSON.parse(data.textContent || '{}');
  var token = data.getAttribute('data-token') || '';
  var lang = data.getAttribute('data-lang') || 'da';
  var result = document.getElementById('result');
  var input = document.getElementById('file');
  var form = document.getElementById('upload');
  var checked = null;

  function say(message, isError) {
    result.textContent = '';
    var p = document.createElement('p');
    p.className = isError ? 'error' : '';
    p.textContent = message;
    result.appendChild(p);
  }

  function send(path, bytes, digest) {
    var headers = { 'Authorization': 'Bearer ' + token, 'Content-Type': XLSX };
    if (digest) headers['X-Nabo-Checked'] = digest;
    return fetch(path + '?lang=' + encodeURIComponent(lang), { method: 'POST', headers: headers, body: bytes }).then(function (res) {
      if (res.status === 401) return say(texts.noAccess, true);
      if (res.status === 403) return say(texts.coordinatorsOnly, true);
      if (res.status === 413) return say(texts.tooLarge, true);
      var type = res.headers.get('Content-Type') || '';
      if (type.indexOf('text/html') !== 0) return say(texts.failed, true);
      return res.text().then(function (html) {
        result.innerHTML = html;
        var save = document.getElementById('save');
        if (save) save.addEventListener('click', function () {
          save.disabled = true;
          say(texts.saving, false);
          send('/tab/plan-workbook/save', bytes, save.getAttribute('data-digest')).then(function () { checked = null; });
        });
      });
    }).catch(function () { say(texts.failed, true); });
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var file = input.files && input.files[0];
    if (!file) return say(texts.noFile, true);
    if (file.size > texts.maxBytes) return say(texts.tooLarge, true);
    say(texts.checking, false);
    file.arrayBuffer().then(function (bytes) {
      checked = bytes;
      return send('/tab/plan-workbook/check', checked);
    }).catch(function () { say(texts.failed, true); });
  });
})();
`;
