// @ts-check
// The controls of part (c): learning rate, weight init, bias init, seed, number of steps, the
// hidden activation and "compare with LeakyReLU"; two presets (a learning rate that kills ≥ 30 %
// of the second layer's units, and a moderate one). URL keys and ranges (web/scenes/registry.js):
// lr, init, binit, seed, n, tact, cmp. The inits are the core's catalogue; one that takes a
// parameter is named with the catalogue's default for it.
import { t, has } from "../../i18n.js";
import * as state from "../../state.js";
import { formatNumber } from "../../format.js";
import { el, selectField, button } from "../../components/dom.js";
import { DYING_RELU_TRAINING, DYING_RELU_TRAIN_ACTS, dyingReluTrainingInits } from "../registry.js";
import { keyedSlider } from "../../components/fields.js";
import { markChanges, markParams } from "../../components/param-controls.js";

/** @typedef {import("../../wasm.js").Gradlab} Gradlab */
/** @typedef {import("../../pkg/gradlab.js").InitInfo} InitInfo */
/**
 * The settings of a run: learning rate, init id, constant bias init, seed, steps, the hidden
 * activation and whether to train the other activation beside it.
 * @typedef {{ lr: number, init: string, bias: number, seed: number, steps: number, act: string, compare: boolean }} TrainingSettings
 */

export const TRAIN_ACTS = DYING_RELU_TRAIN_ACTS;
/** The configuration the core's tests check: ≥ 30 % of layer 2 dead after 300 steps (tests/training.rs). */
export const KILLER = { lr: 1.5, init: "he_normal", bias: 0, seed: 4, steps: 300, act: "relu" };
export const MODERATE = { lr: 0.05, init: "he_normal", bias: 0, seed: 4, steps: 300, act: "relu" };

/**
 * The name of an init in the menu, with the catalogue's default for its parameter ("Uniform U(−0.5, 0.5)").
 * @param {InitInfo[]} catalogue
 * @param {string} id
 */
function initLabel(catalogue, id) {
  if (!has(`dr.init.${id}`)) return id;
  const params = catalogue.find((init) => init.id === id)?.params ?? [];
  return t(`dr.init.${id}`, Object.fromEntries(params.map((p) => [p.name, formatNumber(p.default)])));
}

/**
 * @param {{ gradlab: Gradlab, catalogue: InitInfo[], onChange: () => void, onTrain: () => void }} options
 */
export function createTrainingControls({ gradlab, catalogue, onChange, onTrain }) {
  const initIds = gradlab.initIds();
  const url = state.readParams("dying-relu", { initIds }, ["lr", "init", "binit", "seed", "n", "tact", "cmp"]);
  /** @type {TrainingSettings} */
  const s = { lr: url.lr, init: url.init, bias: url.binit, seed: url.seed, steps: url.n, act: url.tact, compare: url.cmp };

  const element = el("form", "dr-train-controls panel");
  element.setAttribute("aria-label", t("dr.train.controls"));
  element.addEventListener("submit", (event) => event.preventDefault());

  /**
   * A setting's slider, in the range of its URL key.
   * @param {string} id
   * @param {"lr" | "steps" | "bias" | "seed"} key
   * @param {keyof DYING_RELU_TRAINING} urlKey
   * @param {number} step
   */
  const slider = (id, key, urlKey, step) =>
    keyedSlider({
      id,
      key: `dr.train.${key}`,
      min: DYING_RELU_TRAINING[urlKey].min,
      max: DYING_RELU_TRAINING[urlKey].max,
      step,
      value: s[key],
      onInput: (v) => {
        s[key] = key === "seed" || key === "steps" ? Math.round(v) : v;
        onChange();
      },
    });
  const lr = slider("dr-lr", "lr", "lr", 0.001);
  const steps = slider("dr-steps", "steps", "n", 10);
  const bias = slider("dr-binit", "bias", "binit", 0.05);
  const seed = slider("dr-seed", "seed", "seed", 1);

  const init = selectField({
    id: "dr-init",
    label: t("dr.train.init"),
    options: dyingReluTrainingInits(initIds).map((id) => ({ value: id, label: initLabel(catalogue, id) })),
    value: s.init,
    onChange: (value) => {
      s.init = value;
      onChange();
    },
  });
  const act = selectField({
    id: "dr-tact",
    label: t("dr.train.act"),
    options: TRAIN_ACTS.map((id) => ({ value: id, label: t(`dr.train.act.${id}`) })),
    value: s.act,
    onChange: (value) => {
      s.act = value;
      syncCompareLabel();
      onChange();
    },
  });

  const compareField = el("div", "field checkbox-field");
  const compareBox = /** @type {HTMLInputElement} */ (el("input"));
  compareBox.type = "checkbox";
  compareBox.id = "dr-compare-box";
  compareBox.checked = s.compare;
  const compareLabel = /** @type {HTMLLabelElement} */ (el("label"));
  compareLabel.htmlFor = compareBox.id;
  compareField.append(compareBox, compareLabel);
  function syncCompareLabel() {
    compareLabel.textContent = t(s.act === "relu" ? "dr.train.compareLeaky" : "dr.train.compareRelu");
  }
  syncCompareLabel();
  compareBox.addEventListener("change", () => {
    s.compare = compareBox.checked;
    onChange();
  });

  const train = button(t("dr.train.run"), { className: "primary dr-train-button", onClick: () => onTrain() });
  /**
   * A button that sets the controls to `preset` (and "compare" as given) and trains.
   * @param {string} className
   * @param {string} key
   * @param {Partial<TrainingSettings>} preset
   * @param {{ compare?: boolean }} [options]
   */
  const presetButton = (className, key, preset, options) =>
    button(t(key), {
      className,
      onClick: () => {
        apply(preset, options);
        onTrain();
      },
    });
  const presets = el("div", "dr-buttons");
  presets.append(
    presetButton("dr-preset-killer", "dr.train.presetKiller", KILLER),
    presetButton("dr-preset-moderate", "dr.train.presetModerate", MODERATE),
    presetButton("dr-one-click", "dr.train.oneClick", { act: "relu" }, { compare: true })
  );

  /**
   * @param {Partial<TrainingSettings>} preset
   * @param {{ compare?: boolean }} [options]
   */
  function apply(preset, { compare = s.compare } = {}) {
    Object.assign(s, preset, { compare });
    lr.setValue(s.lr);
    steps.setValue(s.steps);
    bias.setValue(s.bias);
    seed.setValue(s.seed);
    init.select.value = s.init;
    act.select.value = s.act;
    compareBox.checked = s.compare;
    syncCompareLabel();
  }
  // Each field carries its URL key (a link's lock= and hide=); a preset sets them all.
  markParams({ lr: lr.element, init: init.element, binit: bias.element, seed: seed.element, n: steps.element, tact: act.element, cmp: compareField });
  markChanges(presets, "lr", "init", "binit", "seed", "n", "tact", "cmp");
  const arch = el("p", "dr-arch", t("dr.train.arch"));
  element.append(arch, lr.element, init.element, bias.element, seed.element, steps.element, act.element, compareField, train, el("p", "dr-presets-label", t("dr.train.presets")), presets);

  return {
    element,
    get settings() {
      return { ...s };
    },
    urlState() {
      return state.paramChanges("dying-relu", { lr: s.lr, init: s.init, binit: s.bias, seed: s.seed, n: s.steps, tact: s.act, cmp: s.compare });
    },
    /** @param {boolean} busy */
    setBusy(busy) {
      train.disabled = busy;
      train.setAttribute("aria-busy", String(busy));
      train.textContent = t(busy ? "dr.train.running" : "dr.train.run");
    },
  };
}
