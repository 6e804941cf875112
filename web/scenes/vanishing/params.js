// The scene's settings and their URL form. Only what differs from the default is written.
//   chain:   n (depth 1–50)  src=d|act  d (local derivative)  cact (activation)  x  eta
//   network: depth (1–30 hidden layers)  width (1–64)  act  init  ip (the init's parameter)
//            res=1  seed  lr  nsteps (N of "train N steps")  trained (steps already trained)
//   player:  step (1-based)  speed  all=1
// `trained` is replayed on load: training is seeded, so the same URL gives the same heat map.
import * as state from "../../state.js";
import { sizedSgdConfig } from "../../components/trainer-config.js";

export const CHAIN = { start: 1, n: 5, src: "d", d: 0.1, cact: "sigmoid", x: 2, eta: 0.01 };
export const CHAIN_LIMITS = { n: [1, 50], d: [-2, 2], x: [-10, 10], eta: [0, 10] };
/** The activations the comparison always shows next to the chosen one. */
export const COMPARE = ["sigmoid", "tanh", "relu", "gelu"];

/** Rows of Iris the gradient snapshot is computed on: every 5th flower, 10 of each species. */
export const PROBE_ROWS = Array.from({ length: 30 }, (_, i) => i * 5);
export const BATCH = 16;

/**
 * The five presets. Each ratio was checked with the core before it was chosen (seeds 1–5,
 * tests/e2e/vanishing.spec.mjs re-checks seed 1 in the page): sigmoid ≈ 10⁻⁶, tanh ≈ 0.5,
 * ReLU + He ≈ 0.3, GELU + He ≈ 0.3, tanh + residual ≈ 1.5. Sigmoid + residual only reaches
 * ≈ 2 × 10⁻² (the first layer, 4 → width, cannot have a skip), which the residual preset's
 * note says; the residual preset therefore uses tanh.
 */
export const PRESETS = {
  sigmoid: { depth: 10, width: 16, act: "sigmoid", init: "xavier_uniform", res: false, seed: 1 },
  tanh: { depth: 10, width: 16, act: "tanh", init: "xavier_uniform", res: false, seed: 1 },
  relu: { depth: 10, width: 16, act: "relu", init: "he_normal", res: false, seed: 1 },
  gelu: { depth: 10, width: 16, act: "gelu", init: "he_normal", res: false, seed: 1 },
  residual: { depth: 10, width: 16, act: "tanh", init: "xavier_uniform", res: true, seed: 1 },
};
export const PRESET_IDS = Object.keys(PRESETS);

export const NET = { ...PRESETS.sigmoid, ip: null, lr: 0.1, nsteps: 200, trained: 0 };
export const NET_LIMITS = { depth: [1, 30], width: [1, 64], seed: [0, 9999], lr: [0.0001, 5], nsteps: [1, 2000], trained: [0, 20000] };
/** Inits with a parameter: its name in the core's config and its default and range. */
export const INIT_PARAM = {
  constant: { name: "value", fallback: 0.5, min: -2, max: 2, step: 0.01 },
  uniform: { name: "a", fallback: 0.5, min: 0, max: 5, step: 0.01 },
  normal: { name: "std", fallback: 0.5, min: 0, max: 5, step: 0.01 },
};

const int = (key, [min, max], fallback) => Math.trunc(state.getNumber(key, { fallback, min, max }));

export function readChain(catalogIds) {
  return {
    start: CHAIN.start,
    n: int("n", CHAIN_LIMITS.n, CHAIN.n),
    src: state.getChoice("src", ["d", "act"], CHAIN.src),
    d: state.getNumber("d", { fallback: CHAIN.d, min: CHAIN_LIMITS.d[0], max: CHAIN_LIMITS.d[1] }),
    cact: state.getChoice("cact", catalogIds, CHAIN.cact),
    x: state.getNumber("x", { fallback: CHAIN.x, min: CHAIN_LIMITS.x[0], max: CHAIN_LIMITS.x[1] }),
    eta: state.getNumber("eta", { fallback: CHAIN.eta, min: CHAIN_LIMITS.eta[0], max: CHAIN_LIMITS.eta[1] }),
  };
}

export function chainUrl(c) {
  const out = {};
  for (const key of ["n", "src", "d", "cact", "x", "eta"]) out[key] = c[key] === CHAIN[key] ? null : c[key];
  return out;
}

export function readNet(catalogIds, initIds) {
  const init = state.getChoice("init", initIds, NET.init);
  const param = INIT_PARAM[init];
  return {
    depth: int("depth", NET_LIMITS.depth, NET.depth),
    width: int("width", NET_LIMITS.width, NET.width),
    act: state.getChoice("act", catalogIds, NET.act),
    init,
    ip: param ? state.getNumber("ip", { fallback: param.fallback, min: param.min, max: param.max }) : null,
    res: state.getFlag("res", NET.res),
    seed: int("seed", NET_LIMITS.seed, NET.seed),
    lr: state.getNumber("lr", { fallback: NET.lr, min: NET_LIMITS.lr[0], max: NET_LIMITS.lr[1] }),
    nsteps: int("nsteps", NET_LIMITS.nsteps, NET.nsteps),
    trained: int("trained", NET_LIMITS.trained, NET.trained),
  };
}

export function netUrl(s) {
  const param = INIT_PARAM[s.init];
  return {
    depth: s.depth === NET.depth ? null : s.depth,
    width: s.width === NET.width ? null : s.width,
    act: s.act === NET.act ? null : s.act,
    init: s.init === NET.init ? null : s.init,
    ip: param && s.ip !== param.fallback ? s.ip : null,
    res: s.res === NET.res ? null : s.res ? 1 : 0,
    seed: s.seed === NET.seed ? null : s.seed,
    lr: s.lr === NET.lr ? null : s.lr,
    nsteps: s.nsteps === NET.nsteps ? null : s.nsteps,
    trained: s.trained ? s.trained : null,
  };
}

/** The preset the settings equal (depth, width, activation, init, residual, seed), or null. */
export function matchingPreset(s) {
  return PRESET_IDS.find((id) => Object.entries(PRESETS[id]).every(([k, v]) => s[k] === v)) ?? null;
}

/** The init as the core's config takes it. */
export function initSpec(s) {
  const param = INIT_PARAM[s.init];
  return param ? { id: s.init, [param.name]: s.ip ?? param.fallback } : s.init;
}

/** The Trainer configuration for the settings (Iris: 4 features, 3 classes, softmax). */
export function trainerConfig(s) {
  return sizedSgdConfig({
    sizes: [4, ...Array(s.depth).fill(s.width), 3],
    activation: s.act,
    init: initSpec(s),
    seed: s.seed,
    residual: s.res,
    lr: s.lr,
    batchSize: BATCH,
  });
}
