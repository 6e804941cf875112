// URL state. Everything a shared link must reproduce lives in the hash, as URL-encoded
// key=value pairs: `#scene=activations&act=sigmoid&x=0.5&lang=en&theme=dark`.
//
// - `scene` comes first, then the scene's own parameters, then the global ones (lang, theme).
// - Controls write with `update()`, which uses history.replaceState: dragging a slider must not
//   add a history entry per pixel (and replaceState fires no hashchange, so nothing re-renders).
// - Links and the back button change the hash normally; app.js listens for hashchange.
// - `lang` and `embed` are also read from the query string (`?embed=1&lang=en#scene=...`), which
//   suits iframes; the hash wins when both are present.

export const GLOBAL_KEYS = ["lang", "theme"];

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
  if (key === "lang" || key === "embed" || key === "theme") return queryParams().get(key);
  return null;
}

// Values a link carried that could not be used (key → { key, raw, kind, min, max, fallback }),
// collected as the scenes read their parameters; app.js shows them in a notice and drops them
// from the URL.
const rejected = new Map();

/** Records that `key`'s value `raw` was not used (`kind`: number, choice, flag, list, ids or labels). */
export function reject(key, raw, { kind, min, max, fallback, count, limit } = {}) {
  rejected.set(key, { key, raw, kind, min, max, fallback, count, limit });
}

/** The values rejected since the last call, in the order they were met; clears the list. */
export function takeRejected() {
  const list = [...rejected.values()];
  rejected.clear();
  return list;
}

/** A number parameter, or `fallback` if it is absent, not a finite number or outside [min, max]. */
export function getNumber(key, { fallback, min = -Infinity, max = Infinity } = {}) {
  const raw = get(key);
  if (raw === null || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (Number.isFinite(value) && value >= min && value <= max) return value;
  reject(key, raw, { kind: "number", min, max, fallback });
  return fallback;
}

/** A parameter restricted to `choices`, or `fallback`. */
export function getChoice(key, choices, fallback) {
  const raw = get(key);
  if (raw === null || choices.includes(raw)) return raw ?? fallback;
  reject(key, raw, { kind: "choice", fallback });
  return fallback;
}

/** Exactly `n` comma-separated finite numbers with |v| ≤ limit, or null if absent or invalid. */
export function getNumberList(key, n, limit = Infinity) {
  const raw = get(key);
  if (raw === null) return null;
  const values = raw.split(",").map((s) => (s.trim() === "" ? NaN : Number(s)));
  if (values.length === n && values.every((v) => Number.isFinite(v) && Math.abs(v) <= limit)) return values;
  reject(key, raw, { kind: "list", count: n, limit });
  return null;
}

/** Comma-separated ids from `known` (unknown ones are dropped and reported), or null if absent. */
export function getIdList(key, known) {
  const raw = get(key);
  if (raw === null) return null;
  const parts = raw.split(",").filter((id) => id !== "");
  const listed = parts.filter((id) => known.includes(id));
  if (listed.length < parts.length) reject(key, raw, { kind: "ids" });
  return listed;
}

/** A boolean parameter written as 1/0. */
export function getFlag(key, fallback) {
  const raw = get(key);
  if (raw === "1" || raw === "true") return true;
  if (raw === "0" || raw === "false") return false;
  if (raw !== null) reject(key, raw, { kind: "flag", fallback });
  return fallback;
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

/** Serialises params into a hash string, keeping `,`, `-` and `.` readable. */
function toHash(params) {
  return "#" + ordered(params).toString().replace(/%2C/gi, ",");
}

/**
 * Merges `changes` into the hash (`null`/`undefined` deletes a key). With `push: true` a history
 * entry is added (and hashchange fires); by default the current entry is replaced silently.
 */
export function update(changes, { push = false } = {}) {
  if (pending) {
    // Keep order: earlier coalesced changes first, then these.
    const earlier = pending;
    cancelPending();
    changes = { ...earlier, ...changes };
  }
  const params = hashParams();
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined) params.delete(k);
    else params.set(k, typeof v === "number" ? formatNumberParam(v) : String(v));
  }
  const hash = toHash(params);
  if (hash === location.hash || (hash === "#" && location.hash === "")) return;
  if (push) location.hash = hash;
  else history.replaceState(history.state, "", hash);
}

let pending = null;
let pendingTimer = 0;

/**
 * Like `update` (replace), but coalesced: a slider sends dozens of input events per second and
 * browsers throttle history.replaceState, so the URL is written at most every `delay` ms and
 * always after the last change.
 */
export function updateSoon(changes, delay = 150) {
  pending = { ...pending, ...changes };
  if (pendingTimer) return;
  pendingTimer = setTimeout(flush, delay);
}

/** Writes any pending `updateSoon` changes now. */
export function flush() {
  clearTimeout(pendingTimer);
  pendingTimer = 0;
  if (pending) {
    const changes = pending;
    pending = null;
    update(changes);
  }
}

/** Drops pending changes (the user navigated: the new URL wins). */
export function cancelPending() {
  clearTimeout(pendingTimer);
  pendingTimer = 0;
  pending = null;
}

window.addEventListener("pagehide", flush);

/** The href of a scene link: the scene plus the global keys currently set (lang, theme). */
export function sceneHref(scene) {
  const current = hashParams();
  const params = new URLSearchParams({ scene });
  for (const k of GLOBAL_KEYS) if (current.has(k)) params.set(k, current.get(k));
  return toHash(params);
}

/** Short, exact text for a number in the URL (no 0.30000000000000004 from slider steps). */
export function formatNumberParam(v) {
  if (!Number.isFinite(v)) return String(v);
  return String(Number(v.toPrecision(12)));
}

/** Calls `callback` when the user navigates (link, back/forward, edited address). */
export function onNavigate(callback) {
  window.addEventListener("hashchange", () => {
    cancelPending();
    callback();
  });
}
