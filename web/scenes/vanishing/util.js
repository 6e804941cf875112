// @ts-check
// Display rules of the vanishing scene, on top of format.js: a number in plain decimals
// (0.00001, 0.0000001, as the course writes the chain) when it is between 10⁻⁹ and 10⁶, and as
// m × 10ⁿ otherwise; a ratio the core gives as a verdict, which has no number when the output
// layer's gradient is 0 ("—" for 0 / 0, "∞" otherwise: the verdict beside it says why); and a
// value row with no value ("—", no data-value). Display only: raw values stay in data-value.
import { formatNumber, minus } from "../../format.js";

/** @typedef {import("../../pkg/gradlab.js").GradientVerdict} GradientVerdict */
/** @typedef {ReturnType<typeof import("../../components/value-row.js").createValueRow>} ValueRow */

/**
 * `v` in plain decimals with `digits` significant digits (10⁻⁹ ≤ |v| < 10⁶), else m × 10ⁿ.
 * @param {number} v
 * @param {number} [digits]
 */
export function decimal(v, digits = 6) {
  if (typeof v !== "number" || !Number.isFinite(v) || v === 0) return formatNumber(v, digits);
  const a = Math.abs(v);
  if (a < 1e-9 || a >= 1e6) return formatNumber(v, digits);
  const r = Number(v.toPrecision(digits));
  const e = Math.floor(Math.log10(Math.abs(r)));
  const text = r.toFixed(Math.min(20, Math.max(0, digits - 1 - e)));
  return minus(text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text);
}

/**
 * The text of a core verdict's ratio (|first| / |output|): the number, or, when the core gives
 * none because the output's gradient is 0, "—" for 0 / 0 (verdict "zero") and "∞" otherwise.
 * @param {GradientVerdict} verdict
 * @param {number} [digits]
 */
export function ratioText(verdict, digits = 4) {
  if (verdict.ratio !== null) return formatNumber(verdict.ratio, digits);
  return verdict.verdict === "zero" ? "—" : "∞";
}

/**
 * Shows `text` in a value row with the raw `value` in data-value — none when there is no value
 * (null: the text says "—" or why).
 * @param {ValueRow} row
 * @param {number | null} value
 * @param {string} text
 */
export function showValue(row, value, text) {
  row.set(value ?? "", text);
  if (value === null) delete row.output.dataset.value;
}
