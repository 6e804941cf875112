// @ts-check
// Part (c), results: the loss curves of every init side by side, a table saying for each run
// whether its hidden units are still identical, and the details of one run — the hidden
// weights [b; W] and the output weights before and after training with identical columns
// (rows of W_out) highlighted, and each hidden unit's weights over the steps.
//
// Which units are identical is the core's judgement (`identicalUnits`: equal within a relative
// 10⁻¹², far below any digit shown); the page marks what it says.
import { t } from "../../i18n.js";
import { formatNumber, subscript } from "../../format.js";
import { el, selectField, button, liveRegion } from "../../components/dom.js";
import { cardTable } from "../../components/card-table.js";
import { createLossChart, createLossCsv, runErrorText } from "./training.js";
import { SYM_PARAMS } from "./params.js";
import { matrixTable, tableHead, valueLine } from "./util.js";
import { markChanges, markParams } from "../../components/param-controls.js";

/** @typedef {import("../../wasm.js").Gradlab} Gradlab */
/** @typedef {import("../../pkg/gradlab.js").Spec} Spec */
/** @typedef {import("./params.js").SymmetryParams} SymmetryParams */
/** @typedef {import("./training.js").LossRecord & { id: string, listed: boolean }} SymmetryRun */

/**
 * The hidden layer as [b; W] (bias first, as the article writes M).
 * @param {Spec} spec
 */
const hiddenRows = (spec) => [spec.layers[0].bias, ...spec.layers[0].weights];

/**
 * The per-unit value a plot follows: weight from x₁, from x₂, the bias, or the weight to z₁.
 * @param {Spec} spec
 * @param {string} param
 * @param {number} j
 */
function unitValue(spec, param, j) {
  if (param === "w1") return spec.layers[0].weights[0][j];
  if (param === "w2") return spec.layers[0].weights[1][j];
  if (param === "b") return spec.layers[0].bias[j];
  return spec.layers[1].weights[j][0];
}

/**
 * @param {{ gradlab: Gradlab, getDigits: () => number, initName: (id: string) => string,
 *   onShow: (id: string | null, param: string | null) => void }} options
 */
export function createSymmetryView({ gradlab, getDigits, initName, onShow }) {
  /** @type {{ params: SymmetryParams | null, runs: SymmetryRun[] }} */
  let current = { params: null, runs: [] };
  /**
   * The core's verdict on the units of `rows`: columns (hidden [b; W]) or rows (W_out).
   * @param {number[][]} rows
   * @param {"columns" | "rows"} [units]
   */
  const identical = (rows, units = "columns") => gradlab.identicalUnits(rows, { units });

  const element = el("div", "zi-sym-results");

  // --- loss curves of all inits -----------------------------------------------------------
  const lossChart = createLossChart(gradlab, { id: "zi-sym-chart" });
  const summary = el("div", "zi-sym-summary-host");
  const curves = el("div", "zi-sym-curves panel");
  const curvesGrid = el("div", "split split-late");
  curvesGrid.append(lossChart.element, summary);
  // The curves drawn (the inits ticked), as CSV.
  const csv = createLossCsv({ id: "zi-sym-csv", name: "zero-init-symmetry", runs: () => current.runs.filter((r) => r.listed) });
  curves.append(el("h3", "", t("zi.sym.curves")), curvesGrid, csv.element);

  // --- one run in detail ------------------------------------------------------------------
  const detail = el("div", "zi-sym-detail panel");
  const detailHead = el("div", "zi-sym-detail-head");
  const showField = selectField({ id: "zi-sym-show", label: t("zi.sym.show"), options: [], value: "", className: "zi-field", onChange: (v) => onShow(v, null) });
  const paramField = selectField({
    id: "zi-sym-param",
    label: t("zi.sym.param"),
    options: SYM_PARAMS.map((p) => ({ value: p, label: t(`zi.sym.param.${p}`) })),
    value: "w1",
    className: "zi-field",
    onChange: (v) => onShow(null, v),
  });
  markParams({ "sym-show": showField.element, "sym-param": paramField.element }); // their URL keys (lock=, hide=)
  detailHead.append(showField.element, paramField.element);
  const verdict = liveRegion("p", "status", "zi-sym-verdict");
  const matrices = el("div", "zi-sym-matrices");
  const unitChart = createLossChart(gradlab, { id: "zi-sym-units-chart", yLabel: t("zi.sym.units.y") });
  const unitsBox = el("div", "zi-sym-units");
  unitsBox.append(el("h4", "", t("zi.sym.units")), unitChart.element);
  const detailGrid = el("div", "zi-sym-grid split split-late");
  detailGrid.append(matrices, unitsBox);
  detail.append(el("h3", "", t("zi.sym.detail")), detailHead, verdict, detailGrid);

  element.append(curves, detail);

  // --- rendering ----------------------------------------------------------------------------
  function renderSummary() {
    const { params, runs } = current;
    const listed = runs.filter((r) => r.listed);
    if (!listed.length) {
      summary.replaceChildren(el("p", "zi-small", t("zi.sym.noneChosen")));
      return;
    }
    const table = cardTable(/** @type {HTMLTableElement} */ (el("table", "zi-matrix zi-sym-table")));
    table.id = "zi-sym-summary";
    const tbody = el("tbody");
    table.append(
      el("caption", "", t("zi.sym.table.caption", { n: params.n })),
      tableHead(["init", "start", "end", "acc", "units"].map((h) => t(`zi.sym.table.${h}`, { n: params.n }))),
      tbody
    );
    for (const run of listed) {
      const tr = el("tr");
      tr.dataset.init = run.id;
      const name = /** @type {HTMLTableCellElement} */ (el("th"));
      name.scope = "row";
      name.append(markChanges(button(initName(run.id), { className: "zi-link", onClick: () => onShow(run.id, null) }), "sym-show"));
      const same = run.final ? identical(hiddenRows(run.final)).allIdentical : false;
      const units = el("td", same ? "is-same" : "is-different", t(same ? "zi.sym.identical" : "zi.sym.different"));
      units.dataset.identical = String(same);
      /** @param {number | null | undefined} v @param {number} digits */
      const cell = (v, digits) => {
        const td = el("td", "", v === undefined ? "—" : formatNumber(v, digits));
        if (v !== undefined) td.dataset.value = String(v);
        return td;
      };
      tr.append(name, cell(run.losses[0], 5), cell(run.end?.loss, 5), cell(run.end?.accuracy, 3), units);
      tbody.append(tr);
    }
    summary.replaceChildren(table);
  }

  /**
   * A matrix with the units the core finds identical marked (their labels say which twin).
   * @param {string} id
   * @param {string} caption
   * @param {number[][]} rows
   * @param {{ rowLabels: string[], colLabels: string[], byRow?: boolean }} options
   */
  function matrixWithTwins(id, caption, rows, { rowLabels, colLabels, byRow = false }) {
    const verdict = identical(rows, byRow ? "rows" : "columns");
    const twins = verdict.twins;
    const labels = (byRow ? rowLabels : colLabels).map((l, k) => (twins[k] !== null ? `${l} = ${(byRow ? rowLabels : colLabels)[twins[k]]}` : l));
    const table = matrixTable({
      gradlab,
      id,
      caption,
      rows,
      rowLabels: byRow ? labels : rowLabels,
      colLabels: byRow ? colLabels : labels,
      digits: getDigits(),
      cellClass: (i, j) => (twins[byRow ? i : j] !== null ? "zi-same" : null),
    });
    table.dataset.identical = String(verdict.allIdentical);
    return table;
  }

  function renderDetail() {
    const { params, runs } = current;
    const run = runs.find((r) => r.id === params.show);
    showField.select.replaceChildren(...runs.map((r) => Object.assign(el("option", "", initName(r.id)), { value: r.id })));
    showField.select.value = params.show;
    paramField.select.value = params.param;
    matrices.replaceChildren();
    if (!run || !run.specs.length) {
      verdict.textContent = run?.error ? runErrorText(run.error) : "";
      return;
    }
    const first = run.specs[0];
    const last = run.specs.at(-1);
    const steps = run.specs.length - 1;
    const width = first.layers[0].bias.length;
    const units = Array.from({ length: width }, (_, j) => `h${subscript(j + 1)}`);
    const same = identical(hiddenRows(last)).allIdentical;
    verdict.dataset.identical = String(same);
    verdict.dataset.state = same ? "dead" : "active";
    verdict.textContent = t(same ? "zi.sym.verdict.identical" : "zi.sym.verdict.broken", { init: initName(run.id), n: steps });
    /** @param {string} key @param {number} n */
    const when = (key, n) => (n ? t(`zi.sym.${key}`, { n }) : t(`zi.sym.${key}.start`));
    /** @param {string} id @param {Spec} spec @param {number} n */
    const hidden = (id, spec, n) => matrixWithTwins(id, when("hidden", n), hiddenRows(spec), { rowLabels: ["1", "x₁", "x₂"], colLabels: units });
    /** @param {string} id @param {Spec} spec @param {number} n */
    const out = (id, spec, n) =>
      matrixWithTwins(id, when("output", n), spec.layers[1].weights, { rowLabels: units, colLabels: spec.layers[1].bias.map((_, k) => `z${subscript(k + 1)}`), byRow: true });
    const before = el("div", "zi-sym-pair");
    before.append(hidden("zi-sym-hidden-start", first, 0), out("zi-sym-out-start", first, 0));
    const after = el("div", "zi-sym-pair");
    after.append(hidden("zi-sym-hidden-end", last, steps), out("zi-sym-out-end", last, steps));
    matrices.append(before, after, valueLine("zi-sym-detail-loss", t("zi.train.lossEnd", { n: steps }), run.losses.at(-1)));
    unitChart.setText({
      label: t("zi.sym.units.label", { init: initName(run.id), param: t(`zi.sym.param.${params.param}`) }),
      caption: t(same ? "zi.sym.units.same" : "zi.sym.units.apart"),
    });
  }

  /** The curves: every listed init's loss, and each hidden unit's value of the run in detail. */
  function showCurves() {
    const { params, runs } = current;
    const listed = runs.filter((r) => r.listed);
    lossChart.showSeries(listed.map((r) => ({ label: initName(r.id), y: r.losses })));
    csv.setAvailable(listed.some((r) => r.losses.length > 0));
    const run = runs.find((r) => r.id === params.show);
    const width = run?.specs[0]?.layers[0].bias.length ?? 0;
    unitChart.showSeries(Array.from({ length: width }, (_, j) => ({ label: `h${subscript(j + 1)}`, y: run.specs.map((s) => unitValue(s, params.param, j)) })));
  }

  return {
    element,
    /** @param {{ params: SymmetryParams, runs: SymmetryRun[] }} next */
    show(next) {
      current = next;
      lossChart.setText({ label: t("zi.sym.curves.label", { n: next.params.n }), caption: t("zi.sym.curves.caption", { n: next.params.n }) });
      renderSummary();
      renderDetail();
      showCurves();
    },
    destroy() {
      lossChart.destroy();
      unitChart.destroy();
    },
  };
}
