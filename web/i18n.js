// @ts-check
// Translations: every user-visible string of the page lives in web/i18n/{vi,en}.js (flat
// key → string tables with identical key sets). `t(key, params)` looks a key up in the current
// language, substitutes `{name}` placeholders, and falls back (English, then Vietnamese, then the
// key itself) with one console warning per missing key, so a forgotten string is visible in
// development but never breaks the page.

import vi from "./i18n/vi.js";
import en from "./i18n/en.js";
import { GLOBAL_PARAMS } from "./scenes/registry.js";

/** The languages, as the URL's `lang` key declares them (web/scenes/registry.js). */
export const LANGS = GLOBAL_PARAMS.lang.choices;
const TABLES = { vi, en };

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

export function setLang(lang) {
  current = isLang(lang) ? lang : "en";
  document.documentElement.lang = current;
}

/** The string for `key` in the current language with `{name}` replaced by `params.name`. */
export function t(key, params) {
  let text = TABLES[current][key];
  if (text === undefined) {
    if (!warned.has(`${current}:${key}`)) {
      warned.add(`${current}:${key}`);
      console.warn(`gradlab i18n: missing "${key}" in ${current}.js`);
    }
    text = TABLES.en[key] ?? TABLES.vi[key] ?? key;
  }
  if (params === undefined) return text;
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

/** True if the current table has `key` (for optional strings such as per-activation notes). */
export function has(key) {
  return TABLES[current][key] !== undefined;
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
