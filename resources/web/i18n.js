// Strings of the page in the user's language: one table per language (i18n/<lang>.js), the
// browser's language first, then the user's choice (kept in localStorage).
import en from './i18n/en.js';
import it from './i18n/it.js';
import settingsIt from './i18n/settings-it.js';

const tables = { en, it };
// Names and descriptions of settings by key; English comes from the server's schema.
const settingTables = { it: settingsIt };
export const languages = [['en', 'English'], ['it', 'Italiano']];

function initial() {
  const stored = localStorage.getItem('acehub.lang');
  if (stored && tables[stored]) return stored;
  for (const l of navigator.languages || [navigator.language || 'en']) {
    const short = String(l).slice(0, 2).toLowerCase();
    if (tables[short]) return short;
  }
  return 'en';
}

let lang = initial();
document.documentElement.lang = lang;

export const currentLang = () => lang;
export function setLang(l) {
  if (!tables[l]) return;
  lang = l;
  localStorage.setItem('acehub.lang', l);
  document.documentElement.lang = l;
}

// t('key', {n: 3}) -> the string with {n} replaced; English when the table has no such key.
// Numbers are formatted by the caller: {n} may be "50,000" while params.n picks the plural.
export function t(key, params = {}) {
  let s = tables[lang][key] ?? en[key] ?? key;
  // {one, other}: the plural form for params.n in this language
  if (typeof s === 'object') s = s[new Intl.PluralRules(lang).select(Number(String(params.n ?? 0).replace(/\D/g, '')) || 0)] ?? s.other;
  return s.replace(/\{(\w+)\}/g, (_, k) => (params[k] ?? `{${k}}`));
}

// A setting's [label, description] in this language, or null: the caller falls back to the
// schema's English description (a setting newer than this table still reads sensibly).
export function settingText(key) {
  return settingTables[lang]?.[key] ?? null;
}

// Fills [data-i18n] (text) and [data-i18n-label] (aria-label) in the static page.
export function translateStatic(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-label]')) {
    el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  }
}
