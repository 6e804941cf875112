// @ts-check
// A training view's history as a CSV file (issue 16, exports): a header row of English
// identifiers (stable for scripts: `step`, `loss`, `update_ratio_3`, …), then one row per recorded
// step. Numbers are written as the core gave them, in full — JavaScript's shortest exact form,
// with a dot — and a missing value (no accuracy for a regression) as an empty cell. The "Download
// CSV" button of a view is off, with a note saying why, until the view has recorded a step: a
// file is never empty. Saved through components/download.js (no network request).
import { t } from "../i18n.js";
import { el, button } from "./dom.js";
import { downloadText } from "./download.js";

/**
 * A table for a CSV file: column names and rows of cells.
 * @typedef {{ header: string[], rows: (number | string | null | undefined)[][] }} CsvTable
 */

/**
 * One cell: a number in full, text quoted when it holds a comma, a quote or a line break, and
 * nothing for null or undefined.
 * @param {number | string | null | undefined} value
 */
export function csvCell(value) {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The CSV text of `table`: the header, then one line per row, each line ended by a newline.
 * @param {CsvTable} table
 */
export function csvText({ header, rows }) {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\n") + "\n";
}

/**
 * Per-layer column names `${name}_1` … `${name}_${count}` (layer 1 is the first hidden layer).
 * @param {string} name @param {number} count
 */
export function layerColumns(name, count) {
  return Array.from({ length: count }, (_, k) => `${name}_${k + 1}`);
}

/**
 * The core's statistics of every training step (`Trainer.step`), one row each: the step, the
 * minibatch's loss and accuracy, and per layer the gradient norm, the share of dead units and
 * the relative update ‖ΔW‖/‖W‖.
 * @param {import("../pkg/gradlab.js").StepStats[]} history
 * @returns {CsvTable}
 */
export function stepStatsTable(history) {
  const layers = history[0]?.gradNorms.length ?? 0;
  return {
    header: ["step", "batch_loss", "batch_accuracy", ...layerColumns("grad_norm", layers), ...layerColumns("dead_fraction", layers), ...layerColumns("update_ratio", layers)],
    rows: history.map((s) => [s.step, s.loss, s.accuracy, ...s.gradNorms, ...s.deadFraction, ...s.updateRatios]),
  };
}

/**
 * Runs side by side as one table: the `index` column (each run's `index`: its steps), then for
 * every run its `columns`, each named `${column}_${run id}`; row i holds every run's i-th values,
 * as long as the longest run (a run that stopped early has empty cells after its end).
 * @param {string} index the first column's name
 * @param {{ id: string, index: number[], columns: Record<string, (number | null)[]> }[]} runs
 * @returns {CsvTable}
 */
export function runsTable(index, runs) {
  const longest = runs.reduce((a, b) => (b.index.length > a.index.length ? b : a), { index: [] });
  const series = runs.flatMap((run) => Object.entries(run.columns).map(([column, values]) => ({ name: `${column}_${run.id}`, values })));
  return {
    header: [index, ...series.map((s) => s.name)],
    rows: longest.index.map((value, i) => [value, ...series.map((s) => s.values[i])]),
  };
}

/**
 * A view's "Download CSV" button (`id`; the file `gradlab-${name}.csv`). `table()` is read when it
 * is pressed; `setAvailable(false)` switches it off, with a note, until the view has a history.
 * @param {{ id: string, name: string, table: () => CsvTable }} options
 */
export function createCsvButton({ id, name, table }) {
  const element = el("div", "csv-export");
  const note = el("span", "csv-note", t("csv.empty"));
  note.id = `${id}-note`;
  const save = button(t("csv.download"), { id, className: "chart-csv", onClick: () => downloadText(csvText(table()), `gradlab-${name}.csv`, "text/csv") });
  save.setAttribute("aria-describedby", note.id);
  element.append(save, note);
  /** @param {boolean} available */
  function setAvailable(available) {
    if (save.disabled === !available) return;
    save.disabled = !available;
    note.hidden = available;
  }
  setAvailable(false);
  return { element, setAvailable };
}
