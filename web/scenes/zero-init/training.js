// Training runs and their charts. A run is trained by the shared training session one step at a
// time so that every step's loss (and, on request, the weights after it) can be shown; the page
// only collects these snapshots. Charts are drawn by the core's plotSeries.
import { t } from "../../i18n.js";
import { currentTheme } from "../../theme.js";
import { createChart } from "../../components/chart.js";

/**
 * A run for `trainLosses`: `config` on `data`, and its record `{ losses, accuracy, specs, stats,
 * end, final, error }` — `losses[i]` is the mean loss per sample after i updates (the last one
 * from evaluate()), `specs[i]` the weights after i updates (with `collectSpecs`), `stats` the last
 * step's statistics, `error` the session's failure if the run stopped early (e.g. it diverged) —
 * what it got so far is kept. `fields` are copied into the record (an id, …).
 */
export function lossRun({ config, data, collectSpecs = false, ...fields }) {
  return { config, data, record: { ...fields, collectSpecs, losses: [], accuracy: [], specs: [], stats: null, end: null, final: null, error: null } };
}

const hooks = {
  begin({ trainer, record }) {
    if (record.collectSpecs) record.specs.push(trainer.spec());
  },
  collect({ trainer, record }, stats) {
    record.losses.push(stats.loss);
    record.accuracy.push(stats.accuracy);
    record.stats = stats;
    if (record.collectSpecs) record.specs.push(trainer.spec());
  },
  finish({ trainer, record, error }) {
    if (error) return;
    record.end = trainer.evaluate();
    record.losses.push(record.end.loss);
    record.accuracy.push(record.end.accuracy);
    record.final = trainer.spec();
  },
};

/**
 * Trains `runs` (from lossRun) `steps` steps each in `session`, side by side; `onDone(records,
 * { stopped })` gets their records. `onProgress` as the session's.
 */
export function trainLosses(session, { runs, steps, onProgress, onDone }) {
  session.run({
    runs,
    steps,
    ...hooks,
    onProgress,
    onDone: ({ runs: done, stopped }) => onDone(done.map((run) => Object.assign(run.record, { error: run.error })), { stopped }),
  });
}

/** What a view says about a run that stopped early: the core's message, as a divergence or a refusal. */
export function runErrorText(error) {
  return error.kind === "invalid" ? t("train.invalid", { message: error.message }) : t("train.diverged", { step: error.step, message: error.message });
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
