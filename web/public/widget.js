/*
 * Service Portal's website widget (ADR 0033): a firm puts one tag on its own site,
 *   <script src="https://<portal>/widget.js" data-firm="<firm slug>" async></script>
 * and its visitors can write to it: name and email first, then their message. Their
 * conversation's key stays in their browser; new answers are fetched every few seconds while
 * the panel is open. It needs only `script-src` and `connect-src` for the portal's origin on
 * the firm's CSP: no inline scripts or styles (styles are set through the CSSOM), no cookies,
 * and text is always set as text, never as HTML.
 */
(function () {
  var script = document.currentScript;
  if (!script || !script.dataset.firm) return;
  var firm = script.dataset.firm;
  var api = new URL(script.src).origin + '/api/widget/' + encodeURIComponent(firm) + '/conversations';
  var storeKey = 'sp-widget:' + firm;
  var POLL_MS = 4000;

  var TEXT = {
    en: {
      open: 'Chat with us',
      close: 'Close the chat',
      title: 'Write to us',
      intro: 'Tell us who you are, and we will answer here and by email.',
      name: 'Your name',
      email: 'Your email',
      message: 'Your message',
      start: 'Start the conversation',
      send: 'Send',
      you: 'You',
      failed: 'Not sent. Check your connection and try again.',
      empty: 'Please fill in every field.',
    },
    ar: {
      open: 'تحدث معنا',
      close: 'أغلق المحادثة',
      title: 'اكتب لنا',
      intro: 'أخبرنا من أنت، وسنجيبك هنا وبالبريد الإلكتروني.',
      name: 'اسمك',
      email: 'بريدك الإلكتروني',
      message: 'رسالتك',
      start: 'ابدأ المحادثة',
      send: 'أرسل',
      you: 'أنت',
      failed: 'لم تُرسل. تحقق من اتصالك وحاول مجددًا.',
      empty: 'يرجى ملء كل الحقول.',
    },
    hi: {
      open: 'हमसे बात करें',
      close: 'चैट बंद करें',
      title: 'हमें लिखें',
      intro: 'बताएँ आप कौन हैं, हम यहीं और ईमेल से जवाब देंगे।',
      name: 'आपका नाम',
      email: 'आपका ईमेल',
      message: 'आपका संदेश',
      start: 'बातचीत शुरू करें',
      send: 'भेजें',
      you: 'आप',
      failed: 'नहीं भेजा गया। अपना कनेक्शन जाँचें और फिर कोशिश करें।',
      empty: 'कृपया हर फ़ील्ड भरें।',
    },
  };
  var lang = (script.dataset.lang || document.documentElement.lang || navigator.language || 'en').slice(0, 2);
  var t = TEXT[lang] || TEXT.en;

  function el(tag, styles, text) {
    var node = document.createElement(tag);
    for (var k in styles) node.style[k] = styles[k];
    if (text) node.textContent = text;
    return node;
  }
  function id() {
    return crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(36).slice(2);
  }
  function saved() {
    try {
      return JSON.parse(localStorage.getItem(storeKey) || 'null');
    } catch {
      return null;
    }
  }
  function keep(session) {
    try {
      localStorage.setItem(storeKey, JSON.stringify(session));
    } catch {
      /* storage blocked: this visit only */
    }
  }
  /** JSON as text/plain: a simple request, so no preflight is needed from the firm's site. */
  function call(method, path, body) {
    return fetch(api + path, {
      method: method,
      headers: body ? { 'content-type': 'text/plain;charset=UTF-8' } : {},
      body: body ? JSON.stringify(body) : undefined,
    }).then(function (res) {
      return res.json().then(function (data) {
        if (!res.ok) throw Object.assign(new Error((data && data.error && data.error.message) || t.failed), { status: res.status });
        return data;
      });
    });
  }

  var BRAND = script.dataset.color || '#4338ca';
  var FIELD = {
    display: 'block',
    width: '100%',
    boxSizing: 'border-box',
    margin: '4px 0 10px',
    padding: '8px',
    border: '1px solid #94a3b8',
    borderRadius: '6px',
    font: 'inherit',
  };
  var BUTTON = { background: BRAND, color: '#fff', border: '0', borderRadius: '6px', padding: '8px 14px', font: 'inherit', cursor: 'pointer' };

  var host = el('div', {
    position: 'fixed',
    insetInlineEnd: '16px',
    bottom: '16px',
    zIndex: '2147483000',
    font: '15px/1.4 system-ui, sans-serif',
    color: '#0f172a',
  });
  var opener = el('button', BUTTON, t.open);
  opener.type = 'button';
  opener.setAttribute('aria-expanded', 'false');
  var panel = el('div', {
    display: 'none',
    width: 'min(360px, calc(100vw - 32px))',
    maxHeight: '70vh',
    overflowY: 'auto',
    background: '#fff',
    border: '1px solid #cbd5e1',
    borderRadius: '10px',
    boxShadow: '0 8px 30px rgba(0,0,0,.2)',
    padding: '14px',
    marginBottom: '8px',
  });
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', t.title);
  host.appendChild(panel);
  host.appendChild(opener);

  // Opened from an email's link (the portal's /chat/ page): the conversation and its key come in
  // the fragment, which no server sees; kept like the widget's own, and taken out of the address.
  var fromLink = /^#([\w-]+)\.([\w-]+)$/.exec(location.hash);
  var session = fromLink ? { conversationId: fromLink[1], token: fromLink[2] } : saved();
  if (fromLink) {
    keep(session);
    history.replaceState(null, '', location.pathname + location.search);
  }
  var lastSeq = 0;
  var timer = null;
  var alert = el('p', { color: '#b91c1c', margin: '6px 0' });
  alert.setAttribute('role', 'alert');

  function field(label, tag) {
    var wrap = el('label', { display: 'block', fontWeight: '600' }, label);
    var input = el(tag, FIELD);
    wrap.appendChild(input);
    return { wrap: wrap, input: input };
  }

  function showStart() {
    panel.textContent = '';
    panel.appendChild(el('h2', { fontSize: '17px', margin: '0 0 6px' }, t.title));
    panel.appendChild(el('p', { margin: '0 0 10px' }, t.intro));
    var form = el('form', {});
    var name = field(t.name, 'input');
    var email = field(t.email, 'input');
    email.input.type = 'email';
    var message = field(t.message, 'textarea');
    message.input.rows = 3;
    [name, email, message].forEach(function (f) {
      form.appendChild(f.wrap);
    });
    var submit = el('button', BUTTON, t.start);
    submit.type = 'submit';
    form.appendChild(alert);
    form.appendChild(submit);
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      alert.textContent = '';
      if (!name.input.value.trim() || !email.input.value.trim() || !message.input.value.trim()) return (alert.textContent = t.empty);
      submit.disabled = true;
      call('POST', '', {
        name: name.input.value,
        email: email.input.value,
        message: message.input.value,
        clientMessageId: id(),
        page: location.href.slice(0, 500),
      })
        .then(function (made) {
          session = { conversationId: made.conversationId, token: made.token };
          keep(session);
          showThread();
        })
        .catch(function (error) {
          alert.textContent = error.message;
          submit.disabled = false;
        });
    });
    panel.appendChild(form);
    name.input.focus();
  }

  var list;
  function showThread() {
    panel.textContent = '';
    lastSeq = 0;
    panel.appendChild(el('h2', { fontSize: '17px', margin: '0 0 6px' }, t.title));
    list = el('ol', { listStyle: 'none', padding: '0', margin: '0 0 10px' });
    list.setAttribute('aria-live', 'polite');
    list.setAttribute('aria-label', t.title);
    panel.appendChild(list);
    var form = el('form', {});
    var message = field(t.message, 'textarea');
    message.input.rows = 2;
    form.appendChild(message.wrap);
    form.appendChild(alert);
    var send = el('button', BUTTON, t.send);
    send.type = 'submit';
    form.appendChild(send);
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var body = message.input.value.trim();
      if (!body) return;
      alert.textContent = '';
      send.disabled = true;
      call('POST', '/' + session.conversationId + '/messages', { token: session.token, clientMessageId: id(), body: body })
        .then(function (m) {
          message.input.value = '';
          add([m]);
        })
        .catch(function (error) {
          alert.textContent = error.message;
        })
        .then(function () {
          send.disabled = false;
        });
    });
    panel.appendChild(form);
    message.input.focus();
    poll();
  }

  var shown = {};
  function add(items) {
    items.forEach(function (m) {
      lastSeq = Math.max(lastSeq, m.seq);
      if (shown[m.seq]) return;
      shown[m.seq] = true;
      var item = el('li', { margin: '6px 0', padding: '6px 10px', borderRadius: '8px', background: m.own ? '#eef2ff' : '#f1f5f9' });
      item.appendChild(el('span', { display: 'block', fontSize: '12px', color: '#475569' }, m.own ? t.you : m.from));
      item.appendChild(el('span', { whiteSpace: 'pre-wrap' }, m.body));
      list.appendChild(item);
    });
  }

  function poll() {
    clearTimeout(timer);
    if (!session || panel.style.display === 'none') return;
    call('GET', '/' + session.conversationId + '/messages?token=' + encodeURIComponent(session.token) + '&after=' + lastSeq)
      .then(function (page) {
        add(page.items);
      })
      .then(
        function () {
          timer = setTimeout(poll, POLL_MS);
        },
        function (error) {
          // Gone (or its key no longer fits): start afresh. Otherwise offline for a moment: the next poll catches up.
          if (error.status !== 404) return (timer = setTimeout(poll, POLL_MS));
          session = null;
          try {
            localStorage.removeItem(storeKey);
          } catch {
            /* storage blocked */
          }
          showStart();
        },
      );
  }

  opener.addEventListener('click', function () {
    var open = panel.style.display === 'none';
    panel.style.display = open ? 'block' : 'none';
    opener.textContent = open ? t.close : t.open;
    opener.setAttribute('aria-expanded', String(open));
    if (!open) return clearTimeout(timer);
    shown = {};
    if (session) showThread();
    else showStart();
  });

  (document.body || document.documentElement).appendChild(host);
  if (script.dataset.open) opener.click();
})();
