// @ts-check
// Form controls beyond the select (dom.js) and the slider (slider-number.js): a checkbox or a
// radio button with its label, a radio group, and a slider labelled by one i18n key's three
// strings (`key`, `key.slider`, `key.number`), optionally bound to a setting.
import { t } from "../i18n.js";
import { formatNumber } from "../format.js";
import { el } from "./dom.js";
import { createSliderNumber } from "./slider-number.js";

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

/**
 * A slider with a number box labelled by the i18n strings `key` (with `params`; or `label`),
 * `key.slider` and `key.number`; `valueText(v)` is what a screen reader says for its value.
 * @param {{ id: string, key: string, label?: string, params?: Record<string, string | number>,
 *   min: number, max: number, step: number, value: number, onInput: (v: number) => void,
 *   valueText?: (v: number) => string, scale?: "linear" | "log" }} options
 */
export function keyedSlider({ id, key, label, params, min, max, step, value, onInput, valueText = (v) => formatNumber(v), scale }) {
  return createSliderNumber({
    id,
    label: label ?? t(key, params),
    sliderLabel: t(`${key}.slider`),
    numberLabel: t(`${key}.number`),
    min,
    max,
    step,
    value,
    onInput,
    valueText,
    scale,
  });
}

/**
 * A keyed slider bound to the number `settings[key]` in `range`: a move writes the value
 * (rounded to an integer when `step` ≥ 1) and calls `onChange`.
 * @template {string} K
 * @param {{ settings: Record<K, number>, key: K, id: string, i18n: string, range: [number, number], step: number, onChange: () => void, scale?: "linear" | "log" }} options
 */
export function settingSlider({ settings, key, id, i18n, range: [min, max], step, onChange, scale }) {
  return keyedSlider({
    id,
    key: i18n,
    min,
    max,
    step,
    scale,
    value: settings[key],
    onInput: (v) => {
      settings[key] = step >= 1 ? Math.round(v) : v;
      onChange();
    },
  });
}
