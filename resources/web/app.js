// The dashboard's shell: signs in, routes #/<page> to the page modules, owns the event stream
// and tells the page when its data must be reloaded (resync, reconnect, signed in again).
import * as api from './api.js';
import * as events from './events.js';
import { t, setLang, currentLang, languages, translateStatic } from './i18n.js';
import { h, clear, notice, field, showFormError, clearErrors, busy } from './ui.js';

const PAGES = ['overview', 'streams', 'channels', 'categories', 'sources', 'users', 'logs',
  'settings'];
const modules = new Map();
let page = null; // {name, module, instance}
let mountSeq = 0;
let signedIn = false;
let waitingForSignIn = null; // {promise, resolve}: requests that met an expired session

const $ = (id) => document.getElementById(id);

function routeName() {
  const name = location.hash.replace(/^#\/?/, '').split('?')[0];
  return PAGES.includes(name) ? name : 'overview';
}

async function loadModule(name) {
  if (!modules.has(name)) modules.set(name, (await import(`./pages/${name}.js`)).default);
  return modules.get(name);
}

async function mount(moveFocus = false) {
  const seq = ++mountSeq;
  const name = routeName();
  const module = await loadModule(name);
  if (seq !== mountSeq) return; // another navigation overtook this one
  if (page && page.instance.unmount) page.instance.unmount();
  const main = $('main');
  clear(main);
  for (const a of document.querySelectorAll('#nav a')) {
    if (a.dataset.page === name) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  document.title = `${t(`nav.${name}`)} · AceHub`;
  const instance = module(main);
  page = { name, instance };
  try {
    await instance.load();
  } catch (e) {
    if (seq === mountSeq) main.append(h('p', { class: 'form-error', role: 'alert', text: e.message }));
  }
  // After a navigation the focus goes to the new page's heading (screen readers announce it).
  const heading = main.querySelector('h1');
  if (heading && (moveFocus || document.activeElement === document.body)) heading.focus({ preventScroll: true });
}

function reloadPage() {
  if (page && signedIn) page.instance.load().catch((e) => notice(e.message, 'error'));
}

// --- signing in -------------------------------------------------------------------------

function showSignIn(expired) {
  signedIn = false;
  events.disconnect(expired);
  $('shell').hidden = true; // kept, not emptied: what the user was doing is there afterwards
  const root = $('signin');
  const password = h('input', {
    type: 'password', name: 'password', autocomplete: 'current-password', required: true,
  });
  const submit = h('button', { type: 'submit', class: 'primary', text: t('signin.submit') });
  const form = h('form', { class: 'signin-form', novalidate: true },
    h('div', { class: 'brand big' }, h('img', { src: '/icons/acehub.png', alt: '', width: 48, height: 48 }),
      h('span', { text: 'AceHub' })),
    h('h1', { text: t('signin.title') }),
    expired ? h('p', { class: 'hint', role: 'status', text: t('signin.expired') }) : null,
    h('input', { type: 'text', name: 'username', value: 'admin', autocomplete: 'username', hidden: true }),
    field(t('signin.password'), password, t('signin.passwordHint')),
    submit,
    langSelect('signin-lang'));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    if (!password.value) {
      showFormError(form, new api.ApiError(400, `password: ${t('signin.empty')}`));
      return;
    }
    try {
      await busy(submit, () => api.login(password.value));
    } catch (e) {
      if (e.status === 401 || e.status === 400) e = new api.ApiError(e.status, `password: ${t('signin.wrong')}`);
      else if (e.status === 429) e = new api.ApiError(429, `password: ${t('error.tooMany', { s: e.retryAfter || 60 })}`);
      showFormError(form, e);
      return;
    }
    signedInNow();
  });
  clear(root, form);
  root.hidden = false;
  password.focus();
}

function signedInNow() {
  $('signin').hidden = true;
  clear($('signin'));
  $('shell').hidden = false;
  signedIn = true;
  events.connect();
  if (waitingForSignIn) {
    waitingForSignIn.resolve(); // the interrupted requests go again; the page stays as it was
    waitingForSignIn = null;
  } else if (page) {
    reloadPage();
  } else {
    mount();
  }
}

function needSignIn() {
  if (!waitingForSignIn) {
    let resolve;
    const promise = new Promise((r) => { resolve = r; });
    waitingForSignIn = { promise, resolve };
    showSignIn(true);
  }
  return waitingForSignIn.promise;
}
api.onUnauthorized(needSignIn);

async function signOut() {
  try {
    await api.logout();
  } catch (e) {
    if (e.status !== 401) notice(e.message, 'error');
  }
  if (page && page.instance.unmount) page.instance.unmount();
  page = null;
  clear($('main'));
  showSignIn(false);
}

// --- language, menu, live indicator -------------------------------------------------------

function langSelect(id) {
  const sel = h('select', { id, 'aria-label': t('nav.language') },
    languages.map(([code, name]) => h('option', { value: code, text: name, lang: code })));
  sel.value = currentLang();
  sel.addEventListener('change', () => {
    setLang(sel.value);
    translateStatic();
    fillLang();
    if (signedIn) mount();
    else showSignIn(false);
  });
  return sel;
}

function fillLang() {
  const sel = $('lang');
  clear(sel, languages.map(([code, name]) => h('option', { value: code, text: name, lang: code })));
  sel.value = currentLang();
  showLive(events.current());
}

function showLive(status) {
  const el = $('live');
  el.textContent = status.connected ? t('live.on') : t('live.off');
  el.className = `live ${status.connected ? 'on' : 'off'}`;
}

function init() {
  translateStatic();
  fillLang();
  $('lang').addEventListener('change', (ev) => {
    setLang(ev.target.value);
    translateStatic();
    showLive(events.current());
    if (signedIn) mount();
  });
  $('signout').addEventListener('click', signOut);
  const menu = $('menu-button');
  menu.addEventListener('click', () => {
    const open = menu.getAttribute('aria-expanded') !== 'true';
    menu.setAttribute('aria-expanded', String(open));
    $('nav').classList.toggle('open', open);
  });
  $('nav').addEventListener('click', (ev) => {
    if (ev.target.closest('a')) {
      menu.setAttribute('aria-expanded', 'false');
      $('nav').classList.remove('open');
    }
  });
  window.addEventListener('hashchange', () => { if (signedIn) mount(true); });

  events.onStatus(showLive);
  events.on('reconnected', () => notice(t('live.reconnected'), 'ok'));
  events.on('resync', reloadPage);
  events.on('unauthorized', () => { if (signedIn) needSignIn(); });
  for (const type of ['stream.started', 'stream.state', 'stream.ended', 'player.joined',
    'player.left', 'stats', 'engine', 'import.started', 'import.progress', 'import.finished',
    'check', 'log', 'changed']) {
    events.on(type, (data) => {
      if (page && page.instance.event) page.instance.event(type, data);
    });
  }

  api.session().then(signedInNow, (e) => {
    if (e.status === 401) showSignIn(false);
    else {
      showSignIn(false);
      notice(e.message, 'error');
    }
  });
}

init();
