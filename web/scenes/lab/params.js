// @ts-check
// The lab's settings and what they turn into for the core: the URL form (keys, ranges and
// defaults: the lab entry of web/scenes/registry.js), the data set a built-in choice asks for
// (`gradlab.dataset`), and the Trainer configuration (sizes from the data's features and classes,
// an activation per hidden layer with its parameter, init, loss head, optimizer, batch, L2, seed).
// Which changes keep the run going: the ones that leave every weight's shape as it is.
import * as state from "../../state.js";
import { initParamOf, LAB_SYNTHETIC } from "../registry.js";

/** @typedef {import("../../pkg/gradlab.js").ActivationInfo} ActivationInfo */
/** @typedef {import("../../pkg/gradlab.js").InitInfo} InitInfo */
/** The scene's context (registry `contextOf("lab", gradlab)`).
 * @typedef {{ dataIds: string[], catalog: ActivationInfo[], initIds: string[], inits: InitInfo[] }} LabContext */
/**
 * @typedef {{ data: string, samples: number | null, noise: number | null, dseed: number | null,
 *   classes: number | null, test: number, fx: number | null, fy: number | null, hidden: number[],
 *   acts: { id: string, value: number | null }[], init: string, ip: number | null, res: boolean,
 *   loss: string, opt: string, lr: number, batch: number, l2: number, seed: number, spf: number }} LabSettings
 */

/** Settings that only change how the run goes on (the weights keep their shapes). */
export const CONTINUING = ["opt", "lr", "batch", "l2", "spf"];

/** @param {LabContext} ctx @returns {LabSettings} */
export function readLab(ctx) {
  return /** @type {LabSettings} */ (state.readParams("lab", ctx));
}

/** Stores `s` in the URL (defaults are left out). @param {LabSettings} s @param {LabContext} ctx */
export function writeLab(s, ctx) {
  state.writeParams("lab", { ...s }, ctx);
}

/**
 * The data set the settings ask for (not an own CSV file): what `gradlab.dataset` takes — raw;
 * it is standardised after the split, on the training part (data.js).
 */
export function dataSpec(s) {
  if (LAB_SYNTHETIC.includes(s.data)) {
    return { id: s.data, samples: s.samples, noise: s.noise, seed: s.dseed, ...(s.data === "blobs" ? { classes: s.classes } : {}) };
  }
  return { id: s.data };
}

/**
 * The activation of a hidden layer as the core takes it: its id, or `{ id, <param>: value }`.
 * @param {{ id: string, value: number | null }} act @param {ActivationInfo[]} catalog
 */
export function activationSpec(act, catalog) {
  const param = catalog.find((a) => a.id === act.id)?.params[0];
  return param && act.value !== null ? { id: act.id, [param.name]: act.value } : act.id;
}

/** The init as the core takes it. @param {LabSettings} s @param {InitInfo[]} inits */
export function initSpec(s, inits) {
  const param = initParamOf(inits, s.init);
  return param ? { id: s.init, [param.name]: s.ip ?? param.default } : s.init;
}

/** The optimizer as the core takes it. @param {LabSettings} s */
export function optimizerSpec(s) {
  return /** @type {import("../../pkg/gradlab.js").Optimizer} */ ({ id: s.opt, lr: s.lr });
}

/**
 * The Trainer configuration for a network on data with `features` inputs and `classes` classes.
 * @param {LabSettings} s @param {LabContext} ctx @param {{ features: number, classes: number }} shape
 */
export function trainerConfig(s, ctx, { features, classes }) {
  // One output per class for every head (with the sigmoid head: one class against the rest each).
  return {
    sizes: [features, ...s.hidden, classes],
    activations: s.acts.map((a) => activationSpec(a, ctx.catalog)),
    init: initSpec(s, ctx.inits),
    seed: s.seed,
    residual: s.res,
    loss: /** @type {import("../../pkg/gradlab.js").Loss} */ (s.loss),
    optimizer: optimizerSpec(s),
    batchSize: s.batch,
    l2: s.l2,
  };
}

/**
 * The same run continued with new training settings: the trained weights (`spec.layers`, with
 * their activations) and the settings that do not change a shape.
 * @param {import("../../pkg/gradlab.js").Spec} spec @param {LabSettings} s
 */
export function continuedConfig(spec, s) {
  return {
    layers: spec.layers,
    loss: /** @type {import("../../pkg/gradlab.js").Loss} */ (s.loss),
    optimizer: optimizerSpec(s),
    batchSize: s.batch,
    l2: s.l2,
    seed: s.seed,
    residual: s.res,
  };
}
