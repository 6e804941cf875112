// @ts-check
// A slider on a logarithmic scale plus a number box, for values that span decades (ε from 1e−6
// to 0.5, softplus/swish β from 0.01 to 100). The slider moves log₁₀ of the value in steps of
// 0.01 (arrows, PageUp/PageDown, Home/End); the number box takes any number in range (decimal
// comma and Unicode minus accepted, Escape restores, ArrowUp/ArrowDown move one slider step),
// clamps out-of-range input and says so, and shows a message for text that is not a number.
// Values from the slider are rounded to 3 significant digits, so 10^−2 reads 0.01.
import { t } from "../../i18n.js";
import { formatNumber, parseNumber } from "../../format.js";
import { el } from "../../components/dom.js";

/** @param {number} v */
const round3 = (v) => Number(v.toPrecision(3));

/**
 * @param {{ id: string, label: string, sliderLabel: string, numberLabel: string, min: number, max: number,
 *   value: number, onInput?: (value: number) => void, valueText?: (value: number) => string }} options
 */
export function createLogControl({ id, label, sliderLabel, numberLabel, min, max, value, onInput, valueText }) {
  const lo = Math.log10(min);
  const hi = Math.log10(max);
  /** @param {number} v */
  const clamp = (v) => Math.min(max, Math.max(min, v));
  let current = clamp(value);

  const element = el("div", "field slider-number log-control");
  element.setAttribute("role", "group");
  const caption = /** @type {HTMLLabelElement} */ (el("label", "field-label", label));
  caption.id = `${id}-label`;
  caption.htmlFor = `${id}-number`;
  element.setAttribute("aria-labelledby", caption.id);
  const row = el("div", "slider-row");
  const slider = /** @type {HTMLInputElement} */ (el("input"));
  slider.type = "range";
  slider.id = `${id}-slider`;
  slider.min = String(lo);
  slider.max = String(hi);
  slider.step = "0.01";
  slider.setAttribute("aria-label", sliderLabel);
  const number = /** @type {HTMLInputElement} */ (el("input", "number-box"));
  number.type = "text";
  number.id = `${id}-number`;
  number.inputMode = "decimal";
  number.autocomplete = "off";
  number.spellcheck = false;
  number.setAttribute("aria-label", numberLabel);
  number.setAttribute("aria-describedby", `${id}-message`);
  const message = el("p", "field-message");
  message.id = `${id}-message`;
  message.setAttribute("aria-live", "polite");
  message.hidden = true;
  row.append(slider, number);
  element.append(caption, row, message);

  /**
   * @param {string} text
   * @param {string} [kind]
   */
  function say(text, kind = "") {
    message.textContent = text;
    message.dataset.kind = kind;
    message.hidden = text === "";
    number.setAttribute("aria-invalid", kind === "invalid" ? "true" : "false");
  }

  /** @param {{ toSlider?: boolean, box?: boolean }} [options] */
  function sync({ toSlider = true, box = true } = {}) {
    if (toSlider) slider.value = String(Math.log10(current));
    if (box) number.value = String(current);
    slider.setAttribute("aria-valuetext", valueText ? valueText(current) : formatNumber(current));
  }

  /** @param {number} v */
  function set(v) {
    current = v;
    onInput?.(current);
  }

  slider.addEventListener("input", () => {
    say("");
    current = clamp(round3(10 ** Number(slider.value)));
    sync({ toSlider: false });
    set(current);
  });

  number.addEventListener("input", () => {
    const parsed = parseNumber(number.value);
    if (Number.isNaN(parsed)) {
      say(number.value.trim() === "" ? "" : t("input.invalid", { text: number.value.trim() }), "invalid");
      return;
    }
    const clamped = clamp(parsed);
    say(
      clamped === parsed ? "" : t("input.clamped", { min: formatNumber(min), max: formatNumber(max), value: formatNumber(clamped) }),
      clamped === parsed ? "" : "clamped"
    );
    current = clamped;
    sync({ box: false });
    set(current);
  });

  number.addEventListener("change", () => {
    if (!Number.isNaN(parseNumber(number.value))) sync({ toSlider: false });
  });

  number.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      say("");
      sync();
      return;
    }
    if (event.key !== "ArrowUp" && event.key !== "ArrowDown") return;
    event.preventDefault();
    const step = (event.key === "ArrowUp" ? 0.01 : -0.01) * (event.shiftKey ? 10 : 1);
    current = clamp(round3(10 ** (Math.log10(current) + step)));
    say("");
    sync();
    set(current);
  });

  sync();
  return {
    element,
    slider,
    number,
    get value() {
      return current;
    },
    /** @param {number} v */
    setValue(v) {
      current = clamp(v);
      say("");
      sync();
    },
  };
}
