// Training runs and their charts. A run is a core Trainer stepped one step at a time so that
// every step's loss (and, on request, the weights after it) can be shown; the page only
// collects these snapshots. Charts are drawn by the core's plotSeries.
import { t } from "../../i18n.js";
import { currentTheme } from "../../theme.js";
import { createChart } from "../../components/chart.js";
import { isWasmTrap } from "../../wasm.js";

/**
 * Trains `steps` steps from `config` on `data`. Returns
 * `{ losses, accuracy, specs, stats, end, final, error }`: `losses[i]` is the mean loss per
 * sample after i updates (losses[steps] from evaluate()), `specs[i]` the weights after i updates
 * (with `collectSpecs`), `stats` the last step's statistics, `error` a message if the run
 * stopped early (e.g. it diverged) — what it got so far is kept.
 */
export function train(gradlab, { config, data, steps, collectSpecs = false }) {
  const run = { losses: [], accuracy: [], specs: [], stats: null, end: null, final: null, error: null };
  let trainer;
  try {
    trainer = new gradlab.Trainer(config, data);
    if (collectSpecs) run.specs.push(trainer.spec());
    for (let i = 0; i < steps; i++) {
      const s = trainer.step(1);
      run.losses.push(s.loss);
      run.accuracy.push(s.accuracy);
      run.stats = s;
      if (collectSpecs) run.specs.push(trainer.spec());
    }
    run.end = trainer.evaluate();
    run.losses.push(run.end.loss);
    run.accuracy.push(run.end.accuracy);
    run.final = trainer.spec();
  } catch (error) {
    if (isWasmTrap(error)) throw error;
    run.error = error instanceof Error ? error.message : String(error);
  } finally {
    trainer?.free();
  }
  return run;
}

/** The trainer config for a spec and learning rate: the article's plain SGD, summed loss. */
export function sgdConfig(spec, lr) {
  return { layers: spec.layers, loss: spec.loss, reduction: "sum", optimizer: { id: "sgd", lr }, shuffle: false };
}

/** x values 0..n−1 for a series of n points. */
export const stepAxis = (n) => Array.from({ length: n }, (_, i) => i);

/**
 * A line chart over training steps: `series()` returns [{ label, y }] (y[i] after i updates);
 * drawn by the core's plotSeries.
 * Returns the chart host plus `refresh()`.
 */
export function createLossChart(gradlab, { id, label, caption, series, logY = false, xLabel, yLabel }) {
  const chart = createChart({
    id,
    label,
    caption,
    draw: ({ canvas, dpr, width, height }) => {
      if (typeof gradlab.plotSeries !== "function") return { unavailable: t("chart.unavailable") };
      // Inside a hidden panel the box has no size: draw when it is shown (the chart's
      // ResizeObserver asks again then).
      if (width < 2 || height < 2) return null;
      const data = series();
      if (!data.length || data.every((s) => s.y.length === 0)) return { unavailable: t("zi.chart.empty") };
      gradlab.plotSeries(canvas, {
        series: data.map((s) => ({ label: s.label, x: stepAxis(s.y.length), y: s.y })),
        logY,
        xLabel: xLabel ?? t("zi.chart.step"),
        yLabel: yLabel ?? t("zi.chart.loss"),
        legend: data.length > 1 || data[0]?.label ? "topRight" : "none",
        dark: currentTheme() === "dark",
        dpr,
      });
      return null;
    },
  });
  chart.element.classList.add("zi-chart");
  return chart;
}
