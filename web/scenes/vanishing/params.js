// @ts-check
// The scene's settings and their URL form (keys, ranges and defaults: the vanishing entry of
// web/scenes/registry.js; only what differs from the default is written).
//   chain:   n (depth)  src=d|act  d (local derivative)  cact (activation)  x  eta
//   network: depth (hidden layers)  width  act  init  ip (the init's parameter)
//            res=1  seed  lr  nsteps (N of "train N steps")  trained (steps already trained)
//   player:  step (1-based)  speed  all=1
// `trained` is replayed on load: training is seeded, so the same URL gives the same heat map.
// The inits that take a parameter, its name, default and range are the core's (`inits()`, in
// the scene's context `ctx`).
import * as state from "../../state.js";
import { findScene, initParamOf } from "../registry.js";
import { sizedSgdConfig } from "../../components/trainer-config.js";

/** @typedef {import("../../pkg/gradlab.js").InitInfo} InitInfo */
/** @typedef {import("../../pkg/gradlab.js").InitSpec} InitSpec */
/** The scene's context (registry `contextOf("vanishing", gradlab)`): the core's ids and init catalogue.
 * @typedef {{ activationIds: string[], initIds: string[], inits: InitInfo[] }} VanishingContext */
/**
 * The chain's settings; `start` is ∂L/∂ŷ, the gradient that leaves the output (1, not a URL setting).
 * @typedef {{ start: number, n: number, src: "d" | "act", d: number, cact: string, x: number, eta: number }} ChainSettings
 */
/**
 * The network's settings; `ip` is the init's parameter (null for an init without one).
 * @typedef {{ depth: number, width: number, act: string, init: string, ip: number | null, res: boolean,
 *   seed: number, lr: number, nsteps: number, trained: number }} NetSettings
 */
/** @typedef {Pick<NetSettings, "depth" | "width" | "act" | "init" | "res" | "seed">} Preset */

const PARAMS = findScene("vanishing").params;
const CHAIN_KEYS = ["n", "src", "d", "cact", "x", "eta"];
const NET_KEYS = ["depth", "width", "act", "init", "ip", "res", "seed", "lr", "nsteps", "trained"];
/**
 * @param {Record<string, any>} s
 * @param {string[]} keys
 */
const pick = (s, keys) => Object.fromEntries(keys.map((k) => [k, s[k]]));
/**
 * The [min, max] of each key (from the registry).
 * @param {string[]} keys
 * @returns {Record<string, [number, number]>}
 */
const limits = (keys) => Object.fromEntries(keys.map((k) => [k, [PARAMS[k].min, PARAMS[k].max]]));

/** The chain's settings when the URL has none; it starts from ∂L/∂ŷ = 1 (not a URL setting). */
export const CHAIN = /** @type {ChainSettings} */ ({ start: 1, ...state.defaultParams("vanishing", {}, CHAIN_KEYS) });
export const CHAIN_LIMITS = limits(["n", "d", "x", "eta"]);
/** The activations the comparison always shows next to the chosen one. */
export const COMPARE = ["sigmoid", "tanh", "relu", "gelu"];

/** Rows of Iris the gradient snapshot is computed on: every 5th flower, 10 of each species. */
export const PROBE_ROWS = Array.from({ length: 30 }, (_, i) => i * 5);
export const BATCH = 16;

/** The network's settings when the URL has none: the sigmoid preset, lr 0.1, 200 steps. */
export const NET = /** @type {NetSettings} */ (state.defaultParams("vanishing", {}, NET_KEYS));
const PRESET_KEYS = ["depth", "width", "act", "init", "res", "seed"];

/**
 * The five presets. Each ratio was checked with the core before it was chosen (seeds 1–5,
 * tests/e2e/vanishing.spec.mjs re-checks seed 1 in the page): sigmoid ≈ 10⁻⁶, tanh ≈ 0.5,
 * ReLU + He ≈ 0.3, GELU + He ≈ 0.3, tanh + residual ≈ 1.5. Sigmoid + residual only reaches
 * ≈ 2 × 10⁻² (the first layer, 4 → width, cannot have a skip), which the residual preset's
 * note says; the residual preset therefore uses tanh. The sigmoid preset is the URL's default.
 * @type {Record<string, Preset>}
 */
export const PRESETS = {
  sigmoid: /** @type {Preset} */ (pick(NET, PRESET_KEYS)),
  tanh: { depth: 10, width: 16, act: "tanh", init: "xavier_uniform", res: false, seed: 1 },
  relu: { depth: 10, width: 16, act: "relu", init: "he_normal", res: false, seed: 1 },
  gelu: { depth: 10, width: 16, act: "gelu", init: "he_normal", res: false, seed: 1 },
  residual: { depth: 10, width: 16, act: "tanh", init: "xavier_uniform", res: true, seed: 1 },
};
export const PRESET_IDS = Object.keys(PRESETS);

export const NET_LIMITS = limits(["depth", "width", "seed", "lr", "nsteps", "trained"]);

/**
 * The chain's settings from the URL.
 * @param {VanishingContext} ctx
 * @returns {ChainSettings}
 */
export function readChain(ctx) {
  return /** @type {ChainSettings} */ ({ start: CHAIN.start, ...state.readParams("vanishing", ctx, CHAIN_KEYS) });
}

/**
 * The URL changes that store the chain's settings.
 * @param {ChainSettings} c
 */
export function chainUrl(c) {
  return state.paramChanges("vanishing", pick(c, CHAIN_KEYS));
}

/**
 * The network's settings from the URL.
 * @param {VanishingContext} ctx
 * @returns {NetSettings}
 */
export function readNet(ctx) {
  return /** @type {NetSettings} */ (state.readParams("vanishing", ctx, NET_KEYS));
}

/**
 * The URL changes that store the network's settings (`ctx`: whether the init takes `ip`).
 * @param {NetSettings} s
 * @param {VanishingContext} ctx
 */
export function netUrl(s, ctx) {
  return state.paramChanges("vanishing", pick(s, NET_KEYS), ctx);
}

/**
 * The preset the settings equal (depth, width, activation, init, residual, seed), or null.
 * @param {NetSettings} s
 */
export function matchingPreset(s) {
  return PRESET_IDS.find((id) => Object.entries(PRESETS[id]).every(([k, v]) => s[k] === v)) ?? null;
}

/**
 * The init as the core's config takes it: its id, or `{ id, [parameter]: ip }` for an init with
 * a parameter in the core's catalogue `inits` (at its default when `ip` is null).
 * @param {NetSettings} s
 * @param {InitInfo[]} inits
 * @returns {InitSpec}
 */
export function initSpec(s, inits) {
  const param = initParamOf(inits, s.init);
  return param ? { id: s.init, [param.name]: s.ip ?? param.default } : s.init;
}

/**
 * The Trainer configuration for the settings (Iris: 4 features, 3 classes, softmax); `inits` is
 * the core's init catalogue (needed for an init that takes a parameter).
 * @param {NetSettings} s
 * @param {InitInfo[]} [inits]
 */
export function trainerConfig(s, inits = []) {
  return sizedSgdConfig({
    sizes: [4, ...Array(s.depth).fill(s.width), 3],
    activation: s.act,
    init: initSpec(s, inits),
    seed: s.seed,
    residual: s.res,
    lr: s.lr,
    batchSize: BATCH,
  });
}
