// What part (c) shows: the dead fraction of each hidden layer per step and the loss (plotSeries,
// drawn by the core's plotters-canvas), a summary per run, and a network diagram per run with
// the units that are dead on the whole data set greyed (edges by the trained weights), built one
// per frame after the summary.
import { t } from "../../i18n.js";
import { formatNumber } from "../../format.js";
import { currentTheme } from "../../theme.js";
import { createChart } from "../../components/chart.js";
import { createNetworkDiagram } from "../../components/network-diagram.js";
import { markBusy } from "../../components/training-progress.js";
import { el } from "../../components/dom.js";

const NAME = { relu: "ReLU", leaky_relu: "LeakyReLU" };
const pct = (v) => `${formatNumber(Math.round(v * 1000) / 10)} %`;

export function createTrainingView({ gradlab, sizes }) {
  let snapshot = null; // { runs, settings, done }
  let diagramFrame = 0;

  const element = el("div", "dr-train-view");
  const deadChart = createChart({
    id: "dr-dead-chart",
    draw: ({ canvas, dpr }) => {
      if (!snapshot) return null;
      gradlab.plotSeries(canvas, {
        series: snapshot.runs.flatMap((r) => [
          { label: t("dr.train.seriesDead", { f: NAME[r.id], layer: 1 }), x: r.steps, y: r.dead1 },
          { label: t("dr.train.seriesDead", { f: NAME[r.id], layer: 2 }), x: r.steps, y: r.dead2 },
        ]),
        xLabel: t("dr.train.xLabel"),
        yLabel: t("dr.train.deadLabel"),
        legend: "topRight",
        xMin: 1,
        xMax: Math.max(2, snapshot.settings.steps),
        yMin: 0,
        yMax: 1,
        dark: currentTheme() === "dark",
        dpr,
      });
      return null;
    },
  });
  const lossChart = createChart({
    id: "dr-loss-chart",
    draw: ({ canvas, dpr }) => {
      if (!snapshot) return null;
      gradlab.plotSeries(canvas, {
        series: snapshot.runs.map((r) => ({ label: NAME[r.id], x: r.steps, y: r.loss })),
        logY: true,
        xLabel: t("dr.train.xLabel"),
        yLabel: t("dr.train.lossLabel"),
        legend: "topRight",
        xMin: 1,
        xMax: Math.max(2, snapshot.settings.steps),
        dark: currentTheme() === "dark",
        dpr,
      });
      return null;
    },
  });
  deadChart.element.classList.add("dr-dead-chart");
  lossChart.element.classList.add("dr-loss-chart");
  const charts = el("div", "dr-train-charts");
  charts.append(deadChart.element, lossChart.element);

  const summary = el("div", "dr-train-summary");
  summary.id = "dr-train-summary";
  summary.setAttribute("aria-live", "polite");
  const diagrams = el("div", "dr-train-diagrams");
  element.append(charts, summary, diagrams);

  function renderSummary({ runs, settings, done }) {
    summary.replaceChildren();
    for (const r of runs) {
      const p = el("p", "status");
      p.dataset.act = r.id;
      if (r.error) {
        p.dataset.state = "saturated";
        p.textContent = t("dr.train.diverged", { f: NAME[r.id], step: r.error.step, message: r.error.message });
      } else if (!done || !r.final) {
        p.dataset.state = "active";
        const last = r.steps.length - 1;
        p.textContent = t("dr.train.progress", { f: NAME[r.id], step: r.steps.length, total: settings.steps, d1: pct(r.dead1[last] ?? 0), d2: pct(r.dead2[last] ?? 0) });
      } else {
        const [dead1, dead2] = r.final.dead;
        const total = dead1.length + dead2.length;
        p.dataset.state = total ? "dead" : "active";
        p.dataset.dead1 = String(dead1.length);
        p.dataset.dead2 = String(dead2.length);
        p.textContent = t("dr.train.final", {
          f: NAME[r.id],
          steps: r.steps.length,
          d1: dead1.length,
          d2: dead2.length,
          w1: sizes[1],
          w2: sizes[2],
          acc: pct(r.final.evaluation.accuracy ?? 0),
        });
      }
      summary.append(p);
    }
  }

  /** The diagram of a run's trained network, dead units greyed. */
  function diagramBox(r) {
    const d = createNetworkDiagram({ id: `dr-train-net-${r.id}`, label: t("dr.train.netLabel", { f: NAME[r.id] }) });
    const dead = r.final.dead.map((list) => new Set(list));
    const columns = sizes.map((n, c) => ({
      label: c === 0 ? t("dr.train.netInputs") : c === sizes.length - 1 ? t("dr.train.netOutputs") : t("dr.train.netLayer", { layer: c }),
      units: Array.from({ length: n }, (_, u) => {
        const isDead = c > 0 && c < sizes.length - 1 && dead[c - 1].has(u);
        return { state: isDead ? "dead" : null, title: t(isDead ? "dr.train.unitDead" : "dr.train.unit", { layer: c, unit: u + 1 }) };
      }),
    }));
    const heading = el("h3", "", t("dr.train.netTitle", { f: NAME[r.id] }));
    d.update({
      columns,
      weights: r.final.weights,
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
   * area is marked busy until the last.
   */
  function renderDiagrams(runs) {
    if (diagramFrame) cancelAnimationFrame(diagramFrame);
    diagramFrame = 0;
    const done = runs.filter((r) => r.final);
    const next = (i) => {
      diagramFrame = 0;
      if (i === done.length) {
        while (diagrams.children.length > done.length) diagrams.lastElementChild.remove();
        markBusy(diagrams, false);
        return;
      }
      const box = diagramBox(done[i]);
      const old = diagrams.children[i];
      if (old) old.replaceWith(box);
      else diagrams.append(box);
      diagramFrame = requestAnimationFrame(() => next(i + 1));
    };
    markBusy(diagrams, true);
    diagramFrame = requestAnimationFrame(() => {
      diagramFrame = requestAnimationFrame(() => next(0));
    });
  }

  function describeCharts(settings) {
    deadChart.setText({ label: t("dr.train.deadChartLabel", { lr: formatNumber(settings.lr) }), caption: t("dr.train.deadCaption") });
    lossChart.setText({ label: t("dr.train.lossChartLabel"), caption: t("dr.train.lossCaption") });
  }

  return {
    element,
    /** The core refused to build the network: its message instead of charts and results. */
    fail(message) {
      const p = el("p", "status");
      p.dataset.state = "dead";
      p.setAttribute("role", "alert");
      p.textContent = t("dr.train.failed", { message });
      summary.replaceChildren(p);
      if (diagramFrame) cancelAnimationFrame(diagramFrame);
      diagramFrame = 0;
      markBusy(diagrams, false);
      diagrams.replaceChildren();
    },
    render(next) {
      snapshot = next;
      describeCharts(next.settings);
      renderSummary(next);
      if (next.done) renderDiagrams(next.runs);
      deadChart.requestDraw();
      lossChart.requestDraw();
    },
    themeChanged() {
      deadChart.requestDraw();
      lossChart.requestDraw();
    },
    destroy() {
      if (diagramFrame) cancelAnimationFrame(diagramFrame);
      deadChart.destroy();
      lossChart.destroy();
    },
  };
}
