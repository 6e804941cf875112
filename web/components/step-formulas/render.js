// @ts-check
// Step formulas — rendering values: an operand's value as MathML (scalar or matrix, optionally
// shown transposed) with its cell classes (zero gradients, new/changed/unchanged entries of an
// update, plus the scene's own highlight), and the small shared pieces formulas are built from
// (a parenthesised negative term, ᵀ, ln, ·). Internal to the step formulas.
import { m, mi, mo, mn, mrow, paren, matrix } from "../mathml.js";
import { shapeOf, transpose, operand, keyOf } from "./operands.js";

const isGradient = (name) => name.startsWith("d") && name.length > 1;
const OLD_OF = { W_new: "W", b_new: "b", M_new: "M", alpha_new: "alpha" };

/** Default cell classes: a gradient entry that is exactly 0, and in an update what changed. */
function defaultClass(step, o, role, i, j, value) {
  const classes = [];
  if (role === "result") classes.push("cell-new");
  if (isGradient(o.name) && value === 0) classes.push("cell-zero");
  if (role === "result" && OLD_OF[o.name]) {
    const old = operand(step, OLD_OF[o.name]);
    if (old) {
      const before = shapeOf(old.value) === "scalar" ? old.value : shapeOf(old.value) === "vector" ? old.value[j] : old.value[i][j];
      classes.push(Object.is(before, value) ? "cell-same" : "cell-changed");
    }
  }
  return classes;
}

export function cellClass(ctx, step, o, role, i, j, value) {
  const classes = defaultClass(step, o, role, i, j, value);
  const extra = ctx.highlight?.({ name: o.name, layer: o.layer, key: keyOf(o), role, step }, i, j, value);
  if (extra) classes.push(extra);
  return classes.join(" ") || null;
}

/** An operand's value as MathML; `transposed` shows the matrix flipped (cells keep their i, j). */
export function valueNode(ctx, step, o, { role = "operand", transposed = false } = {}) {
  const { digits } = ctx;
  const shape = shapeOf(o.value);
  if (shape === "scalar") {
    const node = mn(o.value, digits);
    const cls = cellClass(ctx, step, o, role, 0, 0, o.value);
    if (cls) node.setAttribute("class", cls);
    return node;
  }
  const rows = shape === "vector" ? [o.value] : o.value;
  const shown = transposed ? transpose(rows) : rows;
  const node = matrix(shown, {
    digits,
    highlight: (i, j, value) => (transposed ? cellClass(ctx, step, o, role, j, i, value) : cellClass(ctx, step, o, role, i, j, value)),
  });
  node.setAttribute("data-operand", keyOf(o));
  node.setAttribute("data-role", role);
  if (transposed) node.setAttribute("data-transposed", "true");
  return node;
}

/** A number inside an expansion: negative numbers in parentheses after an operator. */
export function term(ctx, value) {
  return value < 0 ? paren(mn(value, ctx.digits)) : mn(value, ctx.digits);
}

export const T = () => mi("T", false);
/** "ln" with a thin space after it, so "ln p" reads as a function (as TeX spaces \\ln). */
export const ln = () => mrow(mi("ln", true), m("mspace", { width: "0.17em" }));
export const dot = () => mo("·");
