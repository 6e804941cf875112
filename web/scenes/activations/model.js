// The activations scene's state and its URL form. Everything a shared link must reproduce:
//
//   act=sigmoid,tanh,relu   the activations shown; the first is the one explored (tangent,
//                           bands, readouts, formulas), the others are overlaid (at most 6)
//   x=0.5                   the input x                      (default 0)
//   xmin=-6&xmax=6          the plotted range                (default −6 … 6, within ±100)
//   n=5                     layers for f′(x)ⁿ                (1–50, default 5)
//   eps=0.01                the saturation threshold ε       (1e−6 … 0.5, default 0.01)
//   leaky_relu.alpha=0.1    parameters, one key per activation and parameter (defaults omitted):
//   prelu.alpha, elu.alpha, softplus.beta, swish.beta
//   cmp=1                   overlay GELU's two approximations and plot their error (GELU only)
//   fprime=0                hide the f′ panel
//
// Invalid values in a link fall back to their defaults. The scene computes nothing here.
import * as state from "../../state.js";

export const DEFAULT_ACT = "sigmoid";
export const MAX_SHOWN = 6;
export const RANGE_LIMIT = 100;
export const MIN_SPAN = 0.5;
export const DEFAULT_RANGE = [-6, 6];
export const X_STEP = 0.01;
export const LAYERS = { min: 1, max: 50, fallback: 5 };
export const EPSILON = { min: 1e-6, max: 0.5, fallback: 0.01 };
export const GELU_FAMILY = ["gelu", "gelu_tanh", "gelu_sigmoid"];

/** `key` in the URL of a parameter, e.g. "leaky_relu.alpha". */
export const paramKey = (id, name) => `${id}.${name}`;

/**
 * Reads the state from the URL. `catalog` is gradlab.activations(): ids and parameter ranges.
 */
export function read(catalog) {
  const ids = catalog.map((a) => a.id);
  const listed = state.getIdList("act", ids) ?? [];
  const acts = [...new Set(listed)].slice(0, MAX_SHOWN);
  if (acts.length === 0) acts.push(ids.includes(DEFAULT_ACT) ? DEFAULT_ACT : ids[0]);

  let xMin = state.getNumber("xmin", { fallback: DEFAULT_RANGE[0], min: -RANGE_LIMIT, max: RANGE_LIMIT });
  let xMax = state.getNumber("xmax", { fallback: DEFAULT_RANGE[1], min: -RANGE_LIMIT, max: RANGE_LIMIT });
  if (!(xMax - xMin >= MIN_SPAN)) [xMin, xMax] = DEFAULT_RANGE;
  const x = Math.min(xMax, Math.max(xMin, state.getNumber("x", { fallback: 0 })));

  const params = {};
  for (const info of catalog) {
    for (const p of info.params) {
      const v = state.getNumber(paramKey(info.id, p.name), { fallback: p.default, min: p.min, max: p.max });
      (params[info.id] ??= {})[p.name] = v;
    }
  }
  const n = state.getNumber("n", { fallback: LAYERS.fallback, min: LAYERS.min, max: LAYERS.max });
  return {
    acts,
    x,
    xMin,
    xMax,
    n: Number.isInteger(n) ? n : LAYERS.fallback,
    eps: state.getNumber("eps", { fallback: EPSILON.fallback, min: EPSILON.min, max: EPSILON.max }),
    params,
    compare: state.getFlag("cmp", false),
    showDerivative: state.getFlag("fprime", true),
  };
}

/** The URL changes for `s` (defaults are left out, except act and x). */
export function toUrl(s, catalog) {
  const changes = {
    act: s.acts.join(","),
    x: s.x,
    xmin: s.xMin === DEFAULT_RANGE[0] && s.xMax === DEFAULT_RANGE[1] ? null : s.xMin,
    xmax: s.xMin === DEFAULT_RANGE[0] && s.xMax === DEFAULT_RANGE[1] ? null : s.xMax,
    n: s.n === LAYERS.fallback ? null : s.n,
    eps: s.eps === EPSILON.fallback ? null : s.eps,
    cmp: s.compare ? 1 : null,
    fprime: s.showDerivative ? null : 0,
  };
  for (const info of catalog) {
    for (const p of info.params) {
      const v = s.params[info.id]?.[p.name];
      changes[paramKey(info.id, p.name)] = v === undefined || v === p.default ? null : v;
    }
  }
  return changes;
}

/** The core's form of activation `id` with the state's parameters: "relu" or { id, alpha }. */
export function spec(s, id) {
  const params = s.params[id];
  return params && Object.keys(params).length ? { id, ...params } : id;
}

/** Whether the GELU comparison applies (the explored activation is one of the GELUs). */
export function comparing(s) {
  return s.compare && GELU_FAMILY.includes(s.acts[0]);
}

/**
 * The ids drawn, in legend order: the chosen ones; when comparing, the explored GELU and the
 * other two GELUs only (the overlays come back when the comparison is turned off).
 */
export function shownIds(s) {
  if (!comparing(s)) return s.acts;
  return [s.acts[0], ...GELU_FAMILY.filter((id) => id !== s.acts[0])];
}
