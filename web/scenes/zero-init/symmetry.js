// @ts-check
// Part (c): symmetry. The 2-h-3 MLP on the article's three samples, trained from several inits
// side by side (one run per init in the shared training session): zeros and a constant keep
// every hidden unit identical forever (they compute the same function, so they get the same
// gradient), a seeded random init breaks the tie. Controls here; the results (loss curves,
// matrices with identical columns, per-unit weights) are drawn by symmetry-view.js from the
// core's snapshots, all at once when every run is complete (until then the last ones stay,
// dimmed, with a progress line and Stop). The inits and their parameters are the core's
// catalogue (`gradlab.inits()`).
import { t } from "../../i18n.js";
import * as state from "../../state.js";
import { formatNumber } from "../../format.js";
import { el, selectField, fieldset, section } from "../../components/dom.js";
import { BALANCED, SYM_ACTIVATIONS, SYM_LABELS, UNBALANCED, initConfig, readSymmetry, symmetryLimits, symmetryUrl } from "./params.js";
import { lossRun, trainLosses } from "./training.js";
import { createTrainingSession } from "../../components/training-session.js";
import { createTrainingProgress, markBusy } from "../../components/training-progress.js";
import { sizedSgdConfig } from "../../components/trainer-config.js";
import { createSymmetryView } from "./symmetry-view.js";
import { keyedSlider } from "../../components/fields.js";
import { markParams } from "../../components/param-controls.js";
import { createPrediction } from "../../components/predict.js";

/** @typedef {import("../../wasm.js").Gradlab} Gradlab */
/** @typedef {import("../../pkg/gradlab.js").Spec} Spec */
/** @typedef {import("./params.js").SymmetryParams} SymmetryParams */
/** @typedef {import("./params.js").InitContext} InitContext */

/**
 * The printed name of an init with its parameter.
 * @param {string} id
 * @param {SymmetryParams} p
 */
export function initName(id, p) {
  return t(`zi.init.${id}`, { c: formatNumber(p.c), s: formatNumber(p.s) });
}

/**
 * @param {{ gradlab: Gradlab, preset: Spec, context: InitContext, getDigits: () => number,
 *   reportError?: (error: unknown) => void }} options
 */
export function createSymmetry({ gradlab, preset, context, getDigits, reportError }) {
  let params = readSymmetry(context);
  /** @type {{ params: SymmetryParams, runs: any[] }} the runs on screen and the settings they were trained with */
  let shown = { params, runs: [] };
  let frame = 0;
  const session = createTrainingSession({ gradlab, reportError });
  const limits = symmetryLimits(context);

  const element = section({ id: "zi-sym", className: "zi-section zi-sym", title: t("zi.sym.title"), intro: t("zi.sym.intro"), introClass: "zi-intro" });
  const controls = el("form", "zi-sym-controls panel");
  controls.setAttribute("aria-label", t("zi.sym.controls"));
  controls.addEventListener("submit", (event) => event.preventDefault());

  /** @param {Partial<SymmetryParams>} changes */
  const set = (changes) => {
    params = { ...params, ...changes };
    schedule();
  };

  // The network's activation, its width and the labels: a <select> each.
  const [act, width, labels] = [
    { key: "act", options: SYM_ACTIVATIONS.map((a) => ({ value: a, label: t(`zi.act.${a}`) })), read: String },
    { key: "width", options: [2, 3, 4].map((w) => ({ value: w, label: t("zi.sym.widthValue", { w }) })), read: Number },
    { key: "labels", options: SYM_LABELS.map((l) => ({ value: l, label: t(`zi.sym.labels.${l}`) })), read: String },
  ].map(({ key, options, read }) =>
    selectField({ id: `zi-sym-${key}`, label: t(`zi.sym.${key}`), options, value: params[key], className: "zi-field", onChange: (v) => set({ [key]: read(v) }) })
  );

  /**
   * @param {"lr" | "n" | "seed" | "c" | "s"} key
   * @param {number} step
   */
  const slider = (key, step) =>
    keyedSlider({
      id: `zi-sym-${key}`,
      key: `zi.sym.${key}`,
      min: limits[key][0],
      max: limits[key][1],
      step,
      value: params[key],
      onInput: (v) => set({ [key]: key === "n" || key === "seed" ? Math.round(v) : v }),
    });
  const lr = slider("lr", 0.01);
  const steps = slider("n", 1);
  const c = slider("c", 0.05);
  const s = slider("s", 0.01);
  const seed = slider("seed", 1);

  const choices = el("div", "zi-init-choices");
  choices.setAttribute("role", "group");
  choices.setAttribute("aria-label", t("zi.sym.inits"));
  const boxes = context.initIds.map((id) => {
    const label = el("label", "checkbox-field zi-init-choice");
    const box = /** @type {HTMLInputElement} */ (el("input"));
    box.type = "checkbox";
    box.id = `zi-sym-init-${id}`;
    box.value = id;
    box.checked = params.inits.includes(id);
    box.addEventListener("change", () => set({ inits: boxes.filter((b) => b.checked).map((b) => b.value) }));
    const name = el("span", "zi-init-name");
    label.append(box, name);
    choices.append(label);
    return box;
  });

  // Each field carries its URL key (a link's lock= and hide=).
  markParams({
    "sym-act": act.element, "sym-width": width.element, "sym-labels": labels.element, "sym-lr": lr.element, "sym-n": steps.element,
    "sym-c": c.element, "sym-s": s.element, "sym-seed": seed.element, "sym-inits": choices,
  });
  const initParams = el("div", "zi-sym-row zi-sym-sliders");
  initParams.append(c.element, s.element);
  const initsField = fieldset("example-fieldset zi-inits", t("zi.sym.inits"), choices, initParams);
  const row1 = el("div", "zi-sym-row");
  row1.append(act.element, width.element, labels.element);
  const row2 = el("div", "zi-sym-row zi-sym-sliders");
  row2.append(lr.element, steps.element, seed.element);
  controls.append(row1, row2, initsField);

  const view = createSymmetryView({
    gradlab,
    getDigits,
    initName: (id) => initName(id, params),
    onShow: (id, param) => set({ show: id ?? params.show, param: param ?? params.param }),
  });
  const progress = createTrainingProgress({ id: "zi-sym-progress", onStop: () => session.stop(), returnFocus: steps.slider });
  // Before the runs are shown, the student predicts whether zeros keep the hidden units alike.
  const prediction = createPrediction({
    gradlab,
    id: "zero-init-units",
    kind: "choice",
    choices: ["same", "differ"].map((value) => ({ value, label: t(`zi.predict.${value}`) })),
    question: () => t("zi.predict.question", { n: params.n }),
    truth: () => {
      const run = shown.runs.find((r) => r.id === "zeros" && r.final) ?? shown.runs.find((r) => r.final);
      if (!run) return "";
      return gradlab.identicalUnits([run.final.layers[0].bias, ...run.final.layers[0].weights], { units: "columns" }).allIdentical ? "same" : "differ";
    },
    cover: [view.element],
    onReveal: () => shown.runs.length && view.show(shown),
  });
  // What the prediction covers is drawn at the reveal, not before: on a phone the results are a
  // task of 50–75 ms, for nothing if the student never looks.
  const draw = () => prediction.revealed && view.show(shown);
  element.append(controls, progress.element, prediction.element, view.element);
  markBusy(view.element, true); // nothing computed yet: `start` runs after the scene's first paint

  /** The three samples with the chosen labels' one-hot targets (from the core). */
  function data() {
    const y = params.labels === "balanced" ? BALANCED : UNBALANCED;
    return { inputs: preset.inputs, targets: gradlab.oneHot(y, preset.targets[0].length) };
  }

  /** @param {string} id */
  function config(id) {
    return sizedSgdConfig({
      sizes: [preset.inputs[0].length, params.width, preset.targets[0].length],
      activation: params.act,
      ...initConfig(context.inits, id, params),
      seed: params.seed,
      loss: "softmax_cross_entropy",
      reduction: "sum",
      lr: params.lr,
      shuffle: false,
    });
  }

  function compute() {
    frame = 0;
    const d = data();
    const trained = params;
    const ids = [...new Set([...params.inits, params.show])];
    for (const b of boxes) b.nextElementSibling.textContent = initName(b.value, params);
    state.updateSoon(symmetryUrl(params, context));
    prediction.refresh();
    trainLosses(session, {
      runs: ids.map((id) => lossRun({ config: config(id), data: d, collectSpecs: id === params.show, id, listed: params.inits.includes(id) })),
      steps: params.n,
      onProgress: ({ done, total }) => progress.show({ done, total }),
      onDone: (runs, { stopped }) => {
        progress.hide();
        markBusy(view.element, false);
        shown = { params: trained, runs };
        // Stopped early: the steps trained are the ones the view (and the link) show.
        const done = runs.find((r) => !r.error)?.losses.length;
        if (stopped && done) stopAt(done - 1);
        draw();
      },
    });
    markBusy(view.element, session.busy);
  }

  /** @param {number} n */
  function stopAt(n) {
    params = { ...params, n };
    shown.params = params;
    steps.setValue(n);
    state.updateSoon(symmetryUrl(params, context));
  }

  function schedule() {
    if (!frame) frame = requestAnimationFrame(compute);
  }

  return {
    element,
    start: compute,
    refresh: draw,
    destroy() {
      if (frame) cancelAnimationFrame(frame);
      session.destroy();
      view.destroy();
    },
  };
}
