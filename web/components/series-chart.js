// @ts-check
// A line chart of one or more series drawn by the core's `plotSeries` (loss curves, gradient
// norms per layer, a unit's value over training steps): a chart host (chart.js: sized for
// devicePixelRatio, redrawn on resize and theme changes, a message instead of a blank box) that
// shows the options the scene last gave it.
//
//   const chart = createSeriesChart({ gradlab, id: "zi-lin-chart", empty: t("zi.chart.empty") });
//   chart.show({ series: [{ label, x, y }], logY: true, xLabel, yLabel, legend: "topRight" });
//   chart.setText({ label, caption });   chart.show(null);   // → the `empty` message
import { currentTheme } from "../theme.js";
import { createChart } from "./chart.js";

/** @param {{ gradlab: import("../wasm.js").Gradlab, id?: string, label?: string, caption?: string, className?: string, empty?: string, lazy?: boolean }} options */
export function createSeriesChart({ gradlab, id, label, caption, className, empty = "", lazy = false }) {
  let options = null;
  const chart = createChart({
    id,
    label,
    caption,
    lazy,
    warm: gradlab.plotSeries,
    draw: ({ canvas, dpr, width, height, warmUp }) => {
      // The warm-up (chart.js): a small log-scale chart of one series on a canvas never shown —
      // the parts every series chart runs (axes, ticks, labels, legend, a line) compile then, in
      // an idle period, instead of inside the first chart's paint (74 → 17 ms of script at 4×
      // CPU in the vanishing scene's start).
      if (warmUp) {
        gradlab.plotSeries(canvas, { series: [{ label: "y", x: [1, 2, 3], y: [1e-6, 1e-3, 1] }], logY: true, xLabel: "x", yLabel: "y", dark: currentTheme() === "dark", dpr, width, height });
        return null;
      }
      if (!options) return { unavailable: empty };
      // The box's size as measured by the chart host: the core need not ask the layout again.
      const geometry = gradlab.plotSeries(canvas, { ...options, dark: currentTheme() === "dark", dpr, width, height });
      // Where the plot and its legend are (CSS pixels), for pointer mapping and the tests.
      chart.element.dataset.geometry = JSON.stringify(geometry.panels[0]);
      return null;
    },
  });
  if (className) chart.element.classList.add(className);
  return {
    ...chart,
    /** Draws `next` (plotSeries' options without dark/dpr) at the next frame; null: the empty message. */
    show(next) {
      options = next;
      chart.requestDraw();
    },
  };
}
