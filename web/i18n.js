// @ts-check
// Translations: every user-visible string of the page lives in web/i18n/{vi,en}.js (flat
// key → string tables with identical key sets). A page loads only the table of the language it
// shows (`loadLang`, before `setLang`; the other one when the student switches): half the text a
// first visit downloads. `t(key, params)` looks a key up in the current language, substitutes
// `{name}` placeholders, and falls back (English, then Vietnamese, as far as loaded, then the
// key itself) with one console warning per missing key, so a forgotten string is visible in
// development but never breaks the page.

import { GLOBAL_PARAMS } from "./scenes/registry.js";

/** The languages, as the URL's `lang` key declares them (web/scenes/registry.js). */
export const LANGS = GLOBAL_PARAMS.lang.choices;
/** Each language's table, loaded on first use (literal paths: the standalone build rewrites them). */
const LOADERS = {
  vi: () => import("./i18n/vi.js"),
  en: () => import("./i18n/en.js"),
};
/** @type {Record<string, Record<string, string>>} the tables loaded so far */
const TABLES = {};
/** @type {Record<string, Promise<void>>} */
const loading = {};

let current = "vi";
const warned = new Set();

/** The language to use when neither the URL nor the user chose one: vi for vi*, else en. */
export function detectLang(languages = navigator.languages || [navigator.language]) {
  for (const tag of languages) {
    if (typeof tag !== "string" || tag === "") continue;
    return tag.toLowerCase().startsWith("vi") ? "vi" : "en";
  }
  return "en";
}

export function isLang(value) {
  return LANGS.includes(value);
}

export function getLang() {
  return current;
}

/**
 * Loads the table of `lang` (an unknown language: English's) if it is not loaded yet; resolves
 * when it is. Call it before `setLang(lang)`.
 * @param {string} lang
 */
export function loadLang(lang) {
  const id = isLang(lang) ? lang : "en";
  loading[id] ??= LOADERS[id]().then(
    (module) => {
      TABLES[id] = module.default;
    },
    (error) => {
      delete loading[id]; // a later call tries again
      throw error;
    }
  );
  return loading[id];
}

/** True once `lang`'s table is loaded. */
export function isLoaded(lang) {
  return TABLES[lang] !== undefined;
}

/** Shows the page in `lang` (its table loaded with `loadLang` first). */
export function setLang(lang) {
  current = isLang(lang) ? lang : "en";
  document.documentElement.lang = current;
}

/** The string for `key` in the current language with `{name}` replaced by `params.name`. */
export function t(key, params) {
  return fill(lookup(current, key), params);
}

/** The string for `key` in `lang` if its table is loaded (the share dialog's iframe title), else undefined. */
export function tIn(lang, key, params) {
  const text = TABLES[lang]?.[key];
  return text === undefined ? undefined : fill(text, params);
}

function lookup(lang, key) {
  const text = TABLES[lang]?.[key];
  if (text !== undefined) return text;
  if (!warned.has(`${lang}:${key}`)) {
    warned.add(`${lang}:${key}`);
    console.warn(`gradlab i18n: missing "${key}" in ${lang}.js`);
  }
  return TABLES.en?.[key] ?? TABLES.vi?.[key] ?? key;
}

function fill(text, params) {
  if (params === undefined) return text;
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

/** True if the current table has `key` (for optional strings such as per-activation notes). */
export function has(key) {
  return TABLES[current]?.[key] !== undefined;
}

/**
 * Translates static markup: `data-i18n="key"` sets the text, and
 * `data-i18n-attr="aria-label:key;title:key2"` sets attributes.
 */
export function translateTree(root = document) {
  for (const el of root.querySelectorAll(/** @type {"span"} */ ("[data-i18n]"))) {
    el.textContent = t(el.dataset.i18n);
  }
  for (const el of root.querySelectorAll(/** @type {"span"} */ ("[data-i18n-attr]"))) {
    for (const pair of el.dataset.i18nAttr.split(";")) {
      const [attr, key] = pair.split(":").map((s) => s.trim());
      if (attr && key) el.setAttribute(attr, t(key));
    }
  }
}
