// Wachposten console: live arrival of alerts in the inbox (server-sent events from /alerts/events).
// Progressive enhancement only: every page works without this file. Text of the notice goes in through textContent;
// the only HTML taken in is a row the server rendered with the inbox's template.
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

  // The row as the server rendered it with the inbox's own template (every value escaped there, the acknowledge
  // form with the session's CSRF token included), parsed into a separate inert document (nothing in it runs) and
  // adopted into the page.
  function row(a) {
    var doc = new DOMParser().parseFromString(a.html || '', 'text/html');
    var li = doc.querySelector('li[data-alert-id]');
    return li ? document.adoptNode(li) : null;
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
    var fresh = row(a);
    if (!fresh) { return; }
    fresh.classList.add('fresh');
    if (old) {
      // a revision: the row is replaced in place; a resolution already chosen in it stays chosen
      var chosen = old.querySelector('select[name=resolution]');
      var select = fresh.querySelector('select[name=resolution]');
      if (chosen && select) { select.value = chosen.value; }
      var focused = old.contains(document.activeElement) ? document.activeElement.getAttribute('name') : null;
      old.parentNode.replaceChild(fresh, old);
      if (focused) {
        var again = fresh.querySelector('[name="' + focused + '"]');
        if (again) { again.focus(); }
      }
      return;
    }
    if (list.getAttribute('data-live') === '1' && a.open) {
      list.insertBefore(fresh, list.firstChild);
      var empty = document.querySelector('.empty');
      if (empty) { empty.hidden = true; }
    }
  });
})();
