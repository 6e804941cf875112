// @ts-check
// The zero-init scene's displays of numbers: read-only tables of matrices and labelled values,
// and a live region that announces a run's result — with the one display rule this scene needs:
// float64 residue of an exact 0 is shown as 0.
//
// Residue: a sum that is exactly 0 in real arithmetic can come out of float64 as ±1.1 × 10⁻¹⁶
// (e.g. the balanced MLP's output-bias gradient 1/3 + 1/3 + 1/3 − 1). The core reports what
// float64 gives and is right to; which numbers are residue is the core's judgement too
// (`gradlab.zeroResidue`, against the scale of the numbers they were computed from). The page
// shows those as 0, marks the cell, and keeps the raw value in a tooltip and data-raw.
import { t } from "../../i18n.js";
import { formatNumber } from "../../format.js";
import { el } from "../../components/dom.js";
import { createValueRow } from "../../components/value-row.js";

/** @typedef {import("../../wasm.js").Gradlab} Gradlab */

/**
 * The tooltip of a cell shown as 0 although float64 gave `raw`.
 * @param {number} raw
 */
export function residueTitle(raw) {
  return t("zi.residue.title", { raw: formatNumber(raw, 3) });
}

/**
 * Calls `fn(v, i, j)` on every number of a value (a number: (0, 0); a vector: (0, j); a matrix:
 * (i, j)) and returns the results in the same shape.
 * @template T
 * @param {number | number[] | number[][]} value
 * @param {(v: number, i: number, j: number) => T} fn
 * @returns {T | T[] | T[][]}
 */
export function mapValue(value, fn) {
  if (typeof value === "number") return fn(value, 0, 0);
  if (!Array.isArray(value[0])) return /** @type {number[]} */ (value).map((v, j) => fn(v, 0, j));
  return /** @type {number[][]} */ (value).map((row, i) => row.map((v, j) => fn(v, i, j)));
}

/**
 * The entry (i, j) of a value of the shape `mapValue` walks (a number, a vector as row 0, a matrix).
 * @template T
 * @param {T | T[] | T[][]} value
 * @param {number} i
 * @param {number} j
 * @returns {T}
 */
export function entryAt(value, i, j) {
  if (!Array.isArray(value)) return value;
  const row = Array.isArray(value[0]) ? value[i] : value;
  return /** @type {T[]} */ (row)[j];
}

/**
 * A table head: one `<th scope="col">` per label, after an empty corner cell if `corner`.
 * @param {string[]} labels
 * @param {{ corner?: boolean }} [options]
 */
export function tableHead(labels, { corner = false } = {}) {
  const head = el("thead");
  const tr = el("tr");
  if (corner) tr.append(el("td"));
  for (const label of labels) {
    const th = /** @type {HTMLTableCellElement} */ (el("th", "", label));
    th.scope = "col";
    tr.append(th);
  }
  head.append(tr);
  return head;
}

/**
 * A read-only table of a matrix (array of rows) with headers; cells carry data-value (shown) and
 * data-raw (as computed). Residue of 0 — judged by the core against `scaleFrom` (the numbers the
 * rows were computed from; by default the rows themselves) — is shown as 0 with a title.
 * `cellClass(i, j, shown)` may add a class.
 * @param {{ gradlab: Gradlab, id?: string, caption?: string, rows: number[][], rowLabels?: string[],
 *   colLabels?: string[], digits?: number, scaleFrom?: number | number[] | number[][],
 *   cellClass?: (i: number, j: number, v: number) => string | null, className?: string }} options
 */
export function matrixTable({ gradlab, id, caption, rows, rowLabels = [], colLabels = [], digits = 4, scaleFrom, cellClass, className = "" }) {
  const table = el("table", `zi-matrix ${className}`.trim());
  if (id) table.id = id;
  if (caption) table.append(el("caption", "", caption));
  if (colLabels.length) table.append(tableHead(colLabels, { corner: rowLabels.length > 0 }));
  const residue = gradlab.zeroResidue(rows, scaleFrom);
  const shown = /** @type {number[][]} */ (residue.shown);
  const isResidue = /** @type {boolean[][]} */ (residue.residue);
  const body = el("tbody");
  rows.forEach((row, i) => {
    const tr = el("tr");
    if (rowLabels.length) {
      const th = /** @type {HTMLTableCellElement} */ (el("th", "", rowLabels[i] ?? ""));
      th.scope = "row";
      tr.append(th);
    }
    row.forEach((v, j) => {
      const value = shown[i][j];
      const td = el("td", "", formatNumber(value, digits));
      td.dataset.value = String(value);
      td.dataset.raw = String(v);
      td.dataset.row = String(i);
      td.dataset.col = String(j);
      const classes = [];
      if (isResidue[i][j]) {
        classes.push("is-residue");
        td.title = residueTitle(v);
      }
      const extra = cellClass?.(i, j, value);
      if (extra) classes.push(extra);
      if (classes.length) td.className = classes.join(" ");
      tr.append(td);
    });
    body.append(tr);
  });
  table.append(body);
  return table;
}

/**
 * A labelled value (components/value-row.js): `value` with `digits` significant digits; the
 * output carries data-value and data-raw (the number as computed; the same here).
 * @param {string} id
 * @param {string} label
 * @param {number} value
 * @param {{ digits?: number }} [options]
 */
export function valueLine(id, label, value, { digits = 5 } = {}) {
  const row = createValueRow({ id, label, className: "readout zi-value" });
  row.set(value, formatNumber(value, digits));
  row.output.dataset.raw = String(value);
  return row.element;
}

/**
 * A visually hidden polite live region: `say(text)` announces a short sentence when it changes.
 * The first call (the scene's first render) only records the text: nothing is said on load.
 */
export function createAnnouncer() {
  const element = el("p", "visually-hidden");
  element.setAttribute("aria-live", "polite");
  /** @type {string | null} */
  let last = null;
  return {
    element,
    /** @param {string} text */
    say(text) {
      if (text === last) return;
      if (last !== null) element.textContent = text;
      last = text;
    },
  };
}
