// @ts-check
// MathML builders: formulas with the current numbers substituted, rendered natively by the
// browser (no math library). Every function returns a DOM element in the MathML namespace;
// numbers go through format.js so they read like the readouts (6 significant digits, true minus).

import { formatNumber } from "../format.js";

const NS = "http://www.w3.org/1998/Math/MathML";

/** A MathML element `<tag attrs>children</tag>`; strings become text, numbers become <mn>. */
export function m(tag, attrs = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== undefined && v !== null) el.setAttribute(k, String(v));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    if (typeof child === "number") el.append(mn(child));
    else if (typeof child === "string") el.append(document.createTextNode(child));
    else el.append(child);
  }
  return el;
}

/** An identifier, e.g. mi("x"); `normal` for multi-letter names like "ReLU". */
export const mi = (name, normal = name.length > 1) => m("mi", normal ? { mathvariant: "normal" } : {}, name);
/** An operator: "+", "−", "×", "⊙", "=", "(", ")" … */
export const mo = (op) => m("mo", {}, op);
/** A number, formatted for display; the raw value is kept in data-value. */
export function mn(value, digits = 6) {
  const el = document.createElementNS(NS, "mn");
  el.textContent = typeof value === "number" ? formatNumber(value, digits) : String(value);
  if (typeof value === "number") el.setAttribute("data-value", String(value));
  return el;
}
export const mrow = (...children) => m("mrow", {}, ...children);
export const msub = (base, sub) => m("msub", {}, base, sub);
export const msup = (base, sup) => m("msup", {}, base, sup);
export const msubsup = (base, sub, sup) => m("msubsup", {}, base, sub, sup);
export const mfrac = (num, den) => m("mfrac", {}, num, den);
export const msqrt = (...children) => m("msqrt", {}, ...children);
/** Parenthesised group. */
export const paren = (...children) => mrow(mo("("), ...children, mo(")"));

/**
 * A matrix (array of rows) as a bracketed <mtable>. `highlight(i, j, value)` may return a class
 * name added to that cell (e.g. to mark a dead unit's zero gradient column).
 */
/**
 * @param {number[][]} rows
 * @param {{ highlight?: (i: number, j: number, value: number) => string | null | undefined, digits?: number }} [options]
 */
export function matrix(rows, { highlight, digits = 4 } = {}) {
  const table = m("mtable", { class: "mml-matrix" });
  rows.forEach((row, i) => {
    const tr = m("mtr");
    row.forEach((value, j) => {
      const td = m("mtd", {}, mn(value, digits));
      const cls = highlight?.(i, j, value);
      if (cls) td.setAttribute("class", cls);
      tr.append(td);
    });
    table.append(tr);
  });
  return mrow(mo("["), table, mo("]"));
}

/** A row vector [a, b, c] (one row). */
export const vector = (values, options) => matrix([values], options);

/** Operators a long formula may break before (as TeX breaks after relations and binary operators). */
const BREAK_BEFORE = new Set(["=", "≈", "+", "−", "·", "×", "⊙"]);
const OPENING = new Set(["(", "[", "{", "|"]);
const CLOSING = new Set([")", "]", "}"]);

/**
 * `children` grouped into runs that each begin at a top-level operator of BREAK_BEFORE and hold
 * at least one operand (so "= −ln p" never splits between "=" and the sign); operators inside
 * top-level brackets start no run. Each run is an <mrow class="mml-run">.
 * @param {Node[]} children
 */
function runsOf(children) {
  const runs = [];
  let run = [];
  let hasOperand = false;
  let depth = 0;
  for (const child of children.filter((c) => c !== null && c !== undefined)) {
    const op = child instanceof Element && child.localName === "mo" ? (child.textContent ?? "").trim() : null;
    if (op !== null && depth === 0 && BREAK_BEFORE.has(op) && hasOperand) {
      runs.push(run);
      run = [];
      hasOperand = false;
      // First in its run it would read as a prefix sign (no space around it): it is binary.
      /** @type {Element} */ (child).setAttribute("form", "infix");
    }
    run.push(child);
    if (op === null) hasOperand = true;
    else if (OPENING.has(op)) depth++;
    else if (CLOSING.has(op)) depth = Math.max(0, depth - 1);
  }
  if (run.length) runs.push(run);
  return runs.map((nodes) => m("mrow", { class: "mml-run" }, ...nodes));
}

/**
 * A `<math display=block|inline>` root holding `children`, with an accessible label. `flow`: a
 * formula that may be wider than a phone; its top level is grouped into runs (see runsOf) that
 * the stylesheet lets wrap onto further lines instead of scrolling sideways.
 * @param {Node | Node[]} children @param {{ block?: boolean, label?: string, flow?: boolean }} [options]
 */
export function math(children, { block = false, label, flow = false } = {}) {
  const nodes = [children].flat();
  const root = m("math", { display: block ? "block" : "inline", "aria-label": label, class: flow ? "mml-flow" : undefined }, ...(flow ? runsOf(nodes) : nodes));
  return root;
}
