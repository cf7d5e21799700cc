// Categories: add, rename inline, reorder (up/down buttons: keyboard first), hide or show all
// of a category's channels, delete.
import * as api from '../api.js';
import { t } from '../i18n.js';
import { h, clear, pageHeader, field, confirmDialog, notice, errorNear, showFormError,
  clearErrors, busy, fmtNumber } from '../ui.js';

export default function categoriesPage(root) {
  let items = [];
  const list = h('ol', { class: 'cat-list' });
  const name = h('input', { type: 'text', name: 'name', required: true, autocomplete: 'off' });
  const addButton = h('button', { type: 'submit', class: 'primary', text: t('categories.add') });
  const form = h('form', { class: 'toolbar add-form', novalidate: true }, field(t('categories.name'), name), addButton);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    try {
      await busy(addButton, () => api.post('/api/categories', { name: name.value.trim() }));
      name.value = '';
      await load();
      name.focus();
    } catch (e) { showFormError(form, e); }
  });

  clear(root, pageHeader(t('nav.categories')), form,
    h('p', { class: 'hint', text: t('categories.intro') }), list);

  async function move(index, delta, focusKey) {
    const ids = items.map((c) => c.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + delta, 0, id);
    try {
      await api.put('/api/categories/order', { ids });
      await load();
      focusIn(id, focusKey);
    } catch (e) { errorNear(list, e); }
  }

  async function setHidden(cat, hidden, button) {
    await busy(button, async () => {
      try {
        // The channels of this category, page by page, then one bulk update.
        const ids = [];
        for (let offset = 0; ; offset += 5000) {
          const page = await api.get(`/api/channels${api.query({ category_id: cat.id, limit: 5000, offset })}`);
          ids.push(...page.items.map((c) => c.id));
          if (offset + 5000 >= page.total) break;
        }
        if (ids.length) await api.post('/api/channels/bulk', { ids, hidden });
        notice(t(hidden ? 'categories.hidden' : 'categories.shown', { n: ids.length, name: cat.name }), 'ok');
      } catch (e) { errorNear(button, e); }
    });
  }

  function rename(cat, li, button) {
    const input = h('input', { type: 'text', name: 'name', value: cat.name, 'aria-label': t('categories.newName', { name: cat.name }) });
    const f = h('form', { class: 'inline-form' }, input,
      h('button', { type: 'submit', class: 'small primary', text: t('action.save') }),
      h('button', { type: 'button', class: 'small', text: t('action.cancel'), onclick: () => { f.replaceWith(button); button.focus(); } }));
    input.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') { f.replaceWith(button); button.focus(); } });
    f.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      try {
        await api.patch(`/api/categories/${cat.id}`, { name: input.value.trim() });
        await load();
        const b = list.querySelector(`[data-id="${cat.id}"] [data-fk="name"]`);
        if (b) b.focus();
      } catch (e) { errorNear(input, e); }
    });
    button.replaceWith(f);
    input.focus();
    input.select();
  }

  function render() {
    const active = document.activeElement;
    const keep = active && list.contains(active) && active.closest('[data-id]')
      ? [active.closest('[data-id]').dataset.id, active.dataset.fk] : null;
    clear(list);
    if (!items.length) list.append(h('li', { class: 'empty', text: t('categories.none') }));
    items.forEach((cat, i) => {
      const nameButton = h('button', { type: 'button', class: 'inline-edit', dataset: { fk: 'name' }, text: cat.name,
        'aria-label': `${cat.name}: ${t('categories.renameWhat', { name: cat.name })}` });
      const li = h('li', { class: 'cat', dataset: { id: cat.id } },
        h('div', { class: 'cat-name' }, nameButton,
          h('span', { class: 'hint', text: t('categories.channels', { n: fmtNumber(cat.channels ?? 0) }) })),
        h('div', { class: 'row-actions' },
          h('button', { type: 'button', class: 'small', dataset: { fk: 'up' }, text: '↑', disabled: i === 0,
            'aria-label': t('categories.moveUp', { name: cat.name }), onclick: () => move(i, -1, 'up') }),
          h('button', { type: 'button', class: 'small', dataset: { fk: 'down' }, text: '↓', disabled: i === items.length - 1,
            'aria-label': t('categories.moveDown', { name: cat.name }), onclick: () => move(i, 1, 'down') }),
          h('button', { type: 'button', class: 'small', text: t('categories.hideChannels'),
            'aria-label': t('categories.hideChannelsOf', { name: cat.name }), onclick: (ev) => setHidden(cat, true, ev.target) }),
          h('button', { type: 'button', class: 'small', text: t('categories.showChannels'),
            'aria-label': t('categories.showChannelsOf', { name: cat.name }), onclick: (ev) => setHidden(cat, false, ev.target) }),
          h('button', { type: 'button', class: 'small danger', text: t('action.delete'),
            'aria-label': t('categories.deleteWhat', { name: cat.name }),
            onclick: async (ev) => {
              if (!await confirmDialog(t('categories.deleteTitle'), t('categories.deleteConfirm', { name: cat.name, n: cat.channels ?? 0 }), t('action.delete'))) return;
              try {
                await api.del(`/api/categories/${cat.id}`);
                await load();
              } catch (e) { errorNear(ev.target, e); }
            } })));
      nameButton.addEventListener('click', () => rename(cat, li, nameButton));
      list.append(li);
    });
    if (keep) focusIn(keep[0], keep[1]); // a reload (ours or another's edit) keeps the focus
  }

  // Focus the same button of a category; an arrow that became disabled (the top or bottom
  // was reached) hands the focus to the other arrow.
  function focusIn(id, key) {
    const other = { up: 'down', down: 'up' }[key];
    const find = (k) => k && list.querySelector(`[data-id="${id}"] [data-fk="${k}"]:not(:disabled)`);
    const el = find(key) || find(other) || list.querySelector(`[data-id="${id}"] button`);
    if (el) el.focus();
  }

  const fetchList = api.inOrder(() => api.get('/api/categories'));
  async function load() {
    const answer = await fetchList();
    if (!answer) return; // a newer answer is shown
    items = answer.items || [];
    render();
  }

  return {
    load,
    event(type, data) {
      if (type === 'changed' && data.area === 'categories' && !list.querySelector('.inline-form')) load().catch(() => {});
    },
  };
}
