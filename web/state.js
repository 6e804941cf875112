// @ts-check
// URL state. Everything a shared link must reproduce lives in the hash, as URL-encoded
// key=value pairs: `#scene=activations&act=sigmoid&x=0.5&lang=en&theme=dark`.
//
// - Every key is declared once in web/scenes/registry.js (type, range, default); scenes read
//   theirs with `readParams` and write them with `writeParams` (the codec is web/url-schema.js).
//   Values a link got wrong are collected for app.js's notice (`takeRejected`).
// - `scene` comes first, then the scene's own parameters, then the global ones (lang, theme).
// - Controls write with `update()`, which uses history.replaceState: dragging a slider must not
//   add a history entry per pixel (and replaceState fires no hashchange, so nothing re-renders).
// - Links and the back button change the hash normally; app.js listens for hashchange.
// - A course author's `lock`, `hide` and `part` name the scene's control keys and parts: they are
//   read for the scene shown (`readControlList`, `readPart`), with the same notice for what it lacks.
// - `lang`, `theme` and `embed` are also read from the query string (`?embed=1&lang=en#scene=...`),
//   which suits iframes; the hash wins when both are present. Changing one that the query
//   carries changes it there (one `lang` in the URL, not `?lang=vi#…&lang=en`).

import { GLOBAL_PARAMS, findScene, partNames } from "./scenes/registry.js";
import { whenSettled } from "./components/idle.js";
import { controlKeysOf, declarationsOf, decodeParams, defaultValues, encodeParams, formatNumberParam } from "./url-schema.js";

export { formatNumberParam };

/** The global keys a scene link carries along (lang, theme, lock=all), written last. */
export const GLOBAL_KEYS = Object.keys(GLOBAL_PARAMS).filter((key) => GLOBAL_PARAMS[key].carried);

/** Whether a link to another scene carries global `key` with this `value` (`carried` may be a test of the value). */
function carries(key, value) {
  const { carried } = GLOBAL_PARAMS[key];
  return typeof carried === "function" ? carried(value) : Boolean(carried);
}
const QUERY_KEYS = Object.keys(GLOBAL_PARAMS).filter((key) => GLOBAL_PARAMS[key].query);

function hashParams() {
  return new URLSearchParams(location.hash.replace(/^#/, ""));
}

function queryParams() {
  return new URLSearchParams(location.search);
}

/** The raw string for `key` from the hash (or, for query-capable keys, the query), or null. */
export function get(key) {
  const fromHash = hashParams().get(key);
  if (fromHash !== null) return fromHash;
  if (QUERY_KEYS.includes(key)) return queryParams().get(key);
  return null;
}

/** A global key's value if the URL has a valid one (lang, theme, embed), else null; never a notice. */
export function readGlobal(key) {
  return decodeParams([[key, GLOBAL_PARAMS[key]]], get).values[key];
}

// Values a link carried that could not be used (key → { key, raw, kind, min, max, fallback,
// count, limit }), collected as the scenes read their parameters; app.js shows them in a notice
// and drops them from the URL.
const rejected = new Map();

/** The values rejected since the last call, in the order they were met; clears the list. */
export function takeRejected() {
  const list = [...rejected.values()];
  rejected.clear();
  return list;
}

/**
 * A course author's `lock=` or `hide=` (`name`) for scene `sceneId`: the declaration's `all`
 * word if the link says it (lock=all), else the scene's control keys the link names, each once,
 * in its order ([] without the key). `ctx` is the scene's context (registry `contextOf`). Names
 * the scene has no control for are recorded for the notice, with the ones it has.
 * @param {"lock" | "hide"} name @param {string} sceneId
 * @returns {string | string[]}
 */
export function readControlList(name, sceneId, ctx = {}) {
  const raw = get(name);
  const listed = (raw ?? "").split(",").map((key) => key.trim()).filter((key) => key !== "");
  const { all } = GLOBAL_PARAMS[name];
  if (all && listed.includes(all)) return all;
  const known = controlKeysOf(findScene(sceneId), ctx);
  const keys = [...new Set(listed.filter((key) => known.includes(key)))];
  const unknown = listed.filter((key) => !known.includes(key));
  if (unknown.length) rejected.set(name, { key: name, raw, kind: "controls", unknown, known, kept: keys.length ? keys.join(",") : null });
  return keys;
}

/**
 * A course author's `part=` for scene `sceneId`: one of the parts the registry declares for it,
 * or null (none asked, or one the scene lacks — recorded for the notice, with its parts).
 * @param {string} sceneId
 */
export function readPart(sceneId) {
  const raw = get("part");
  if (raw === null || raw === "") return null;
  const known = partNames(sceneId);
  if (known.includes(raw)) return raw;
  rejected.set("part", { key: "part", raw, kind: "part", known });
  return null;
}

function declarations(sceneId, ctx, keys) {
  const scene = findScene(sceneId);
  if (!scene) throw new Error(`no scene "${sceneId}" in the registry`);
  return declarationsOf(scene, ctx, keys);
}

/**
 * The scene's parameters from the URL, validated against web/scenes/registry.js: key → value
 * (every declared key, or only `keys`). `ctx` is the scene's context (registry `contextOf`).
 * Values the link got wrong are recorded for the notice and read as their defaults.
 */
export function readParams(sceneId, ctx = {}, keys = null) {
  const result = decodeParams(declarations(sceneId, ctx, keys), get, ctx);
  for (const problem of result.rejected) rejected.set(problem.key, problem);
  return result.values;
}

/** The scene's parameters (or only `keys`) at their defaults, as a link without them reads. */
export function defaultParams(sceneId, ctx = {}, keys = null) {
  return defaultValues(declarations(sceneId, ctx, keys), ctx);
}

/** The URL changes that store `values` (some of the scene's keys); defaults are left out. */
export function paramChanges(sceneId, values, ctx = {}) {
  return encodeParams(declarations(sceneId, ctx, null), values, ctx);
}

/** Stores `values` (some of the scene's keys) in the URL, coalesced like `updateSoon`. */
export function writeParams(sceneId, values, ctx = {}) {
  updateSoon(paramChanges(sceneId, values, ctx));
}

function ordered(params) {
  const out = new URLSearchParams();
  if (params.has("scene")) out.set("scene", params.get("scene"));
  for (const [k, v] of params) {
    if (k !== "scene" && !GLOBAL_KEYS.includes(k)) out.append(k, v);
  }
  for (const k of GLOBAL_KEYS) if (params.has(k)) out.set(k, params.get(k));
  return out;
}

/**
 * Serialises params into a hash string ("#scene=…&…&lang=…": the scene first, the global keys
 * last), keeping `,`, `-` and `.` readable. Also for links the page writes (summary, share).
 * @param {URLSearchParams} params
 */
export function toHash(params) {
  return "#" + ordered(params).toString().replace(/%2C/gi, ",");
}

/**
 * Merges `changes` into the hash (`null`/`undefined` deletes a key). With `push: true` a history
 * entry is added (and hashchange fires); by default the current entry is replaced silently.
 */
export function update(changes, { push = false } = {}) {
  // Keep order: earlier coalesced changes first, then these.
  const earlier = takePending();
  if (earlier) changes = { ...earlier, ...changes };
  const params = hashParams();
  const query = queryParams();
  let queryChanged = false;
  for (const [k, v] of Object.entries(changes)) {
    const text = v === null || v === undefined ? null : typeof v === "number" ? formatNumberParam(v) : String(v);
    // A global key the link carries in its query (an iframe's `?lang=en`) is changed there, so
    // the URL never holds two values for it.
    const target = QUERY_KEYS.includes(k) && query.has(k) ? query : params;
    if (target === query) {
      queryChanged = true;
      params.delete(k);
    }
    if (text === null) target.delete(k);
    else target.set(k, text);
  }
  const hash = toHash(params);
  if (queryChanged) {
    const search = query.toString();
    history.replaceState(history.state, "", `${location.pathname}${search ? `?${search}` : ""}${hash === "#" ? "" : hash}`);
    return;
  }
  if (hash === location.hash || (hash === "#" && location.hash === "")) return;
  if (push) location.hash = hash;
  else history.replaceState(history.state, "", hash);
}

/** The longest a change waits while more keep coming (ms). */
const MAX_WAIT_MS = 1000;
/** The longest the write then waits for an idle period (ms). */
const IDLE_TIMEOUT_MS = 200;
/**
 * The unwritten changes, in the order they came: objects of changes, and writers (`writerSoon`),
 * each at the place of its last mark; null when there are none.
 * @type {Array<object | (() => object)> | null}
 */
let pending = null;
/** When the oldest unwritten change came (performance.now()). */
let pendingSince = 0;
/** The write of the pending changes, once they pause (see `updateSoon`). */
const pendingWrite = whenSettled(() => flush(), IDLE_TIMEOUT_MS);
// The scene whose changes are pending: they are dropped if the hash shows another scene by the
// time they are written (a scene's last changes must not land in the next scene's link, even
// when it makes them after the hash changed, e.g. in its destroy()).
let pendingScene = null;
// The hash when the pending changes began: if it is another by the time they are written, the
// user navigated and its hashchange has not run yet (it is a task of its own) — the new URL wins.
let pendingHash = "";
let shownScene = null;

/** app.js names the scene it has mounted: the scene whose writes these are. */
export function setShownScene(id) {
  shownScene = id;
}

/**
 * The pending changes (cleared), or null — also null when they belong to a scene no longer shown,
 * or when the hash changed under them (a navigation whose hashchange has not run yet).
 */
function takePending() {
  const parts = pending;
  const scene = pendingScene;
  const hash = pendingHash;
  cancelPending();
  if (!parts || scene !== hashParams().get("scene") || location.hash !== hash) return null;
  let changes = {};
  for (const part of parts) changes = { ...changes, ...(typeof part === "function" ? part() : part) };
  return changes;
}

/**
 * Like `update` (replace), but coalesced: a slider sends dozens of input events per second,
 * browsers throttle history.replaceState, and writing the URL costs the main thread a few ms
 * (under load, the moment a slider's frame waits for). So the URL is written once the changes
 * pause for `delay` ms, or at the latest `MAX_WAIT_MS` after the first unwritten one while they
 * go on (a drag) — and then in the page's next idle period, never between an input and its frame.
 * `changes` may be a function that returns them (see `writerSoon`).
 * @param {object | (() => object)} changes
 * @param {number} [delay]
 */
export function updateSoon(changes, delay = 150) {
  const now = performance.now();
  if (!pending) {
    pendingScene = shownScene ?? hashParams().get("scene");
    pendingHash = location.hash;
    pendingSince = now;
    pending = [];
  }
  if (typeof changes === "function") {
    // A writer: its changes are read when written, after everything that came before its mark.
    const at = pending.indexOf(changes);
    if (at >= 0) pending.splice(at, 1);
    pending.push(changes);
  } else {
    const last = pending.at(-1);
    if (last && typeof last !== "function") Object.assign(last, changes);
    else pending.push({ ...changes });
  }
  pendingWrite.at(Math.min(now + delay, pendingSince + MAX_WAIT_MS));
}

/**
 * A writer of the URL, coalesced like `updateSoon`, for a view whose state changes at every
 * step of a slider or a training: calling the returned function marks it, and `changes()` (the
 * view's current state as URL changes) runs once, when the URL is written, instead of at every
 * step.
 * @param {() => object} changes
 * @param {number} [delay]
 */
export function writerSoon(changes, delay = 150) {
  return () => updateSoon(changes, delay);
}

/** Writes any pending `updateSoon` changes now. */
export function flush() {
  const changes = takePending();
  if (changes) update(changes);
}

/** Drops pending changes (the user navigated: the new URL wins). */
export function cancelPending() {
  pendingWrite.cancel();
  pending = null;
  pendingScene = null;
}

window.addEventListener("pagehide", flush);

/** The href of a scene link: the scene plus the global keys currently set that links carry (lang, theme, lock=all). */
export function sceneHref(scene) {
  const current = hashParams();
  const params = new URLSearchParams({ scene });
  for (const k of GLOBAL_KEYS) if (current.has(k) && carries(k, current.get(k))) params.set(k, current.get(k));
  return toHash(params);
}

/** Calls `callback` when the user navigates (link, back/forward, edited address). */
export function onNavigate(callback) {
  window.addEventListener("hashchange", () => {
    cancelPending();
    callback();
  });
}
