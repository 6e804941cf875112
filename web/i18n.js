// @ts-check
// Translations: every user-visible string of the page lives in web/i18n/ (flat key → string
// tables, the same keys in vi and en). A page loads only the language it shows, and of it only
// the common table (web/i18n/<lang>.js: the page's own strings, the header's and the share
// dialog's, every scene's title, lead and part titles) and the tables of the scenes shown so far
// (web/i18n/<lang>/<scene>.js, each with the step player's, practice's and predictions' words if
// the scene uses them): `loadLang(lang, [scene])` before `setLang` or a scene's mount;
// another language loads the same tables when the student switches. `t(key, params)` looks a key
// up in the current language, substitutes `{name}` placeholders and `{name|one|other}` plural
// selectors (English's "{n} {n|step|steps}"), and falls back (English, then
// Vietnamese, as far as loaded, then the key itself) with one console warning per missing key,
// so a forgotten string is visible in development but never breaks the page.

import { GLOBAL_PARAMS } from "./scenes/registry.js";

/** The languages, as the URL's `lang` key declares them (web/scenes/registry.js). */
export const LANGS = GLOBAL_PARAMS.lang.choices;
/**
 * Each language's tables, loaded on first use (literal paths: the standalone build rewrites
 * them): `common`, and one per scene, named by the scene's id.
 */
const LOADERS = {
  vi: {
    common: () => import("./i18n/vi.js"),
    activations: () => import("./i18n/vi/activations.js"),
    vanishing: () => import("./i18n/vi/vanishing.js"),
    "dying-relu": () => import("./i18n/vi/dying-relu.js"),
    "zero-init": () => import("./i18n/vi/zero-init.js"),
    lab: () => import("./i18n/vi/lab.js"),
    summary: () => import("./i18n/vi/summary.js"),
  },
  en: {
    common: () => import("./i18n/en.js"),
    activations: () => import("./i18n/en/activations.js"),
    vanishing: () => import("./i18n/en/vanishing.js"),
    "dying-relu": () => import("./i18n/en/dying-relu.js"),
    "zero-init": () => import("./i18n/en/zero-init.js"),
    lab: () => import("./i18n/en/lab.js"),
    summary: () => import("./i18n/en/summary.js"),
  },
};
/** The names of the tables, common first. */
export const TABLE_NAMES = Object.keys(LOADERS.vi);
/** @type {Record<string, Record<string, string>[]>} each language's tables loaded so far */
const TABLES = {};
/** @type {Record<string, Promise<void>>} by "lang/table" */
const loading = {};
/** The "lang/table"s loaded. */
const loaded = new Set();
/** The tables the page has asked for in any language: a switch of language loads them all. */
const wanted = new Set(["common"]);

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
 * Loads, in `lang` (an unknown language: English), the common table, the `tables` named (scene
 * ids) and every table asked for before, if not loaded yet; resolves when they are. Call it
 * before `setLang(lang)` and before a scene that uses its table mounts.
 * @param {string} lang
 * @param {string[]} [tables]
 */
export function loadLang(lang, tables = []) {
  const id = isLang(lang) ? lang : "en";
  for (const name of tables) {
    if (!Object.hasOwn(LOADERS[id], name)) return Promise.reject(new Error(`gradlab i18n: no table "${name}"`));
    wanted.add(name);
  }
  return Promise.all([...wanted].map((name) => loadTable(id, name))).then(() => undefined);
}

/** @param {string} lang @param {string} name */
function loadTable(lang, name) {
  const key = `${lang}/${name}`;
  loading[key] ??= LOADERS[lang][name]().then(
    (module) => {
      (TABLES[lang] ??= []).push(module.default);
      loaded.add(key);
    },
    (error) => {
      delete loading[key]; // a later call tries again
      throw error;
    }
  );
  return loading[key];
}

/** True once `lang`'s common table is loaded (with it, every scene's title). */
export function isLoaded(lang) {
  return loaded.has(`${lang}/common`);
}

/** Shows the page in `lang` (its table loaded with `loadLang` first). */
export function setLang(lang) {
  current = isLang(lang) ? lang : "en";
  document.documentElement.lang = current;
}

/**
 * The string for `key` in the current language with `{name}` replaced by `params.name`, and
 * `{name|one|other}` by `one` or `other` as the language's plural rule puts the number
 * `params.name` (English: "{n} {n|step|steps}" gives "1 step", "2 steps"; Vietnamese, which has
 * no plural forms, needs none).
 */
export function t(key, params) {
  return fill(lookup(current, key), params, current);
}

/** The string for `key` in `lang` if its table is loaded (the share dialog's iframe title), else undefined. */
export function tIn(lang, key, params) {
  const text = find(lang, key);
  return text === undefined ? undefined : fill(text, params, lang);
}

/** @param {string} lang @param {string} key */
function find(lang, key) {
  for (const table of TABLES[lang] ?? []) if (Object.hasOwn(table, key)) return table[key];
  return undefined;
}

function lookup(lang, key) {
  const text = find(lang, key);
  if (text !== undefined) return text;
  if (!warned.has(`${lang}:${key}`)) {
    warned.add(`${lang}:${key}`);
    console.warn(`gradlab i18n: missing "${key}" in ${lang}`);
  }
  return find("en", key) ?? find("vi", key) ?? key;
}

/** @type {Record<string, Intl.PluralRules>} */
const pluralRules = {};

/** @param {string} text @param {Record<string, unknown> | undefined} params @param {string} lang */
function fill(text, params, lang) {
  if (params === undefined) return text;
  return text.replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (match, name, one, other) => {
    if (!(name in params)) return match;
    if (one === undefined) return String(params[name]);
    pluralRules[lang] ??= new Intl.PluralRules(lang);
    return pluralRules[lang].select(Number(params[name])) === "one" ? one : other;
  });
}

/** True if the current table has `key` (for optional strings such as per-activation notes). */
export function has(key) {
  return find(current, key) !== undefined;
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
