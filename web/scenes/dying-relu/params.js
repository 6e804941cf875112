// The worked example's parameters and their URL form. The starting point is the core's
// `dying-relu` preset (the article's numbers); the URL keeps only what differs from it:
//   x=1.5,0.2   y=0 (the label's class, 0-based)   m=b₁,b₂,m₂₁,m₂₂,m₃₁,m₃₂ (M row by row, bias row
//   first)   w=W_out row by row   act=relu|leaky_relu|prelu|elu|gelu|swish   alpha=…   eta=0.01
// and the step player's `step` (1-based), `all=1`, `speed`, `digits`. Ranges and defaults: the
// dying-relu entry of web/scenes/registry.js.
import * as state from "../../state.js";
import { DIGITS, DYING_RELU_ACTIVATIONS, DYING_RELU_ALPHA, EDIT_LIMIT, defaultAlpha, findScene } from "../registry.js";

export { DIGITS, defaultAlpha };
/** The hidden-layer activations the scene offers, in menu order. */
export const ACTIVATIONS = DYING_RELU_ACTIVATIONS;
/** Activations with a negative-side parameter α the student can set. */
export const ALPHA = DYING_RELU_ALPHA;
export const LIMIT = EDIT_LIMIT; // |every editable number| ≤ LIMIT
const ETA_PARAM = findScene("dying-relu").params.eta;
export const ETA = { min: ETA_PARAM.min, max: ETA_PARAM.max, step: 0.01 };

const WORKED_KEYS = ["act", "alpha", "x", "y", "m", "w", "eta"];
const rowsOf = (flat, cols) => Array.from({ length: flat.length / cols }, (_, i) => flat.slice(i * cols, (i + 1) * cols));
const flatten = (rows) => rows.flat();
const same = (a, b) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]) || v === b[i]);

/** The URL's values as the scene's parameters (M and W_out as rows). */
function fromUrl(v, preset) {
  const cols = preset.layers[0].bias.length;
  const nOut = preset.layers[1].weights[0].length;
  return { x: v.x, label: v.y, M: rowsOf(v.m, cols), Wout: rowsOf(v.w, nOut), act: v.act, alpha: v.alpha, eta: v.eta };
}

/** The article's numbers, from the core's preset, as the scene's parameters. */
export function defaults(preset, catalog = []) {
  return fromUrl(state.defaultParams("dying-relu", { preset, catalog }, WORKED_KEYS), preset);
}

/** Reads the parameters from the URL (anything invalid falls back to the article's value). */
export function read(preset, catalog) {
  return fromUrl(state.readParams("dying-relu", { preset, catalog }, WORKED_KEYS), preset);
}

/** The URL changes for `p` (null removes a key that equals the article's value). */
export function toUrl(p, preset, catalog) {
  const values = { act: p.act, alpha: p.alpha, x: p.x, y: p.label, m: flatten(p.M), w: flatten(p.Wout), eta: p.eta };
  return state.paramChanges("dying-relu", values, { preset, catalog });
}

/** True when `p` holds exactly the article's numbers (then the article's rounding notes apply). */
export function isArticle(p, preset) {
  const d = defaults(preset);
  return same(p.x, d.x) && p.label === d.label && same(flatten(p.M), flatten(d.M)) && same(flatten(p.Wout), flatten(d.Wout)) && p.eta === d.eta;
}

/** The activation as the core takes it. */
export function activationSpec(act, alpha) {
  return alpha === null || alpha === undefined ? { id: act } : { id: act, alpha };
}

/** The spec for `trace`: the preset with the student's numbers (arranged, not computed). */
export function specOf(p, preset, act = p.act, alpha = p.alpha) {
  const targets = p.Wout[0].map((_, k) => (k === p.label ? 1 : 0));
  return {
    ...preset,
    inputs: [p.x.slice()],
    targets: [targets],
    learningRate: p.eta,
    layers: [
      { weights: p.M.slice(1).map((r) => r.slice()), bias: p.M[0].slice(), activation: activationSpec(act, alpha) },
      { ...preset.layers[1], weights: p.Wout.map((r) => r.slice()) },
    ],
  };
}
