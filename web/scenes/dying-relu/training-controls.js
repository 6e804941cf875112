// The controls of part (c): learning rate, weight init, bias init, seed, number of steps, the
// hidden activation and "compare with LeakyReLU"; two presets (a learning rate that kills ≥ 30 %
// of the second layer's units, and a moderate one). URL keys (web/scenes/registry.js): lr, init,
// binit, seed, n, tact, cmp.
import { t, has } from "../../i18n.js";
import * as state from "../../state.js";
import { formatNumber } from "../../format.js";
import { createSliderNumber } from "../../components/slider-number.js";
import { el, selectField } from "../../components/dom.js";
import { dyingReluTrainingInits, findScene } from "../registry.js";

export const TRAIN_ACTS = findScene("dying-relu").params.tact.choices;
/** The configuration the core's tests check: ≥ 30 % of layer 2 dead after 300 steps (tests/training.rs). */
export const KILLER = { lr: 1.5, init: "he_normal", bias: 0, seed: 4, steps: 300, act: "relu" };
export const MODERATE = { lr: 0.05, init: "he_normal", bias: 0, seed: 4, steps: 300, act: "relu" };

export function createTrainingControls({ gradlab, onChange, onTrain }) {
  const initIds = gradlab.initIds();
  const inits = dyingReluTrainingInits(initIds);
  const url = state.readParams("dying-relu", { initIds }, ["lr", "init", "binit", "seed", "n", "tact", "cmp"]);
  const s = { lr: url.lr, init: url.init, bias: url.binit, seed: url.seed, steps: url.n, act: url.tact, compare: url.cmp };

  const element = el("form", "dr-train-controls panel");
  element.setAttribute("aria-label", t("dr.train.controls"));
  element.addEventListener("submit", (event) => event.preventDefault());

  const slider = (id, key, min, max, step, fmt = formatNumber) =>
    createSliderNumber({
      id,
      label: t(`dr.train.${key}`),
      sliderLabel: t(`dr.train.${key}.slider`),
      numberLabel: t(`dr.train.${key}.number`),
      min,
      max,
      step,
      value: s[key],
      onInput: (v) => {
        s[key] = key === "seed" || key === "steps" ? Math.round(v) : v;
        onChange();
      },
      valueText: (v) => fmt(v),
    });
  const lr = slider("dr-lr", "lr", 0.001, 5, 0.001);
  const steps = slider("dr-steps", "steps", 10, 3000, 10);
  const bias = slider("dr-binit", "bias", -1, 1, 0.05);
  const seed = slider("dr-seed", "seed", 0, 999, 1);

  const init = selectField({
    id: "dr-init",
    label: t("dr.train.init"),
    options: inits.map((id) => ({ value: id, label: has(`dr.init.${id}`) ? t(`dr.init.${id}`) : id })),
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
  const compareBox = el("input");
  compareBox.type = "checkbox";
  compareBox.id = "dr-compare-box";
  compareBox.checked = s.compare;
  const compareLabel = el("label");
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

  const train = el("button", "button primary dr-train-button", t("dr.train.run"));
  train.type = "button";
  train.addEventListener("click", () => onTrain());
  const presets = el("div", "dr-buttons");
  const killer = el("button", "button dr-preset-killer", t("dr.train.presetKiller"));
  killer.type = "button";
  const moderate = el("button", "button dr-preset-moderate", t("dr.train.presetModerate"));
  moderate.type = "button";
  const oneClick = el("button", "button dr-one-click", t("dr.train.oneClick"));
  oneClick.type = "button";
  presets.append(killer, moderate, oneClick);

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
  killer.addEventListener("click", () => {
    apply(KILLER);
    onTrain();
  });
  moderate.addEventListener("click", () => {
    apply(MODERATE);
    onTrain();
  });
  oneClick.addEventListener("click", () => {
    apply({ act: "relu" }, { compare: true });
    onTrain();
  });

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
    setBusy(busy) {
      train.disabled = busy;
      train.setAttribute("aria-busy", String(busy));
      train.textContent = t(busy ? "dr.train.running" : "dr.train.run");
    },
  };
}
