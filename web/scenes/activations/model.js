// @ts-check
// The activations scene's state and its URL form. Everything a shared link must reproduce:
//
//   act=sigmoid,tanh,relu   the activations shown; the first is the one explored (tangent,
//                           bands, readouts, formulas), the others are overlaid
//   x=0.5                   the input x
//   xmin=-6&xmax=6          the plotted range
//   n=5                     layers for f′(x)ⁿ
//   eps=0.01                the saturation threshold ε
//   leaky_relu.alpha=0.1    parameters, one key per activation and parameter (defaults omitted):
//   prelu.alpha, elu.alpha, softplus.beta, swish.beta
//   cmp=1                   overlay GELU's two approximations and plot their error (GELU only)
//   fprime=0                hide the f′ panel
//
// The keys' ranges and defaults are declared in web/scenes/registry.js; here the URL's values
// become the scene's state (and back). The scene computes nothing here.
import * as state from "../../state.js";
import { findScene, activationParamKey, X_MIN_SPAN } from "../registry.js";

/** @typedef {import("../../pkg/gradlab.js").ActivationInfo} ActivationInfo */
/** @typedef {import("../../pkg/gradlab.js").ActivationSpec} ActivationSpec */
/**
 * The scene's state: the activations shown (the first is explored), x and the plotted range, n
 * layers, ε, every activation's parameters (id → name → value), the GELU comparison and the f′ panel.
 * @typedef {{ acts: string[], x: number, xMin: number, xMax: number, n: number, eps: number,
 *   params: Record<string, Record<string, number>>, compare: boolean, showDerivative: boolean }} ActivationState
 */

/**
 * What the scene's parts share (activations.js builds it): the core and its catalogue, the state
 * now, the explored activation's values at x, and the ways to change the state.
 * @typedef {{ gradlab: import("../../wasm.js").Gradlab, catalog: ActivationInfo[], readonly state: ActivationState,
 *   values: () => { value: number, derivative: number },
 *   change: (patch: Partial<ActivationState>, options?: { xOnly?: boolean }) => void,
 *   explore: (id: string) => void, jumpTo: (id: string, x: number) => void, pointsOf: (id: string) => number[] }} ActivationsContext
 */

const PARAMS = findScene("activations").params;

export const DEFAULT_ACT = PARAMS.act.default[0];
export const MAX_SHOWN = PARAMS.act.maxLength;
export const RANGE_LIMIT = PARAMS.xmax.max;
export const MIN_SPAN = X_MIN_SPAN;
const DEFAULTS = state.defaultParams("activations", {}, ["xmin", "xmax"]);
export const DEFAULT_RANGE = [DEFAULTS.xmin, DEFAULTS.xmax];
export const X_STEP = 0.01;
export const LAYERS = { min: PARAMS.n.min, max: PARAMS.n.max, fallback: PARAMS.n.default };
export const EPSILON = { min: PARAMS.eps.min, max: PARAMS.eps.max, fallback: PARAMS.eps.default };
export const GELU_FAMILY = ["gelu", "gelu_tanh", "gelu_sigmoid"];

/** `key` in the URL of a parameter, e.g. "leaky_relu.alpha". */
export const paramKey = activationParamKey;

/**
 * Reads the state from the URL. `catalog` is gradlab.activations(): ids and parameter ranges.
 * The registry keeps the range at least MIN_SPAN wide and x inside it (a link that asks
 * otherwise gets the notice).
 * @param {ActivationInfo[]} catalog
 * @returns {ActivationState}
 */
export function read(catalog) {
  const values = state.readParams("activations", { catalog });
  // The declared keys, and the activations' parameters under `<id>.<name>` (moreParams).
  const v = /** @type {{ act: string[], x: number, xmin: number, xmax: number, n: number, eps: number, cmp: boolean, fprime: boolean }} */ (values);
  const paramValues = /** @type {Record<string, number>} */ (values);
  /** @type {ActivationState["params"]} */
  const params = {};
  for (const info of catalog) {
    for (const p of info.params) (params[info.id] ??= {})[p.name] = paramValues[paramKey(info.id, p.name)];
  }
  return {
    acts: v.act,
    x: v.x,
    xMin: v.xmin,
    xMax: v.xmax,
    n: v.n,
    eps: v.eps,
    params,
    compare: v.cmp,
    showDerivative: v.fprime,
  };
}

/**
 * The URL changes for `s` (defaults are left out, except act and x).
 * @param {ActivationState} s
 * @param {ActivationInfo[]} catalog
 */
export function toUrl(s, catalog) {
  /** @type {Record<string, unknown>} */
  const values = { act: s.acts, x: s.x, xmin: s.xMin, xmax: s.xMax, n: s.n, eps: s.eps, cmp: s.compare, fprime: s.showDerivative };
  for (const info of catalog) {
    for (const p of info.params) {
      const v = s.params[info.id]?.[p.name];
      if (v !== undefined) values[paramKey(info.id, p.name)] = v;
    }
  }
  return state.paramChanges("activations", values, { catalog });
}

/**
 * The core's form of activation `id` with the state's parameters: "relu" or { id, alpha }.
 * @param {ActivationState} s
 * @param {string} id
 * @returns {ActivationSpec}
 */
export function spec(s, id) {
  const params = s.params[id];
  return params && Object.keys(params).length ? { id, ...params } : id;
}

/**
 * Whether the GELU comparison applies (the explored activation is one of the GELUs).
 * @param {ActivationState} s
 */
export function comparing(s) {
  return s.compare && GELU_FAMILY.includes(s.acts[0]);
}

/**
 * The ids drawn, in legend order: the chosen ones; when comparing, the explored GELU and the
 * other two GELUs only (the overlays come back when the comparison is turned off).
 * @param {ActivationState} s
 * @returns {string[]}
 */
export function shownIds(s) {
  if (!comparing(s)) return s.acts;
  return [s.acts[0], ...GELU_FAMILY.filter((id) => id !== s.acts[0])];
}
