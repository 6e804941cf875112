// @ts-check
// Part (b): the cure. (1) The same example under six hidden activations, side by side: f′ at the
// watched unit's pre-activation, the gradient it receives, its column of ∇M and of M after one
// SGD step — each row one core trace. (2) SGD repeated k times by the shared training session
// (plain SGD on the one sample, the example's η; ReLU and the other activation side by side, a
// trace after every step): the dead ReLU unit's h stays exactly where it was, the unit under the
// other activation moves. A long run goes in time slices; the last result stays, dimmed, until
// the new one is complete. Which unit to watch (`watchedUnit`) and whether it is frozen (its
// gradient column is zero: `zeroResidue`) are the core's judgements; the page reads snapshots.
// The runs' h after every step can be saved as CSV (components/csv.js).
import { scrollFocus } from "../../components/scroll-focus.js";
import { t } from "../../i18n.js";
import * as state from "../../state.js";
import { formatNumber, subscript } from "../../format.js";
import { el, button, liveRegion, section } from "../../components/dom.js";
import { cardTable } from "../../components/card-table.js";
import { createSeriesChart } from "../../components/series-chart.js";
import { createTrainingSession } from "../../components/training-session.js";
import { createTrainingProgress, markBusy } from "../../components/training-progress.js";
import { specData, specSgdConfig } from "../../components/trainer-config.js";
import { ACTIVATIONS, activationSpec, defaultAlpha, specOf } from "./params.js";
import { statusLine } from "./training-view.js";
import { keyedSlider } from "../../components/fields.js";
import { markParam } from "../../components/param-controls.js";
import { createCsvButton, runsTable } from "../../components/csv.js";
import { afterFrame } from "../../components/idle.js";

/** @typedef {import("../../wasm.js").Gradlab} Gradlab */
/** @typedef {import("../../pkg/gradlab.js").Spec} Spec */
/** @typedef {import("../../pkg/gradlab.js").Trace} Trace */
/** @typedef {import("../../pkg/gradlab.js").LayerTrace} LayerTrace */
/** @typedef {import("../../pkg/gradlab.js").ActivationInfo} ActivationInfo */
/** @typedef {import("./params.js").WorkedParams} WorkedParams */
/**
 * One repeated-SGD run: the activation, h of the watched unit after each step and the last trace.
 * @typedef {{ id: string, x: number[], h: number[], last: Trace | null, error?: { kind: string, message: string } | null }} RepeatRecord
 */

/** @param {number} v */
const fmt = (v) => formatNumber(v, 4);
/** @param {string} id */
const actName = (id) => t(`act.name.${id}`);
export const K_MAX = 500;

/**
 * Unit `unit`'s column of [b; W] (bias first, as the article writes M).
 * @param {number[]} bias
 * @param {number[][]} weights
 * @param {number} unit
 */
const columnOf = (bias, weights, unit) => [bias[unit], ...weights.map((row) => row[unit])];

/**
 * True when the unit gets no gradient — its column of ∇M is zero, up to float64 residue against
 * the layer's whole gradient: the core's judgement (`zeroResidue`). Such a unit cannot move.
 * @param {Gradlab} gradlab
 * @param {LayerTrace} layer
 * @param {number} unit
 */
function frozenUnit(gradlab, layer, unit) {
  return gradlab.zeroResidue(columnOf(layer.gradBias, layer.gradWeights, unit), [layer.gradBias, ...layer.gradWeights]).allZero;
}

/**
 * @param {{ gradlab: Gradlab, preset: Spec, catalog: ActivationInfo[], reportError?: (error: unknown) => void }} options
 */
export function createCure({ gradlab, preset, catalog, reportError }) {
  /** @type {{ params: WorkedParams, unit: number | null } | null} */
  let current = null;
  /** @type {WorkedParams | null} the worked example's parameters, not yet read (see `schedule`) */
  let pending = null;
  let k = state.readParams("dying-relu", {}, ["k"]).k;
  /** @type {(() => void) | null} cancels the drawing waiting for its frame (`schedule`) */
  let waiting = null;
  const session = createTrainingSession({ gradlab, reportError });

  const element = section({ id: "dr-cure", className: "dr-cure", title: t("dr.cure.title"), intro: t("dr.cure.intro"), introClass: "dr-intro" });

  const tableWrap = el("div", "dr-table-wrap panel");
  scrollFocus(tableWrap, t("dr.cure.title"));
  const table = cardTable(/** @type {HTMLTableElement} */ (el("table", "dr-compare")));
  table.id = "dr-compare";
  tableWrap.append(table);
  element.append(tableWrap);

  // --- repeated SGD -----------------------------------------------------------------------
  const repeat = el("div", "dr-repeat");
  const repeatIntro = el("p", "dr-intro");
  const controls = el("div", "dr-repeat-controls panel");
  /** @param {number} next */
  const setK = (next) => {
    k = next;
    kControl.setValue(k);
    schedule();
  };
  const kControl = keyedSlider({
    id: "dr-k",
    key: "dr.repeat.k",
    min: 0,
    max: K_MAX,
    step: 1,
    value: k,
    onInput: (v) => {
      k = Math.round(v);
      schedule();
    },
    valueText: (v) => t("dr.repeat.kValue", { k: Math.round(v) }),
  });
  const plusOne = button(t("dr.repeat.plusOne"), { className: "dr-plus-one", onClick: () => setK(Math.min(K_MAX, k + 1)) });
  const buttons = el("div", "dr-buttons");
  buttons.append(plusOne, button(t("dr.repeat.zero"), { className: "dr-zero", onClick: () => setK(0) }));
  controls.append(kControl.element, buttons);
  markParam(controls, "k"); // the slider and its buttons: a link's lock=k and hide=k
  const result = liveRegion("div", "dr-repeat-result status-list", "dr-repeat-result");
  const progress = createTrainingProgress({ id: "dr-repeat-progress", onStop: () => session.stop(), returnFocus: kControl.slider });
  const chart = createSeriesChart({ gradlab, id: "dr-h-chart", className: "dr-h-chart", empty: t("dr.repeat.noUnit") });
  const repeatGrid = el("div", "dr-repeat-grid split split-chart");
  /** @type {{ unit: number, runs: RepeatRecord[] } | null} the runs drawn */
  let shown = null;
  const csv = createCsvButton({
    id: "dr-repeat-csv",
    name: "dying-relu-repeated-sgd",
    // Per step (0: before any) and run, the watched unit's pre-activation: `h2_relu`, `h2_leaky_relu`.
    table: () => runsTable("step", shown.runs.map((r) => ({ id: r.id, index: r.x, columns: { [`h${shown.unit + 1}`]: r.h } }))),
  });
  const side = el("div", "dr-repeat-side");
  side.append(controls, progress.element, result, csv.element);
  repeatGrid.append(chart.element, side);
  repeat.append(el("h3", "", t("dr.repeat.title")), repeatIntro, repeatGrid);
  element.append(repeat);

  // --- the comparison table ---------------------------------------------------------------
  /**
   * The activation of a row: the student's α for the selected one, the catalog's default for the others.
   * @param {string} id
   * @param {WorkedParams} params
   */
  function rowAct(id, params) {
    if (id === params.act) return activationSpec(id, params.alpha);
    return activationSpec(id, defaultAlpha(catalog, id));
  }

  /**
   * A cell of numbers, one per line; `changedFrom`: mark those that differ from these.
   * @param {number[]} values
   * @param {number[]} [changedFrom]
   */
  function column(values, changedFrom) {
    const td = el("td", "dr-col");
    for (const [i, v] of values.entries()) {
      const mark = changedFrom && !Object.is(v, changedFrom[i]) ? "is-changed" : v === 0 ? "is-zero" : "";
      const span = el("span", mark, changedFrom ? formatNumber(v, 7) : fmt(v));
      span.dataset.value = String(v);
      td.append(span);
    }
    return td;
  }

  /** @param {number} v */
  function number(v) {
    const td = el("td", v === 0 ? "is-zero" : "", fmt(v));
    td.dataset.value = String(v);
    return td;
  }

  /**
   * @param {WorkedParams} params
   * @param {number} unit
   */
  function renderTable(params, unit) {
    table.replaceChildren();
    const u = subscript(unit + 1);
    const head = el("thead");
    const hr = el("tr");
    for (const key of ["act", "fprime", "grad", "dM", "Mnew"]) {
      const th = /** @type {HTMLTableCellElement} */ (el("th", "", t(`dr.compare.${key}`, { unit: u })));
      th.scope = "col";
      hr.append(th);
    }
    head.append(hr);
    const body = el("tbody");
    for (const id of ACTIVATIONS) {
      const act = rowAct(id, params);
      const tr = gradlab.trace(specOf(gradlab, params, preset, act.id, act.alpha ?? null), undefined);
      const L0 = tr.layers[0];
      const frozen = frozenUnit(gradlab, L0, unit);
      const row = el("tr", `${id === params.act ? "is-selected" : ""} ${frozen ? "is-frozen" : "is-moving"}`.trim());
      row.dataset.act = id;
      const name = /** @type {HTMLTableCellElement} */ (el("th", "", actName(id) + (act.alpha !== undefined ? ` (α = ${formatNumber(act.alpha)})` : "")));
      name.scope = "row";
      const before = columnOf(params.M[0], params.M.slice(1), unit);
      const after = columnOf(tr.updated[0].bias, tr.updated[0].weights, unit);
      row.append(name, number(L0.derivative[0][unit]), number(L0.gradPreActivation[0][unit]), column(columnOf(L0.gradBias, L0.gradWeights, unit)), column(after, before));
      body.append(row);
    }
    table.append(el("caption", "", t("dr.compare.caption", { unit: u })), head, body);
  }

  // --- repeated SGD through the training session -----------------------------------------
  /**
   * Reads the watched unit's h (and keeps the trace) at the run's current weights.
   * @param {{ trainer: import("../../pkg/gradlab.js").Trainer, record: RepeatRecord }} run
   * @param {number} unit
   */
  function observe({ trainer, record }, unit) {
    record.last = trainer.trace([0], undefined);
    record.x.push(record.x.length);
    record.h.push(record.last.layers[0].preActivation[0][unit]);
  }

  /** @param {boolean} on */
  function busy(on) {
    markBusy(result, on);
    markBusy(chart.element, on);
    if (!on) progress.hide();
  }

  function renderRepeat() {
    waiting = null;
    if (pending) {
      const params = pending;
      pending = null;
      const unit = gradlab.watchedUnit(specOf(gradlab, params, preset, "relu", null));
      current = { params, unit };
      markBusy(tableWrap, false);
      if (unit === null) table.replaceChildren(el("caption", "", t("dr.compare.none")));
      else {
        renderTable(params, unit);
        // The repeated steps in a task of their own: with the table (a trace per activation and its
        // rows) they were one callback of 34–64 ms at 4× CPU. Until then the results are
        // those of the previous parameters, shown as busy.
        busy(true);
        schedule();
        return;
      }
    }
    if (!current) return;
    const { params, unit } = current;
    plusOne.disabled = k >= K_MAX;
    state.updateSoon({ k: k === 100 ? null : k });
    if (unit === null) {
      session.cancel();
      busy(false);
      result.replaceChildren();
      repeatIntro.textContent = t("dr.repeat.noUnit");
      chart.show(null);
      csv.setAvailable(false);
      return;
    }
    const otherId = params.act === "relu" ? "leaky_relu" : params.act;
    const acts = [
      { id: "relu", act: activationSpec("relu", null) },
      { id: otherId, act: rowAct(otherId, params) },
    ];
    session.run({
      runs: acts.map(({ id, act }) => {
        const spec = specOf(gradlab, params, preset, act.id, act.alpha ?? null);
        return { config: specSgdConfig(spec, params.eta), data: specData(spec), record: { id, x: [], h: [], last: null } };
      }),
      steps: k,
      begin: (run) => observe(run, unit),
      collect: (run) => observe(run, unit),
      onProgress: ({ done, total }) => progress.show({ done, total }),
      onDone: ({ runs }) => {
        busy(false);
        renderResult(params, unit, otherId, runs.map((run) => ({ ...run.record, error: run.error })));
      },
    });
    busy(session.busy);
  }

  /**
   * One run's line: frozen (the core finds no gradient for the unit at the trained weights, so it
   * never moved) or moved, with its numbers; or the core's message if the run stopped.
   * @param {RepeatRecord} r
   * @param {number} unit
   */
  function runLine(r, unit) {
    const f = actName(r.id);
    if (r.error) {
      const line = statusLine(r.id, "saturated", r.error.kind === "invalid" ? t("train.invalid", { message: r.error.message }) : t("dr.repeat.diverged", { f, message: r.error.message }));
      line.dataset.error = r.error.kind;
      return line;
    }
    const L0 = r.last.layers[0];
    const frozen = frozenUnit(gradlab, L0, unit);
    const line = statusLine(r.id, frozen ? "dead" : "active", t(frozen ? "dr.repeat.frozen" : "dr.repeat.moved", {
      f,
      k: r.x.length - 1,
      unit: subscript(unit + 1),
      h0: fmt(r.h[0]),
      h: fmt(r.h.at(-1)),
      col: columnOf(L0.bias, L0.weights, unit).map(fmt).join(", "),
      dh: fmt(L0.gradPreActivation[0][unit]),
    }));
    line.dataset.frozen = String(frozen);
    return line;
  }

  /**
   * The runs' results, all at once: a line per activation and the chart of h over the steps.
   * @param {WorkedParams} params
   * @param {number} unit
   * @param {string} otherId
   * @param {RepeatRecord[]} runs
   */
  function renderResult(params, unit, otherId, runs) {
    const u = subscript(unit + 1);
    const steps = Math.max(0, ...runs.map((r) => r.x.length - 1));
    repeatIntro.textContent = t("dr.repeat.intro", { unit: u, eta: formatNumber(params.eta), other: actName(otherId) });
    result.replaceChildren(...runs.map((r) => runLine(r, unit)));
    const ok = runs.filter((r) => !r.error);
    shown = { unit, runs: ok };
    csv.setAvailable(ok.length > 0);
    chart.setText({
      label: t("dr.repeat.chartLabel", { unit: u, k: steps }),
      caption: t("dr.repeat.caption", { unit: u, other: actName(otherId) }),
    });
    chart.show(
      ok.length
        ? {
            series: ok.map((r) => ({ label: t("dr.repeat.series", { f: actName(r.id), unit: u }), x: r.x, y: r.h })),
            xLabel: t("dr.repeat.xLabel"),
            yLabel: t("dr.repeat.yLabel", { unit: u }),
            xMin: 0,
            xMax: Math.max(1, steps),
          }
        : null
    );
  }

  /**
   * `renderRepeat` once the next frame is painted: in a frame callback, its script and the layout
   * of what it drew were one task (100–125 ms at 4× CPU at the scene's start).
   */
  function schedule() {
    waiting ??= afterFrame(renderRepeat);
  }

  return {
    element,
    /**
     * Called with the worked example's current parameters.
     * @param {{ params: WorkedParams }} snapshot
     */
    update({ params }) {
      // Read after the next frame, with the repeated steps: the part sits below the worked example,
      // whose edits (and the scene's mount) should not wait for its table.
      pending = params;
      markBusy(tableWrap, true);
      schedule();
    },
    destroy() {
      waiting?.();
      session.destroy();
      chart.destroy();
    },
  };
}
