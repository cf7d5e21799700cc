// Logs: newest first, paged from the server (level, search, "older" pages by line id), live
// lines from the event stream on top, and the log file as a download.
import * as api from '../api.js';
import { t } from '../i18n.js';
import { h, clear, pageHeader, field, select, debounce, errorNear, fmtTime } from '../ui.js';

const LEVELS = ['debug', 'info', 'warning', 'error'];
const MAX_LINES = 2000; // lines kept on the page; older ones are a page load away

export default function logsPage(root) {
  const level = select('level', LEVELS.map((l) => [l, t(`level.${l}`)]), 'info');
  const search = h('input', { type: 'search', name: 'search', autocomplete: 'off', maxlength: 200 });
  const live = h('input', { type: 'checkbox', id: 'logs-live', checked: true });
  const download = h('a', { class: 'button', href: '/api/logs/download', download: 'acehub.log', text: t('logs.download'),
    onclick: (ev) => {
      ev.preventDefault();
      api.download('/api/logs/download', 'acehub.log').catch((e) => errorNear(ev.target, e));
    } });
  const list = h('ol', { class: 'log-lines', 'aria-label': t('logs.lines'), reversed: true });
  const more = h('button', { type: 'button', class: 'small', text: t('logs.older'), hidden: true, onclick: () => page(true) });
  const count = h('p', { class: 'hint', role: 'status' });
  let lastId = null;
  let seq = 0;
  let shown = 0;

  clear(root, pageHeader(t('nav.logs'), download),
    h('div', { class: 'toolbar filters' }, field(t('logs.level'), level), field(t('logs.search'), search),
      h('div', { class: 'check' }, live, h('label', { for: 'logs-live', text: t('logs.live') }))),
    count, list, more);

  const rank = (l) => Math.max(0, LEVELS.indexOf(l === 'critical' || l === 'fatal' ? 'error' : l));

  function lineOf(item) {
    return h('li', { class: `log level-${item.level}`, dataset: { id: item.id ?? '' } },
      h('time', { datetime: item.time, text: fmtTime(item.time) }),
      h('span', { class: `badge level-${item.level}`, text: t(`level.${item.level}`) }),
      h('span', { class: 'category mono', text: item.category }),
      h('span', { class: 'message', text: item.message }));
  }

  function setCount() {
    count.textContent = t('logs.count', { n: shown });
  }

  async function page(older) {
    const mine = ++seq;
    const q = { level: level.value, search: search.value.trim(), limit: 200 };
    if (older && lastId !== null) q.before = lastId;
    let answer;
    try {
      answer = await api.get(`/api/logs${api.query(q)}`);
    } catch (e) { errorNear(list, e); return; }
    if (mine !== seq) return;
    if (!older) { clear(list); shown = 0; }
    const frag = document.createDocumentFragment();
    for (const item of answer.items) frag.append(lineOf(item));
    list.append(frag);
    shown += answer.items.length;
    lastId = answer.items.length ? answer.items[answer.items.length - 1].id : lastId;
    more.hidden = !answer.has_more;
    if (!shown) list.append(h('li', { class: 'empty', text: t('logs.none') }));
    setCount();
  }

  const refilter = debounce(() => page(false), 300);
  level.addEventListener('change', () => page(false));
  search.addEventListener('input', refilter);

  return {
    load: () => page(false),
    event(type, data) {
      if (type !== 'log' || !live.checked) return;
      if (rank(data.level) < rank(level.value)) return;
      const s = search.value.trim().toLowerCase();
      if (s && !data.message.toLowerCase().includes(s) && !data.category.toLowerCase().includes(s)) return;
      const empty = list.querySelector('.empty');
      if (empty) empty.remove();
      list.prepend(lineOf(data));
      shown += 1;
      if (list.children.length > MAX_LINES) {
        while (list.children.length > MAX_LINES) { list.lastElementChild.remove(); shown -= 1; }
        lastId = Number(list.lastElementChild.dataset.id) || lastId; // "older" goes on from here
        more.hidden = false;
      }
      setCount();
    },
  };
}
