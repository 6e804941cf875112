// @ts-check
// The URL codec: turns the raw strings of a link into a scene's validated values and values back
// into strings, following the parameter declarations of web/scenes/registry.js (what each type
// means is described there). Pure — no DOM, no `location`: state.js passes the raw strings in and
// writes the strings out, and the Playwright specs use the same functions in Node.
//
// Reading never throws on a link: a value it cannot use is replaced by the default and reported
// as `{ key, raw, kind, min, max, fallback, count, limit, unknown, kept }`, the record the page's notice
// (components/url-notice.js) turns into a sentence.

/** Short, exact text for a number in the URL (no 0.30000000000000004 from slider steps). */
export function formatNumberParam(v) {
  if (!Number.isFinite(v)) return String(v);
  return String(Number(v.toPrecision(12)));
}

/** The scene's parameter declarations as [key, declaration] pairs, in declaration order. */
export function declarationsOf(scene, ctx = {}, keys = null) {
  // The generated keys (moreParams) need the scene's context; asking only for declared ones doesn't.
  const more = keys === null || keys.some((key) => !Object.hasOwn(scene.params, key)) ? scene.moreParams?.(ctx) : {};
  const all = Object.entries({ ...scene.params, ...more });
  if (keys === null) return all;
  const known = new Set(all.map(([key]) => key));
  const unknown = keys.filter((key) => !known.has(key));
  if (unknown.length) throw new Error(`${scene.id}: no URL parameter ${unknown.join(", ")} in the registry`);
  return all.filter(([key]) => keys.includes(key));
}

/**
 * The keys a link's `lock=` and `hide=` may name in `scene`: every declared parameter but those
 * declared `control: false` (no control of their own), in declaration order.
 */
export function controlKeysOf(scene, ctx = {}) {
  return declarationsOf(scene, ctx)
    .filter(([, declaration]) => declaration.control !== false)
    .map(([key]) => key);
}

/**
 * The declaration with its fields that are functions `(ctx, values)` evaluated (all, or only
 * `fields`), or null when its `when` is false (the parameter does not apply to these values).
 */
export function resolveDeclaration(declaration, ctx, values, fields = null) {
  if (declaration.when && !declaration.when(ctx, values)) return null;
  const out = {};
  for (const [field, v] of Object.entries(declaration)) {
    if (field === "when" || (fields && !fields.includes(field))) continue;
    out[field] = typeof v === "function" ? v(ctx, values) : v;
  }
  return out;
}

/** What writing a value needs (so a write does not need the context of the ranges and choices). */
const WRITE_FIELDS = ["type", "default", "always", "none", "param"];

const copy = (v) => (Array.isArray(v) ? v.slice() : v);
const parseList = (raw) => raw.split(",").map((s) => (s.trim() === "" ? NaN : Number(s)));

/** Reads one value: `{ value }`, or `{ value: default, problem }` with the notice's fields. */
function decodeOne(spec, raw) {
  const fallback = copy(spec.default);
  switch (spec.type) {
    case "number":
    case "integer": {
      if (raw.trim() === "") return { value: fallback };
      const min = spec.min ?? -Infinity;
      const max = spec.max ?? Infinity;
      const v = Number(raw);
      if (Number.isFinite(v) && v >= min && v <= max) return { value: spec.type === "integer" ? Math.trunc(v) : v };
      return { value: fallback, problem: { kind: "number", min, max, fallback } };
    }
    case "choice": {
      const numeric = typeof spec.choices[0] === "number";
      const v = numeric ? (raw.trim() === "" ? NaN : Number(raw)) : raw;
      if (spec.choices.includes(v)) return { value: v };
      return { value: fallback, problem: { kind: "choice", fallback } };
    }
    case "flag":
      if (raw === "1" || raw === "true") return { value: true };
      if (raw === "0" || raw === "false") return { value: false };
      return { value: fallback, problem: { kind: "flag", fallback } };
    case "numbers": {
      const values = parseList(raw);
      const limit = spec.limit ?? Infinity;
      if (values.length === spec.length && values.every((v) => Number.isFinite(v) && Math.abs(v) <= limit)) return { value: values };
      return { value: fallback, problem: { kind: "list", count: spec.length, limit } };
    }
    case "labels": {
      const values = parseList(raw);
      if (values.length === spec.length && values.every((v) => Number.isInteger(v) && v >= 0 && v < spec.classes)) return { value: values };
      return { value: fallback, problem: { kind: "labels", count: spec.length } };
    }
    case "widths": {
      // 0 … maxLength integers in [min, max]; `none` is the word for an empty list.
      if (spec.none !== undefined && raw === spec.none) return { value: [] };
      const values = raw === "" ? [] : parseList(raw);
      const ok = values.length <= spec.maxLength && values.every((v) => Number.isInteger(v) && v >= spec.min && v <= spec.max);
      return ok ? { value: values } : { value: fallback, problem: { kind: "widths", min: spec.min, max: spec.max, count: spec.maxLength } };
    }
    case "activations": {
      // `length` entries, each `id` or `id:value` (the activation's one parameter, in its range).
      const parts = raw.split(",");
      const value = parts.map((part) => {
        const [id, param, extra] = part.split(":");
        if (extra !== undefined || !spec.choices.includes(id)) return null;
        const range = spec.param(id);
        if (param === undefined) return { id, value: range ? range.default : null };
        const v = param.trim() === "" ? NaN : Number(param);
        return range && Number.isFinite(v) && v >= range.min && v <= range.max ? { id, value: v } : null;
      });
      if (parts.length === spec.length && value.every((v) => v !== null)) return { value };
      return { value: fallback, problem: { kind: "activations", count: spec.length } };
    }
    case "ids": {
      if (spec.none !== undefined && raw === spec.none) return { value: [] };
      const parts = raw.split(",").filter((id) => id !== "");
      const unknown = parts.filter((id) => !spec.choices.includes(id));
      const listed = [...new Set(parts.filter((id) => spec.choices.includes(id)))];
      const most = spec.maxLength ?? Infinity;
      let value = listed.slice(0, most);
      if (value.length < (spec.minLength ?? 0)) value = fallback;
      if (!unknown.length && listed.length <= most) return { value };
      // Unknown names are left out; past the most the scene shows, the first ones are kept.
      // `kept`: what the URL keeps instead (the ids used, not the default).
      const kept = value.join(",");
      return { value, problem: { kind: "ids", unknown, limit: listed.length > most ? most : undefined, fallback: kept, kept } };
    }
    default:
      throw new Error(`unknown URL parameter type "${spec.type}"`);
  }
}

/**
 * Reads the declared parameters with `rawOf(key)` (a string, or null when the link lacks the
 * key): `{ values, rejected }`. Values come in declaration order, so a declaration's functions
 * see the values before it; a parameter whose `when` is false reads as null.
 */
export function decodeParams(declarations, rawOf, ctx = {}) {
  const values = {};
  const rejected = [];
  for (const [key, declaration] of declarations) {
    const raw = rawOf(key);
    // Without a value in the link only the default is needed (and only its context).
    const spec = resolveDeclaration(declaration, ctx, values, raw === null ? ["default"] : null);
    if (spec === null || raw === null) {
      values[key] = spec === null ? null : copy(spec.default);
      continue;
    }
    const { value, problem } = decodeOne(spec, raw);
    values[key] = value;
    if (problem) rejected.push({ key, raw, ...problem });
  }
  return { values, rejected };
}

const sameItem = (a, b) => a === b || (typeof a === "object" && a !== null && typeof b === "object" && b !== null && a.id === b.id && a.value === b.value);
const sameValue = (a, b) => (Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((v, i) => sameItem(v, b[i])) : a === b);

/** The text of one value in the URL. */
function encodeOne(spec, v) {
  const text = (x) => (typeof x === "number" ? formatNumberParam(x) : String(x));
  switch (spec.type) {
    case "flag":
      return v ? "1" : "0";
    case "numbers":
    case "labels":
      return v.map(text).join(",");
    case "ids":
    case "widths":
      return v.length || spec.none === undefined ? v.join(",") : spec.none;
    case "activations":
      return v.map((a) => (a.value === null || a.value === spec.param(a.id)?.default ? a.id : `${a.id}:${text(a.value)}`)).join(",");
    default:
      return text(v);
  }
}

/**
 * The URL changes for `values` (only the keys it has; the declarations' functions see these
 * values): key → text, or null to remove the key — for a value equal to its default (unless
 * declared `always`), for null, and for a parameter whose `when` is false.
 */
export function encodeParams(declarations, values, ctx = {}) {
  const changes = {};
  for (const key of Object.keys(values)) {
    if (!declarations.some(([k]) => k === key)) throw new Error(`no URL parameter "${key}" in the registry`);
  }
  for (const [key, declaration] of declarations) {
    if (!Object.hasOwn(values, key)) continue;
    const spec = resolveDeclaration(declaration, ctx, values, WRITE_FIELDS);
    const v = values[key];
    if (spec === null || v === null || v === undefined || (!spec.always && sameValue(v, spec.default))) changes[key] = null;
    else changes[key] = encodeOne(spec, v);
  }
  return changes;
}

/** Every declared parameter at its default (what a link without parameters reads as). */
export function defaultValues(declarations, ctx = {}) {
  return decodeParams(declarations, () => null, ctx).values;
}
