// Small DOM helpers shared by the pages: element building, formatting, dialogs, field errors.
import { t, currentLang } from './i18n.js';

// h('button', {class: 'x', onclick: fn, 'aria-label': '…'}, 'text', child, …)
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k in el && typeof v !== 'string') el[k] = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

let idCounter = 0;
export const uid = (prefix = 'f') => `${prefix}-${++idCounter}`;

// A labelled control: {label, input, hint, error} laid out as one field.
export function field(label, input, hint) {
  if (!input.id) input.id = uid();
  const wrap = h('div', { class: 'field' }, h('label', { for: input.id, text: label }), input);
  if (hint) {
    const hintEl = h('p', { class: 'hint', id: uid('hint'), text: hint });
    input.setAttribute('aria-describedby', hintEl.id);
    wrap.append(hintEl);
  }
  return wrap;
}

// Shows message under input (the API's message for that field) and marks it invalid.
export function fieldError(input, message) {
  const wrap = input.closest('.field') || input.parentElement;
  let p = wrap.querySelector(':scope > .error');
  if (!p) {
    p = h('p', { class: 'error', id: uid('err'), role: 'alert' });
    wrap.append(p);
  }
  p.textContent = message;
  input.setAttribute('aria-invalid', 'true');
  const ids = (input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
  if (!ids.includes(p.id)) input.setAttribute('aria-describedby', [...ids, p.id].join(' '));
  input.focus();
}

export function clearErrors(root) {
  for (const p of root.querySelectorAll('.field > .error')) {
    const input = p.parentElement.querySelector('[aria-invalid]');
    if (input) {
      input.removeAttribute('aria-invalid');
      const ids = (input.getAttribute('aria-describedby') || '').split(' ')
        .filter((id) => id && id !== p.id);
      if (ids.length) input.setAttribute('aria-describedby', ids.join(' '));
      else input.removeAttribute('aria-describedby');
    }
    p.remove();
  }
  for (const p of root.querySelectorAll('.form-error')) p.remove();
}

// An error shown in place (after anchor), for a failure that has no single field.
export function errorNear(anchor, err) {
  const box = anchor.closest('form, section, .dialog-body, td, li') || anchor.parentElement;
  let p = box.querySelector(':scope > .form-error');
  if (!p) {
    p = h('p', { class: 'form-error', role: 'alert' });
    box.append(p);
  }
  p.textContent = messageOf(err);
  return p;
}

export function messageOf(err) {
  if (!err) return '';
  if (err.status === 429 && err.retryAfter) return t('error.tooMany', { s: err.retryAfter });
  if (err.status === 503) return t('error.busy');
  if (err instanceof TypeError) return t('error.network');
  return err.message || String(err);
}

// A form's errors: the one naming a field goes next to it (fields are found by name).
export function showFormError(form, err) {
  const input = err.field && form.querySelector(`[name="${CSS.escape(err.field)}"]`);
  if (input) fieldError(input, err.reason || err.message);
  else errorNear(form.querySelector('button[type=submit]') || form, err);
}

const nf = () => new Intl.NumberFormat(currentLang());
export const fmtNumber = (n) => (n === null || n === undefined ? '–' : nf().format(n));

export function fmtBytes(n) {
  if (n === null || n === undefined) return '–';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  let v = Number(n);
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i += 1; }
  return `${new Intl.NumberFormat(currentLang(), { maximumFractionDigits: i ? 1 : 0 }).format(v)} ${units[i]}`;
}

export function fmtRate(bytesPerSecond) {
  if (bytesPerSecond === null || bytesPerSecond === undefined) return '–';
  const bits = bytesPerSecond * 8;
  const units = ['bit/s', 'kbit/s', 'Mbit/s', 'Gbit/s'];
  let i = 0;
  let v = bits;
  while (v >= 1000 && i < units.length - 1) { v /= 1000; i += 1; }
  return `${new Intl.NumberFormat(currentLang(), { maximumFractionDigits: 1 }).format(v)} ${units[i]}`;
}

export function fmtTime(iso) {
  if (!iso) return '–';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return d.toLocaleString(currentLang(), { dateStyle: 'short', timeStyle: 'medium' });
}

export function fmtDuration(seconds) {
  if (seconds === null || seconds === undefined || Number.isNaN(seconds)) return '–';
  const s = Math.max(0, Math.floor(seconds));
  const d = Math.floor(s / 86400);
  const hh = Math.floor(s / 3600) % 24;
  const mm = Math.floor(s / 60) % 60;
  if (d) return t('duration.dh', { d, h: hh });
  if (hh) return t('duration.hm', { h: hh, m: mm });
  if (mm) return t('duration.ms', { m: mm, s: s % 60 });
  return t('duration.s', { s });
}

export const since = (iso) => (iso ? fmtDuration((Date.now() - new Date(iso).getTime()) / 1000) : '–');

export function debounce(fn, ms = 250) {
  let timer = 0;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

// Polite announcements (saved, copied, reconnected) in the live region of the page.
export function notice(message, kind = 'info') {
  const region = document.getElementById('notices');
  const item = h('p', { class: `notice ${kind}`, text: message });
  region.append(item);
  setTimeout(() => item.remove(), kind === 'error' ? 8000 : 4000);
}

// A modal dialog; resolves with the value of the button pressed (or null on Escape).
export function openDialog(title, body, buttons) {
  return new Promise((resolve) => {
    const titleId = uid('dlg');
    const dlg = h('dialog', { 'aria-labelledby': titleId, class: 'dialog' });
    const form = h('form', { method: 'dialog', class: 'dialog-body' },
      h('h2', { id: titleId, text: title }),
      body,
      h('div', { class: 'actions' }, buttons.map((b) => h('button', {
        value: b.value, class: b.class || '', type: b.submit === false ? 'button' : 'submit',
        text: b.label, onclick: b.onclick,
      }))));
    dlg.append(form);
    dlg.addEventListener('close', () => {
      dlg.remove();
      resolve(dlg.returnValue || null);
    });
    document.body.append(dlg);
    dlg.showModal();
    const first = dlg.querySelector('input, select, textarea');
    if (first) first.focus();
  });
}

export async function confirmDialog(title, message, okLabel, danger = true) {
  const answer = await openDialog(title, h('p', { text: message }), [
    { value: 'cancel', label: t('action.cancel') },
    { value: 'ok', label: okLabel, class: danger ? 'danger' : 'primary' },
  ]);
  return answer === 'ok';
}

// Copies text; clipboard API only exists on secure origins (https or localhost), so a LAN
// address falls back to selecting a hidden field and execCommand.
export async function copyText(text) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch { /* fall through */ }
  const area = h('textarea', { class: 'offscreen', 'aria-hidden': 'true', tabindex: '-1' });
  area.value = text;
  document.body.append(area);
  area.select();
  let ok = false;
  try { ok = document.execCommand('copy'); } catch { ok = false; }
  area.remove();
  return ok;
}

// A read-only value with a Copy button, both named for screen readers.
export function copyField(label, value) {
  const input = h('input', { type: 'text', readOnly: true, value, class: 'mono', name: uid('copy') });
  const button = h('button', {
    type: 'button', class: 'small', text: t('action.copy'),
    'aria-label': t('action.copyWhat', { what: label }),
    onclick: async () => {
      const ok = await copyText(input.value);
      notice(ok ? t('notice.copied', { what: label }) : t('notice.copyFailed'), ok ? 'ok' : 'error');
      if (!ok) input.select();
    },
  });
  const wrap = field(label, input);
  wrap.classList.add('copy');
  wrap.append(button);
  return wrap;
}

// A <select> from [[value, label], …].
export function select(name, options, value, attrs = {}) {
  const el = h('select', { name, ...attrs },
    options.map(([v, label]) => h('option', { value: String(v), text: label })));
  if (value !== undefined && value !== null) el.value = String(value);
  return el;
}

// Runs fn while button shows it is busy (disabled, aria-busy); errors go next to the button.
export async function busy(button, fn) {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    return await fn();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

export function pageHeader(title, ...actions) {
  return h('div', { class: 'page-head' }, h('h1', { text: title, tabindex: '-1' }),
    actions.length ? h('div', { class: 'actions' }, actions) : null);
}

// Responsive table: on a phone each row becomes a card with the column names as labels.
export function table(caption, columns, className = '') {
  const tbody = h('tbody');
  const el = h('table', { class: `rtable ${className}` },
    h('caption', { class: 'visually-hidden', text: caption }),
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', {
      scope: 'col', class: c.class || '', text: c.label,
    })))),
    tbody);
  return { el, tbody };
}

export const td = (label, content, cls = '') =>
  h('td', { 'data-label': label, class: cls }, content);
