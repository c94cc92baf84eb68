// Wachposten console: live arrival of alerts in the inbox (server-sent events from /alerts/events).
// Progressive enhancement only: every page works without this file. Text goes in through textContent, never as HTML.
(function () {
  'use strict';
  var list = document.getElementById('alerts');
  var notice = document.getElementById('live-notice');
  if (!list || !notice || !window.EventSource) {
    return;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function row(a) {
    var li = el('li', 'alert sev-' + a.severity + ' st-' + a.status + ' fresh');
    li.setAttribute('data-alert-id', a.id);
    var head = el('p', 'head');
    head.appendChild(el('span', 'sev', a.severity_label));
    head.appendChild(document.createTextNode(' '));
    head.appendChild(el('span', 'channel', a.channel));
    head.appendChild(document.createTextNode(' '));
    head.appendChild(el('span', 'time', a.time));
    head.appendChild(document.createTextNode(' '));
    head.appendChild(el('span', 'status', a.status_label));
    li.appendChild(head);
    var reasons = el('ul', 'reasons');
    reasons.appendChild(el('li', null, a.reasons));
    li.appendChild(reasons);
    var text = el('p', 'text', a.text);
    text.setAttribute('dir', 'auto');
    li.appendChild(text);
    var more = el('p', 'more');
    var link = el('a', null, list.getAttribute('data-details') || 'Details');
    link.setAttribute('href', '/alerts/' + encodeURIComponent(a.id));
    more.appendChild(link);
    li.appendChild(more);
    return li;
  }

  function announce(a) {
    notice.textContent = '';
    notice.appendChild(document.createTextNode((notice.getAttribute('data-label') || '') + ' '));
    var link = el('a', null, a.severity_label + ': ' + a.channel + ' – ' + a.reasons);
    link.setAttribute('href', '/alerts/' + encodeURIComponent(a.id));
    notice.appendChild(link);
    notice.appendChild(document.createTextNode(' · '));
    var reload = el('a', null, notice.getAttribute('data-reload') || 'Reload');
    reload.setAttribute('href', window.location.pathname + window.location.search);
    notice.appendChild(reload);
    notice.hidden = false;
  }

  function existing(id) {
    var items = list.querySelectorAll('li[data-alert-id]');
    for (var i = 0; i < items.length; i++) {
      if (items[i].getAttribute('data-alert-id') === id) { return items[i]; }
    }
    return null;
  }

  var source = new EventSource('/alerts/events');
  source.addEventListener('alert', function (ev) {
    var a;
    try { a = JSON.parse(ev.data); } catch (e) { return; }
    announce(a);
    var old = existing(a.id);
    if (old) {
      var status = old.querySelector('.status');
      if (status) { status.textContent = a.status_label; }
      old.className = old.className.replace(/\bst-\w+/, 'st-' + a.status);
      return;
    }
    if (list.getAttribute('data-live') === '1' && a.open) {
      list.insertBefore(row(a), list.firstChild);
      var empty = document.querySelector('.empty');
      if (empty) { empty.hidden = true; }
    }
  });
})();
