// Channels: server-side search, filters, sort and paging (a page of 100 rows, so 50,000
// channels cost the browser nothing), inline edits, bulk actions on a selection, guide mapping.
import * as api from '../api.js';
import { t } from '../i18n.js';
import { h, clear, pageHeader, field, select, fmtNumber, fmtTime, debounce, confirmDialog,
  notice, messageOf, td, uid, errorNear, busy } from '../ui.js';

const LIMIT = 100;

export default function channelsPage(root) {
  const state = { search: '', category_id: '', source_id: '', check_status: '', hidden: '',
    sort: 'number', offset: 0 };
  const selected = new Set();
  let categories = [];
  let sources = [];
  let rows = new Map(); // id -> {channel, tr}
  let total = 0;
  let seq = 0;
  // What the server said about channels while a page was being asked for (id -> fields): that
  // page may have been read before (the server builds it on a worker, beside an edit), so these
  // fields win over it. Null while no page is being asked for.
  let landed = null;
  const noteLanded = (id, fields) => { if (landed) landed.set(id, { ...landed.get(id), ...fields }); };

  // --- toolbar ---
  const search = h('input', { type: 'search', name: 'search', autocomplete: 'off',
    placeholder: t('channels.searchPlaceholder') });
  const catFilter = select('category_id', [['', t('filter.all')]], '');
  const srcFilter = select('source_id', [['', t('filter.all')]], '');
  const statusFilter = select('check_status', [['', t('filter.all')], ['ok', t('check.ok')],
    ['unavailable', t('check.unavailable')], ['error', t('check.error')], ['none', t('check.none')]], '');
  const hiddenFilter = select('hidden', [['', t('filter.all')], ['false', t('channels.visibleOnly')],
    ['true', t('channels.hiddenOnly')]], '');
  const sortSel = select('sort', [['number', t('channels.sortNumber')], ['name', t('channels.sortName')],
    ['added_at', t('channels.sortAdded')], ['id', t('channels.sortId')]], 'number');
  // On a phone the filters fold under the search, so the channels are on the first screen.
  const more = h('details', { class: 'more-filters', open: window.matchMedia('(min-width: 761px)').matches },
    h('summary', { text: t('channels.filters') }),
    h('div', { class: 'toolbar filters' },
      field(t('channels.category'), catFilter),
      field(t('channels.source'), srcFilter),
      field(t('channels.check'), statusFilter),
      field(t('channels.visibility'), hiddenFilter),
      field(t('channels.sort'), sortSel)));
  const toolbar = h('div', { class: 'filter-bar' }, field(t('channels.search'), search), more);

  // --- bulk bar ---
  const selCount = h('span', { role: 'status', class: 'sel-count' });
  const bulkCat = select('bulk_category', [], '', { 'aria-label': t('channels.bulkCategory') });
  const bulkBar = h('div', { class: 'toolbar bulk', hidden: true },
    selCount,
    h('div', { class: 'group' }, bulkCat,
      h('button', { type: 'button', class: 'small', text: t('channels.setCategory'), onclick: (ev) => bulk(ev.target, { category: true }) })),
    h('button', { type: 'button', class: 'small', text: t('channels.hide'), onclick: (ev) => bulk(ev.target, { hidden: true }) }),
    h('button', { type: 'button', class: 'small', text: t('channels.show'), onclick: (ev) => bulk(ev.target, { hidden: false }) }),
    h('button', { type: 'button', class: 'small', text: t('channels.checkNow'), onclick: (ev) => bulkCheck(ev.target) }),
    h('button', { type: 'button', class: 'small danger', text: t('action.delete'), onclick: (ev) => bulkDelete(ev.target) }),
    h('button', { type: 'button', class: 'small', text: t('channels.clearSelection'), onclick: () => { selected.clear(); renderRows(); } }));

  // --- table and pager ---
  const selectAll = h('input', { type: 'checkbox', 'aria-label': t('channels.selectPage') });
  const tbody = h('tbody');
  const cols = [t('channels.number'), t('channels.name'), t('channels.category'), t('channels.guide'),
    t('channels.check'), t('channels.actions')];
  const tableEl = h('table', { class: 'rtable channels' },
    h('caption', { class: 'visually-hidden', text: t('nav.channels') }),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', class: 'sel' }, selectAll),
      cols.map((c) => h('th', { scope: 'col', text: c })))),
    tbody);
  const range = h('span', { role: 'status' });
  const prev = h('button', { type: 'button', class: 'small', text: t('pager.prev'), onclick: () => go(state.offset - LIMIT) });
  const next = h('button', { type: 'button', class: 'small', text: t('pager.next'), onclick: () => go(state.offset + LIMIT) });
  const pager = h('nav', { class: 'pager', 'aria-label': t('pager.label') }, prev, range, next);

  clear(root, pageHeader(t('nav.channels')), toolbar, bulkBar, tableEl, pager);

  const reload = debounce(() => { state.offset = 0; loadPage().catch(showError); }, 300);
  search.addEventListener('input', () => { state.search = search.value.trim(); reload(); });
  for (const [el, key] of [[catFilter, 'category_id'], [srcFilter, 'source_id'],
    [statusFilter, 'check_status'], [hiddenFilter, 'hidden'], [sortSel, 'sort']]) {
    el.addEventListener('change', () => { state[key] = el.value; state.offset = 0; loadPage().catch(showError); });
  }
  selectAll.addEventListener('change', () => {
    for (const id of rows.keys()) {
      if (selectAll.checked) selected.add(id); else selected.delete(id);
    }
    renderRows();
  });

  function showError(e) { errorNear(tableEl, e); }

  function go(offset) {
    state.offset = Math.max(0, offset);
    loadPage().then(() => tableEl.scrollIntoView({ block: 'start' })).catch(showError);
  }

  const fetchLookups = api.inOrder(() => Promise.all([api.get('/api/categories'), api.get('/api/sources')]));
  async function loadLookups() {
    const both = await fetchLookups();
    if (!both) return; // a newer answer is shown
    const [c, s] = both;
    categories = c.items || [];
    sources = s.items || [];
    const catOptions = categories.map((x) => [x.id, x.name]);
    const keep = (sel, opts) => {
      const v = sel.value;
      clear(sel, opts.map(([value, label]) => h('option', { value: String(value), text: label })));
      sel.value = opts.some(([value]) => String(value) === v) ? v : String(opts[0][0]);
    };
    keep(catFilter, [['', t('filter.all')], ['none', t('channels.noCategory')], ...catOptions]);
    keep(srcFilter, [['', t('filter.all')], ['none', t('channels.noSource')], ...sources.map((x) => [x.id, x.name])]);
    keep(bulkCat, [['', t('channels.noCategory')], ...catOptions]);
  }

  async function loadPage() {
    const mine = ++seq;
    const q = api.query({ ...state, limit: LIMIT });
    tableEl.setAttribute('aria-busy', 'true');
    const meanwhile = new Map(); // this page is read after all that landed before
    landed = meanwhile;
    let answer;
    try {
      answer = await api.get(`/api/channels${q}`);
    } finally {
      if (landed === meanwhile) landed = null;
    }
    if (mine !== seq) return; // a newer search answered first
    answer.items = answer.items.map((c) => ({ ...c, ...meanwhile.get(c.id) }));
    tableEl.removeAttribute('aria-busy');
    const err = root.querySelector('.form-error');
    if (err) err.remove();
    total = answer.total;
    rows = new Map(answer.items.map((c) => [c.id, { channel: c, tr: null }]));
    renderRows();
  }

  function renderRows() {
    clear(tbody);
    if (!rows.size) {
      tbody.append(h('tr', {}, h('td', { colspan: 7, class: 'empty', text: t('channels.none') })));
    }
    for (const r of rows.values()) {
      r.tr = rowOf(r.channel);
      tbody.append(r.tr);
    }
    const first = total ? state.offset + 1 : 0;
    range.textContent = t('pager.range', { from: fmtNumber(first), to: fmtNumber(state.offset + rows.size), total: fmtNumber(total) });
    prev.disabled = state.offset === 0;
    next.disabled = state.offset + LIMIT >= total;
    selectAll.checked = rows.size > 0 && [...rows.keys()].every((id) => selected.has(id));
    bulkBar.hidden = selected.size === 0;
    selCount.textContent = t('channels.selected', { n: selected.size });
  }

  // Replaces one row in place, keeping the focus on the same control.
  function updateRow(channel, fields = channel) {
    noteLanded(channel.id, fields);
    const r = rows.get(channel.id);
    if (!r) return;
    r.channel = channel;
    const focusKey = document.activeElement && r.tr.contains(document.activeElement)
      ? document.activeElement.dataset.fk : null;
    const tr = rowOf(channel);
    r.tr.replaceWith(tr);
    r.tr = tr;
    if (focusKey) {
      const el = tr.querySelector(`[data-fk="${focusKey}"]`);
      if (el) el.focus();
    }
  }

  async function save(channel, body, anchor) {
    try {
      updateRow(await api.patch(`/api/channels/${channel.id}`, body));
      return true;
    } catch (e) {
      errorNear(anchor, e);
      return false;
    }
  }

  // A value shown as a button; activating it turns it into an input (Enter saves, Escape
  // cancels); the API's message for a refused value appears under the input.
  function inlineEdit(channel, key, label, type) {
    const value = channel[key];
    const shown = value === null || value === undefined || value === '' ? '–' : String(value);
    const button = h('button', { type: 'button', class: 'inline-edit', dataset: { fk: `edit-${key}` },
      'aria-label': `${shown}: ${t('channels.editWhat', { what: label, name: channel.name })}`, text: shown });
    const cell = h('div', { class: 'inline' }, button);
    button.addEventListener('click', () => {
      const input = h('input', { type, name: key, value: value ?? '', 'aria-label': t('channels.newValue', { what: label, name: channel.name }),
        class: type === 'number' ? 'narrow' : '' });
      const form = h('form', { class: 'inline-form' }, input,
        h('button', { type: 'submit', class: 'small primary', text: t('action.save') }),
        h('button', { type: 'button', class: 'small', text: t('action.cancel'), onclick: cancel }));
      function cancel() { form.replaceWith(button); button.focus(); }
      input.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') { ev.preventDefault(); cancel(); } });
      form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        let v = input.value.trim();
        if (type === 'number') v = v === '' ? null : Number(v);
        else if (v === '') v = null;
        const ok = await save(channel, { [key]: v }, input);
        if (ok) {
          const nextButton = rows.get(channel.id)?.tr.querySelector(`[data-fk="edit-${key}"]`);
          if (nextButton) nextButton.focus();
        }
      });
      button.replaceWith(form);
      input.focus();
      input.select();
    });
    return cell;
  }

  function rowOf(c) {
    const check = h('input', { type: 'checkbox', checked: selected.has(c.id), dataset: { fk: 'sel' },
      'aria-label': t('channels.selectOne', { name: c.name }) });
    check.addEventListener('change', () => {
      if (check.checked) selected.add(c.id); else selected.delete(c.id);
      bulkBar.hidden = selected.size === 0;
      selCount.textContent = t('channels.selected', { n: selected.size });
      selectAll.checked = [...rows.keys()].every((id) => selected.has(id));
    });
    const cat = select('category_id', [['', t('channels.noCategory')], ...categories.map((x) => [x.id, x.name])],
      c.category_id ?? '', { 'aria-label': t('channels.categoryOf', { name: c.name }), dataset: { fk: 'cat' } });
    cat.addEventListener('change', () => save(c, { category_id: cat.value ? Number(cat.value) : null }, cat));
    const status = c.check_status || 'none';
    const name = h('div', { class: 'name-cell' },
      c.logo ? h('img', { src: c.logo, alt: '', class: 'logo', loading: 'lazy', referrerpolicy: 'no-referrer' }) : null,
      inlineEdit(c, 'name', t('channels.name'), 'text'),
      c.hidden ? h('span', { class: 'badge muted', text: t('channels.hiddenBadge') }) : null,
      c.active === false ? h('span', { class: 'badge muted', text: t('channels.inactive') }) : null);
    return h('tr', { dataset: { id: c.id }, class: c.hidden ? 'is-hidden' : '' },
      h('td', { class: 'sel' }, check),
      td(t('channels.number'), inlineEdit(c, 'number', t('channels.number'), 'number')),
      td(t('channels.name'), name),
      td(t('channels.category'), cat),
      td(t('channels.guide'), h('button', { type: 'button', class: 'link', dataset: { fk: 'guide' },
        'aria-label': `${c.epg_id || t('channels.unmapped')}: ${t('channels.mapGuideOf', { name: c.name })}`,
        text: c.epg_id || t('channels.unmapped'), onclick: () => mapGuide(c) })),
      td(t('channels.check'), h('span', { class: `badge check-${status}`, title: c.check_error || '',
        text: t(`check.${status}`) }), c.checked_at ? h('small', { text: ` ${fmtTime(c.checked_at)}` }) : null),
      td(t('channels.actions'), h('div', { class: 'row-actions' },
        h('button', { type: 'button', class: 'small', dataset: { fk: 'hide' }, text: c.hidden ? t('channels.show') : t('channels.hide'),
          'aria-label': t(c.hidden ? 'channels.showWhat' : 'channels.hideWhat', { name: c.name }),
          onclick: (ev) => save(c, { hidden: !c.hidden }, ev.target) }),
        c.kind === 'acestream' ? h('button', { type: 'button', class: 'small', dataset: { fk: 'check' }, text: t('channels.checkNow'),
          'aria-label': t('channels.checkWhat', { name: c.name }),
          onclick: async (ev) => {
            try {
              await api.post(`/api/channels/${c.id}/check`);
              notice(t('channels.checkQueued', { name: c.name }), 'ok');
            } catch (e) { errorNear(ev.target, e); }
          } }) : null,
        h('button', { type: 'button', class: 'small danger', dataset: { fk: 'del' }, text: t('action.delete'),
          'aria-label': t('channels.deleteWhat', { name: c.name }),
          onclick: async (ev) => {
            if (!await confirmDialog(t('channels.deleteTitle'), t('channels.deleteConfirm', { name: c.name }), t('action.delete'))) return;
            try {
              await api.del(`/api/channels/${c.id}`);
              selected.delete(c.id);
              await loadPage();
            } catch (e) { errorNear(ev.target, e); }
          } })), 'row-end'));
  }

  // --- guide mapping: pick one of the guides' channels ---
  function mapGuide(c) {
    const titleId = uid('dlg');
    const input = h('input', { type: 'search', name: 'guide_search', autocomplete: 'off', value: c.name });
    const results = h('ul', { class: 'pick-list', 'aria-live': 'polite' });
    const dlg = h('dialog', { class: 'dialog', 'aria-labelledby': titleId });
    const done = async (epgId) => {
      if (await save(c, { epg_id: epgId }, input)) dlg.close();
    };
    const body = h('div', { class: 'dialog-body' },
      h('h2', { id: titleId, text: t('channels.mapGuideTitle', { name: c.name }) }),
      h('p', { class: 'hint', text: c.epg_id ? t('channels.mappedTo', { id: c.epg_id }) : t('channels.unmapped') }),
      field(t('channels.guideSearch'), input),
      results,
      h('div', { class: 'actions' },
        h('button', { type: 'button', text: t('channels.clearMapping'), onclick: () => done(null) }),
        h('button', { type: 'button', text: t('action.close'), onclick: () => dlg.close() })));
    dlg.append(body);
    dlg.addEventListener('close', () => {
      dlg.remove();
      const b = rows.get(c.id)?.tr.querySelector('[data-fk="guide"]');
      if (b) b.focus();
    });
    let mine = 0;
    const find = debounce(async () => {
      const me = ++mine;
      try {
        const answer = await api.get(`/api/epg-channels${api.query({ search: input.value.trim(), limit: 50 })}`);
        if (me !== mine) return;
        const items = answer.items || [];
        clear(results, items.length ? items.map((g) => h('li', {}, h('button', {
          type: 'button', class: 'pick', onclick: () => done(g.epg_id),
        }, h('span', { text: g.display_name || g.epg_id }), h('small', { class: 'mono', text: ` ${g.epg_id}` }))))
          : h('li', { class: 'empty', text: t('channels.noGuideChannels') }));
      } catch (e) { errorNear(input, e); }
    }, 250);
    input.addEventListener('input', find);
    document.body.append(dlg);
    dlg.showModal();
    input.focus();
    find();
  }

  // --- bulk actions ---
  async function bulk(button, what) {
    const body = { ids: [...selected] };
    if (what.category) body.category_id = bulkCat.value ? Number(bulkCat.value) : null;
    else body.hidden = what.hidden;
    try {
      await busy(button, () => api.post('/api/channels/bulk', body));
      notice(t('channels.bulkDone', { n: body.ids.length }), 'ok');
      await loadPage();
    } catch (e) { errorNear(button, e); }
  }

  async function bulkCheck(button) {
    try {
      const answer = await busy(button, () => api.post('/api/checks', { ids: [...selected] }));
      notice(t('channels.checksQueued', { n: answer && answer.added !== undefined ? answer.added : selected.size }), 'ok');
    } catch (e) { errorNear(button, e); }
  }

  async function bulkDelete(button) {
    const ids = [...selected];
    if (!await confirmDialog(t('channels.deleteTitle'), t('channels.bulkDeleteConfirm', { n: ids.length }), t('action.delete'))) return;
    await busy(button, async () => {
      for (const id of ids) { // no bulk delete route: one at a time, stopping at the first failure
        try {
          await api.del(`/api/channels/${id}`);
          selected.delete(id);
        } catch (e) {
          errorNear(button, e);
          break;
        }
      }
    });
    await loadPage();
  }

  const refresh = debounce(() => loadPage().catch(showError), 500);

  return {
    async load() {
      await loadLookups();
      await loadPage();
    },
    event(type, data) {
      if (type === 'check') {
        const verdict = { check_status: data.status, check_error: data.error || '', checked_at: data.checked_at };
        const r = rows.get(data.channel_id);
        if (r) updateRow({ ...r.channel, ...verdict }, verdict);
        else noteLanded(data.channel_id, verdict);
      } else if (type === 'changed' && (data.area === 'categories' || data.area === 'sources')) {
        loadLookups().then(renderRows).catch(showError);
      } else if (type === 'changed' && data.area === 'channels') {
        // Someone else's edit (or ours, echoed): rows in place when they are all on this page,
        // else the page again, unless an inline editor is open.
        const ids = data.ids || [];
        if (data.action === 'updated' && ids.length && ids.length <= 20 && ids.every((id) => rows.has(id))) {
          for (const id of ids) api.get(`/api/channels/${id}`).then(updateRow, () => {});
        } else if (!tbody.querySelector('.inline-form')) {
          refresh();
        }
      } else if (type === 'import.finished' && data.kind === 'channels') {
        refresh();
      }
    },
  };
}
