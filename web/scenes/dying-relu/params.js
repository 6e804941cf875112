// @ts-check
// The worked example's parameters and their URL form. The starting point is the core's
// `dying-relu` preset (the article's numbers); the URL keeps only what differs from it:
//   x=1.5,0.2   y=0 (the label's class, 0-based)   m=b₁,b₂,m₂₁,m₂₂,m₃₁,m₃₂ (M row by row, bias row
//   first)   w=W_out row by row   act=relu|leaky_relu|prelu|elu|gelu|swish   alpha=…   eta=0.01
// and the step player's `step` (1-based), `all=1`, `speed`, `digits`. Ranges and defaults: the
// dying-relu entry of web/scenes/registry.js.
import * as state from "../../state.js";
import { DYING_RELU_ACTIVATIONS, DYING_RELU_ALPHA, DYING_RELU_ETA, defaultAlpha } from "../registry.js";

/** @typedef {import("../../wasm.js").Gradlab} Gradlab */
/** @typedef {import("../../pkg/gradlab.js").Spec} Spec */
/** @typedef {import("../../pkg/gradlab.js").ActivationInfo} ActivationInfo */
/** @typedef {import("../../pkg/gradlab.js").ActivationSpec} ActivationSpec */
/**
 * The worked example's numbers: x, the label's class, M (bias row first, one column per hidden
 * unit), W_out (one row per hidden unit), the hidden activation with its α (or null) and η.
 * @typedef {{ x: number[], label: number, M: number[][], Wout: number[][], act: string, alpha: number | null, eta: number }} WorkedParams
 */

export { defaultAlpha };
/** The hidden-layer activations the scene offers, in menu order. */
export const ACTIVATIONS = DYING_RELU_ACTIVATIONS;
/** Activations with a negative-side parameter α the student can set. */
export const ALPHA = DYING_RELU_ALPHA;
export const ETA = { ...DYING_RELU_ETA, step: 0.01 };

const WORKED_KEYS = ["act", "alpha", "x", "y", "m", "w", "eta"];
/** @param {number[]} flat @param {number} cols */
const rowsOf = (flat, cols) => Array.from({ length: flat.length / cols }, (_, i) => flat.slice(i * cols, (i + 1) * cols));
/** @param {number[][]} rows */
const flatten = (rows) => rows.flat();
/** @param {number[]} a @param {number[]} b */
const same = (a, b) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]) || v === b[i]);

/**
 * The URL's values as the scene's parameters (M and W_out as rows).
 * @param {Record<string, any>} v
 * @param {Spec} preset
 * @returns {WorkedParams}
 */
function fromUrl(v, preset) {
  const cols = preset.layers[0].bias.length;
  const nOut = preset.layers[1].weights[0].length;
  return { x: v.x, label: v.y, M: rowsOf(v.m, cols), Wout: rowsOf(v.w, nOut), act: v.act, alpha: v.alpha, eta: v.eta };
}

/**
 * The article's numbers, from the core's preset, as the scene's parameters.
 * @param {Spec} preset
 * @param {ActivationInfo[]} [catalog]
 */
export function defaults(preset, catalog = []) {
  return fromUrl(state.defaultParams("dying-relu", { preset, catalog }, WORKED_KEYS), preset);
}

/**
 * Reads the parameters from the URL (anything invalid falls back to the article's value).
 * @param {Spec} preset
 * @param {ActivationInfo[]} catalog
 */
export function read(preset, catalog) {
  return fromUrl(state.readParams("dying-relu", { preset, catalog }, WORKED_KEYS), preset);
}

/**
 * The URL changes for `p` (null removes a key that equals the article's value).
 * @param {WorkedParams} p
 * @param {Spec} preset
 * @param {ActivationInfo[]} catalog
 */
export function toUrl(p, preset, catalog) {
  const values = { act: p.act, alpha: p.alpha, x: p.x, y: p.label, m: flatten(p.M), w: flatten(p.Wout), eta: p.eta };
  return state.paramChanges("dying-relu", values, { preset, catalog });
}

/**
 * True when `p` holds exactly the article's numbers (then the article's rounding notes apply).
 * @param {WorkedParams} p
 * @param {Spec} preset
 */
export function isArticle(p, preset) {
  const d = defaults(preset);
  return same(p.x, d.x) && p.label === d.label && same(flatten(p.M), flatten(d.M)) && same(flatten(p.Wout), flatten(d.Wout)) && p.eta === d.eta;
}

/**
 * The activation as the core takes it.
 * @param {string} act
 * @param {number | null | undefined} alpha
 * @returns {{ id: string, alpha?: number }}
 */
export function activationSpec(act, alpha) {
  return alpha === null || alpha === undefined ? { id: act } : { id: act, alpha };
}

/**
 * The spec for `trace`: the preset with the student's numbers (arranged, not computed; the
 * label's one-hot target is the core's).
 * @param {Gradlab} gradlab
 * @param {WorkedParams} p
 * @param {Spec} preset
 * @param {string} [act]
 * @param {number | null} [alpha]
 * @returns {Spec}
 */
export function specOf(gradlab, p, preset, act = p.act, alpha = p.alpha) {
  return {
    ...preset,
    inputs: [p.x.slice()],
    targets: gradlab.oneHot([p.label], p.Wout[0].length),
    learningRate: p.eta,
    layers: [
      { weights: p.M.slice(1).map((r) => r.slice()), bias: p.M[0].slice(), activation: activationSpec(act, alpha) },
      { ...preset.layers[1], weights: p.Wout.map((r) => r.slice()) },
    ],
  };
}
