// @ts-check
// Number formatting for readouts: at most 6 significant digits, a true minus sign, scientific
// notation as "m × 10ⁿ" for very small or very large magnitudes, and subscript indices (h₂).
// The decimal point is "." in both languages, as in the course material and in formulas. Raw
// values are kept elsewhere (data-value attributes) for tests and for copying.

const SUPERSCRIPT = { "-": "⁻", 0: "⁰", 1: "¹", 2: "²", 3: "³", 4: "⁴", 5: "⁵", 6: "⁶", 7: "⁷", 8: "⁸", 9: "⁹" };

function superscript(text) {
  return [...text].map((c) => SUPERSCRIPT[c] ?? c).join("");
}

const SUBSCRIPT = "₀₁₂₃₄₅₆₇₈₉";

/** Subscript digits for an index in a name: 12 → "₁₂" (h₂, W₁, z₁₂). */
export function subscript(n) {
  return String(n).replace(/\d/g, (d) => SUBSCRIPT[Number(d)]);
}

/** Replaces ASCII hyphen-minus signs with U+2212 MINUS SIGN, for display. */
export function minus(text) {
  return text.replace(/-/g, "\u2212");
}

/** `v` with at most `digits` significant digits, for display. */
export function formatNumber(v, digits = 6) {
  if (typeof v !== "number") return String(v);
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "∞";
  if (v === -Infinity) return "−∞";
  if (v === 0) return "0";
  const abs = Math.abs(v);
  if (abs >= 1e-4 && abs < 1e6) {
    return minus(String(Number(v.toPrecision(digits))));
  }
  const [mantissa, exponent] = v.toExponential(digits - 1).split("e");
  const m = String(Number(mantissa));
  const e = superscript(String(Number(exponent)));
  return minus(m === "1" ? `10${e}` : m === "-1" ? `-10${e}` : `${m} × 10${e}`);
}

/**
 * `v` in plain decimals with `digits` significant digits — 0.00001, 0.0000001, as the course
 * writes the chain — when 10⁻⁹ ≤ |v| < 10⁶, and as m × 10ⁿ (formatNumber) otherwise.
 * @param {number} v
 * @param {number} [digits]
 */
export function formatDecimal(v, digits = 6) {
  if (typeof v !== "number" || !Number.isFinite(v) || v === 0) return formatNumber(v, digits);
  const a = Math.abs(v);
  if (a < 1e-9 || a >= 1e6) return formatNumber(v, digits);
  const r = Number(v.toPrecision(digits));
  const e = Math.floor(Math.log10(Math.abs(r)));
  const text = r.toFixed(Math.min(20, Math.max(0, digits - 1 - e)));
  return minus(text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text);
}

/**
 * Parses what a person typed into a number box: accepts a decimal comma, a Unicode minus sign,
 * surrounding spaces and exponent notation. Returns NaN for anything else (including "").
 */
export function parseNumber(text) {
  const cleaned = String(text)
    .trim()
    .replace(/[\u2212\u2013]/g, "-")
    .replace(/^\+/, "")
    .replace(/,/g, ".");
  if (!/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return NaN;
  return Number(cleaned);
}
