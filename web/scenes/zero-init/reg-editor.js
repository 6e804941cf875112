// @ts-check
// The editor of one regression: the input x, the target, the starting weights (zero by
// default) and η — every number of the article's example editable in place. `onChange(p)` fires
// on every valid edit. Nothing is computed here (softmax's one-hot targets are the core's).
import { t } from "../../i18n.js";
import { subscript } from "../../format.js";
import { el, button, fieldset } from "../../components/dom.js";
import { ETA, REGRESSIONS } from "./params.js";
import { etaControl, exampleMatrix, labelSelect } from "../example-kit.js";
import { markChanges, markParam } from "../../components/param-controls.js";

/** @typedef {import("../../wasm.js").Gradlab} Gradlab */
/** @typedef {import("./params.js").RegressionKind} RegressionKind */
/** @typedef {import("./params.js").RegressionParams} RegressionParams */

/**
 * Cell label of the starting weights: the article's w_i (w_kj for softmax) or b.
 * @param {RegressionKind} kind
 * @param {number} i
 * @param {number} j
 * @param {number} inputs
 */
function weightName(kind, i, j, inputs) {
  if (i === inputs) return kind === "softmax" ? `b${subscript(j + 1)}` : "b";
  return kind === "softmax" ? `w${subscript(j + 1)}${subscript(i + 1)}` : `w${subscript(i + 1)}`;
}

/**
 * The labels of the model's rows (one per output) and columns (the weights, then the bias), as
 * the article writes z_k = w_k1·x₁ + w_k2·x₂ + … + b_k — shared by the editor and the trained
 * weights' table.
 * @param {RegressionKind} kind
 * @param {RegressionParams} p
 */
export function weightLabels(kind, p) {
  const softmax = kind === "softmax";
  return {
    rowLabels: softmax ? p.b.map((_, k) => `z${subscript(k + 1)}`) : [kind === "linear" ? "ŷ" : "z"],
    colLabels: [...p.x.map((_, i) => (softmax ? `wₖ${subscript(i + 1)}` : `w${subscript(i + 1)}`)), softmax ? "bₖ" : "b"],
  };
}

/**
 * One row per output: its weights, then its bias.
 * @param {{ W: number[][], b: number[] }} layer
 */
export const weightRows = ({ W, b }) => b.map((bk, k) => [...W.map((row) => row[k]), bk]);

/**
 * @param {{ gradlab: Gradlab, kind: RegressionKind, params: RegressionParams,
 *   onChange: (p: RegressionParams) => void, onReset: () => void }} options
 */
export function createRegressionEditor({ gradlab, kind, params, onChange, onReset }) {
  let p = structuredClone(params);
  /**
   * Applies an edit and reports the new numbers.
   * @param {Partial<RegressionParams>} changes
   */
  const set = (changes) => {
    Object.assign(p, changes);
    onChange(structuredClone(p));
  };
  const inputs = p.x.length;
  const prefix = `zi-${kind}`;

  const x = exampleMatrix({
    id: `${prefix}-x`,
    caption: t("zi.edit.x"),
    rows: [p.x],
    rowLabels: [""],
    colLabels: p.x.map((_, j) => `x${subscript(j + 1)}`),
    cellLabel: (i, j) => t("zi.edit.xCell", { j: j + 1 }),
    step: 0.1,
    onChange: (rows) => set({ x: rows[0] }),
  });

  /** @type {{ element: HTMLElement, set: (v: number) => void }} */
  let target;
  if (kind === "linear") {
    const y = exampleMatrix({
      id: `${prefix}-y`,
      caption: t("zi.edit.y"),
      rows: [[p.y]],
      rowLabels: [""],
      colLabels: ["y"],
      cellLabel: () => t("zi.edit.yCell"),
      step: 0.1,
      onChange: (rows) => set({ y: rows[0][0] }),
    });
    target = { element: y.element, set: (v) => y.setValues([[v]]) };
  } else {
    const field = labelSelect({
      gradlab,
      id: `${prefix}-y`,
      label: t(`zi.edit.label.${kind}`),
      classes: kind === "logistic" ? 2 : p.b.length,
      value: p.y,
      className: "zi-field",
      optionLabel: (k, row) => t(`zi.edit.labelOption.${kind}`, { y: k, vec: row }),
      onChange: (k) => set({ y: k }),
    });
    target = { element: field.element, set: (v) => (field.select.value = String(v)) };
  }

  const weights = exampleMatrix({
    id: `${prefix}-w`,
    caption: t("zi.edit.weights"),
    rows: weightRows(p),
    ...weightLabels(kind, p),
    cellLabel: (k, i) => t("zi.edit.wCell", { name: weightName(kind, i, k, inputs) }),
    step: 0.01,
    onChange: (rows) => set({ W: p.x.map((_, i) => rows.map((row) => row[i])), b: rows.map((row) => row[inputs]) }),
  });

  const eta = etaControl({
    id: `${prefix}-eta`,
    prefix: "zi.edit",
    range: ETA,
    value: p.eta,
    onInput: (v) => set({ eta: v }),
  });

  const reset = button(t("zi.edit.reset"), { id: `${prefix}-reset`, className: "zi-reset", onClick: () => onReset() });
  // Each field carries its URL key (`lin-x`, …: a link's lock= and hide=); Reset sets them all.
  const key = (/** @type {string} */ field) => `${REGRESSIONS[kind].key}-${field}`;
  markParam(x.element, key("x"));
  markParam(target.element, key("y"));
  markParam(weights.element, key("w"), key("b"));
  markParam(eta.element, key("eta"));
  markChanges(reset, key("x"), key("y"), key("w"), key("b"), key("eta"));

  const element = el("form", "zi-editor example-editor panel");
  element.setAttribute("aria-label", t("zi.edit.form", { model: t(`zi.reg.${kind}.name`) }));
  element.addEventListener("submit", (event) => event.preventDefault());
  const dataRow = el("div", "zi-data-row example-row");
  dataRow.append(x.element, target.element);
  element.append(fieldset("example-fieldset", t("zi.edit.data"), dataRow), fieldset("example-fieldset", t("zi.edit.start"), weights.element), eta.element, reset);

  return {
    element,
    /**
     * Shows `params` (after a reset), without firing onChange.
     * @param {RegressionParams} next
     */
    set(next) {
      p = structuredClone(next);
      x.setValues([p.x]);
      target.set(p.y);
      weights.setValues(weightRows(p));
      eta.setValue(p.eta);
    },
  };
}
