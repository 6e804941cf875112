// @ts-check
// Widgets the dying-relu and zero-init scenes share, built on web/components/ (candidates for the
// shared kit: see the kit-b branch's report): a scene part with its heading, a button, a
// fieldset, a live region, the editors' number matrices and η, a slider labelled by i18n keys, a
// class-label <select> whose targets are the core's one-hot rows, the number of digits shown,
// and a radio group. Markup and
// wiring only — every number shown comes from the caller (and so from the core).
import { t } from "../../i18n.js";
import * as state from "../../state.js";
import { formatNumber } from "../../format.js";
import { el, selectField } from "../../components/dom.js";
import { createMatrixInput } from "../../components/matrix-view.js";
import { createSliderNumber } from "../../components/slider-number.js";
import { DIGITS, EDIT_LIMIT } from "../registry.js";

/** @typedef {import("../../wasm.js").Gradlab} Gradlab */

/**
 * A part of a scene: `<section id>` labelled by its h2 (id `${id}-title`, focusable from script,
 * as the table of contents and the overview's links do) and an intro paragraph.
 * @param {{ id: string, className: string, title: string, intro?: string, introClass: string }} options
 */
export function section({ id, className, title, intro, introClass }) {
  const element = el("section", className);
  element.id = id;
  const heading = el("h2", "", title);
  heading.id = `${id}-title`;
  heading.tabIndex = -1;
  element.setAttribute("aria-labelledby", heading.id);
  element.append(heading);
  if (intro) element.append(el("p", introClass, intro));
  return element;
}

/**
 * A `<button type="button">` with the page's button style.
 * @param {string} text
 * @param {{ id?: string, className?: string, onClick?: () => void }} [options]
 */
export function button(text, { id, className = "", onClick } = {}) {
  const b = /** @type {HTMLButtonElement} */ (el("button", `button ${className}`.trim(), text));
  b.type = "button";
  if (id) b.id = id;
  if (onClick) b.addEventListener("click", onClick);
  return b;
}

/**
 * A `<fieldset>` with its legend and contents.
 * @param {string} className
 * @param {string} legend
 * @param {...Node} children
 */
export function fieldset(className, legend, ...children) {
  const f = el("fieldset", className);
  f.append(el("legend", "", legend), ...children);
  return f;
}

/**
 * A polite live region (a verdict, a run's result): read out when its content changes.
 * @param {string} tag
 * @param {string} className
 * @param {string} id
 */
export function liveRegion(tag, className, id) {
  const region = el(tag, className);
  region.id = id;
  region.setAttribute("aria-live", "polite");
  return region;
}

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
 * A slider with a number box, labelled by the i18n keys `key` (with `params`), `${key}.slider`
 * and `${key}.number`; `valueText(v)` is what a screen reader says for the slider's value.
 * @param {{ id: string, key: string, params?: Record<string, string | number>, min: number, max: number,
 *   step: number, value: number, onInput: (v: number) => void, valueText?: (v: number) => string }} options
 */
export function keyedSlider({ id, key, params, min, max, step, value, onInput, valueText = (v) => formatNumber(v) }) {
  return createSliderNumber({
    id,
    label: t(key, params),
    sliderLabel: t(`${key}.slider`),
    numberLabel: t(`${key}.number`),
    min,
    max,
    step,
    value,
    onInput,
    valueText,
  });
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
  return { element, value };
}

/**
 * A group of radio buttons, each a pill around its input (arrow keys move between them).
 * @param {{ name: string, label: string, options: { value: string, label: string }[], value: string,
 *   className: string, choiceClass: string, onChange: (value: string) => void }} options
 */
export function radioGroup({ name, label, options, value, className, choiceClass, onChange }) {
  const element = el("div", className);
  element.setAttribute("role", "radiogroup");
  element.setAttribute("aria-label", label);
  const radios = options.map((o) => {
    const choice = el("label", choiceClass);
    const radio = /** @type {HTMLInputElement} */ (el("input"));
    radio.type = "radio";
    radio.name = name;
    radio.id = `${name}-${o.value}`;
    radio.value = o.value;
    radio.checked = o.value === value;
    radio.addEventListener("change", () => {
      if (radio.checked) onChange(o.value);
    });
    choice.append(radio, el("span", "", o.label));
    element.append(choice);
    return radio;
  });
  return {
    element,
    /** Checks the radio of `next` without firing onChange. */
    set(next) {
      for (const r of radios) r.checked = r.value === next;
    },
  };
}
