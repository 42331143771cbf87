import { WIDGET_CSS } from './webform-widget-style';

/**
 * The embeddable website widget (`GET /widget.js`): plain ES5-style JavaScript with no dependencies, no eval, no
 * inline event handlers and no innerHTML, so it runs under a strict CSP and Trusted Types on the host page.
 * `<script src=".../widget.js" data-regie-key="KEY" data-mode="form|chat" data-lang="nl|en" async>` renders, in a
 * Shadow DOM, a contact form where the script sits (or in `data-target`), or a chat button that opens a small
 * panel. It posts to the script's own origin; the conversation id of a chat lives in sessionStorage.
 */
const SOURCE = String.raw`(function () {
  'use strict';
  var doc = document;
  var script = doc.currentScript;
  if (!script || !script.hasAttribute('data-regie-key') || script.hasAttribute('data-regie-ready')) {
    script = doc.querySelector('script[data-regie-key]:not([data-regie-ready])');
  }
  if (!script) return;
  script.setAttribute('data-regie-ready', '');
  var KEY = script.getAttribute('data-regie-key') || '';
  var MODE = script.getAttribute('data-mode') === 'chat' ? 'chat' : 'form';
  var LANG = /^en/i.test(script.getAttribute('data-lang') || doc.documentElement.lang || '') ? 'en' : 'nl';
  var ENDPOINT = new URL(script.src, location.href).origin + '/api/public/webform/' + encodeURIComponent(KEY) + '/messages';
  var CSS = __CSS__;
  var EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;
  var T = {
    nl: { formTitle: 'Stuur ons een bericht', name: 'Naam', email: 'E-mailadres', subject: 'Onderwerp', message: 'Bericht', optional: '(optioneel)',
      send: 'Versturen', sending: 'Bezig met versturen…', thanks: 'Bedankt, we hebben je bericht ontvangen.', hp: 'Laat dit veld leeg',
      chatOpen: 'Chat met ons', chatTitle: 'Chat met ons', close: 'Chat sluiten', chatMessage: 'Je bericht', you: 'Jij', log: 'Verstuurde berichten',
      chatIntro: 'Stel je vraag. Laat je e-mailadres achter als je per e-mail antwoord wilt.',
      errMessage: 'Schrijf eerst een bericht.', errEmail: 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.',
      errEmailRequired: 'Vul je e-mailadres in, zodat we je kunnen antwoorden.', errTooLong: 'Je bericht is te lang (maximaal 5000 tekens). Maak het korter.',
      errRate: 'Je hebt veel berichten kort na elkaar gestuurd. Wacht een paar minuten en probeer het opnieuw.',
      errClosed: 'Dit formulier is niet actief. Neem op een andere manier contact met ons op.',
      errFailed: 'Versturen is niet gelukt. Controleer je verbinding en probeer het opnieuw.' },
    en: { formTitle: 'Send us a message', name: 'Name', email: 'E-mail address', subject: 'Subject', message: 'Message', optional: '(optional)',
      send: 'Send', sending: 'Sending…', thanks: 'Thanks, we received your message.', hp: 'Leave this field empty',
      chatOpen: 'Chat with us', chatTitle: 'Chat with us', close: 'Close chat', chatMessage: 'Your message', you: 'You', log: 'Sent messages',
      chatIntro: 'Ask your question. Leave your e-mail address if you would like an answer by e-mail.',
      errMessage: 'Write a message first.', errEmail: 'Enter a valid e-mail address, like name@example.org.',
      errEmailRequired: 'Enter your e-mail address so that we can answer you.', errTooLong: 'Your message is too long (at most 5000 characters). Shorten it.',
      errRate: 'You sent several messages in a short time. Wait a few minutes and try again.',
      errClosed: 'This form is not active. Please contact us another way.',
      errFailed: 'Sending did not work. Check your connection and try again.' }
  }[LANG];
  var uid = 'regie-' + Math.random().toString(36).slice(2, 8) + '-';
  var startedAt = Date.now();

  function el(tag, attrs, kids) {
    var e = doc.createElement(tag);
    for (var k in attrs || {}) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) continue;
      if (k === 'text') e.textContent = v; else e.setAttribute(k, v === true ? '' : String(v));
    }
    for (var i = 0; kids && i < kids.length; i++) if (kids[i]) e.appendChild(kids[i]);
    return e;
  }
  var store = {
    get: function (k) { try { return window.sessionStorage.getItem(k); } catch (e) { return null; } },
    set: function (k, v) { try { window.sessionStorage.setItem(k, v); } catch (e) { /* storage off: keep going */ } }
  };

  /** One labelled input; 'error' is the id of the message that describes it when it is wrong. */
  function field(name, label, opts, error) {
    var id = uid + name;
    var input = el(opts.multiline ? 'textarea' : 'input', { id: id, name: name, type: opts.multiline ? null : (opts.type || 'text'),
      autocomplete: opts.autocomplete || null, maxlength: opts.max, 'aria-required': opts.required ? 'true' : null, rows: opts.multiline ? (opts.rows || 5) : null });
    input.addEventListener('input', function () {
      if (!input.getAttribute('aria-invalid')) return;
      input.removeAttribute('aria-invalid');
      input.removeAttribute('aria-describedby');
      var msg = input.getRootNode().getElementById(error);
      if (msg) msg.textContent = '';
    });
    input.setAttribute('data-error', error);
    var lab = el('label', { 'for': id }, [doc.createTextNode(label), opts.required ? null : el('span', { 'class': 'opt', text: ' ' + T.optional })]);
    return { wrap: el('div', { 'class': 'field' }, [lab, input]), input: input };
  }
  function honeypot() {
    var input = el('input', { id: uid + 'website', name: 'website', type: 'text', tabindex: '-1', autocomplete: 'off' });
    return { wrap: el('div', { 'class': 'hp', 'aria-hidden': 'true' }, [el('label', { 'for': uid + 'website', text: T.hp }), input]), input: input };
  }
  function errorFor(status, body) {
    var d = body && body.error && body.error.details;
    var path = d && d[0] && d[0].path;
    if (status === 429) return { text: T.errRate };
    if (status === 413) return { text: T.errTooLong, field: 'message' };
    if (status === 400 && path === 'email') return { text: T.errEmail, field: 'email' };
    if (status === 400 && path === 'message') return { text: T.errMessage, field: 'message' };
    if (status === 403 || status === 404) return { text: T.errClosed };
    return { text: T.errFailed };
  }
  function post(payload, hp, done) {
    payload.website = hp.value;
    payload.startedAt = startedAt;
    payload.sentAt = Date.now();
    payload.pageUrl = location.origin + location.pathname;
    fetch(ENDPOINT, { method: 'POST', mode: 'cors', credentials: 'omit', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) })
      .then(function (r) {
        return r.json().catch(function () { return null; }).then(function (b) { done(r.ok ? null : errorFor(r.status, b), b); });
      }, function () { done({ text: T.errFailed }); });
  }

  /** Wires a form: checks, posting with a busy button, the error (alert) and the thank-you (status). */
  function wire(form, fields, hp, button, error, status, collect, onSent) {
    var busy = false;
    function showError(err) {
      error.textContent = err.text;
      var input = err.field && fields[err.field];
      if (input) { input.setAttribute('aria-invalid', 'true'); input.setAttribute('aria-describedby', input.getAttribute('data-error')); input.focus(); }
    }
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (busy) return;
      error.textContent = '';
      status.textContent = '';
      var v = collect();
      if (!v.message.trim()) return showError({ text: T.errMessage, field: 'message' });
      if (v.email && !EMAIL.test(v.email)) return showError({ text: T.errEmail, field: 'email' });
      if (!v.email && fields.email && fields.email.getAttribute('aria-required')) return showError({ text: T.errEmailRequired, field: 'email' });
      busy = true;
      button.disabled = true;
      button.textContent = T.sending;
      form.setAttribute('aria-busy', 'true');
      post(v, hp, function (err, body) {
        busy = false;
        button.disabled = false;
        button.textContent = T.send;
        form.removeAttribute('aria-busy');
        if (err) return showError(err);
        onSent(v, body);
        status.textContent = T.thanks;
      });
    });
  }

  function formWidget(root) {
    var errId = uid + 'error';
    var name = field('name', T.name, { autocomplete: 'name', max: 200 }, errId);
    var email = field('email', T.email, { type: 'email', autocomplete: 'email', max: 254, required: true }, errId);
    var subject = field('subject', T.subject, { max: 300 }, errId);
    var message = field('message', T.message, { multiline: true, max: 5000, required: true }, errId);
    var hp = honeypot();
    var error = el('p', { id: errId, 'class': 'error', role: 'alert' });
    var status = el('p', { 'class': 'status', role: 'status', tabindex: '-1' });
    var button = el('button', { type: 'submit', 'class': 'send', text: T.send });
    var form = el('form', { 'class': 'card', novalidate: true, 'aria-labelledby': uid + 'title' },
      [el('h2', { id: uid + 'title', text: T.formTitle }), name.wrap, email.wrap, subject.wrap, message.wrap, hp.wrap, error, button, status]);
    root.appendChild(form);
    wire(form, { email: email.input, message: message.input }, hp.input, button, error, status, function () {
      return { kind: 'form', name: name.input.value, email: email.input.value.trim(), subject: subject.input.value, message: message.input.value };
    }, function () { form.reset(); status.focus(); });
  }

  function conversationId() {
    var k = 'regie-chat:' + KEY;
    var id = store.get(k);
    if (id && /^[A-Za-z0-9_-]{8,64}$/.test(id)) return id;
    var b = new Uint8Array(16);
    window.crypto.getRandomValues(b);
    id = '';
    for (var i = 0; i < b.length; i++) id += ('0' + b[i].toString(16)).slice(-2);
    store.set(k, id);
    return id;
  }

  function chatWidget(root) {
    var panelId = uid + 'panel';
    var errId = uid + 'error';
    var logKey = 'regie-chat-log:' + KEY;
    var bubble = el('button', { type: 'button', 'class': 'bubble', 'aria-expanded': 'false', 'aria-controls': panelId, text: T.chatOpen });
    var close = el('button', { type: 'button', 'class': 'close', 'aria-label': T.close, text: '×' });
    var log = el('ol', { 'class': 'log', 'aria-label': T.log });
    var email = field('email', T.email, { type: 'email', autocomplete: 'email', max: 254 }, errId);
    var message = field('message', T.chatMessage, { multiline: true, rows: 3, max: 5000, required: true }, errId);
    var hp = honeypot();
    var error = el('p', { id: errId, 'class': 'error', role: 'alert' });
    var status = el('p', { 'class': 'status', role: 'status' });
    var button = el('button', { type: 'submit', 'class': 'send', text: T.send });
    var form = el('form', { 'class': 'compose', novalidate: true, 'aria-label': T.chatMessage }, [email.wrap, message.wrap, hp.wrap, error, button]);
    var panel = el('div', { id: panelId, 'class': 'panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': uid + 'title', hidden: true }, [
      el('div', { 'class': 'head' }, [el('h2', { id: uid + 'title', text: T.chatTitle }), close]),
      el('div', { 'class': 'body' }, [el('p', { 'class': 'intro', text: T.chatIntro }), log, status]),
      form
    ]);
    function add(text) {
      log.appendChild(el('li', null, [el('span', { 'class': 'who', text: T.you }), doc.createTextNode(text)]));
    }
    var sent = [];
    try { sent = JSON.parse(store.get(logKey) || '[]'); } catch (e) { sent = []; }
    for (var i = 0; i < sent.length; i++) if (typeof sent[i] === 'string') add(sent[i]);
    function setOpen(open) {
      panel.hidden = !open;
      bubble.setAttribute('aria-expanded', open ? 'true' : 'false');
      (open ? message.input : bubble).focus();
    }
    bubble.addEventListener('click', function () { setOpen(panel.hidden); });
    close.addEventListener('click', function () { setOpen(false); });
    panel.addEventListener('keydown', function (ev) { if (ev.key === 'Escape') { ev.preventDefault(); setOpen(false); } });
    message.input.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) { ev.preventDefault(); form.requestSubmit ? form.requestSubmit() : button.click(); }
    });
    wire(form, { email: email.input, message: message.input }, hp.input, button, error, status, function () {
      return { kind: 'chat', email: email.input.value.trim(), message: message.input.value, conversationId: conversationId() };
    }, function (v, body) {
      if (body && typeof body.conversationId === 'string') store.set('regie-chat:' + KEY, body.conversationId);
      var text = v.message.trim();
      add(text);
      sent.push(text);
      store.set(logKey, JSON.stringify(sent.slice(-30)));
      message.input.value = '';
      message.input.focus();
    });
    root.appendChild(bubble);
    root.appendChild(panel);
  }

  function mount() {
    var host = el('div', { 'class': 'regie-widget', 'data-mode': MODE, lang: LANG });
    var target = null;
    try { target = script.getAttribute('data-target') ? doc.querySelector(script.getAttribute('data-target')) : null; } catch (e) { target = null; }
    if (target) target.appendChild(host);
    else if (MODE === 'form' && script.parentNode && doc.body && doc.body.contains(script)) script.parentNode.insertBefore(host, script);
    else doc.body.appendChild(host);
    var root = host.attachShadow ? host.attachShadow({ mode: 'open' }) : host;
    try {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
    } catch (e) {
      root.appendChild(el('style', { text: CSS }));
    }
    if (MODE === 'chat') chatWidget(root); else formWidget(root);
  }
  if (doc.body) mount(); else doc.addEventListener('DOMContentLoaded', mount);
})();
`;

/** The widget script as served: the styles inlined as a string literal. */
export const WIDGET_JS = SOURCE.replace('__CSS__', () => JSON.stringify(WIDGET_CSS));
