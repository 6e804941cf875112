// @ts-check
// Part (b), "train N steps": the learning rate and N, the Train, Stop and Start-over buttons, and
// the heat map of every layer's relative update ‖ΔW_k‖/‖W_k‖ at every step (the `updateRatios`
// of each training step's statistics, one column per step, layer 1 at the top), so the layers that
// barely move — the frozen ones near the input — are plain to see. Readouts: steps trained, the
// loss and accuracy over all 150 flowers (`Trainer.evaluate`), and the last step's update of
// the first and the last layer. The steps drawn can be saved as CSV (every statistic of each step).
import { t } from "../../i18n.js";
import { formatNumber, subscript } from "../../format.js";
import { el, headedSection, liveLine } from "../../components/dom.js";
import { createValueRow } from "../../components/value-row.js";
import { createHeatMap } from "../../components/heat-map.js";
import { NET_LIMITS, BATCH } from "./params.js";
import { settingSlider } from "../../components/fields.js";
import { markParams } from "../../components/param-controls.js";
import { createCsvButton, stepStatsTable } from "../../components/csv.js";

/**
 * What the view shows of a run: every step's updateRatios (`stats`: all of each step's statistics), the number of layers, the loss and
 * accuracy at the weights, the failure that ended it (null), whether it is over, its target, and
 * the core's verdict on the gradient at the trained weights (null before any).
 * @typedef {{ history: number[][], stats: import("../../pkg/gradlab.js").StepStats[], L: number, evaluation: import("../../pkg/gradlab.js").Evaluation | null,
 *   error: { kind: string, message: string } | null, done: boolean, target: number,
 *   verdict: import("../../pkg/gradlab.js").GradientVerdict | null }} TrainingView
 */

/**
 * @param {{ s: import("./params.js").NetSettings, onLr: () => void, onTrain: () => void, onReset: () => void,
 *   onStop: () => void, onSteps: () => void }} options
 */
export function createTraining({ s, onLr, onTrain, onReset, onStop, onSteps }) {
  const { element } = headedSection({ className: "van-training", level: "h3", id: "van-train-title", title: t("van.train.title") });
  element.append(el("p", "van-intro", t("van.train.intro", { batch: BATCH })));

  const form = el("form", "van-train-form panel");
  form.setAttribute("aria-label", t("van.train.controls"));
  form.addEventListener("submit", (event) => event.preventDefault());
  const lr = settingSlider({ settings: s, key: "lr", id: "van-lr", i18n: "van.train.lr", range: NET_LIMITS.lr, step: 0.0001, onChange: onLr });
  const steps = settingSlider({
    settings: s,
    key: "nsteps",
    id: "van-nsteps",
    i18n: "van.train.n",
    range: NET_LIMITS.nsteps,
    step: 1,
    onChange: () => {
      syncButton();
      onSteps();
    },
  });
  markParams({ lr: lr.element, nsteps: steps.element }); // their URL keys (a link's lock= and hide=)
  const train = /** @type {HTMLButtonElement} */ (el("button", "button primary van-train-button"));
  train.type = "button";
  train.id = "van-train";
  train.addEventListener("click", () => onTrain());
  const stop = /** @type {HTMLButtonElement} */ (el("button", "button van-stop-button", t("train.stop")));
  stop.type = "button";
  stop.id = "van-train-stop";
  stop.title = t("train.stop.title");
  stop.addEventListener("click", () => onStop());
  const reset = /** @type {HTMLButtonElement} */ (el("button", "button van-reset-button", t("van.train.reset")));
  reset.type = "button";
  reset.id = "van-train-reset";
  reset.addEventListener("click", () => onReset());
  const buttons = el("div", "van-buttons");
  buttons.append(train, stop, reset);
  const trained = createValueRow({ id: "van-trained", label: t("van.train.trained") });
  const loss = createValueRow({ id: "van-loss", label: t("van.train.loss") });
  const acc = createValueRow({ id: "van-acc", label: t("van.train.acc") });
  const upFirst = createValueRow({ id: "van-up-first", label: t("van.train.upFirst") });
  const upLast = createValueRow({ id: "van-up-last" });
  const status = liveLine("van-train-status", "status van-train-status");
  form.append(lr.element, steps.element, buttons, trained.element, loss.element, acc.element, upFirst.element, upLast.element);

  const heat = createHeatMap({
    id: "van-heat",
    label: t("van.heat.label"),
    text: { xLabel: t("van.heat.xLabel"), yLabel: t("van.heat.yLabel"), legendTitle: t("van.heat.legend"), empty: t("van.heat.empty") },
  });
  /** @type {import("../../pkg/gradlab.js").StepStats[]} the steps drawn */
  let shown = [];
  const csv = createCsvButton({ id: "van-train-csv", name: "vanishing-training", table: () => stepStatsTable(shown) });
  const view = el("div", "van-train-view");
  view.append(heat.element, csv.element, status);
  const grid = el("div", "van-train-grid");
  grid.append(form, view);
  element.append(grid);

  let busy = false;
  function syncButton() {
    train.textContent = busy ? t("van.train.running") : t("van.train.run", { n: s.nsteps });
    train.disabled = busy;
    train.setAttribute("aria-busy", String(busy));
    // Stop disappears with the run; the focus it had goes to Train.
    const refocus = !busy && document.activeElement === stop;
    stop.hidden = !busy;
    if (refocus) train.focus();
  }
  syncButton();

  return {
    element,
    /** @param {boolean} value */
    setBusy(value) {
      busy = value;
      syncButton();
    },
    /**
     * Only the progress line (training that is not drawn step by step): the counter, the heat map
     * and its caption keep showing the last steps drawn, so that they always agree.
     * @param {number} n
     * @param {number} total
     */
    progress(n, total) {
      status.dataset.state = "saturated";
      status.textContent = t("van.train.progressQuiet", { n, total });
    },
    /** @param {TrainingView} run */
    render(run) {
      const L = run.L;
      const n = run.history.length;
      const { evaluation } = run;
      trained.set(n, String(n));
      loss.set(evaluation ? evaluation.loss : null, evaluation ? formatNumber(evaluation.loss, 4) : "—");
      acc.set(evaluation?.accuracy ?? null, evaluation?.accuracy != null ? `${formatNumber(Math.round(evaluation.accuracy * 1000) / 10)} %` : "—");
      upLast.setLabel(t("van.train.upLast", { L: subscript(L) }));
      const lastStep = run.history.at(-1);
      upFirst.set(lastStep ? lastStep[0] : null, lastStep ? formatNumber(lastStep[0], 3) : "—");
      upLast.set(lastStep ? lastStep[L - 1] : null, lastStep ? formatNumber(lastStep[L - 1], 3) : "—");
      heat.update({
        // A copy: the run goes on adding steps, which must not appear before the caption says so.
        columns: run.history.slice(),
        rowLabels: Array.from({ length: L }, (_, k) => (k === L - 1 ? t("van.heat.outRow", { k: k + 1 }) : String(k + 1))),
        caption: n ? t("van.heat.caption", { n, L, first: formatNumber(lastStep[0], 3), last: formatNumber(lastStep[L - 1], 3) }) : t("van.heat.captionEmpty"),
        label: n ? t("van.heat.labelFilled", { n, L, first: formatNumber(lastStep[0], 3), last: formatNumber(lastStep[L - 1], 3) }) : t("van.heat.label"),
      });
      // Drawn now, in the same frame as the counter and the caption, so that they always agree.
      heat.drawNow();
      shown = run.stats;
      csv.setAvailable(n > 0);
      if (run.error) {
        status.dataset.state = "dead";
        status.dataset.error = run.error.kind;
        status.textContent = run.error.kind === "invalid" ? t("train.invalid", { message: run.error.message }) : t("van.train.diverged", { done: n, message: run.error.message });
      } else if (!n) {
        delete status.dataset.error;
        status.dataset.state = "active";
        status.textContent = t("van.train.idle");
      } else if (run.done && run.verdict?.verdict === "zero") {
        // Trained, but nothing reaches layer 1 any more: its units died (see the dying-ReLU scene).
        delete status.dataset.error;
        status.dataset.state = "dead";
        status.textContent = t("van.train.doneDead", { n });
      } else {
        delete status.dataset.error;
        status.dataset.state = run.done ? "active" : "saturated";
        status.textContent = run.done ? t("van.train.done", { n }) : t("van.train.progress", { n, total: run.target });
      }
    },
    destroy() {
      heat.destroy();
    },
  };
}
