// @ts-check
// What part (c) shows: the dead fraction of each hidden layer per step and the loss (series
// charts, drawn by the core's plotSeries), a summary per run, and a network diagram per run with
// the units that are dead on the whole data set greyed (edges by the trained weights), built one
// per frame after the summary once their place is near the screen (built cold, each was a
// 50–110 ms task on a phone during the scene's start, four screens above them). The runs' steps
// can be saved as CSV: per step and run, the minibatch loss and each hidden layer's dead fraction
// (components/csv.js).
import { t } from "../../i18n.js";
import { formatNumber } from "../../format.js";
import { el, liveRegion } from "../../components/dom.js";
import { createSeriesChart } from "../../components/series-chart.js";
import { createNetworkDiagram } from "../../components/network-diagram.js";
import { markBusy } from "../../components/training-progress.js";
import { createCsvButton, runsTable } from "../../components/csv.js";

/** @typedef {import("../../wasm.js").Gradlab} Gradlab */
/** @typedef {import("../../pkg/gradlab.js").Evaluation} Evaluation */
/**
 * One run as the view shows it: the activation, every step's statistics, the session's failure
 * and, at the end, the units dead on all the data, the trained weights and the evaluation.
 * @typedef {{ id: string, steps: number[], dead1: number[], dead2: number[], loss: number[],
 *   error: { step: number, message: string } | null,
 *   final: { dead: number[][], weights: number[][][], evaluation: Evaluation } | null }} TrainingRecord
 * @typedef {{ runs: TrainingRecord[], settings: { lr: number, steps: number }, done: boolean }} TrainingSnapshot
 */

/** @param {string} id */
const actName = (id) => t(`act.name.${id}`);
/** @param {number} v */
const pct = (v) => `${formatNumber(Math.round(v * 1000) / 10)} %`;

/**
 * A run's status line: `<p class="status" data-act data-state>text</p>`.
 * @param {string} act
 * @param {"active" | "saturated" | "dead"} stateName
 * @param {string} text
 */
export function statusLine(act, stateName, text) {
  const p = el("p", "status", text);
  p.dataset.act = act;
  p.dataset.state = stateName;
  return p;
}

/**
 * The runs' history as a table: the step, then per run (`_relu`, `_leaky_relu`) the minibatch
 * loss and the dead fraction of hidden layers 1 and 2 — what the charts draw.
 * @param {TrainingRecord[]} runs
 */
function historyTable(runs) {
  return runsTable("step", runs.map((r) => ({ id: r.id, index: r.steps, columns: { batch_loss: r.loss, dead_fraction_1: r.dead1, dead_fraction_2: r.dead2 } })));
}

/**
 * @param {{ gradlab: Gradlab, sizes: number[] }} options
 */
export function createTrainingView({ gradlab, sizes }) {
  let diagramFrame = 0;

  const element = el("div", "dr-train-view");
  const deadChart = createSeriesChart({ gradlab, id: "dr-dead-chart", className: "dr-dead-chart" });
  const lossChart = createSeriesChart({ gradlab, id: "dr-loss-chart", className: "dr-loss-chart" });
  const charts = el("div", "dr-train-charts");
  charts.append(deadChart.element, lossChart.element);

  /** @type {TrainingRecord[]} the runs drawn */
  let shown = [];
  const csv = createCsvButton({ id: "dr-train-csv", name: "dying-relu-training", table: () => historyTable(shown) });
  const summary = liveRegion("div", "dr-train-summary status-list", "dr-train-summary");
  const diagrams = el("div", "dr-train-diagrams");
  element.append(charts, csv.element, summary, diagrams);

  /** The runs whose diagrams wait for their place to come near the screen (or a print). */
  let waiting = /** @type {TrainingRecord[] | null} */ (null);
  let near = false;
  const sight = new IntersectionObserver(
    ([entry]) => {
      near = entry.isIntersecting;
      if (near && waiting) renderDiagrams(waiting);
    },
    { rootMargin: "600px 0px" }
  );
  sight.observe(diagrams);
  /** Builds at once the diagrams still to come (set by `renderDiagrams`). */
  let finishDiagrams = () => {};
  /** Printed, every diagram is there. */
  const printAll = () => (waiting ? renderDiagrams(waiting, { now: true }) : finishDiagrams());
  window.addEventListener("beforeprint", printAll);

  /**
   * One line per run: its failure, its progress, or (done) its dead units and accuracy.
   * @param {TrainingSnapshot} snapshot
   */
  function renderSummary({ runs, settings, done }) {
    summary.replaceChildren(
      ...runs.map((r) => {
        const f = actName(r.id);
        if (r.error) return statusLine(r.id, "saturated", t("dr.train.diverged", { f, step: r.error.step, message: r.error.message }));
        if (!done || !r.final) {
          const last = r.steps.length - 1;
          return statusLine(r.id, "active", t("dr.train.progress", { f, step: r.steps.length, total: settings.steps, d1: pct(r.dead1[last] ?? 0), d2: pct(r.dead2[last] ?? 0) }));
        }
        const [dead1, dead2] = r.final.dead;
        const acc = pct(r.final.evaluation.accuracy ?? 0);
        const p = statusLine(r.id, dead1.length + dead2.length ? "dead" : "active", t("dr.train.final", { f, steps: r.steps.length, d1: dead1.length, d2: dead2.length, w1: sizes[1], w2: sizes[2], acc }));
        p.dataset.dead1 = String(dead1.length);
        p.dataset.dead2 = String(dead2.length);
        return p;
      })
    );
  }

  /**
   * The diagram of a run's trained network, dead units greyed.
   * @param {TrainingRecord} r
   */
  function diagramBox(r) {
    const label = t("dr.train.netLabel", { f: actName(r.id) });
    const d = createNetworkDiagram({ id: `dr-train-net-${r.id}`, label });
    const dead = r.final.dead.map((list) => new Set(list));
    const columns = sizes.map((n, c) => ({
      label: c === 0 ? t("dr.train.netInputs") : c === sizes.length - 1 ? t("dr.train.netOutputs") : t("dr.train.netLayer", { layer: c }),
      units: Array.from({ length: n }, (_, u) => {
        const isDead = c > 0 && c < sizes.length - 1 && dead[c - 1].has(u);
        return { state: isDead ? "dead" : null, title: t(isDead ? "dr.train.unitDead" : "dr.train.unit", { layer: c, unit: u + 1 }) };
      }),
    }));
    const heading = el("h3", "", t("dr.train.netTitle", { f: actName(r.id) }));
    d.update({
      columns,
      weights: r.final.weights,
      label,
      summary: t("dr.train.netSummary", { d1: dead[0].size, d2: dead[1].size, w1: sizes[1], w2: sizes[2] }),
    });
    d.element.dataset.act = r.id;
    const box = el("div", "dr-train-net");
    box.append(heading, d.element);
    return box;
  }

  /**
   * The diagrams, one per animation frame after the frame in which the charts draw (each is some
   * thousand SVG elements to build, style and paint): each replaces the one in its place, and the
   * area is marked busy until the last. Not before their place is near the screen, unless `now`
   * (a print): until then they wait in `waiting`, and the area is empty.
   * @param {TrainingRecord[]} runs
   * @param {{ now?: boolean }} [options]
   */
  function renderDiagrams(runs, { now = false } = {}) {
    cancelDiagrams();
    finishDiagrams = () => {};
    waiting = near || now ? null : runs;
    // Waiting, the diagrams of an earlier run would be out of date: none are shown.
    markBusy(diagrams, !waiting);
    if (waiting) return diagrams.replaceChildren();
    const done = runs.filter((r) => r.final);
    let i = 0;
    /** Builds the next diagram in its place; false once every one is there. */
    const buildNext = () => {
      if (i === done.length) {
        while (diagrams.children.length > done.length) diagrams.lastElementChild.remove();
        markBusy(diagrams, false);
        finishDiagrams = () => {};
        return false;
      }
      const box = diagramBox(done[i]);
      const old = diagrams.children[i];
      if (old) old.replaceWith(box);
      else diagrams.append(box);
      i += 1;
      return true;
    };
    const frame = () => {
      diagramFrame = buildNext() ? requestAnimationFrame(frame) : 0;
    };
    finishDiagrams = () => {
      cancelDiagrams();
      while (buildNext());
    };
    if (now) finishDiagrams();
    else
      diagramFrame = requestAnimationFrame(() => {
        diagramFrame = requestAnimationFrame(frame);
      });
  }

  function cancelDiagrams() {
    if (diagramFrame) cancelAnimationFrame(diagramFrame);
    diagramFrame = 0;
  }

  /**
   * The charts of the runs so far: the dead fraction of each hidden layer and the loss per step.
   * @param {TrainingSnapshot} snapshot
   */
  function showCharts({ runs, settings }) {
    const x = { xLabel: t("dr.train.xLabel"), legend: /** @type {const} */ ("topRight"), xMin: 1, xMax: Math.max(2, settings.steps) };
    deadChart.setText({ label: t("dr.train.deadChartLabel", { lr: formatNumber(settings.lr) }), caption: t("dr.train.deadCaption") });
    deadChart.show({
      series: runs.flatMap((r) => [
        { label: t("dr.train.seriesDead", { f: actName(r.id), layer: 1 }), x: r.steps, y: r.dead1 },
        { label: t("dr.train.seriesDead", { f: actName(r.id), layer: 2 }), x: r.steps, y: r.dead2 },
      ]),
      ...x,
      yLabel: t("dr.train.deadLabel"),
      yMin: 0,
      yMax: 1,
    });
    lossChart.setText({ label: t("dr.train.lossChartLabel"), caption: t("dr.train.lossCaption") });
    lossChart.show({ series: runs.map((r) => ({ label: actName(r.id), x: r.steps, y: r.loss })), ...x, logY: true, yLabel: t("dr.train.lossLabel") });
  }

  return {
    element,
    /**
     * The core refused to build the network: its message instead of charts and results.
     * @param {string} message
     */
    fail(message) {
      const p = el("p", "status", t("dr.train.failed", { message }));
      p.dataset.state = "dead";
      p.setAttribute("role", "alert");
      summary.replaceChildren(p);
      csv.setAvailable(false);
      cancelDiagrams();
      finishDiagrams = () => {};
      waiting = null;
      markBusy(diagrams, false);
      diagrams.replaceChildren();
    },
    /** @param {TrainingSnapshot} next */
    render(next) {
      showCharts(next);
      shown = next.runs;
      csv.setAvailable(shown.some((r) => r.steps.length > 0));
      renderSummary(next);
      if (next.done) renderDiagrams(next.runs);
    },
    destroy() {
      cancelDiagrams();
      sight.disconnect();
      window.removeEventListener("beforeprint", printAll);
      deadChart.destroy();
      lossChart.destroy();
    },
  };
}
