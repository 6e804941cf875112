// @ts-check
// The worked example's inputs: x, the label, M (bias row first), W_out, the hidden activation
// (with α where it has one) and η — every number editable in place. `onChange(params)` fires on
// every valid edit; the scene re-traces and re-renders. Nothing is computed here (the label's
// one-hot target is the core's; the activations' names are the i18n table's `act.name.*`).
import { t } from "../../i18n.js";
import { formatNumber, subscript } from "../../format.js";
import { el, button, fieldset } from "../../components/dom.js";
import { ACTIVATIONS, ALPHA, ETA, defaultAlpha } from "./params.js";
import { etaControl, exampleMatrix, labelSelect } from "../example-kit.js";
import { keyedSlider, radioGroup } from "../../components/fields.js";
import { markChanges, markParams } from "../../components/param-controls.js";

/** @typedef {import("../../wasm.js").Gradlab} Gradlab */
/** @typedef {import("../../pkg/gradlab.js").ActivationInfo} ActivationInfo */
/** @typedef {import("./params.js").WorkedParams} WorkedParams */

/**
 * @param {{ gradlab: Gradlab, params: WorkedParams, catalog: ActivationInfo[],
 *   onChange: (p: WorkedParams) => void, onReset: () => void }} options
 */
export function createEditor({ gradlab, params, catalog, onChange, onReset }) {
  let p = structuredClone(params);
  /**
   * Applies an edit and reports the new numbers.
   * @param {Partial<WorkedParams>} changes
   */
  const set = (changes) => {
    Object.assign(p, changes);
    onChange(structuredClone(p));
  };
  /** @param {string} letter @param {number} n */
  const name = (letter, n) => `${letter}${subscript(n + 1)}`;

  const x = exampleMatrix({
    id: "dr-x",
    caption: t("dr.edit.x"),
    rows: [p.x],
    colLabels: p.x.map((_, j) => name("x", j)),
    rowLabels: [""],
    cellLabel: (i, j) => t("dr.edit.xCell", { j: j + 1 }),
    step: 0.1,
    onChange: (rows) => set({ x: rows[0] }),
  });

  const label = labelSelect({
    gradlab,
    id: "dr-label",
    label: t("dr.edit.label"),
    classes: p.Wout[0].length,
    value: p.label,
    className: "field dr-label-field",
    optionLabel: (k, row) => t("dr.edit.labelOption", { k, y: row }),
    onChange: (k) => set({ label: k }),
  });

  // M (bias row first) and W_out: one column of M and one row of W_out per hidden unit.
  /** @type {{ id: string, key: "M" | "Wout", caption: string, rowLabels: string[], colLabels: string[], cell: string }[]} */
  const matrices = [
    { id: "dr-m", key: "M", caption: t("dr.edit.M"), rowLabels: [t("dr.edit.biasRow"), ...p.x.map((_, i) => name("x", i))], colLabels: p.M[0].map((_, j) => name("h", j)), cell: "dr.edit.mCell" },
    { id: "dr-w", key: "Wout", caption: t("dr.edit.Wout"), rowLabels: p.Wout.map((_, i) => name("h", i)), colLabels: p.Wout[0].map((_, k) => name("z", k)), cell: "dr.edit.wCell" },
  ];
  const weights = matrices.map(({ id, key, caption, rowLabels, colLabels, cell }) =>
    exampleMatrix({
      id,
      caption,
      rows: p[key],
      rowLabels,
      colLabels,
      cellLabel: (i, j) => t(cell, { i: i + 1, j: j + 1 }),
      step: 0.01,
      onChange: (rows) => set({ [key]: rows }),
    })
  );
  const [M, W] = weights;

  // Activation: a radio group (arrow keys move between the choices).
  const act = radioGroup({
    name: "dr-act",
    label: t("dr.edit.act"),
    options: ACTIVATIONS.map((id) => ({ value: id, label: t(`act.name.${id}`) })),
    value: p.act,
    className: "dr-act-group",
    choiceClass: "dr-act-choice",
    onChange: (id) => {
      set({ act: id, alpha: defaultAlpha(catalog, id) });
      syncAlpha();
    },
  });

  const alphaHost = el("div", "dr-alpha");
  function syncAlpha() {
    alphaHost.replaceChildren();
    const range = ALPHA[p.act];
    if (!range) return;
    const alpha = keyedSlider({
      id: "dr-alpha",
      key: "dr.edit.alpha",
      params: { f: t(`act.name.${p.act}`) },
      ...range,
      value: p.alpha ?? defaultAlpha(catalog, p.act),
      onInput: (v) => set({ alpha: v }),
      valueText: (v) => `α = ${formatNumber(v)}`,
    });
    alphaHost.append(alpha.element);
  }
  syncAlpha();

  const eta = etaControl({
    id: "dr-eta",
    prefix: "dr.edit",
    range: ETA,
    value: p.eta,
    onInput: (v) => set({ eta: v }),
  });

  // Each field carries its URL key (a link's lock= and hide=); Reset sets them all.
  markParams({ x: x.element, y: label.element, m: M.element, w: W.element, act: act.element, alpha: alphaHost, eta: eta.element });
  const reset = markChanges(button(t("dr.edit.reset"), { className: "dr-reset", onClick: () => onReset() }), "x", "y", "m", "w", "act", "alpha", "eta");
  const element = el("form", "dr-editor example-editor panel");
  element.setAttribute("aria-label", t("dr.edit.label.form"));
  element.addEventListener("submit", (event) => event.preventDefault());
  const dataRow = el("div", "dr-data-row example-row");
  dataRow.append(x.element, label.element);
  const weightsRow = el("div", "dr-weights-row example-row");
  weightsRow.append(M.element, W.element);
  element.append(
    fieldset("example-fieldset", t("dr.edit.data"), dataRow),
    fieldset("example-fieldset", t("dr.edit.weights"), weightsRow),
    fieldset("example-fieldset", t("dr.edit.act"), act.element, alphaHost),
    eta.element,
    reset
  );

  return {
    element,
    /**
     * Shows `next` (after a reset or a navigation), without firing onChange.
     * @param {WorkedParams} next
     */
    set(next) {
      p = structuredClone(next);
      x.setValues([p.x]);
      label.select.value = String(p.label);
      M.setValues(p.M);
      W.setValues(p.Wout);
      act.set(p.act);
      syncAlpha();
      eta.setValue(p.eta);
    },
    /**
     * Marks the dead/revived unit's column of M and row of W_out.
     * @param {string[]} states
     */
    markUnits(states) {
      /** @param {number} j */
      const cls = (j) => (states[j] === "dead" ? "is-dead" : states[j] === "revived" ? "is-revived" : "");
      M.setCellClass((i, j) => cls(j));
      W.setCellClass((i) => cls(i));
    },
  };
}
