// Overview: server and engine status, what runs now, the catalog's size, and Connect a TV.
import * as api from '../api.js';
import { t } from '../i18n.js';
import { h, clear, pageHeader, fmtNumber, fmtDuration, fmtRate, copyField, field, select, errorNear }
  from '../ui.js';

export default function overview(root) {
  const status = h('dl', { class: 'facts' });
  const counts = h('dl', { class: 'facts counts' });
  const connect = h('div', { class: 'connect' });
  const userPick = select('user', [['', t('connect.noUser')]], '');
  const userField = field(t('connect.user'), userPick, t('connect.userHint'));
  let users = [];
  let health = null;
  let streams = { streams: [] };
  let totals = {};

  clear(root,
    pageHeader(t('nav.overview')),
    h('div', { class: 'grid' },
      h('section', { class: 'card', 'aria-labelledby': 'ov-status' },
        h('h2', { id: 'ov-status', text: t('overview.status') }), status),
      h('section', { class: 'card', 'aria-labelledby': 'ov-counts' },
        h('h2', { id: 'ov-counts', text: t('overview.counts') }), counts)),
    h('section', { class: 'card', 'aria-labelledby': 'ov-connect' },
      h('h2', { id: 'ov-connect', text: t('connect.title') }),
      h('p', { class: 'hint', text: t('connect.intro') }),
      userField, connect));

  const fact = (dl, label, value, cls = '') => dl.append(h('dt', { text: label }),
    h('dd', { class: cls }, value));

  function renderStatus() {
    clear(status);
    if (!health) return;
    fact(status, t('overview.version'), health.version);
    fact(status, t('overview.uptime'), fmtDuration(health.uptime_s));
    const e = health.engine || {};
    let engineText;
    if (e.reachable) engineText = t('overview.engineOk', { version: e.version || '?' });
    else if (e.checked_at) engineText = t('overview.engineDown', { error: e.error || '' });
    else engineText = t('overview.engineUnchecked');
    fact(status, t('overview.engine'), engineText, e.reachable ? 'ok' : 'bad');
    if (e.url) fact(status, t('overview.engineUrl'), e.url, 'mono');
  }

  function renderCounts() {
    clear(counts);
    const list = streams.streams || [];
    const players = list.reduce((n, s) => n + (s.players || s.clients || []).length, 0);
    const rate = list.reduce((n, s) => n + (s.rate_in || 0), 0);
    fact(counts, t('overview.streams'), fmtNumber(list.length));
    fact(counts, t('overview.players'), fmtNumber(players));
    fact(counts, t('overview.rateIn'), list.length ? fmtRate(rate) : '–');
    fact(counts, t('overview.channels'), fmtNumber(totals.channels));
    fact(counts, t('overview.sources'), fmtNumber(totals.sources));
    fact(counts, t('overview.users'), fmtNumber(users.length));
  }

  async function renderConnect() {
    const id = userPick.value;
    let info;
    try {
      info = await api.get(`/api/connect${api.query({ user_id: id })}`);
    } catch (e) {
      errorNear(userPick, e);
      return;
    }
    const rows = [copyField(t('connect.server'), info.server)];
    if ((info.urls || []).length > 1) {
      rows.push(h('p', { class: 'hint', text: t('connect.otherAddresses', { list: info.urls.slice(1).join(', ') }) }));
    }
    if (info.user) {
      rows.push(copyField(t('connect.username'), info.user.username),
        copyField(t('connect.password'), info.user.password),
        copyField(t('connect.m3u'), info.user.m3u),
        copyField(t('connect.xmltv'), info.user.xmltv));
    } else {
      rows.push(h('p', { class: 'hint', text: users.length ? t('connect.pickUser') : t('connect.makeUser') }),
        users.length ? null : h('a', { href: '#/users', text: t('connect.toUsers') }));
    }
    clear(connect, rows);
  }
  userPick.addEventListener('change', renderConnect);

  async function loadHealth() {
    health = await api.get('/api/health');
    renderStatus();
  }

  const fetchCounts = api.inOrder(() => Promise.all([
    api.get('/api/streams'),
    api.get('/api/channels?limit=1'),
    api.get('/api/sources'),
  ]));
  async function loadCounts() {
    const all = await fetchCounts();
    if (!all) return; // a newer answer is shown
    const [s, ch, src] = all;
    streams = s;
    totals = { channels: ch.total, sources: (src.items || []).length };
    renderCounts();
  }

  const fetchUsers = api.inOrder(() => api.get('/api/users'));
  async function loadUsers() {
    const answer = await fetchUsers();
    if (!answer) return; // a newer answer is shown
    users = answer.items || answer.users || [];
    const wanted = sessionStorage.getItem('acehub.connectUser'); // "Connect" on the users page
    sessionStorage.removeItem('acehub.connectUser');
    const kept = wanted || userPick.value || (users[0] ? String(users[0].id) : '');
    clear(userPick, h('option', { value: '', text: t('connect.noUser') }),
      users.map((u) => h('option', { value: String(u.id), text: u.username })));
    userPick.value = users.some((u) => String(u.id) === kept) ? kept : '';
    renderCounts();
    await renderConnect();
  }

  let uptimeTimer = 0;
  return {
    async load() {
      await Promise.all([loadHealth(), loadCounts(), loadUsers()]);
      clearInterval(uptimeTimer);
      uptimeTimer = setInterval(() => { if (health) { health.uptime_s += 1; renderStatus(); } }, 1000);
    },
    unmount() { clearInterval(uptimeTimer); },
    event(type, data) {
      if (type === 'engine' && health) {
        health.engine = { ...health.engine, ...data, checked_at: health.engine.checked_at || new Date().toISOString() };
        renderStatus();
      } else if (type === 'stats') {
        const byKey = new Map((data.streams || []).map((s) => [s.key, s]));
        for (const s of streams.streams || []) Object.assign(s, { rate_in: (byKey.get(s.key) || {}).rate_in });
        renderCounts();
      } else if (type.startsWith('stream.') || type.startsWith('player.')) {
        loadCounts().catch(() => {});
      } else if (type === 'changed' && data.area === 'users') {
        loadUsers().catch(() => {});
      } else if (type === 'import.finished' || (type === 'changed' && ['channels', 'sources'].includes(data.area))) {
        loadCounts().catch(() => {});
      }
    },
  };
}
