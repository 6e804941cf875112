// @ts-check
// The article's notation for the worked example (x, M with the bias row first, h, ReLU(h), W_out,
// z, p, ∇_M L …), the highlighting of a dead unit's cells in every step, and the sentence each
// step adds about the dead (or revived) unit and the article's rounding.
import { t } from "../../i18n.js";
import { formatNumber, subscript } from "../../format.js";
import { mi, mn, mrow, msub, msubsup, paren } from "../../components/mathml.js";
import { createNotation, describeStep, functionName, grad, indexRow } from "../../components/step-formulas.js";

/** @typedef {import("../../pkg/gradlab.js").Trace} Trace */
/** @typedef {import("../../pkg/gradlab.js").Step} Step */
/** @typedef {import("../../pkg/gradlab.js").ActivationObject} ActivationObject */

const Wout = () => msub(mi("W"), mi("out", true));

/**
 * Notation for a trace of the 2-2-3 network.
 * @param {ActivationObject[]} functions  trace.layers.map((l) => l.function)
 */
export function articleNotation(functions) {
  const f = () => mi(functionName(functions[0]), true);
  return createNotation({
    functions,
    symbols: {
      X: () => mi("x"),
      Y: () => mi("y"),
      P: () => mi("p"),
      M1: () => mi("M"),
      Z1: () => mi("h"),
      A1: () => mrow(f(), paren(mi("h"))),
      dA1: () => grad(f()),
      W2: Wout,
      Z2: () => mi("z"),
    },
    elements: {
      X: ([j]) => msub(mi("x"), mn(j + 1)),
      Z1: ([j]) => msub(mi("h"), mn(j + 1)),
      A1: ([j]) => mrow(f(), paren(msub(mi("h"), mn(j + 1)))),
      M1: ([i, j]) => msub(mi("m"), indexRow(i, j)),
      W2: ([i, j]) => msubsup(mi("w"), indexRow(i, j), mi("out", true)),
      Z2: ([k]) => msub(mi("z"), mn(k + 1)),
      P: ([k]) => msub(mi("p"), mn(k + 1)),
      Y: ([k]) => msub(mi("y"), mn(k + 1)),
    },
  });
}

/**
 * Unit states of the hidden layer from a trace: "dead" (the core lists it in deadUnits: f′ = 0),
 * "revived" (its pre-activation is ≤ 0 but f′ ≠ 0, e.g. LeakyReLU) or "alive".
 */
/**
 * @param {Trace} trace
 * @returns {string[]}
 */
export function unitStates(trace) {
  const layer = trace.layers[0];
  const dead = new Set(layer.deadUnits ?? []);
  return layer.preActivation[0].map((z, j) => (dead.has(j) ? "dead" : z <= 0 ? "revived" : "alive"));
}

// Cells that belong to hidden unit j: a column of these, a row of those.
const COLUMN_OF_UNIT = new Set(["Z1", "A1", "fprime1", "dA1", "dZ1", "M1", "dM1", "M_new1", "W1", "dW1", "W_new1", "b1", "db1", "b_new1"]);
const ROW_OF_UNIT = new Set(["W2", "dW2", "W_new2"]);

/**
 * highlight() for describeStep: marks the dead or revived unit's cells.
 * @param {string[]} states
 */
export function unitHighlighter(states) {
  /** @param {{ key: string }} operand @param {number} i @param {number} j */
  return ({ key }, i, j) => {
    const unit = COLUMN_OF_UNIT.has(key) ? j : ROW_OF_UNIT.has(key) ? i : -1;
    const s = states[unit];
    return s === "dead" ? "cell-dead" : s === "revived" ? "cell-revived" : null;
  };
}

/** @param {number} v */
const fmt = (v) => formatNumber(v, 4);
/** The steps with a note about the dead or revived unit (`op`, and `Out` for the output layer's). */
const NOTED = new Set(["activation", "grad_activationOut", "grad_pre_activation", "grad_weights", "update_weights", "grad_weightsOut", "update_weightsOut"]);

/**
 * The sentence a step adds about the dead/revived unit or the article's rounding, or "".
 * @param {Step} step
 * @param {{ trace: Trace, states: string[], article: boolean }} context
 */
export function stepNote(step, { trace, states, article }) {
  const name = functionName(trace.layers[0].function);
  const L0 = trace.layers[0];
  const key = `${step.op}${step.layer === 0 ? "" : "Out"}`;
  const lines = [];
  states.forEach((s, j) => {
    if (s === "alive" || !NOTED.has(key)) return;
    const p = { unit: subscript(j + 1), col: j + 1, f: name, h: fmt(L0.preActivation[0][j]), d: fmt(L0.derivative[0][j]), g: fmt(L0.gradActivation[0][j]), dz: fmt(L0.gradPreActivation[0][j]) };
    lines.push(t(`dr.note.${s}.${key}`, p));
  });
  if (article && trace.layers[0].function.id === "relu") {
    if (step.op === "head") lines.push(t("dr.round.p3", { exact: fmt(trace.probabilities[0][2]) }));
    if (step.op === "loss") lines.push(t("dr.round.loss", { exact: fmt(trace.loss) }));
    if (step.op === "output_grad") lines.push(t("dr.round.dz3", { exact: fmt(trace.layers[1].gradPreActivation[0][2]) }));
  }
  return lines.join(" ");
}

/**
 * describe() for the step player: the generic formula in the article's notation plus the notes.
 * @param {{ trace: Trace, digits: number, article: boolean }} context
 */
export function describer({ trace, digits, article }) {
  const notation = articleNotation(trace.layers.map((l) => l.function));
  const states = unitStates(trace);
  const highlight = unitHighlighter(states);
  /** @param {Step} step */
  return (step) => {
    const view = describeStep(step, { t, notation, loss: "softmax_cross_entropy", digits, highlight });
    const note = stepNote(step, { trace, states, article });
    if (note) view.note = note;
    if (step.op === "linear" && step.layer === 0) view.explanation = t("dr.explain.linear");
    return view;
  };
}
