// @ts-check
// A slider and a number box bound to one value. Both are keyboard-operable (the range input
// natively: arrows, Home/End, PageUp/PageDown; the number box: ArrowUp/ArrowDown step, Shift for
// ×10, Escape restores the last valid value). `onInput(value)` fires on every change.
// The number box is a text field with inputmode="decimal", so that invalid text can be answered
// with an inline message (not a silent empty value): it accepts a decimal comma and a Unicode
// minus, clamps to [min, max] and says so, and never throws.
//
// `scale: "log"` is for values that span decades (ε from 10⁻⁶ to 0.5, β from 0.01 to 100): the
// slider moves log₁₀ of the value in steps of 0.01 (the number box's arrows too), and values
// from it are rounded to 3 significant digits, so 10⁻² reads 0.01.
import { t } from "../i18n.js";
import { formatNumber, minus, parseNumber } from "../format.js";
import { setText, setAttr, setHidden } from "./set-text.js";

const LOG_STEP = 0.01;
const round3 = (v) => Number(v.toPrecision(3));

/**
 * @param {{ id: string, label: string, sliderLabel: string, numberLabel: string, min: number,
 *   max: number, step?: number, value: number, onInput?: (value: number) => void,
 *   valueText?: (value: number) => string, scale?: "linear" | "log" }} options
 */
export function createSliderNumber({ id, label, sliderLabel, numberLabel, min, max, step = 1, value, onInput, valueText, scale = "linear" }) {
  const log = scale === "log";
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  /** The slider's position of a value, and the value of a position. */
  const toSlider = (v) => (log ? Math.log10(v) : v);
  const fromSlider = (p) => (log ? round3(10 ** p) : p);
  let current = clamp(value);

  const element = document.createElement("div");
  element.className = "field slider-number";
  element.setAttribute("role", "group");
  const caption = document.createElement("label");
  caption.className = "field-label";
  caption.id = `${id}-label`;
  caption.htmlFor = `${id}-number`;
  caption.textContent = label;
  element.setAttribute("aria-labelledby", caption.id);

  const row = document.createElement("div");
  row.className = "slider-row";
  const slider = document.createElement("input");
  slider.type = "range";
  slider.id = `${id}-slider`;
  slider.min = String(toSlider(min));
  slider.max = String(toSlider(max));
  slider.step = String(log ? LOG_STEP : step);
  slider.setAttribute("aria-label", sliderLabel);

  const number = document.createElement("input");
  number.type = "text";
  number.id = `${id}-number`;
  number.className = "number-box";
  number.inputMode = "decimal";
  number.autocomplete = "off";
  number.spellcheck = false;
  number.setAttribute("aria-label", numberLabel);
  number.setAttribute("aria-describedby", `${id}-message`);

  const message = document.createElement("p");
  message.className = "field-message";
  message.id = `${id}-message`;
  message.setAttribute("aria-live", "polite");
  message.hidden = true;

  row.append(slider, number);
  element.append(caption, row, message);

  function clamp(v) {
    return Math.min(max, Math.max(min, v));
  }

  function text(v) {
    return log ? String(v) : String(Number(v.toFixed(Math.max(decimals, 6))));
  }

  function say(msg) {
    setText(message, msg);
    setHidden(message, msg === "");
    setAttr(number, "aria-invalid", msg !== "" && message.dataset.kind === "invalid" ? "true" : "false");
  }

  function position(v) {
    return toSlider(v);
  }

  function sync({ slider: toSlider = true, box = true } = {}) {
    if (toSlider) slider.value = String(position(current));
    if (box) number.value = text(current);
    setAttr(slider, "aria-valuetext", valueText ? valueText(current) : formatNumber(current));
  }

  function emit() {
    onInput?.(current);
  }

  slider.addEventListener("input", () => {
    current = clamp(fromSlider(Number(slider.value)));
    setAttr(message, "data-kind", "");
    say("");
    sync({ slider: false });
    emit();
  });

  number.addEventListener("input", () => {
    const parsed = parseNumber(number.value);
    if (Number.isNaN(parsed)) {
      message.dataset.kind = "invalid";
      say(number.value.trim() === "" ? "" : t("input.invalid", { text: number.value.trim() }));
      return;
    }
    const clamped = clamp(parsed);
    message.dataset.kind = clamped === parsed ? "" : "clamped";
    say(
      clamped === parsed
        ? ""
        : t("input.clamped", { min: formatNumber(min), max: formatNumber(max), value: log ? formatNumber(clamped) : minus(text(clamped)) })
    );
    current = clamped;
    sync({ box: false });
    emit();
  });

  // On commit (Enter or leaving the box) show the value actually used, unless the text is invalid.
  number.addEventListener("change", () => {
    if (!Number.isNaN(parseNumber(number.value))) sync({ slider: false });
  });

  number.addEventListener("keydown", (event) => {
    let delta = 0;
    if (event.key === "ArrowUp") delta = step;
    else if (event.key === "ArrowDown") delta = -step;
    else if (event.key === "Escape") {
      message.dataset.kind = "";
      say("");
      sync({ slider: false });
      return;
    } else return;
    event.preventDefault();
    const base = Number.isNaN(parseNumber(number.value)) ? current : clamp(parseNumber(number.value));
    const times = event.shiftKey ? 10 : 1;
    current = log
      ? clamp(round3(10 ** (Math.log10(base) + Math.sign(delta) * LOG_STEP * times)))
      : clamp(Number((base + delta * times).toFixed(decimals)));
    message.dataset.kind = "";
    say("");
    sync();
    emit();
  });

  sync();

  return {
    element,
    slider,
    number,
    get value() {
      return current;
    },
    /** Sets the value programmatically (no onInput unless `emit` is true). */
    setValue(v, { emit: fire = false } = {}) {
      current = clamp(v);
      message.dataset.kind = "";
      say("");
      sync();
      if (fire) emit();
    },
    /** Refreshes aria-valuetext (e.g. when the readouts it describes change). */
    refresh() {
      setAttr(slider, "aria-valuetext", valueText ? valueText(current) : formatNumber(current));
    },
  };
}
