// The scene's parameters and their URL form. Defaults come from the core's presets (the
// article's numbers); the URL keeps only what differs from them.
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

export const LIMIT = 100;
export const ETA = { min: 0, max: 1, step: 0.001 };
export const MAX_STEPS = 2000;
export const TRAIN_CHUNK = 50;
export const DIGITS = [3, 4, 6, 10];

export const REGRESSIONS = {
  linear: { key: "lin", preset: "linear-regression-zero" },
  logistic: { key: "log", preset: "logistic-regression-zero" },
  softmax: { key: "sm", preset: "softmax-regression-zero" },
};
export const REGRESSION_KINDS = Object.keys(REGRESSIONS);

const csv = (values) => values.map((v) => state.formatNumberParam(v)).join(",");
const same = (a, b) => a.length === b.length && a.every((v, i) => v === b[i]);
const rowsOf = (flat, cols) => Array.from({ length: flat.length / cols }, (_, i) => flat.slice(i * cols, (i + 1) * cols));

const steps = (key) => Math.trunc(state.getNumber(key, { fallback: 0, min: 0, max: MAX_STEPS }));

// --- (a) regressions ----------------------------------------------------------------------

/** The article's numbers for one regression, from the core's preset. */
export function regressionDefaults(kind, preset) {
  const layer = preset.layers[0];
  const target = preset.targets[0];
  return {
    x: preset.inputs[0].slice(),
    y: kind === "softmax" ? target.indexOf(1) : target[0],
    W: layer.weights.map((r) => r.slice()),
    b: layer.bias.slice(),
    eta: preset.learningRate,
    n: 0,
  };
}

export function readRegression(kind, preset) {
  const d = regressionDefaults(kind, preset);
  const k = REGRESSIONS[kind].key;
  const outputs = d.b.length;
  const y =
    kind === "linear"
      ? state.getNumber(`${k}-y`, { fallback: d.y, min: -LIMIT, max: LIMIT })
      : Math.trunc(state.getNumber(`${k}-y`, { fallback: d.y, min: 0, max: kind === "logistic" ? 1 : outputs - 1 }));
  return {
    x: state.getNumberList(`${k}-x`, d.x.length, LIMIT) ?? d.x,
    y,
    W: rowsOf(state.getNumberList(`${k}-w`, d.W.length * outputs, LIMIT) ?? d.W.flat(), outputs),
    b: state.getNumberList(`${k}-b`, outputs, LIMIT) ?? d.b,
    eta: state.getNumber(`${k}-eta`, { fallback: d.eta, min: ETA.min, max: ETA.max }),
    n: steps(`${k}-n`),
  };
}

export function regressionUrl(kind, p, preset) {
  const d = regressionDefaults(kind, preset);
  const k = REGRESSIONS[kind].key;
  return {
    [`${k}-x`]: same(p.x, d.x) ? null : csv(p.x),
    [`${k}-y`]: p.y === d.y ? null : p.y,
    [`${k}-w`]: same(p.W.flat(), d.W.flat()) ? null : csv(p.W.flat()),
    [`${k}-b`]: same(p.b, d.b) ? null : csv(p.b),
    [`${k}-eta`]: p.eta === d.eta ? null : p.eta,
    [`${k}-n`]: p.n ? p.n : null,
  };
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

export function mlpDefaults(preset) {
  return { labels: preset.targets.map((row) => row.indexOf(1)), eta: preset.learningRate, n: 0 };
}

export function readMlp(preset) {
  const d = mlpDefaults(preset);
  let labels = state.getNumberList("mlp-y", d.labels.length, 2);
  if (labels && !labels.every((v) => Number.isInteger(v) && v >= 0)) {
    state.reject("mlp-y", state.get("mlp-y"), { kind: "labels", count: d.labels.length });
    labels = null;
  }
  return {
    labels: labels ?? d.labels,
    eta: state.getNumber("mlp-eta", { fallback: d.eta, min: ETA.min, max: ETA.max }),
    n: steps("mlp-n"),
  };
}

export function mlpUrl(p, preset) {
  const d = mlpDefaults(preset);
  return {
    "mlp-y": same(p.labels, d.labels) ? null : csv(p.labels),
    "mlp-eta": p.eta === d.eta ? null : p.eta,
    "mlp-n": p.n ? p.n : null,
  };
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

export const SYM_ACTIVATIONS = ["tanh", "sigmoid", "relu"];
export const SYM_PARAMS = ["w1", "w2", "b", "out"];
export const SYM_LABELS = ["balanced", "unbalanced"];
export const SYM_DEFAULTS = {
  act: "tanh",
  labels: "balanced",
  width: 2,
  lr: 0.1,
  n: 50,
  seed: 1,
  c: 0.5,
  s: 0.5,
  inits: ["zeros", "constant", "uniform", "xavier_uniform", "he_normal"],
  show: "constant",
  param: "w1",
};
export const SYM_LIMITS = { width: [2, 4], lr: [0, 2], n: [1, MAX_STEPS], seed: [0, 999], c: [-2, 2], s: [0.01, 2] };

export function readSymmetry(initIds) {
  const d = SYM_DEFAULTS;
  const num = (key, field) => state.getNumber(key, { fallback: d[field], min: SYM_LIMITS[field][0], max: SYM_LIMITS[field][1] });
  const listed = state.getIdList("sym-inits", initIds);
  const inits = listed === null ? d.inits.filter((id) => initIds.includes(id)) : [...new Set(listed)];
  return {
    act: state.getChoice("sym-act", SYM_ACTIVATIONS, d.act),
    labels: state.getChoice("sym-labels", SYM_LABELS, d.labels),
    width: Math.trunc(num("sym-width", "width")),
    lr: num("sym-lr", "lr"),
    n: Math.trunc(num("sym-n", "n")),
    seed: Math.trunc(num("sym-seed", "seed")),
    c: num("sym-c", "c"),
    s: num("sym-s", "s"),
    inits,
    show: state.getChoice("sym-show", initIds, d.show),
    param: state.getChoice("sym-param", SYM_PARAMS, d.param),
  };
}

export function symmetryUrl(p) {
  const d = SYM_DEFAULTS;
  const out = {};
  for (const key of ["act", "labels", "width", "lr", "n", "seed", "c", "s", "show", "param"]) out[`sym-${key}`] = p[key] === d[key] ? null : p[key];
  out["sym-inits"] = same(p.inits, d.inits) ? null : p.inits.join(",") || "none";
  return out;
}

/** The `init` (and matching `biasInit`) of a trainer config for an init id. */
export function initConfig(id, p) {
  if (id === "constant") return { init: { id, value: p.c }, biasInit: { id, value: p.c } };
  if (id === "uniform") return { init: { id, a: p.s }, biasInit: "zeros" };
  if (id === "normal") return { init: { id, std: p.s }, biasInit: "zeros" };
  return { init: id, biasInit: "zeros" };
}
