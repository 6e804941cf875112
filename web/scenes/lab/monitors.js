// @ts-check
// The lab's monitors over the steps of a run, every number from the core: loss and accuracy on
// the training and test sets (the evaluations taken as it trains), each layer's gradient norm
// per step as a heat map (log colours), each hidden layer's dead fraction, and each layer's
// relative update ‖ΔW‖/‖W‖. The line charts draw the core's bin means (StepBins: at most BINS
// points a line, each the mean of a run of evaluations or of steps — a step's update ratio is
// noisy, every k-th of them would mostly show noise — at a bounded cost per frame however long
// the run); the heat map shows every step of the last MAX_COLUMNS.
import { t } from "../../i18n.js";
import { formatNumber } from "../../format.js";
import { el } from "../../components/dom.js";
import { createSeriesChart } from "../../components/series-chart.js";
import { createHeatMap } from "../../components/heat-map.js";

const MAX_COLUMNS = 4000;
/** Points per line of the per-step statistics (the core's StepBins). */
export const BINS = 150;

/**
 * One step's statistics as the core reports them.
 * @typedef {import("../../pkg/gradlab.js").StepStats} StepStats
 * An evaluation taken while training: the step and the train/test loss and accuracy.
 * @typedef {{ step: number, train: import("../../pkg/gradlab.js").Evaluation, test: import("../../pkg/gradlab.js").Evaluation | null }} Checkpoint
 * @typedef {import("../../pkg/gradlab.js").BinnedSeries} Binned
 */

/** @param {{ gradlab: import("../../wasm.js").Gradlab }} options */
export function createMonitors({ gradlab }) {
  const element = el("section", "lab-monitors");
  element.setAttribute("aria-labelledby", "lab-mon-title");
  const title = el("h2", "lab-panel-title", t("lab.mon.title"));
  title.id = "lab-mon-title";
  const empty = t("lab.mon.empty");
  // Lazy: a chart off screen is drawn when it scrolls into view, not every frame.
  const series = (id, key) => createSeriesChart({ gradlab, id, label: t(`lab.mon.${key}`), caption: t(`lab.mon.${key}Caption`), empty, lazy: true });
  const loss = series("lab-loss-chart", "loss");
  const accuracy = series("lab-acc-chart", "acc");
  const norms = createHeatMap({
    id: "lab-norm-heat",
    label: t("lab.mon.norms"),
    text: { xLabel: t("lab.mon.xLabel"), yLabel: t("lab.mon.layer"), legendTitle: "‖∂L/∂W‖", empty },
    lazy: true,
  });
  const dead = series("lab-dead-chart", "dead");
  const updates = series("lab-update-chart", "updates");
  const grid = el("div", "lab-monitor-grid");
  grid.append(loss.element, accuracy.element, norms.element, dead.element, updates.element);
  element.append(title, grid);

  /** Lines of one per-layer statistic from its bins (lines with no value left out). */
  function perLayer(binned, label) {
    return binned.series
      .map((y, k) => ({ label: label(k), x: binned.steps, y }))
      .filter((line) => line.y.some((v) => !Number.isNaN(v)));
  }

  /** The caption, with how many steps (or evaluations) a point averages once it is more than one. */
  function caption(chart, key, binned, per = "lab.mon.binned") {
    const text = binned.stepsPerBin > 1 ? `${t(`lab.mon.${key}Caption`)} ${t(per, { n: binned.stepsPerBin })}` : t(`lab.mon.${key}Caption`);
    if (chart.element.querySelector("figcaption")?.textContent !== text) chart.setText({ caption: text });
  }

  return {
    element,
    /**
     * Draws the run: every step's statistics and the bins of the evaluations taken (train loss,
     * test loss, train accuracy, test accuracy) and of the per-step dead fractions and update
     * ratios.
     * @param {StepStats[]} history
     * @param {{ evals: Binned, dead: Binned | null, updates: Binned | null } | null} bins
     */
    show(history, bins) {
      if (!history.length || !bins?.dead || !bins.updates) {
        for (const chart of [loss, accuracy, dead, updates]) chart.show(null);
        norms.update({ columns: [], rowLabels: [], caption: empty, label: t("lab.mon.norms") });
        return;
      }
      const { evals } = bins;
      const xAxis = { xLabel: t("lab.mon.xLabel"), xMin: 0, xMax: Math.max(1, history.at(-1).step) };
      const line = (label, k) => ({ label, x: evals.steps, y: evals.series[k] });
      const some = (k) => evals.series[k].some((v) => !Number.isNaN(v));
      const hasTest = some(1);
      loss.show({
        series: [line(t("lab.mon.train"), 0), ...(hasTest ? [line(t("lab.mon.test"), 1)] : [])],
        logY: true,
        yLabel: t("lab.mon.lossY"),
        legend: "topRight", // falling curves; a fixed corner also spares the search every frame
        ...xAxis,
      });
      accuracy.show(
        some(2)
          ? {
              series: [line(t("lab.mon.train"), 2), ...(hasTest ? [line(t("lab.mon.test"), 3)] : [])],
              yLabel: t("lab.mon.accY"),
              legend: "bottomRight",
              yMin: 0,
              yMax: 1,
              ...xAxis,
            }
          : null
      );
      const L = history[0].gradNorms.length;
      const last = history.at(-1);
      const shown = history.slice(-MAX_COLUMNS);
      norms.update({
        columns: shown.map((h) => h.gradNorms),
        firstStep: shown[0].step,
        rowLabels: Array.from({ length: L }, (_, k) => (k === L - 1 ? t("lab.mon.outRow", { k: k + 1 }) : String(k + 1))),
        caption: t("lab.mon.normsCaption", { n: history.length, L, first: formatNumber(last.gradNorms[0], 3), last: formatNumber(last.gradNorms[L - 1], 3) }),
        label: t("lab.mon.normsFilled", { n: history.length, L }),
      });
      const layerName = (k) => t("lab.mon.layerN", { k: k + 1 });
      const deadLines = perLayer(bins.dead, layerName);
      // A line per layer: thin, so that many lines stay apart (and stroke fast every frame).
      dead.show(deadLines.length ? { series: deadLines, yLabel: t("lab.mon.deadY"), yMin: 0, yMax: 1, legend: "topRight", lineWidth: 1, ...xAxis } : null);
      updates.show({ series: perLayer(bins.updates, layerName), logY: true, yLabel: "‖ΔW‖/‖W‖", legend: "topRight", lineWidth: 1, ...xAxis });
      caption(loss, "loss", evals, "lab.mon.binnedEvals");
      caption(accuracy, "acc", evals, "lab.mon.binnedEvals");
      caption(dead, "dead", bins.dead);
      caption(updates, "updates", bins.updates);
    },
    /** Paints the charts on screen now: in the frame that trained, not the next. */
    paintNow() {
      for (const chart of [loss, accuracy, dead, updates]) chart.drawNow();
      norms.drawNow();
    },
    destroy() {
      for (const chart of [loss, accuracy, dead, updates]) chart.destroy();
      norms.destroy();
    },
  };
}
