// Sources: playlists (M3U) and guides (XMLTV). Add by address or by uploading a file, refresh
// with live progress (import.* events), see the last result, enable/disable, delete.
import * as api from '../api.js';
import { t } from '../i18n.js';
import { h, clear, pageHeader, field, confirmDialog, errorNear, showFormError, clearErrors,
  busy, fmtNumber, fmtTime, notice } from '../ui.js';

function section(kind) {
  const base = kind === 'channels' ? '/api/sources' : '/api/epg-sources';
  const p = kind === 'channels' ? 'sources.playlist' : 'sources.guide';
  let items = [];
  const cards = new Map(); // id -> {card, progress}
  const list = h('div', { class: 'source-list' });
  const headingId = `src-${kind}`;

  // add by address
  const name = h('input', { type: 'text', name: 'name', required: true, autocomplete: 'off' });
  const location = h('input', { type: 'url', name: 'location', required: true, autocomplete: 'off',
    placeholder: 'http://…' });
  const addButton = h('button', { type: 'submit', class: 'primary', text: t('sources.add') });
  const addForm = h('form', { class: 'add-form', novalidate: true, 'aria-label': t(`${p}.addByUrl`) },
    h('h3', { text: t(`${p}.addByUrl`) }),
    field(t('sources.name'), name), field(t('sources.location'), location, t('sources.locationHint')), addButton);
  addForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(addForm);
    if (!name.value.trim()) { showFormError(addForm, new api.ApiError(400, `name: ${t('error.required')}`)); return; }
    if (!location.value.trim()) { showFormError(addForm, new api.ApiError(400, `location: ${t('error.required')}`)); return; }
    try {
      await busy(addButton, () => api.post(base, { name: name.value.trim(), location: location.value.trim() }));
      name.value = '';
      location.value = '';
      notice(t('sources.added'), 'ok');
      await load();
    } catch (e) { showFormError(addForm, e); }
  });

  // add by upload
  const upName = h('input', { type: 'text', name: 'upload_name', required: true, autocomplete: 'off' });
  const file = h('input', { type: 'file', name: 'file', required: true,
    accept: kind === 'channels' ? '.m3u,.m3u8,.gz,audio/x-mpegurl' : '.xml,.gz,text/xml' });
  const upButton = h('button', { type: 'submit', class: 'primary', text: t('sources.upload') });
  // What became of the last upload, next to its form: the bytes sent, then the import's
  // progress and result (from the import.* events of the source it made).
  const upBar = h('progress', { max: 100, value: 0, 'aria-label': t(`${p}.uploadProgress`) });
  const upText = h('span');
  const upStatus = h('div', { class: 'progress upload-status', role: 'status', hidden: true }, upBar, upText);
  let uploadedId = null;
  const upForm = h('form', { class: 'add-form', novalidate: true, 'aria-label': t(`${p}.addByFile`) },
    h('h3', { text: t(`${p}.addByFile`) }),
    field(t('sources.name'), upName), field(t('sources.file'), file), upButton, upStatus);
  file.addEventListener('change', () => {
    if (!upName.value && file.files[0]) upName.value = file.files[0].name.replace(/\.(m3u8?|xml|xmltv)(\.gz)?$/i, '');
  });
  function showUpload(percent, text) {
    upStatus.hidden = false;
    if (percent === null) upBar.removeAttribute('value'); else upBar.value = percent;
    upText.textContent = text;
  }
  upForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(upForm);
    if (!upName.value.trim()) { showFormError(upForm, new api.ApiError(400, `upload_name: ${t('error.required')}`)); return; }
    const f = file.files[0];
    if (!f) { showFormError(upForm, new api.ApiError(400, `file: ${t('error.required')}`)); return; }
    uploadedId = null;
    showUpload(0, t('sources.uploading', { name: f.name, percent: 0 }));
    try {
      const created = await busy(upButton, () => api.upload(`${base}/upload${api.query({ name: upName.value.trim() })}`, f,
        (sent, total) => {
          const percent = total ? Math.round((100 * sent) / total) : 0;
          showUpload(percent, t('sources.uploading', { name: f.name, percent }));
        }));
      uploadedId = created && created.id;
      showUpload(null, t('sources.uploaded', { name: created ? created.name : f.name }));
      upName.value = '';
      file.value = '';
      await load();
      // A small file may be imported before its answer arrived: then its result is here.
      const now = items.find((x) => x.id === uploadedId);
      if (now && now.status && now.status.last_status && now.status.last_status !== 'never') uploadDone(now);
    } catch (e) {
      upStatus.hidden = true;
      if (e.field === 'name') e.field = 'upload_name';
      if (e.status === 413) e.field = 'file';
      showFormError(upForm, e);
    }
  });
  // The import of the uploaded file finished: its result where the upload was started.
  function uploadDone(src) {
    const st = src.status || {};
    if (st.last_status === 'error') {
      upStatus.hidden = true;
      showFormError(upForm, new api.ApiError(400, `file: ${st.last_error || t('result.error')}`));
      return;
    }
    showUpload(100, `${src.name}: ${t('sources.imported', { n: fmtNumber(st.last_imported || 0), skipped: fmtNumber(st.last_skipped || 0) })}`);
    uploadedId = null;
  }

  const el = h('section', { class: 'card', 'aria-labelledby': headingId },
    h('h2', { id: headingId, text: t(`${p}.title`) }),
    list,
    h('div', { class: 'add-forms' }, addForm, upForm));

  function progressOf(src) {
    const pr = src.progress || {};
    if (!pr.state || pr.state === 'idle') return h('div', { class: 'progress idle' });
    const label = t(`progress.${pr.state}`);
    const bar = h('progress', { max: 100, 'aria-label': t('sources.progressOf', { name: src.name }) });
    if (pr.percent !== undefined && pr.percent !== null && pr.percent >= 0) bar.value = pr.percent;
    return h('div', { class: 'progress', role: 'status' }, bar,
      h('span', { text: `${label}${pr.percent >= 0 ? ` ${pr.percent}%` : ''} · ${t('sources.items', { n: fmtNumber(pr.items || 0) })}` }));
  }

  function resultOf(src) {
    const st = src.status || {};
    const last = st.last_status || 'never';
    const parts = [h('span', { class: `badge result-${last}`, text: t(`result.${last}`) })];
    if (st.last_refresh_at) parts.push(h('span', { text: ` ${fmtTime(st.last_refresh_at)}` }));
    if (last !== 'never') {
      parts.push(h('span', { text: ` · ${t('sources.imported', { n: fmtNumber(st.last_imported || 0), skipped: fmtNumber(st.last_skipped || 0) })}` }));
    }
    if (st.last_error) parts.push(h('p', { class: 'form-error inline-error', text: st.last_error }));
    return h('div', { class: 'result' }, parts);
  }

  function cardOf(src) {
    const count = kind === 'channels' ? t('sources.channels', { n: fmtNumber(src.channels ?? 0) })
      : t('sources.programmes', { n: fmtNumber(src.programmes ?? 0) });
    const progress = progressOf(src);
    const card = h('article', { class: 'source', dataset: { id: src.id } },
      h('div', { class: 'card-head' },
        h('h3', { text: src.name }),
        src.enabled ? null : h('span', { class: 'badge muted', text: t('sources.disabled') })),
      h('p', { class: 'mono location', text: src.location }),
      h('p', { class: 'hint', text: `${count} · ${src.refresh_interval_s ? t('sources.every', { h: Math.round(src.refresh_interval_s / 360) / 10 }) : t('sources.onDemand')}` }),
      resultOf(src),
      progress,
      h('div', { class: 'row-actions' },
        h('button', { type: 'button', class: 'small', dataset: { fk: 'refresh' }, text: t('sources.refresh'),
          'aria-label': t('sources.refreshWhat', { name: src.name }),
          onclick: async (ev) => {
            try {
              const answer = await api.post(`${base}/${src.id}/refresh`);
              if (answer && answer.progress) update({ ...src, progress: answer.progress });
            } catch (e) { errorNear(ev.target, e); }
          } }),
        h('button', { type: 'button', class: 'small', dataset: { fk: 'enable' }, text: src.enabled ? t('sources.disable') : t('sources.enable'),
          'aria-label': t(src.enabled ? 'sources.disableWhat' : 'sources.enableWhat', { name: src.name }),
          onclick: async (ev) => {
            try {
              update(await api.patch(`${base}/${src.id}`, { enabled: !src.enabled }));
            } catch (e) { errorNear(ev.target, e); }
          } }),
        h('button', { type: 'button', class: 'small danger', text: t('action.delete'),
          'aria-label': t('sources.deleteWhat', { name: src.name }),
          onclick: async (ev) => {
            const msg = kind === 'channels' ? t('sources.deletePlaylistConfirm', { name: src.name }) : t('sources.deleteGuideConfirm', { name: src.name });
            if (!await confirmDialog(t('sources.deleteTitle'), msg, t('action.delete'))) return;
            try {
              await api.del(`${base}/${src.id}`);
              await load();
            } catch (e) { errorNear(ev.target, e); }
          } })));
    return { card, progress };
  }

  function update(src) {
    const i = items.findIndex((x) => x.id === src.id);
    if (i < 0) return;
    items[i] = src;
    const old = cards.get(src.id);
    const focusKey = old && old.card.contains(document.activeElement) ? document.activeElement.dataset.fk : null;
    const fresh = cardOf(src);
    if (old) old.card.replaceWith(fresh.card);
    cards.set(src.id, fresh);
    if (focusKey) {
      const b = fresh.card.querySelector(`[data-fk="${focusKey}"]`);
      if (b) b.focus();
    }
  }

  function render() {
    cards.clear();
    clear(list);
    if (!items.length) list.append(h('p', { class: 'empty', text: t(`${p}.none`) }));
    for (const src of items) {
      const c = cardOf(src);
      cards.set(src.id, c);
      list.append(c.card);
    }
  }

  const fetchList = api.inOrder(() => api.get(base));
  async function load() {
    const answer = await fetchList();
    if (!answer) return; // a newer answer is shown
    items = answer.items || [];
    render();
  }

  // The list again rather than the one source: a list asked for before the import ended may
  // still be on its way, and must not put the running state back after this.
  async function finished(id) {
    await load();
    const src = items.find((x) => x.id === id);
    if (src && id === uploadedId) uploadDone(src);
  }

  return {
    el,
    load,
    event(type, data) {
      if (data.kind && data.kind !== kind) return;
      const src = items.find((x) => x.id === data.source_id);
      if (type === 'import.started') {
        if (!src) { load().catch(() => {}); return; }
        update({ ...src, progress: { state: 'queued', percent: 0, items: 0, errors: 0 } });
      } else if (type === 'import.progress' && src) {
        src.progress = { state: data.state, percent: data.percent, items: data.items, errors: data.errors };
        if (src.id === uploadedId && data.state !== 'idle') {
          showUpload(data.percent >= 0 ? data.percent : null, `${t(`progress.${data.state}`)} · ${t('sources.items', { n: fmtNumber(data.items || 0) })}`);
        }
        const c = cards.get(src.id);
        if (c) {
          const fresh = progressOf(src);
          c.progress.replaceWith(fresh);
          c.progress = fresh;
        }
      } else if (type === 'import.finished') {
        finished(data.source_id).catch(() => {});
        if (data.ok === false && data.error) notice(`${src ? src.name : ''}: ${data.error}`, 'error');
      } else if (type === 'changed' && data.area === (kind === 'channels' ? 'sources' : 'epg-sources')) {
        load().catch(() => {});
      }
    },
  };
}

export default function sourcesPage(root) {
  const playlists = section('channels');
  const guides = section('epg');
  clear(root, pageHeader(t('nav.sources')), playlists.el, guides.el);
  return {
    load: () => Promise.all([playlists.load(), guides.load()]),
    event(type, data) {
      playlists.event(type, data);
      guides.event(type, data);
    },
  };
}
