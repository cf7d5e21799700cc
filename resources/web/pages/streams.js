// Streams and players, live: one card per running stream (one upstream), a row per player.
// Elements are kept per stream key and player id and only their texts change, so the
// once-a-second stats never move the keyboard focus.
import * as api from '../api.js';
import { t } from '../i18n.js';
import { h, clear, pageHeader, fmtBytes, fmtRate, since, confirmDialog, notice, messageOf, td }
  from '../ui.js';

export default function streamsPage(root) {
  const list = h('div', { class: 'streams' });
  const empty = h('p', { class: 'empty', text: t('streams.none') });
  const summary = h('p', { class: 'hint', role: 'status' });
  const model = new Map(); // key -> stream object (players under .players)
  const views = new Map(); // key -> {card, fields, rows: Map(id -> {row, cells})}

  clear(root, pageHeader(t('nav.streams')), summary, list);

  const playersOf = (s) => s.players || s.clients || [];
  const userOf = (p) => p.user || null; // null: an anonymous /ace player
  const titleOf = (s) => (s.channel
    ? `${s.channel.number ? `${s.channel.number} · ` : ''}${s.channel.name}` : s.key);

  function stopButton(key) {
    return h('button', {
      type: 'button', class: 'danger small', text: t('streams.stop'),
      'aria-label': t('streams.stopWhat', { what: titleOf(model.get(key) || { key }) }),
      onclick: async (ev) => {
        const s = model.get(key);
        if (!await confirmDialog(t('streams.stopTitle'), t('streams.stopConfirm', { what: titleOf(s || { key }), n: s ? playersOf(s).length : 0 }), t('streams.stop'))) return;
        try {
          await api.del(`/api/streams/${encodeURIComponent(key)}`);
          notice(t('streams.stopped'), 'ok');
        } catch (e) {
          notice(messageOf(e), 'error');
          ev.target.focus();
        }
      },
    });
  }

  function kickButton(key, id, label) {
    return h('button', {
      type: 'button', class: 'small', text: t('streams.kick'),
      'aria-label': t('streams.kickWhat', { what: label }),
      onclick: async () => {
        try {
          await api.del(`/api/streams/${encodeURIComponent(key)}/clients/${id}`);
          notice(t('streams.kicked', { what: label }), 'ok');
        } catch (e) {
          notice(messageOf(e), 'error');
        }
      },
    });
  }

  function makeView(s) {
    const fields = {
      title: h('h2', {}),
      state: h('span', { class: 'badge' }),
      rate: h('dd', {}), bytes: h('dd', {}), since: h('dd', {}), players: h('dd', {}),
    };
    const cols = [t('streams.user'), t('streams.address'), t('streams.rate'), t('streams.sent'),
      t('streams.since'), t('streams.actions')];
    const tbody = h('tbody');
    const tbl = h('table', { class: 'rtable players' },
      h('caption', { class: 'visually-hidden', text: t('streams.playersOf', { what: titleOf(s) }) }),
      h('thead', {}, h('tr', {}, cols.map((c) => h('th', { scope: 'col', text: c })))), tbody);
    const card = h('section', { class: 'card stream', dataset: { key: s.key } },
      h('div', { class: 'card-head' }, h('div', { class: 'title-line' }, fields.title, fields.state),
        stopButton(s.key)),
      h('dl', { class: 'facts inline' },
        h('dt', { text: t('streams.rateIn') }), fields.rate,
        h('dt', { text: t('streams.bytesIn') }), fields.bytes,
        h('dt', { text: t('streams.since') }), fields.since,
        h('dt', { text: t('streams.players') }), fields.players),
      tbl);
    return { card, fields, tbody, rows: new Map() };
  }

  function playerLabel(p) {
    return userOf(p) ? `${userOf(p)} (${p.address})` : p.address || `#${p.id}`;
  }

  function render() {
    for (const [key, v] of views) {
      if (!model.has(key)) { v.card.remove(); views.delete(key); }
    }
    for (const [key, s] of model) {
      let v = views.get(key);
      if (!v) {
        v = makeView(s);
        views.set(key, v);
        list.append(v.card);
      }
      v.fields.title.textContent = titleOf(s);
      v.fields.state.textContent = t(`state.${s.state}`);
      v.fields.state.className = `badge state-${s.state}`;
      v.fields.rate.textContent = fmtRate(s.rate_in);
      v.fields.bytes.textContent = fmtBytes(s.bytes_in);
      v.fields.since.textContent = since(s.started_at);
      const players = playersOf(s);
      v.fields.players.textContent = String(players.length);
      const ids = new Set(players.map((p) => String(p.id)));
      for (const [id, r] of v.rows) {
        if (!ids.has(id)) { r.row.remove(); v.rows.delete(id); }
      }
      for (const p of players) {
        const id = String(p.id);
        let r = v.rows.get(id);
        if (!r) {
          const cells = {
            user: h('span'), address: h('span', { class: 'mono' }), rate: h('span'),
            sent: h('span'), since: h('span'),
          };
          const row = h('tr', { dataset: { player: id } },
            td(t('streams.user'), cells.user), td(t('streams.address'), cells.address),
            td(t('streams.rate'), cells.rate), td(t('streams.sent'), cells.sent),
            td(t('streams.since'), cells.since),
            td(t('streams.actions'), kickButton(key, p.id, playerLabel(p)), 'row-end'));
          r = { row, cells };
          v.rows.set(id, r);
          v.tbody.append(row);
        }
        r.cells.user.textContent = userOf(p) || t('streams.anonymous');
        r.cells.address.textContent = p.address || '';
        r.cells.rate.textContent = fmtRate(p.rate);
        r.cells.sent.textContent = fmtBytes(p.bytes_sent);
        r.cells.since.textContent = since(p.connected_at);
      }
    }
    const players = [...model.values()].reduce((n, s) => n + playersOf(s).length, 0);
    summary.textContent = t('streams.summary', { streams: model.size, players });
    if (!model.size && !empty.isConnected) list.append(empty);
    if (model.size && empty.isConnected) empty.remove();
  }

  // Stream and player events that came while a list was on its way: that list may have been read
  // before them, so they are applied again over it.
  let meanwhile = null;
  const fetchList = api.inOrder(() => api.get('/api/streams'));
  async function load() {
    const mine = [];
    meanwhile = mine;
    let answer;
    try {
      answer = await fetchList();
    } finally {
      if (meanwhile === mine) meanwhile = null;
    }
    if (!answer) return; // a newer answer is shown
    model.clear();
    for (const s of answer.streams || []) model.set(s.key, { ...s, players: playersOf(s) });
    for (const [type, data] of mine) apply(type, data);
    render();
  }

  const tick = setInterval(render, 1000); // "since" columns move on

  return {
    load,
    unmount() { clearInterval(tick); },
    event(type, data) {
      if (meanwhile && /^(stream|player)\./.test(type)) meanwhile.push([type, data]);
      if (apply(type, data)) render();
    },
  };

  // One event on the model; false when it was not about streams.
  function apply(type, data) {
    const s = data.key ? model.get(data.key) : null;
    switch (type) {
      case 'stream.started': // started_at may be empty until the first byte: count from now
        model.set(data.key, { ...data, started_at: data.started_at || new Date().toISOString(), players: playersOf(data) });
        break;
      case 'stream.state':
        if (s) Object.assign(s, { state: data.state });
        break;
      case 'stream.ended':
        model.delete(data.key);
        break;
      case 'player.joined':
        if (!s) { load().catch(() => {}); return false; }
        s.players = [...s.players.filter((p) => p.id !== data.player.id), data.player];
        break;
      case 'player.left':
        if (s) s.players = s.players.filter((p) => p.id !== data.id);
        break;
      case 'stats':
        for (const st of data.streams || []) {
          const m = model.get(st.key);
          if (!m) continue;
          Object.assign(m, { rate_in: st.rate_in, bytes_in: st.bytes_in });
          for (const ps of st.players || []) {
            const p = m.players.find((x) => x.id === ps.id);
            if (p) Object.assign(p, { rate: ps.rate, bytes_sent: ps.bytes_sent });
          }
        }
        break;
      default:
        return false;
    }
    return true;
  }
}
