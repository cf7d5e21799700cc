// Users: the Xtream accounts players sign in with. Create and edit in a dialog (password
// generator, max connections, expiry, allowed categories, enabled), delete.
import * as api from '../api.js';
import { t } from '../i18n.js';
import { h, clear, pageHeader, field, confirmDialog, errorNear, showFormError, clearErrors,
  busy, fmtTime, table, td, uid, notice } from '../ui.js';

function generatePassword() {
  // 12 characters from an alphabet without look-alikes; crypto.getRandomValues, not Math.random.
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
}

// ISO time <-> the value of an <input type="datetime-local"> (the browser's local time).
function toLocalInput(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
const fromLocalInput = (v) => (v ? new Date(v).toISOString().replace(/\.\d{3}Z$/, 'Z') : null);

export default function usersPage(root) {
  let users = [];
  let categories = [];
  const newButton = h('button', { type: 'button', class: 'primary', text: t('users.new'), onclick: () => edit(null) });
  const { el: tableEl, tbody } = table(t('nav.users'), [
    { label: t('users.username') }, { label: t('users.status') }, { label: t('users.connections') },
    { label: t('users.expires') }, { label: t('users.categories') }, { label: t('users.actions') }]);
  clear(root, pageHeader(t('nav.users'), newButton), tableEl);

  const catName = (id) => (categories.find((c) => c.id === id) || {}).name || `#${id}`;

  function render() {
    clear(tbody);
    if (!users.length) tbody.append(h('tr', {}, h('td', { colspan: 6, class: 'empty', text: t('users.none') })));
    for (const u of users) {
      const status = (u.status || (u.enabled ? 'Active' : 'Disabled')).toLowerCase();
      tbody.append(h('tr', { dataset: { id: u.id } },
        td(t('users.username'), h('strong', { text: u.username })),
        td(t('users.status'), h('span', { class: `badge user-${status}`, text: t(`users.status.${status}`) })),
        td(t('users.connections'), `${u.active_connections ?? 0} / ${u.max_connections}`),
        td(t('users.expires'), u.expires_at ? fmtTime(u.expires_at) : t('users.never')),
        td(t('users.categories'), (u.categories || []).length ? u.categories.map(catName).join(', ') : t('users.allCategories')),
        td(t('users.actions'), h('div', { class: 'row-actions' },
          h('button', { type: 'button', class: 'small', text: t('action.edit'),
            'aria-label': t('users.editWhat', { name: u.username }), onclick: () => edit(u) }),
          h('a', { class: 'button small', href: `#/overview`, text: t('users.connect'),
            'aria-label': t('users.connectWhat', { name: u.username }),
            onclick: () => sessionStorage.setItem('acehub.connectUser', String(u.id)) }),
          h('button', { type: 'button', class: 'small danger', text: t('action.delete'),
            'aria-label': t('users.deleteWhat', { name: u.username }),
            onclick: async (ev) => {
              if (!await confirmDialog(t('users.deleteTitle'), t('users.deleteConfirm', { name: u.username }), t('action.delete'))) return;
              try {
                await api.del(`/api/users/${u.id}`);
                await load();
              } catch (e) { errorNear(ev.target, e); }
            } })), 'row-end')));
    }
  }

  function edit(user) {
    const titleId = uid('dlg');
    const username = h('input', { type: 'text', name: 'username', required: true, autocomplete: 'off',
      value: user ? user.username : '' });
    const password = h('input', { type: 'text', name: 'password', required: true, autocomplete: 'new-password',
      class: 'mono', value: user ? user.password : generatePassword() });
    const gen = h('button', { type: 'button', class: 'small', text: t('users.generate'),
      'aria-label': t('users.generateLabel'), onclick: () => { password.value = generatePassword(); password.focus(); } });
    const maxConn = h('input', { type: 'number', name: 'max_connections', min: 1, max: 100, required: true,
      value: user ? user.max_connections : 1, class: 'narrow' });
    const expires = h('input', { type: 'datetime-local', name: 'expires_at', value: toLocalInput(user && user.expires_at) });
    const enabled = h('input', { type: 'checkbox', name: 'enabled', checked: user ? user.enabled : true });
    const chosen = new Set(user ? user.categories || [] : []);
    const cats = h('fieldset', { class: 'checks' }, h('legend', { text: t('users.allowedCategories') }),
      h('p', { class: 'hint', text: t('users.categoriesHint') }),
      categories.length ? categories.map((c) => {
        const box = h('input', { type: 'checkbox', name: 'categories', value: String(c.id), checked: chosen.has(c.id), id: uid('cat') });
        return h('div', { class: 'check' }, box, h('label', { for: box.id, text: c.name }));
      }) : h('p', { class: 'hint', text: t('users.noCategories') }));
    const submit = h('button', { type: 'submit', class: 'primary', text: user ? t('action.save') : t('users.create') });
    const pwField = field(t('users.password'), password);
    pwField.append(gen);
    pwField.classList.add('with-button');
    const enabledId = uid('en');
    enabled.id = enabledId;
    const form = h('form', { class: 'dialog-body', novalidate: true },
      h('h2', { id: titleId, text: user ? t('users.editTitle', { name: user.username }) : t('users.newTitle') }),
      field(t('users.username'), username),
      pwField,
      field(t('users.maxConnections'), maxConn, t('users.maxConnectionsHint')),
      field(t('users.expiresAt'), expires, t('users.expiresHint')),
      h('div', { class: 'check' }, enabled, h('label', { for: enabledId, text: t('users.enabled') })),
      cats,
      h('div', { class: 'actions' },
        h('button', { type: 'button', text: t('action.cancel'), onclick: () => dlg.close() }), submit));
    const dlg = h('dialog', { class: 'dialog', 'aria-labelledby': titleId }, form);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      clearErrors(form);
      const body = {
        username: username.value.trim(),
        password: password.value,
        max_connections: Number(maxConn.value),
        expires_at: fromLocalInput(expires.value),
        enabled: enabled.checked,
        categories: [...form.querySelectorAll('input[name=categories]:checked')].map((b) => Number(b.value)),
      };
      if (!body.username) { showFormError(form, new api.ApiError(400, `username: ${t('error.required')}`)); return; }
      if (!body.password) { showFormError(form, new api.ApiError(400, `password: ${t('error.required')}`)); return; }
      try {
        await busy(submit, () => (user ? api.patch(`/api/users/${user.id}`, body) : api.post('/api/users', body)));
        dlg.close();
        notice(user ? t('users.saved', { name: body.username }) : t('users.created', { name: body.username }), 'ok');
        await load();
      } catch (e) {
        if (e.field && e.field.startsWith('categories')) e.field = 'categories';
        showFormError(form, e);
      }
    });
    dlg.addEventListener('close', () => dlg.remove());
    document.body.append(dlg);
    dlg.showModal();
    username.focus();
  }

  const fetchBoth = api.inOrder(() => Promise.all([api.get('/api/users'), api.get('/api/categories')]));
  async function load() {
    const both = await fetchBoth();
    if (!both) return; // a newer answer is shown
    const [u, c] = both;
    users = u.items || u.users || [];
    categories = c.items || [];
    render();
  }

  return {
    load,
    event(type, data) {
      if (type === 'changed' && (data.area === 'users' || data.area === 'categories')) load().catch(() => {});
      else if (type === 'player.joined' || type === 'player.left') load().catch(() => {});
    },
  };
}
