// The worked example's parameters and their URL form. The starting point is the core's
// `dying-relu` preset (the article's numbers); the URL keeps only what differs from it:
//   x=1.5,0.2   y=0 (the label's class, 0-based)   m=b₁,b₂,m₂₁,m₂₂,m₃₁,m₃₂ (M row by row, bias row
//   first)   w=W_out row by row   act=relu|leaky_relu|prelu|elu|gelu|swish   alpha=…   eta=0.01
// and the step player's `step` (1-based), `all=1`, `speed`, `digits`.
import * as state from "../../state.js";

/** The hidden-layer activations the scene offers, in menu order. */
export const ACTIVATIONS = ["relu", "leaky_relu", "prelu", "elu", "gelu", "swish"];
/** Activations with a negative-side parameter α the student can set. */
export const ALPHA = { leaky_relu: { min: 0, max: 1, step: 0.01 }, prelu: { min: 0, max: 1, step: 0.01 }, elu: { min: 0.05, max: 3, step: 0.05 } };
export const LIMIT = 100; // |every editable number| ≤ LIMIT
export const ETA = { min: 0, max: 2, step: 0.01 };
export const DIGITS = [3, 4, 6, 10];

const rowsOf = (flat, cols) => Array.from({ length: flat.length / cols }, (_, i) => flat.slice(i * cols, (i + 1) * cols));
const flatten = (rows) => rows.flat();
const same = (a, b) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]) || v === b[i]);

/** The article's numbers, from the core's preset, as the scene's parameters. */
export function defaults(preset) {
  const hidden = preset.layers[0];
  return {
    x: preset.inputs[0].slice(),
    label: preset.targets[0].indexOf(1),
    M: [hidden.bias.slice(), ...hidden.weights.map((r) => r.slice())],
    Wout: preset.layers[1].weights.map((r) => r.slice()),
    act: "relu",
    alpha: null,
    eta: preset.learningRate,
  };
}

/** The default α of an activation from the core's catalog (null if it has none we expose). */
export function defaultAlpha(catalog, act) {
  if (!ALPHA[act]) return null;
  return catalog.find((a) => a.id === act)?.params.find((p) => p.name === "alpha")?.default ?? null;
}

/** Reads the parameters from the URL (anything invalid falls back to the article's value). */
export function read(preset, catalog) {
  const d = defaults(preset);
  const nOut = d.Wout[0].length;
  const act = state.getChoice("act", ACTIVATIONS, d.act);
  const range = ALPHA[act];
  const alpha = range ? state.getNumber("alpha", { fallback: defaultAlpha(catalog, act), min: range.min, max: range.max }) : null;
  return {
    x: state.getNumberList("x", d.x.length, LIMIT) ?? d.x,
    label: Math.trunc(state.getNumber("y", { fallback: d.label, min: 0, max: nOut - 1 })),
    M: rowsOf(state.getNumberList("m", d.M.length * d.M[0].length, LIMIT) ?? flatten(d.M), d.M[0].length),
    Wout: rowsOf(state.getNumberList("w", d.Wout.length * nOut, LIMIT) ?? flatten(d.Wout), nOut),
    act,
    alpha,
    eta: state.getNumber("eta", { fallback: d.eta, min: ETA.min, max: ETA.max }),
  };
}

/** The URL changes for `p` (null removes a key that equals the article's value). */
export function toUrl(p, preset, catalog) {
  const d = defaults(preset);
  const csv = (values) => values.map((v) => state.formatNumberParam(v)).join(",");
  return {
    x: same(p.x, d.x) ? null : csv(p.x),
    y: p.label === d.label ? null : p.label,
    m: same(flatten(p.M), flatten(d.M)) ? null : csv(flatten(p.M)),
    w: same(flatten(p.Wout), flatten(d.Wout)) ? null : csv(flatten(p.Wout)),
    act: p.act === d.act ? null : p.act,
    alpha: p.alpha === null || p.alpha === defaultAlpha(catalog, p.act) ? null : p.alpha,
    eta: p.eta === d.eta ? null : p.eta,
  };
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
