// Small helpers of the vanishing scene: DOM building, subscripts, and the one display rule it
// adds to format.js — a number shown in plain decimals (0.00001, 0.0000001, as the course
// writes the chain) when it is between 10⁻⁹ and 10⁶, and as m × 10ⁿ otherwise. Display only:
// the raw value is always kept in data-value.
import { formatNumber, minus } from "../../format.js";
import { el, selectField } from "../../components/dom.js";
export { el, selectField };

/** Subscript digits: 12 → "₁₂". */
export const sub = (n) => String(n).replace(/\d/g, (d) => "₀₁₂₃₄₅₆₇₈₉"[d]);

/** `v` in plain decimals with `digits` significant digits (10⁻⁹ ≤ |v| < 10⁶), else m × 10ⁿ. */
export function decimal(v, digits = 6) {
  if (typeof v !== "number" || !Number.isFinite(v) || v === 0) return formatNumber(v, digits);
  const a = Math.abs(v);
  if (a < 1e-9 || a >= 1e6) return formatNumber(v, digits);
  const r = Number(v.toPrecision(digits));
  const e = Math.floor(Math.log10(Math.abs(r)));
  const text = r.toFixed(Math.min(20, Math.max(0, digits - 1 - e)));
  return minus(text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text);
}

/** A checkbox with a label, in a .field. */
export function checkboxField(id, label, checked) {
  const field = el("div", "field checkbox-field");
  const box = el("input");
  box.type = "checkbox";
  box.id = id;
  box.checked = checked;
  const caption = el("label", "", label);
  caption.htmlFor = id;
  field.append(box, caption);
  return { field, box };
}

/** A readout row whose value keeps the raw number in data-value. */
export function valueRow(id, label) {
  const row = el("div", "readout");
  const name = el("span", "readout-label", label);
  name.id = `${id}-label`;
  const output = el("output", "readout-value");
  output.id = id;
  output.setAttribute("aria-labelledby", name.id);
  row.append(name, output);
  return {
    element: row,
    output,
    set(value, text) {
      output.dataset.value = String(value);
      output.textContent = text;
    },
  };
}
