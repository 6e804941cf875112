// @ts-check
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
import { resolveDeclaration } from "../../url-schema.js";
import { SYMMETRY_ACTIVATIONS, SYMMETRY_LABELS, SYMMETRY_PARAMS, ZERO_INIT_MAX_STEPS, ZERO_INIT_REGRESSIONS, findScene } from "../registry.js";

/** @typedef {import("../../wasm.js").Gradlab} Gradlab */
/** @typedef {import("../../pkg/gradlab.js").Spec} Spec */
/** @typedef {import("../../pkg/gradlab.js").InitInfo} InitInfo */
/** @typedef {import("../../pkg/gradlab.js").InitSpec} InitSpec */
/** @typedef {"linear" | "logistic" | "softmax"} RegressionKind */
/**
 * One regression's numbers: the input x, the target y (a number for linear, the class for
 * logistic and softmax), W (inputs × outputs), b, η and the steps trained.
 * @typedef {{ x: number[], y: number, W: number[][], b: number[], eta: number, n: number }} RegressionParams
 */
/** Part (b): the three samples' classes, η and the steps trained. @typedef {{ labels: number[], eta: number, n: number }} MlpParams */
/**
 * Part (c)'s settings (URL keys `sym-…`).
 * @typedef {{ inits: string[], act: string, labels: string, width: number, lr: number, n: number, seed: number,
 *   c: number, s: number, show: string, param: string }} SymmetryParams
 */

const SCENE = "zero-init";
const PARAMS = findScene(SCENE).params;

export const ETA = { min: PARAMS["lin-eta"].min, max: PARAMS["lin-eta"].max, step: 0.001 };
export const MAX_STEPS = ZERO_INIT_MAX_STEPS;
export const TRAIN_CHUNK = 50;

export const REGRESSIONS = ZERO_INIT_REGRESSIONS;
/** @type {RegressionKind[]} */
export const REGRESSION_KINDS = /** @type {RegressionKind[]} */ (Object.keys(REGRESSIONS));

/** @param {number[]} a @param {number[]} b */
const same = (a, b) => a.length === b.length && a.every((v, i) => v === b[i]);
/** @param {number[]} flat @param {number} cols */
const rowsOf = (flat, cols) => Array.from({ length: flat.length / cols }, (_, i) => flat.slice(i * cols, (i + 1) * cols));

// --- (a) regressions ----------------------------------------------------------------------

/**
 * The URL values of one regression's parameters, under its keys (`lin-x`, …).
 * @param {RegressionKind} kind
 * @param {RegressionParams} p
 */
function regressionValues(kind, p) {
  const k = REGRESSIONS[kind].key;
  return { [`${k}-x`]: p.x, [`${k}-y`]: p.y, [`${k}-w`]: p.W.flat(), [`${k}-b`]: p.b, [`${k}-eta`]: p.eta, [`${k}-n`]: p.n };
}

/**
 * One regression's parameters from its URL values (W as rows, inputs × outputs).
 * @param {RegressionKind} kind
 * @param {Record<string, any>} v
 * @returns {RegressionParams}
 */
function regressionFromUrl(kind, v) {
  const k = REGRESSIONS[kind].key;
  const outputs = v[`${k}-b`].length;
  return { x: v[`${k}-x`], y: v[`${k}-y`], W: rowsOf(v[`${k}-w`], outputs), b: v[`${k}-b`], eta: v[`${k}-eta`], n: v[`${k}-n`] };
}

/** @param {RegressionKind} kind */
const regressionKeys = (kind) => ["x", "y", "w", "b", "eta", "n"].map((field) => `${REGRESSIONS[kind].key}-${field}`);
/** @param {RegressionKind} kind @param {Spec} preset */
const regressionContext = (kind, preset) => ({ presets: { [kind]: preset } });

/**
 * The article's numbers for one regression, from the core's preset.
 * @param {RegressionKind} kind
 * @param {Spec} preset
 */
export function regressionDefaults(kind, preset) {
  return regressionFromUrl(kind, state.defaultParams(SCENE, regressionContext(kind, preset), regressionKeys(kind)));
}

/**
 * One regression's numbers from the URL.
 * @param {RegressionKind} kind
 * @param {Spec} preset
 */
export function readRegression(kind, preset) {
  return regressionFromUrl(kind, state.readParams(SCENE, regressionContext(kind, preset), regressionKeys(kind)));
}

/**
 * The regression shown (`reg`, from the URL).
 * @returns {RegressionKind}
 */
export function readRegressionKind() {
  return state.readParams(SCENE, {}, ["reg"]).reg;
}

/**
 * The URL changes for showing regression `kind` with the parameters `p`.
 * @param {RegressionKind} kind
 * @param {RegressionParams} p
 * @param {Spec} preset
 */
export function regressionUrl(kind, p, preset) {
  return state.paramChanges(SCENE, { reg: kind, ...regressionValues(kind, p) }, regressionContext(kind, preset));
}

/**
 * True when `p` holds the article's numbers (then its rounding notes apply).
 * @param {RegressionKind} kind
 * @param {RegressionParams} p
 * @param {Spec} preset
 */
export function isArticleRegression(kind, p, preset) {
  const d = regressionDefaults(kind, preset);
  return same(p.x, d.x) && p.y === d.y && same(p.W.flat(), d.W.flat()) && same(p.b, d.b) && p.eta === d.eta;
}

/**
 * The spec for `trace`: the preset with the edited numbers (softmax's target: the core's one-hot
 * row of the class).
 * @param {Gradlab} gradlab
 * @param {RegressionKind} kind
 * @param {RegressionParams} p
 * @param {Spec} preset
 * @returns {Spec}
 */
export function regressionSpec(gradlab, kind, p, preset) {
  return {
    ...preset,
    inputs: [p.x.slice()],
    targets: kind === "softmax" ? gradlab.oneHot([p.y], p.b.length) : [[p.y]],
    learningRate: p.eta,
    layers: [{ ...preset.layers[0], weights: p.W.map((r) => r.slice()), bias: p.b.slice() }],
  };
}

// --- (b) the 2-2-3 MLP ---------------------------------------------------------------------

export const BALANCED = [0, 1, 2];
export const UNBALANCED = [0, 0, 1];

/**
 * Part (b)'s numbers from the URL.
 * @param {Spec} preset
 * @returns {MlpParams}
 */
export function readMlp(preset) {
  const v = state.readParams(SCENE, { presets: { mlp: preset } }, ["mlp-y", "mlp-eta", "mlp-n"]);
  return { labels: v["mlp-y"], eta: v["mlp-eta"], n: v["mlp-n"] };
}

/**
 * The URL changes for part (b)'s numbers.
 * @param {MlpParams} p
 * @param {Spec} preset
 */
export function mlpUrl(p, preset) {
  return state.paramChanges(SCENE, { "mlp-y": p.labels, "mlp-eta": p.eta, "mlp-n": p.n }, { presets: { mlp: preset } });
}

/**
 * The MLP's spec: the preset (zero weights, the article's samples) with the labels' one-hot
 * targets from the core and η.
 * @param {Gradlab} gradlab
 * @param {MlpParams} p
 * @param {Spec} preset
 * @returns {Spec}
 */
export function mlpSpec(gradlab, p, preset) {
  return { ...preset, learningRate: p.eta, targets: gradlab.oneHot(p.labels, preset.targets[0].length) };
}

// --- (c) symmetry --------------------------------------------------------------------------

export const SYM_ACTIVATIONS = SYMMETRY_ACTIVATIONS;
export const SYM_PARAMS = SYMMETRY_PARAMS;
export const SYM_LABELS = SYMMETRY_LABELS;
/** The part's settings; each is the URL key `sym-<name>`. */
const SYM_FIELDS = ["inits", "act", "labels", "width", "lr", "n", "seed", "c", "s", "show", "param"];
/** @param {string} field */
const symKey = (field) => `sym-${field}`;

/**
 * The part's context for the registry's `sym-…` declarations: the core's init ids and catalogue.
 * @typedef {{ initIds: string[], inits: InitInfo[] }} InitContext
 */

/**
 * The [min, max] of the part's sliders (the constant's from the core's init catalogue).
 * @param {InitContext} ctx
 * @returns {Record<string, [number, number]>}
 */
export function symmetryLimits(ctx) {
  return Object.fromEntries(
    ["width", "lr", "n", "seed", "c", "s"].map((f) => {
      const { min, max } = resolveDeclaration(PARAMS[symKey(f)], ctx, {}, ["min", "max"]);
      return [f, [min, max]];
    })
  );
}

/**
 * Part (c)'s settings from the URL.
 * @param {InitContext} ctx
 * @returns {SymmetryParams}
 */
export function readSymmetry(ctx) {
  const v = state.readParams(SCENE, ctx, SYM_FIELDS.map(symKey));
  return /** @type {SymmetryParams} */ (Object.fromEntries(SYM_FIELDS.map((f) => [f, v[symKey(f)]])));
}

/**
 * The URL changes for part (c)'s settings.
 * @param {SymmetryParams} p
 * @param {InitContext} ctx
 */
export function symmetryUrl(p, ctx) {
  return state.paramChanges(SCENE, Object.fromEntries(SYM_FIELDS.map((f) => [symKey(f), p[f]])), ctx);
}

/**
 * The `init` (and matching `biasInit`) of a trainer config for an init id: an init that takes a
 * parameter (the core's catalogue names it) gets the part's value for it — the constant `c`, the
 * scale `s` of a random one; the constant also starts the biases, every other init zero biases.
 * @param {InitInfo[]} catalogue
 * @param {string} id
 * @param {SymmetryParams} p
 * @returns {{ init: InitSpec, biasInit: InitSpec }}
 */
export function initConfig(catalogue, id, p) {
  const param = catalogue.find((i) => i.id === id)?.params[0];
  const init = param ? { id, [param.name]: id === "constant" ? p.c : p.s } : id;
  return { init, biasInit: id === "constant" ? init : "zeros" };
}
