// The scene's parameters and their URL form. Defaults come from the core's presets (the
// article's numbers); the URL keeps only what differs from them. Keys, ranges and defaults: the
// zero-init entry of web/scenes/registry.js.
//
//   reg=linear|logistic|softmax      the regression shown in part (a)
//   lin-x=2,3,1 lin-y=5 lin-w=0,0,0 lin-b=0 lin-eta=0.01 lin-n=50     (log-… and sm-… likewise;
//                                    y is 0/1 for logistic and the class 0..2 for softmax;
//                                    w is W row by row, inputs × outputs; n = steps trained)
//   mlp-y=0,1,2 mlp-eta=0.01 mlp-n=50                                  part (b)
//   sym-act sym-labels sym-width sym-lr sym-n sym-seed sym-c sym-s sym-inits sym-show sym-param
//                                    part (c); inits: comma-separated init ids ("none" = empty)
//   reg-step reg-all mlp-step mlp-all speed digits                    the step players
import * as state from "../../state.js";
import { DIGITS, EDIT_LIMIT, SYMMETRY_ACTIVATIONS, SYMMETRY_LABELS, SYMMETRY_PARAMS, ZERO_INIT_MAX_STEPS, ZERO_INIT_REGRESSIONS, findScene } from "../registry.js";

const SCENE = "zero-init";
const PARAMS = findScene(SCENE).params;

export { DIGITS };
export const LIMIT = EDIT_LIMIT;
export const ETA = { min: PARAMS["lin-eta"].min, max: PARAMS["lin-eta"].max, step: 0.001 };
export const MAX_STEPS = ZERO_INIT_MAX_STEPS;
export const TRAIN_CHUNK = 50;

export const REGRESSIONS = ZERO_INIT_REGRESSIONS;
export const REGRESSION_KINDS = Object.keys(REGRESSIONS);

const same = (a, b) => a.length === b.length && a.every((v, i) => v === b[i]);
const rowsOf = (flat, cols) => Array.from({ length: flat.length / cols }, (_, i) => flat.slice(i * cols, (i + 1) * cols));

// --- (a) regressions ----------------------------------------------------------------------

/** The URL values of one regression's parameters, under its keys (`lin-x`, …). */
function regressionValues(kind, p) {
  const k = REGRESSIONS[kind].key;
  return { [`${k}-x`]: p.x, [`${k}-y`]: p.y, [`${k}-w`]: p.W.flat(), [`${k}-b`]: p.b, [`${k}-eta`]: p.eta, [`${k}-n`]: p.n };
}

/** One regression's parameters from its URL values (W as rows, inputs × outputs). */
function regressionFromUrl(kind, v) {
  const k = REGRESSIONS[kind].key;
  const outputs = v[`${k}-b`].length;
  return { x: v[`${k}-x`], y: v[`${k}-y`], W: rowsOf(v[`${k}-w`], outputs), b: v[`${k}-b`], eta: v[`${k}-eta`], n: v[`${k}-n`] };
}

const regressionKeys = (kind) => ["x", "y", "w", "b", "eta", "n"].map((field) => `${REGRESSIONS[kind].key}-${field}`);
const regressionContext = (kind, preset) => ({ presets: { [kind]: preset } });

/** The article's numbers for one regression, from the core's preset. */
export function regressionDefaults(kind, preset) {
  return regressionFromUrl(kind, state.defaultParams(SCENE, regressionContext(kind, preset), regressionKeys(kind)));
}

export function readRegression(kind, preset) {
  return regressionFromUrl(kind, state.readParams(SCENE, regressionContext(kind, preset), regressionKeys(kind)));
}

/** The regression shown (`reg`, from the URL). */
export function readRegressionKind() {
  return state.readParams(SCENE, {}, ["reg"]).reg;
}

/** The URL changes for showing regression `kind` with the parameters `p`. */
export function regressionUrl(kind, p, preset) {
  return state.paramChanges(SCENE, { reg: kind, ...regressionValues(kind, p) }, regressionContext(kind, preset));
}

/** True when `p` holds the article's numbers (then its rounding notes apply). */
export function isArticleRegression(kind, p, preset) {
  const d = regressionDefaults(kind, preset);
  return same(p.x, d.x) && p.y === d.y && same(p.W.flat(), d.W.flat()) && same(p.b, d.b) && p.eta === d.eta;
}

/** The spec for `trace`: the preset with the edited numbers. */
export function regressionSpec(kind, p, preset) {
  const outputs = p.b.length;
  const target = kind === "softmax" ? Array.from({ length: outputs }, (_, k) => (k === p.y ? 1 : 0)) : [p.y];
  return {
    ...preset,
    inputs: [p.x.slice()],
    targets: [target],
    learningRate: p.eta,
    layers: [{ ...preset.layers[0], weights: p.W.map((r) => r.slice()), bias: p.b.slice() }],
  };
}

// --- (b) the 2-2-3 MLP ---------------------------------------------------------------------

export const BALANCED = [0, 1, 2];
export const UNBALANCED = [0, 0, 1];

export function readMlp(preset) {
  const v = state.readParams(SCENE, { presets: { mlp: preset } }, ["mlp-y", "mlp-eta", "mlp-n"]);
  return { labels: v["mlp-y"], eta: v["mlp-eta"], n: v["mlp-n"] };
}

export function mlpUrl(p, preset) {
  return state.paramChanges(SCENE, { "mlp-y": p.labels, "mlp-eta": p.eta, "mlp-n": p.n }, { presets: { mlp: preset } });
}

export function mlpSpec(p, preset) {
  const classes = preset.targets[0].length;
  return {
    ...preset,
    learningRate: p.eta,
    targets: p.labels.map((c) => Array.from({ length: classes }, (_, k) => (k === c ? 1 : 0))),
  };
}

// --- (c) symmetry --------------------------------------------------------------------------

export const SYM_ACTIVATIONS = SYMMETRY_ACTIVATIONS;
export const SYM_PARAMS = SYMMETRY_PARAMS;
export const SYM_LABELS = SYMMETRY_LABELS;
/** The part's settings; each is the URL key `sym-<name>`. */
const SYM_FIELDS = ["inits", "act", "labels", "width", "lr", "n", "seed", "c", "s", "show", "param"];
const symKey = (field) => `sym-${field}`;
export const SYM_LIMITS = Object.fromEntries(["width", "lr", "n", "seed", "c", "s"].map((f) => [f, [PARAMS[symKey(f)].min, PARAMS[symKey(f)].max]]));

export function readSymmetry(initIds) {
  const v = state.readParams(SCENE, { initIds }, SYM_FIELDS.map(symKey));
  return Object.fromEntries(SYM_FIELDS.map((f) => [f, v[symKey(f)]]));
}

export function symmetryUrl(p, initIds) {
  return state.paramChanges(SCENE, Object.fromEntries(SYM_FIELDS.map((f) => [symKey(f), p[f]])), { initIds });
}

/** The `init` (and matching `biasInit`) of a trainer config for an init id. */
export function initConfig(id, p) {
  if (id === "constant") return { init: { id, value: p.c }, biasInit: { id, value: p.c } };
  if (id === "uniform") return { init: { id, a: p.s }, biasInit: "zeros" };
  if (id === "normal") return { init: { id, std: p.s }, biasInit: "zeros" };
  return { init: id, biasInit: "zeros" };
}
