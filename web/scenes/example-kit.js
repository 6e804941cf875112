// @ts-check
// Widgets of the worked examples that the dying-relu and zero-init scenes share: the editors'
// number matrices, the learning rate η, a class-label <select> whose targets are the core's
// one-hot rows, and the number of digits the calculations show (kept in the URL). Markup and
// wiring only — every number shown comes from the caller (and so from the core).
import { t } from "../i18n.js";
import * as state from "../state.js";
import { formatNumber } from "../format.js";
import { selectField } from "../components/dom.js";
import { keyedSlider } from "../components/fields.js";
import { createMatrixInput } from "../components/matrix-view.js";
import { markParam } from "../components/param-controls.js";
import { DIGITS, EDIT_LIMIT } from "./registry.js";

/** @typedef {import("../wasm.js").Gradlab} Gradlab */

/**
 * An editable matrix of an example's numbers (components/matrix-view.js), each within
 * ±EDIT_LIMIT like the URL keys that keep them.
 * @param {{ id: string, caption: string, rows: number[][], rowLabels: string[], colLabels: string[],
 *   cellLabel: (i: number, j: number) => string, step: number, onChange: (rows: number[][]) => void }} options
 */
export function exampleMatrix(options) {
  return createMatrixInput({ ...options, min: -EDIT_LIMIT, max: EDIT_LIMIT });
}

/**
 * The learning rate η of a worked example (keys `${prefix}.eta`, …) in `range`.
 * @param {{ id: string, prefix: string, range: { min: number, max: number, step: number }, value: number,
 *   onInput: (v: number) => void }} options
 */
export function etaControl({ id, prefix, range, value, onInput }) {
  return keyedSlider({ id, key: `${prefix}.eta`, ...range, value, onInput, valueText: (v) => `η = ${formatNumber(v)}` });
}

/**
 * A `<select>` of the class label 0 … classes − 1 (a field of dom.js): `optionLabel(k, row)`
 * names class k, `row` being its one-hot target as the core writes it ("0, 0, 1").
 * @param {{ gradlab: Gradlab, id: string, label: string, classes: number, value: number, className?: string,
 *   optionLabel: (k: number, row: string) => string, onChange: (k: number) => void }} options
 */
export function labelSelect({ gradlab, id, label, classes, value, className, optionLabel, onChange }) {
  const labels = Array.from({ length: classes }, (_, k) => k);
  const rows = gradlab.oneHot(labels, classes);
  return selectField({
    id,
    label,
    options: labels.map((k) => ({ value: k, label: optionLabel(k, rows[k].join(", ")) })),
    value,
    className,
    onChange: (v) => onChange(Number(v)),
  });
}

/**
 * The `<select>` of how many significant digits the calculations show (label `key`, options
 * `${key}Value`), on one line with its label. The choice lives in the scene's URL key `digits`:
 * read here (`value`), written on every change before `onChange(digits)`.
 * @param {{ sceneId: string, id: string, key: string, onChange: (digits: number) => void }} options
 */
export function digitsField({ sceneId, id, key, onChange }) {
  const value = state.readParams(sceneId, {}, ["digits"]).digits;
  const { element } = selectField({
    id,
    label: t(key),
    options: DIGITS.map((d) => ({ value: d, label: t(`${key}Value`, { d }) })),
    value,
    className: "inline-field",
    onChange: (v) => {
      const digits = Number(v);
      state.writeParams(sceneId, { digits });
      onChange(digits);
    },
  });
  return { element: markParam(element, "digits"), value };
}
