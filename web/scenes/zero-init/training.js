// @ts-check
// Training runs and their charts. A run is trained by the shared training session one step at a
// time so that every step's loss (and, on request, the weights after it) can be shown; the page
// only collects these snapshots. Charts are the kit's series charts, drawn by the core's
// plotSeries; the curves can be saved as CSV (components/csv.js).
import { t } from "../../i18n.js";
import { createSeriesChart } from "../../components/series-chart.js";
import { createCsvButton, runsTable } from "../../components/csv.js";

/** @typedef {import("../../wasm.js").Gradlab} Gradlab */
/** @typedef {import("../../pkg/gradlab.js").Spec} Spec */
/** @typedef {import("../../pkg/gradlab.js").StepStats} StepStats */
/** @typedef {import("../../pkg/gradlab.js").Evaluation} Evaluation */
/** @typedef {import("../../pkg/gradlab.js").TrainingData} TrainingData */
/**
 * A failure of a run, as the training session reports it.
 * @typedef {{ kind: "diverged" | "invalid" | "trap", step: number, message: string, field: string }} RunError
 */
/**
 * What a run keeps: `losses[i]` is the mean loss per sample after i updates (the last one from
 * evaluate()), `specs[i]` the weights after i updates (with `collectSpecs`), `stats` the last
 * step's statistics, `end` the final evaluation, `final` the trained weights, `error` the
 * session's failure if the run stopped early (what it got so far is kept) — plus the fields the
 * view gave it (an id, …).
 * @typedef {{ collectSpecs: boolean, losses: number[], accuracy: (number | null)[], specs: Spec[],
 *   stats: StepStats | null, end: Evaluation | null, final: Spec | null, error: RunError | null,
 *   [field: string]: any }} LossRecord
 */

/**
 * A Trainer configuration from the kit (components/trainer-config.js).
 * @typedef {ReturnType<typeof import("../../components/trainer-config.js").specSgdConfig>
 *   | ReturnType<typeof import("../../components/trainer-config.js").sizedSgdConfig>} RunConfig
 */

/**
 * A run for `trainLosses`: `config` on `data`, and its record (`LossRecord`); `fields` are copied
 * into the record.
 * @param {{ config: RunConfig, data: TrainingData, collectSpecs?: boolean, [field: string]: any }} options
 */
export function lossRun({ config, data, collectSpecs = false, ...fields }) {
  /** @type {LossRecord} */
  const record = { ...fields, collectSpecs, losses: [], accuracy: [], specs: [], stats: null, end: null, final: null, error: null };
  return { config, data, record };
}

/** @typedef {{ trainer: import("../../pkg/gradlab.js").Trainer, record: LossRecord, error?: RunError | null }} Run */

const hooks = {
  /** @param {Run} run */
  begin({ trainer, record }) {
    if (record.collectSpecs) record.specs.push(trainer.spec());
  },
  /** @param {Run} run @param {StepStats} stats */
  collect({ trainer, record }, stats) {
    record.losses.push(stats.loss);
    record.accuracy.push(stats.accuracy);
    record.stats = stats;
    if (record.collectSpecs) record.specs.push(trainer.spec());
  },
  /** @param {Run} run */
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
 * @param {ReturnType<typeof import("../../components/training-session.js").createTrainingSession>} session
 * @param {{ runs: ReturnType<typeof lossRun>[], steps: number,
 *   onProgress?: (progress: { done: number, total: number }) => void,
 *   onDone: (records: LossRecord[], outcome: { stopped: boolean }) => void }} options
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

/**
 * What a view says about a run that stopped early: the core's message, as a divergence or a refusal.
 * @param {RunError} error
 */
export function runErrorText(error) {
  return error.kind === "invalid" ? t("train.invalid", { message: error.message }) : t("train.diverged", { step: error.step, message: error.message });
}

/**
 * A line chart over training steps (components/series-chart.js). `showSeries([{ label, y }])`
 * draws y[i] after i updates; no points at all: the "no curve yet" message.
 * @param {Gradlab} gradlab
 * @param {{ id: string, logY?: boolean, yLabel?: string }} options
 */
export function createLossChart(gradlab, { id, logY = false, yLabel = t("zi.chart.loss") }) {
  const chart = createSeriesChart({ gradlab, id, className: "zi-chart", empty: t("zi.chart.empty") });
  return {
    ...chart,
    /** @param {{ label?: string, y: number[] }[]} series */
    showSeries(series) {
      if (series.every((s) => s.y.length === 0)) {
        chart.show(null);
        return;
      }
      chart.show({
        series: series.map((s) => ({ label: s.label, x: s.y.map((_, i) => i), y: s.y })),
        logY,
        xLabel: t("zi.chart.step"),
        yLabel,
        legend: series.length > 1 || series[0]?.label ? "topRight" : "none",
      });
    },
  };
}

/**
 * The "Download CSV" button of loss curves (`id`, the file `gradlab-${name}.csv`): per number of
 * updates (0: before any), each run's loss and accuracy as drawn — `loss_<id>`, `accuracy_<id>`
 * (no accuracy for a linear regression: empty cells). `runs()` gives the runs shown.
 * @param {{ id: string, name: string, runs: () => { id: string, losses: number[], accuracy: (number | null)[] }[] }} options
 */
export function createLossCsv({ id, name, runs }) {
  const columns = (/** @type {{ id: string, losses: number[], accuracy: (number | null)[] }} */ r) => ({
    id: r.id,
    index: r.losses.map((_, i) => i),
    columns: { loss: r.losses, accuracy: r.accuracy },
  });
  return createCsvButton({ id, name, table: () => runsTable("updates", runs().map(columns)) });
}
