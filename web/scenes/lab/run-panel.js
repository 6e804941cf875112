// @ts-check
// The lab's training controls and what they report: optimizer, learning rate, batch size, L2,
// seed, steps per frame; Train / Pause, one step, reset; the step reached, loss and accuracy on
// the training and test sets (the core's `evaluate`), a status line (what happened, what to try),
// and the exports (history as CSV, the network as JSON). Changing an optimizer setting keeps the
// run going (`onChange("continue")`); the seed restarts it with a new split (`onChange("data")`).
import { t } from "../../i18n.js";
import { formatNumber } from "../../format.js";
import { el, button, selectField, liveLine } from "../../components/dom.js";
import { settingSlider } from "../../components/fields.js";
import { markParams } from "../../components/param-controls.js";
import { createValueRow } from "../../components/value-row.js";
import { findScene, LAB_OPTIMIZERS } from "../registry.js";

const PARAMS = findScene("lab").params;

/**
 * @param {{ s: import("./params.js").LabSettings, onChange: (kind: string) => void, onPlay: () => void,
 *   onStep: () => void, onReset: () => void, onExportCsv: () => void, onExportJson: () => void }} options
 */
export function createRunPanel({ s, onChange, onPlay, onStep, onReset, onExportCsv, onExportJson }) {
  const element = el("section", "lab-panel lab-run panel");
  element.setAttribute("aria-labelledby", "lab-run-title");
  const title = el("h2", "lab-panel-title", t("lab.run.title"));
  title.id = "lab-run-title";

  const opt = selectField({
    id: "lab-opt",
    label: t("lab.run.opt"),
    options: LAB_OPTIMIZERS.map((id) => ({ value: id, label: t(`lab.opt.${id}`) })),
    value: s.opt,
    onChange: (v) => {
      s.opt = v;
      onChange("continue");
    },
  });
  /** A slider of one numeric training setting (its range from the registry). */
  /** @param {"lr" | "batch" | "l2" | "seed" | "spf"} key @param {number} step @param {string} kind @param {"linear" | "log"} [scale] */
  const slider = (key, step, kind, scale = undefined) =>
    settingSlider({ settings: s, key, id: `lab-${key}`, i18n: `lab.run.${key}`, range: [PARAMS[key].min, PARAMS[key].max], step, scale, onChange: () => onChange(kind) });
  const lr = slider("lr", 0.00001, "continue", "log");
  const batch = slider("batch", 1, "continue");
  const l2 = slider("l2", 0.0001, "continue");
  const seed = slider("seed", 1, "data"); // it also seeds the train/test split
  const spf = slider("spf", 1, "continue");

  const play = button(t("lab.run.play"), { id: "lab-play", className: "primary lab-play", onClick: () => onPlay() });
  const step = button(t("lab.run.step"), { id: "lab-step", className: "lab-step", onClick: () => onStep() });
  const reset = button(t("lab.run.reset"), { id: "lab-reset", className: "lab-reset", onClick: () => onReset() });
  const buttons = el("div", "lab-buttons");
  buttons.append(play, step, reset);

  const steps = createValueRow({ id: "lab-steps", label: t("lab.run.steps") });
  const trainLoss = createValueRow({ id: "lab-train-loss", label: t("lab.run.trainLoss") });
  const trainAcc = createValueRow({ id: "lab-train-acc", label: t("lab.run.trainAcc") });
  const testLoss = createValueRow({ id: "lab-test-loss", label: t("lab.run.testLoss") });
  const testAcc = createValueRow({ id: "lab-test-acc", label: t("lab.run.testAcc") });
  const readouts = el("div", "lab-readouts");
  readouts.append(steps.element, trainLoss.element, trainAcc.element, testLoss.element, testAcc.element);
  const status = liveLine("lab-status", "status lab-status");

  const csv = button(t("lab.export.csv"), { id: "lab-export-csv", className: "lab-export", onClick: () => onExportCsv() });
  const json = button(t("lab.export.json"), { id: "lab-export-json", className: "lab-export", onClick: () => onExportJson() });
  const exports = el("div", "lab-exports");
  exports.setAttribute("role", "group");
  exports.setAttribute("aria-label", t("lab.export.label"));
  exports.append(csv, json);

  // Each field carries its URL key (a link's lock= and hide=).
  markParams({ opt: opt.element, lr: lr.element, batch: batch.element, l2: l2.element, seed: seed.element, spf: spf.element });
  element.append(title, opt.element, lr.element, batch.element, l2.element, seed.element, spf.element, buttons, readouts, status, exports);

  const percent = (v) => `${formatNumber(Math.round(v * 1000) / 10)} %`;

  return {
    element,
    /** Play or Pause on the main button. @param {boolean} playing */
    setPlaying(playing) {
      play.textContent = t(playing ? "lab.run.pause" : "lab.run.play");
      play.setAttribute("aria-pressed", String(playing));
      step.disabled = playing;
    },
    /**
     * The readouts at `n` steps: evaluations on the training and test sets (null: none).
     * @param {number} n
     * @param {import("../../pkg/gradlab.js").Evaluation | null} train
     * @param {import("../../pkg/gradlab.js").Evaluation | null} test
     */
    show(n, train, test) {
      steps.set(n, String(n));
      trainLoss.set(train?.loss ?? null, train ? formatNumber(train.loss, 4) : "—");
      trainAcc.set(train?.accuracy ?? null, train?.accuracy != null ? percent(train.accuracy) : "—");
      testLoss.set(test?.loss ?? null, test ? formatNumber(test.loss, 4) : "—");
      testAcc.set(test?.accuracy ?? null, test?.accuracy != null ? percent(test.accuracy) : "—");
    },
    /** The status line: `state` "active" | "saturated" | "dead" (the styles of a verdict). */
    setStatus(text, state = "active") {
      status.textContent = text;
      status.dataset.state = state;
    },
  };
}
