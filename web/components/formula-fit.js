// @ts-check
// Formulas that fit a phone's width. A step's formula lines already wrap between their runs
// (mathml.js, `flow`); what cannot wrap is one operand — a row of numbers wider than the line.
// While a formula box is too narrow for its content, its wide operands (more columns than rows,
// widest first) are shown transposed with a ᵀ — the same numbers, read down instead of across —
// and shown as built again once the box is wide enough. Cells keep their classes and data; the
// operand is marked data-transposed (cells keep their i, j as render.js's transposed operands do).
import { m, mi } from "./mathml.js";
import { whenShown } from "./dom.js";

const MATHML = "http://www.w3.org/1998/Math/MathML";
/** @type {WeakMap<Element, Element>} a transposed operand's bracket row → the row it replaced */
const originals = new WeakMap();

/** @param {Element} box */
const overflows = (box) => box.scrollWidth > box.clientWidth + 1;

/** The operand's matrix table (its `[ mtable ]` row), or null. @param {Element} operand */
const tableOf = (operand) => operand.querySelector(":scope > mtable");

/**
 * The operand shown as its transpose: a new bracket row with the table's columns as rows, under
 * a ᵀ. The cells themselves move (their classes, titles and values stay with them).
 * @param {Element} operand
 */
function transposed(operand) {
  const table = /** @type {Element} */ (tableOf(operand));
  const rows = [...table.children].map((tr) => [...tr.children]);
  const flipped = /** @type {Element} */ (table.cloneNode(false));
  for (let j = 0; j < rows[0].length; j++) {
    const tr = document.createElementNS(MATHML, "mtr");
    for (const row of rows) tr.append(row[j]);
    flipped.append(tr);
  }
  const brackets = /** @type {Element} */ (operand.cloneNode(false));
  brackets.append(operand.firstElementChild?.cloneNode(true) ?? "", flipped, operand.lastElementChild?.cloneNode(true) ?? "");
  brackets.setAttribute("data-transposed", operand.getAttribute("data-transposed") === "true" ? "false" : "true");
  brackets.setAttribute("data-fit", "transposed");
  const shown = m("msup", { "data-fit": "transposed" }, brackets, mi("T", false));
  return { shown, brackets };
}

/** Puts back every operand `box` shows transposed, with its cells. @param {Element} box */
function restore(box) {
  for (const shown of box.querySelectorAll('msup[data-fit="transposed"]')) {
    const brackets = /** @type {Element} */ (shown.firstElementChild);
    const original = originals.get(brackets);
    if (!original) continue;
    const table = /** @type {Element} */ (tableOf(original));
    const columns = [...(tableOf(brackets)?.children ?? [])].map((tr) => [...tr.children]);
    for (const [i, tr] of [...table.children].entries()) tr.replaceChildren(...columns.map((column) => column[i]));
    shown.replaceWith(original);
  }
}

/** Transposes `box`'s widest operands (wider than tall) one by one until it fits. @param {Element} box */
function fit(box) {
  restore(box);
  if (!overflows(box)) return;
  const wide = [...box.querySelectorAll("[data-operand]")]
    .filter((operand) => {
      const table = tableOf(operand);
      return table && table.children.length < (table.firstElementChild?.children.length ?? 0);
    })
    .map((operand) => ({ operand, width: operand.getBoundingClientRect().width }))
    .sort((a, b) => b.width - a.width);
  for (const { operand } of wide) {
    const { shown, brackets } = transposed(operand);
    operand.replaceWith(shown);
    // The emptied original keeps its bracket operators; its cells come back on restore.
    originals.set(brackets, operand);
    if (!overflows(box)) return;
  }
}

/**
 * Keeps the formulas of `box` within its width from now on (refitted whenever its width changes,
 * and when the part it is in was off screen and is shown).
 * @param {HTMLElement} box
 */
export function fitFormulas(box) {
  let width = -1;
  new ResizeObserver(() => {
    if (box.clientWidth === width || box.clientWidth === 0) return;
    width = box.clientWidth;
    fit(box);
  }).observe(box);
  box.dataset.fitFormulas = "";
}

// A box in a part that was off screen is fitted again when the part is laid out.
whenShown("[data-fit-formulas]", (box) => {
  if (box.clientWidth > 0) fit(box);
});
