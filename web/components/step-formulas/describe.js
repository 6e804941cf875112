// @ts-check
// Step formulas — describing a step: `describeStep` puts one step together for the step player
// (title, phase, the formula with symbols then values, the result, the expansion and the sentence
// saying what the step does). Public through ../step-formulas.js.
import { stepTitle } from "../step-title.js";
import { mo, msup, math } from "../mathml.js";
import { shapeOf } from "./operands.js";
import { createNotation } from "./notation.js";
import { valueNode, T } from "./render.js";
import { FORMULAS, expansion } from "./ops.js";

// --- describing a step --------------------------------------------------------------------

const WEIGHTS = /^(d?(W|M)|W_new|M_new)$/;

/** Samples in the step's batch: the rows of its first per-sample matrix (not a weight matrix). */
function batchOf(step) {
  for (const o of [step.result, ...step.operands]) {
    if (shapeOf(o.value) === "matrix" && !WEIGHTS.test(o.name)) return o.value.length;
  }
  return 1;
}

/**
 * Everything the step player shows for one step:
 * `{ title, phase, layer, lines: [<math>…], expansion: [{ node, className }], explanation, resultSymbol() }`.
 * `options`: { t, notation, loss, digits = 4, highlight({ name, layer, key, role, step }, i, j, v) }.
 */
/**
 * @param {import("../../pkg/gradlab.js").Step & { augmented?: boolean }} step
 * @param {{ t: (key: string, params?: object) => string, notation?: ReturnType<typeof createNotation>,
 *   loss?: string, digits?: number, highlight?: Function }} options
 */
export function describeStep(step, { t, notation = createNotation(), loss = "softmax_cross_entropy", digits = 4, highlight }) {
  const ctx = { notation, loss, digits, highlight, batch: batchOf(step) };
  const sym = (o) => notation.symbol(o.name, o.layer);
  const symbolR = (o, opts) => (opts?.transposed ? msup(sym(o), T()) : sym(o));
  const valueR = (o, opts) => valueNode(ctx, step, o, opts);
  valueR.values = true;
  const rule = FORMULAS[step.op];
  const lhs = sym(step.result);
  const lines = [];
  if (rule) {
    lines.push(math([lhs, mo("="), ...[rule(step, symbolR, ctx)].flat(Infinity)], { block: true, flow: true }));
    lines.push(math([mo("="), ...[rule(step, valueR, ctx)].flat(Infinity)], { block: true, flow: true }));
  }
  const result = math([lines.length ? mo("=") : [lhs, mo("=")], valueNode(ctx, step, step.result, { role: "result" })].flat(), { block: true, flow: true });
  result.classList.add("step-result");
  lines.push(result);
  const layer = step.layer + 1;
  return {
    title: stepTitle(step, t),
    phase: t(`step.phase.${step.phase}`),
    layer,
    lines,
    expansion: expansion(step, ctx),
    explanation: t(`step.explain.${step.op}${step.augmented ? ".augmented" : ""}`, { layer }),
    /** The result's symbol alone (a faded step asks the student for it). */
    resultSymbol: () => math([sym(step.result)]),
  };
}
