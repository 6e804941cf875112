// Small helpers shared by the zero-init modules: DOM building, number display, and the one
// display rule this scene needs — float64 residue shown as 0.
//
// Residue: a sum that is exactly 0 in real arithmetic can come out of float64 as ±1.1 × 10⁻¹⁶
// (e.g. the balanced MLP's output-bias gradient 1/3 + 1/3 + 1/3 − 1). The core reports what
// float64 gives and is right to; the page *displays* |v| < 10⁻¹² × (the scale of the numbers
// that produced it) as 0, marks the cell, and keeps the raw value in a tooltip and data-raw.
import { t } from "../../i18n.js";
import { formatNumber } from "../../format.js";
import { el } from "../../components/dom.js";
export { el };

/** Subscript digits: 12 → "₁₂". */
export const sub = (n) => String(n).replace(/\d/g, (d) => "₀₁₂₃₄₅₆₇₈₉"[d]);

/** Relative size below which a value counts as float64 residue of an exact 0. */
export const RESIDUE = 1e-12;

/** The largest finite magnitude in a number, vector or matrix (0 for none). */
export function scaleOf(value) {
  if (typeof value === "number") return Number.isFinite(value) ? Math.abs(value) : 0;
  if (!Array.isArray(value)) return 0;
  let s = 0;
  for (const v of value) s = Math.max(s, scaleOf(v));
  return s;
}

/** True if `v` is nonzero but negligible next to `scale` (display only). */
export function isResidue(v, scale) {
  return v !== 0 && Number.isFinite(v) && scale > 0 && Math.abs(v) < RESIDUE * scale;
}

/** `v` as shown: residue becomes 0. */
export function shown(v, scale) {
  return isResidue(v, scale) ? 0 : v;
}

/** Maps every number of a value (number, vector, matrix) through `fn`. */
export function mapValue(value, fn, i = 0) {
  if (typeof value === "number") return fn(value, 0, 0);
  if (!Array.isArray(value[0])) return value.map((v, j) => fn(v, i, j));
  return value.map((row, r) => row.map((v, j) => fn(v, r, j)));
}

/** Display text of a number with `digits` significant digits, residue shown as 0. */
export function fmt(v, digits = 4, scale = 0) {
  return formatNumber(shown(v, scale), digits);
}

/** The tooltip of a cell shown as 0 although float64 gave `raw`. */
export function residueTitle(raw) {
  return t("zi.residue.title", { raw: formatNumber(raw, 3) });
}

/**
 * A read-only table of a matrix (array of rows) with headers; cells carry data-value (shown)
 * and data-raw (as computed). `cellClass(i, j, v)` may add a class. Residue cells get a title.
 */
export function matrixTable({ id, caption, rows, rowLabels = [], colLabels = [], digits = 4, scale, cellClass, className = "" }) {
  const table = el("table", `zi-matrix ${className}`.trim());
  if (id) table.id = id;
  if (caption) {
    const cap = el("caption");
    if (typeof caption === "string") cap.textContent = caption;
    else cap.append(caption);
    table.append(cap);
  }
  const s = scale ?? scaleOf(rows);
  if (colLabels.length) {
    const head = el("thead");
    const tr = el("tr");
    if (rowLabels.length) tr.append(el("td"));
    for (const c of colLabels) {
      const th = el("th", "", c);
      th.scope = "col";
      tr.append(th);
    }
    head.append(tr);
    table.append(head);
  }
  const body = el("tbody");
  rows.forEach((row, i) => {
    const tr = el("tr");
    if (rowLabels.length) {
      const th = el("th", "", rowLabels[i] ?? "");
      th.scope = "row";
      tr.append(th);
    }
    row.forEach((v, j) => {
      const value = shown(v, s);
      const td = el("td", "", formatNumber(value, digits));
      td.dataset.value = String(value);
      td.dataset.raw = String(v);
      td.dataset.row = String(i);
      td.dataset.col = String(j);
      const classes = [];
      if (value !== v) {
        classes.push("is-residue");
        td.title = residueTitle(v);
      }
      const extra = cellClass?.(i, j, value);
      if (extra) classes.push(extra);
      if (classes.length) td.className = classes.join(" ");
      tr.append(td);
    });
    body.append(tr);
  });
  table.append(body);
  return table;
}

/** A section of the scene: <section> with an h2 and an intro paragraph. */
export function section(id, title, intro) {
  const element = el("section", `zi-section ${id}`);
  element.id = id;
  const heading = el("h2", "", title);
  heading.id = `${id}-title`;
  heading.tabIndex = -1;
  element.setAttribute("aria-labelledby", heading.id);
  element.append(heading);
  if (intro) element.append(el("p", "zi-intro", intro));
  return element;
}

/** A labelled value with data-value (shown) and data-raw (as computed). */
export function valueLine(id, label, value, { digits = 5, scale = 0, suffix = "" } = {}) {
  const line = el("p", "zi-value");
  const name = el("span", "zi-value-label", label);
  const out = el("output", "zi-value-number");
  if (id) out.id = id;
  const v = shown(value, scale);
  out.textContent = formatNumber(v, digits) + suffix;
  out.dataset.value = String(v);
  out.dataset.raw = String(value);
  if (v !== value) out.title = residueTitle(value);
  line.append(name, out);
  return line;
}

/** A <select> inside a label; options: [{ value, label }]. */
export function selectField({ id, label, options, value, onChange, className = "" }) {
  const field = el("label", `zi-field ${className}`.trim());
  const caption = el("span", "field-label", label);
  const select = el("select", "select");
  select.id = id;
  for (const o of options) {
    const option = el("option", "", o.label);
    option.value = String(o.value);
    select.append(option);
  }
  select.value = String(value);
  select.addEventListener("change", () => onChange(select.value));
  field.append(caption, select);
  return { element: field, select };
}

/** A button. */
export function button(text, { id, className = "", onClick } = {}) {
  const b = el("button", `button ${className}`.trim(), text);
  b.type = "button";
  if (id) b.id = id;
  if (onClick) b.addEventListener("click", onClick);
  return b;
}

/**
 * A visually hidden polite live region: `say(text)` announces a short sentence when it changes.
 * The first call (the scene's first render) only records the text: nothing is said on load.
 */
export function createAnnouncer() {
  const element = el("p", "visually-hidden");
  element.setAttribute("aria-live", "polite");
  let last = null;
  return {
    element,
    say(text) {
      if (text === last) return;
      if (last !== null) element.textContent = text;
      last = text;
    },
  };
}
