// @ts-check
// DOM builders that the vanishing and activations scenes (and the other scenes' parts) repeat:
// a section labelled by its heading, a status line that screen readers announce, a checkbox or
// a radio button with its label, table headers and number cells, and a slider whose labels are
// one i18n key's three strings (bound to a setting, or not). Markup only — no numbers of their
// own. Candidates for components/dom.js: they live here until the kit takes them, and both
// scenes import them from here.
import { t } from "../../i18n.js";
import { formatNumber } from "../../format.js";
import { el } from "../../components/dom.js";
import { createSliderNumber } from "../../components/slider-number.js";

/**
 * A `<section>` (or another `tag`) whose accessible name is its heading: the heading (`level`,
 * class `headingClass`) with id `id` and text `title`, first inside it.
 * @param {{ tag?: string, className: string, level?: "h2" | "h3", headingClass?: string, id: string, title: string }} options
 * @returns {{ element: HTMLElement, heading: HTMLElement }}
 */
export function headedSection({ tag = "section", className, level = "h2", headingClass = "", id, title }) {
  const element = el(tag, className);
  const heading = el(level, headingClass, title);
  heading.id = id;
  element.setAttribute("aria-labelledby", id);
  element.append(heading);
  return { element, heading };
}

/**
 * A `<p>` whose changes screen readers announce (aria-live polite): a verdict, a status.
 * @param {string} id
 * @param {string} [className]
 * @returns {HTMLParagraphElement}
 */
export function liveLine(id, className = "status") {
  const line = /** @type {HTMLParagraphElement} */ (el("p", className));
  line.id = id;
  line.setAttribute("aria-live", "polite");
  return line;
}

/**
 * A checkbox and its label in a `.field`: `{ element, input }`.
 * @param {{ id: string, label: string, checked?: boolean }} options
 */
export function checkboxField({ id, label, checked = false }) {
  const element = el("div", "field checkbox-field");
  const input = /** @type {HTMLInputElement} */ (el("input"));
  input.type = "checkbox";
  input.id = id;
  input.checked = checked;
  const caption = /** @type {HTMLLabelElement} */ (el("label", "", label));
  caption.htmlFor = id;
  element.append(input, caption);
  return { element, input };
}

/**
 * A radio button inside its `<label>` (class `className`), before the label's text: `{ element, input }`.
 * @param {{ name: string, id: string, value: string, label: string, checked?: boolean, className?: string }} options
 */
export function radioChoice({ name, id, value, label, checked = false, className = "checkbox-field" }) {
  const element = el("label", className);
  const input = /** @type {HTMLInputElement} */ (el("input"));
  Object.assign(input, { type: "radio", name, id, value, checked });
  element.append(input, el("span", "", label));
  return { element, input };
}

/**
 * A slider and number box (components/slider-number.js) labelled by the i18n strings `key`
 * (or `label`), `key.slider` and `key.number`, speaking its value as a number.
 * @param {{ id: string, key: string, label?: string, min: number, max: number, step: number, value: number, onInput: (value: number) => void }} options
 */
export function keyedSlider({ id, key, label = t(key), min, max, step, value, onInput }) {
  return createSliderNumber({
    id,
    label,
    sliderLabel: t(`${key}.slider`),
    numberLabel: t(`${key}.number`),
    min,
    max,
    step,
    value,
    onInput,
    valueText: (v) => formatNumber(v),
  });
}

/**
 * A keyed slider bound to the number `settings[key]` in `range`: a move writes the value
 * (rounded to an integer when `step` ≥ 1) and calls `onChange`.
 * @template {string} K
 * @param {{ settings: Record<K, number>, key: K, id: string, i18n: string, range: [number, number], step: number, onChange: () => void }} options
 */
export function settingSlider({ settings, key, id, i18n, range: [min, max], step, onChange }) {
  return keyedSlider({
    id,
    key: i18n,
    min,
    max,
    step,
    value: settings[key],
    onInput: (v) => {
      settings[key] = step >= 1 ? Math.round(v) : v;
      onChange();
    },
  });
}

/**
 * A `<thead>` of one row of column headers.
 * @param {string[]} labels
 */
export function columnHeads(labels) {
  const head = el("thead");
  const row = el("tr");
  for (const label of labels) {
    const th = el("th", "", label);
    th.setAttribute("scope", "col");
    row.append(th);
  }
  head.append(row);
  return head;
}

/**
 * A row header `<th scope="row">` with `text` (or empty, to fill).
 * @param {string} [text]
 */
export function rowHead(text) {
  const th = el("th", "", text);
  th.setAttribute("scope", "row");
  return th;
}

/**
 * A `<td>` showing `text`, with the raw number in data-value.
 * @param {string} className
 * @param {number} value
 * @param {string} text
 */
export function valueCell(className, value, text) {
  const td = el("td", className, text);
  td.dataset.value = String(value);
  return td;
}
