// Settings: a form built from /api/settings/schema (values and layers from /api/settings),
// the API's message under the field it refused, a note when a change needs a restart; the
// admin password; backup download and restore upload.
import * as api from '../api.js';
import { t, settingText } from '../i18n.js';
import { h, clear, pageHeader, field, select, showFormError, clearErrors, busy, notice,
  confirmDialog, errorNear } from '../ui.js';

// "stream_linger_s" -> "Stream linger (s)": the key stays recognisable, the unit readable.
function labelOf(key) {
  const units = { s: 's', ms: 'ms', kib: 'KiB', mib: 'MiB', hours: 'h' };
  const parts = key.split('_');
  const unit = units[parts[parts.length - 1]];
  if (unit) parts.pop();
  const acronyms = { http: 'HTTP', epg: 'EPG' };
  const text = parts.map((w) => acronyms[w] || w).join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${unit ? ` (${unit})` : ''}`;
}

const GROUPS = ['server', 'engine', 'streams', 'catalog', 'players', 'admin', 'logs'];

export default function settingsPage(root) {
  const form = h('form', { class: 'settings-form', novalidate: true });
  const restartNote = h('p', { class: 'note', role: 'status', hidden: true, text: t('settings.restartNote') });
  let schema = [];
  let values = new Map();

  // --- admin password ---
  const current = h('input', { type: 'password', name: 'current_password', autocomplete: 'current-password', required: true });
  const next = h('input', { type: 'password', name: 'new_password', autocomplete: 'new-password', required: true, minlength: 8 });
  const again = h('input', { type: 'password', name: 'new_password_again', autocomplete: 'new-password', required: true });
  const pwSubmit = h('button', { type: 'submit', class: 'primary', text: t('settings.changePassword') });
  const pwForm = h('form', { novalidate: true, class: 'narrow-form' },
    field(t('settings.currentPassword'), current), field(t('settings.newPassword'), next, t('settings.newPasswordHint')),
    field(t('settings.newPasswordAgain'), again), pwSubmit);
  pwForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(pwForm);
    if (next.value !== again.value) {
      showFormError(pwForm, new api.ApiError(400, `new_password_again: ${t('settings.passwordsDiffer')}`));
      return;
    }
    try {
      await busy(pwSubmit, () => api.post('/api/password', { current_password: current.value, new_password: next.value }));
      pwForm.reset();
      notice(t('settings.passwordChanged'), 'ok');
    } catch (e) { showFormError(pwForm, e); }
  });

  // --- backup and restore ---
  const restoreFile = h('input', { type: 'file', name: 'restore_file', accept: '.json,application/json' });
  const restoreButton = h('button', { type: 'submit', class: 'danger', text: t('settings.restore') });
  const restoreForm = h('form', { novalidate: true, class: 'narrow-form' },
    field(t('settings.restoreFile'), restoreFile, t('settings.restoreHint')), restoreButton);
  restoreForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(restoreForm);
    const f = restoreFile.files[0];
    if (!f) { showFormError(restoreForm, new api.ApiError(400, `restore_file: ${t('error.required')}`)); return; }
    if (!await confirmDialog(t('settings.restoreTitle'), t('settings.restoreConfirm', { name: f.name }), t('settings.restore'))) return;
    try {
      await busy(restoreButton, async () => api.post('/api/restore', await f.text()));
      restoreForm.reset();
      notice(t('settings.restored'), 'ok');
      await load();
    } catch (e) {
      e.field = ''; // the message names the backup's row or key, not a field of this form
      showFormError(restoreForm, e);
    }
  });

  const saveButton = h('button', { type: 'submit', class: 'primary', text: t('settings.save') });
  form.addEventListener('submit', save);

  clear(root, pageHeader(t('nav.settings')),
    h('section', { class: 'card', 'aria-labelledby': 'set-main' }, h('h2', { id: 'set-main', text: t('settings.title') }),
      restartNote, form),
    h('div', { class: 'grid' },
      h('section', { class: 'card', 'aria-labelledby': 'set-pw' }, h('h2', { id: 'set-pw', text: t('settings.password') }), pwForm),
      h('section', { class: 'card', 'aria-labelledby': 'set-backup' }, h('h2', { id: 'set-backup', text: t('settings.backup') }),
        h('p', { class: 'hint', text: t('settings.backupHint') }),
        h('a', { class: 'button', href: '/api/backup', download: 'acehub-backup.json', text: t('settings.download'),
          onclick: (ev) => {
            ev.preventDefault();
            const stamp = new Date().toISOString().slice(0, 10);
            api.download('/api/backup', `acehub-backup-${stamp}.json`).catch((e) => errorNear(ev.target, e));
          } }),
        restoreForm)));

  function inputOf(item) {
    const v = values.get(item.key) || {};
    const value = v.value ?? item.default;
    let input;
    if (item.type === 'enum' || (item.choices && item.choices.length)) {
      input = select(item.key, item.choices.map((c) => [c, t(`choice.${c}`)]), value);
    } else if (item.type === 'int') {
      input = h('input', { type: 'number', name: item.key, value: String(value), class: 'narrow', step: 1, inputmode: 'numeric' });
    } else {
      input = h('input', { type: 'text', name: item.key, value: value ?? '', autocomplete: 'off', spellcheck: false });
    }
    input.dataset.initial = String(value ?? '');
    input.dataset.type = item.type;
    const [label, description] = settingText(item.key) ?? [labelOf(item.key), item.description];
    const bits = [description];
    if (item.min !== undefined && item.max !== undefined) bits.push(t('settings.range', { min: item.min, max: item.max, unit: item.unit ? t(`unit.${item.unit}`) : '' }));
    bits.push(t('settings.default', { value: String(item.default) }));
    if (item.restart) bits.push(t('settings.needsRestart'));
    if (v.layer === 'environment' || v.layer === 'command line') bits.push(t('settings.overridden', { layer: v.layer === 'environment' ? `${t('settings.layerEnv')} ${v.environment || ''}` : t('settings.layerCli') }));
    const f = field(label, input, bits.filter(Boolean).join(' · '));
    if (item.restart) f.classList.add('restart');
    return f;
  }

  function render() {
    const groups = new Map();
    for (const item of schema) {
      const g = GROUPS.includes(item.group) ? item.group : 'other';
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g).push(item);
    }
    clear(form, [...GROUPS, 'other'].filter((g) => groups.has(g)).map((g) => h('fieldset', { class: 'group' },
      h('legend', { text: t(`settings.group.${g}`) }), groups.get(g).map(inputOf))),
    h('div', { class: 'actions sticky' }, saveButton));
  }

  async function save(ev) {
    ev.preventDefault();
    clearErrors(form);
    const changes = {};
    for (const input of form.querySelectorAll('[name]')) {
      if (input.value === input.dataset.initial) continue;
      if (input.dataset.type === 'int') {
        if (!/^-?\d+$/.test(input.value.trim())) {
          showFormError(form, new api.ApiError(400, `${input.name}: ${t('settings.wholeNumber')}`));
          return;
        }
        changes[input.name] = Number(input.value);
      } else {
        changes[input.name] = input.value;
      }
    }
    if (!Object.keys(changes).length) { notice(t('settings.nothing')); return; }
    try {
      await busy(saveButton, () => api.patch('/api/settings', changes));
      const restart = schema.some((i) => i.restart && i.key in changes);
      restartNote.hidden = !restart && restartNote.hidden;
      notice(t('settings.saved'), 'ok');
      await load();
    } catch (e) { showFormError(form, e); }
  }

  async function load() {
    const settings = await api.get('/api/settings');
    values = new Map((settings.items || []).map((s) => [s.key, s]));
    schema = (await api.get('/api/settings/schema')).items || [];
    render();
  }

  return {
    load,
    event(type, data) {
      if (type === 'changed' && data.area === 'settings' && !form.querySelector('[aria-invalid]')) {
        // Keep what the user is typing: only a form with nothing changed is refreshed.
        const dirty = [...form.querySelectorAll('[name]')].some((i) => i.value !== i.dataset.initial);
        if (!dirty) load().catch((e) => errorNear(form, e));
      }
    },
  };
}
