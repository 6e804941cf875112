// @ts-check
// The article's symbols for the four zero-init examples, the steps the player shows (the core's
// steps minus ∇x, which the article never computes), float64 residue shown as 0 in the cards
// (which numbers are residue: the core's `zeroResidue`), and the sentence each step adds. Every
// number printed is an operand or result of the core.
import { t } from "../../i18n.js";
import { formatNumber } from "../../format.js";
import { m, mi, mn, mo, mrow, msub, msubsup, paren } from "../../components/mathml.js";
import { augmentBias, createNotation, describeStep, indexRow } from "../../components/step-formulas.js";
import { entryAt, mapValue, residueTitle } from "./util.js";

/** @typedef {import("../../wasm.js").Gradlab} Gradlab */
/** @typedef {import("../../pkg/gradlab.js").Step} Step */
/** @typedef {import("../../pkg/gradlab.js").Operand} Operand */

const hat = (letter) => m("mover", { accent: "true" }, mi(letter), mo("^"));
const yhat = () => hat("y");

/** Notation of one regression ("linear" | "logistic" | "softmax"). */
export function regressionNotation(kind, functions) {
  if (kind === "linear") {
    return createNotation({
      functions,
      symbols: { X: () => mi("x"), Y: () => mi("y"), W1: () => mi("w"), b1: () => mi("b"), Z1: yhat, Z: yhat },
      elements: {
        X: ([j]) => msub(mi("x"), mn(j + 1)),
        Y: () => mi("y"),
        W1: ([i]) => msub(mi("w"), mn(i + 1)),
        b1: () => mi("b"),
        Z1: yhat,
        Z: yhat,
      },
    });
  }
  if (kind === "logistic") {
    return createNotation({
      functions,
      symbols: { X: () => mi("x"), Y: () => mi("y"), W1: () => mi("w"), b1: () => mi("b"), Z1: () => mi("z"), P: yhat },
      elements: {
        X: ([j]) => msub(mi("x"), mn(j + 1)),
        Y: () => mi("y"),
        W1: ([i]) => msub(mi("w"), mn(i + 1)),
        b1: () => mi("b"),
        Z1: () => mi("z"),
        P: yhat,
      },
    });
  }
  // Softmax: the article writes w_kj for class k and input j; the core's W is inputs × classes.
  return createNotation({
    functions,
    symbols: { X: () => mi("x"), Y: () => mi("y"), W1: () => mi("W"), b1: () => mi("b"), Z1: () => mi("z"), P: yhat },
    elements: {
      X: ([j]) => msub(mi("x"), mn(j + 1)),
      Y: ([k]) => msub(mi("y"), mn(k + 1)),
      W1: ([i, j]) => msub(mi("w"), indexRow(j, i)),
      b1: ([k]) => msub(mi("b"), mn(k + 1)),
      Z1: ([k]) => msub(mi("z"), mn(k + 1)),
      P: ([k]) => msub(yhat(), mn(k + 1)),
    },
  });
}

/** Notation of the 2-2-3 MLP: x, M = [b; W] (hidden), h, ReLU(h), W and b_w (output), z, ŷ. */
export function mlpNotation(functions) {
  const relu = () => mi("ReLU", true);
  return createNotation({
    functions,
    symbols: {
      X: () => mi("x"),
      Y: () => mi("y"),
      P: yhat,
      M1: () => mi("M"),
      Z1: () => mi("h"),
      A1: () => mrow(relu(), paren(mi("h"))),
      W2: () => mi("W"),
      b2: () => msub(mi("b"), mi("w")),
      Z2: () => mi("z"),
    },
    elements: {
      M1: ([i, j]) => (i === 0 ? msub(mi("bm"), mn(j + 1)) : msub(mi("m"), indexRow(i - 1, j))),
      W2: ([i, j]) => msub(mi("w"), indexRow(i, j)),
      b2: ([k]) => msubsup(mi("b"), mn(k + 1), mi("w")),
    },
  });
}

/**
 * The steps the player shows: the core's, without ∇x (the article stops at the weights) and,
 * for MSE, without the identity head (ŷ is z itself). `augment` merges layer 0's bias into
 * M = [b; W] as the article's MLP does.
 */
export function playerSteps(trace, { loss, augment = false }) {
  let steps = trace.steps.filter((s) => s.op !== "grad_inputs" && !(loss === "mse" && s.op === "head"));
  if (augment) steps = augmentBias(steps, 0);
  return steps;
}

const SCALE_FREE = new Set(["eta", "N"]);

/**
 * A copy of `step` with float64 residue shown as 0 — the core's judgement, against every number
 * the step works with (not η or N) — and the raw values of the cells it changed, keyed
 * "role:key:i:j".
 * @param {Gradlab} gradlab
 * @param {Step} step
 */
export function snapStep(gradlab, step) {
  const scaleFrom = [...step.operands, step.result].filter((o) => !SCALE_FREE.has(o.name)).flatMap((o) => [o.value].flat(2));
  /** @type {Map<string, number>} */
  const raw = new Map();
  /**
   * @param {Operand} o
   * @param {string} role
   * @returns {Operand}
   */
  const snap = (o, role) => {
    const { shown, residue } = gradlab.zeroResidue(o.value, scaleFrom);
    mapValue(o.value, (v, i, j) => {
      if (entryAt(residue, i, j)) raw.set(`${role}:${o.name}${o.layer ?? ""}:${i}:${j}`, v);
    });
    return { ...o, value: shown };
  };
  return { step: { ...step, operands: step.operands.map((o) => snap(o, "operand")), result: snap(step.result, "result") }, raw };
}

/** Adds the residue tooltips to the cells describeStep marked with zi-residue. */
function titleResidue(view) {
  for (const line of [...view.lines, ...(view.expansion ?? []).map((e) => e.node)]) {
    for (const cell of line.querySelectorAll('[class~="zi-residue"]')) {
      const raw = Number(cell.getAttribute("data-raw"));
      cell.setAttribute("title", residueTitle(raw));
    }
  }
}

/**
 * describe() for the step player. `note(step)` returns extra sentences (or ""); `highlight`
 * adds classes; residue cells are marked and explained.
 * @param {{ gradlab: Gradlab, notation: ReturnType<typeof createNotation>, loss: string, digits: number, note?: (step: Step) => string,
 *   highlight?: (o: { key: string, role: string }, i: number, j: number, v: number) => string | null }} options
 */
export function describer({ gradlab, notation, loss, digits, note, highlight }) {
  /** @param {Step} original */
  return (original) => {
    const { step, raw } = snapStep(gradlab, original);
    const mark = (o, i, j, v) => {
      const r = raw.get(`${o.role}:${o.key}:${i}:${j}`);
      const classes = [];
      if (r !== undefined) classes.push("zi-residue");
      const extra = highlight?.(o, i, j, v);
      if (extra) classes.push(extra);
      return classes.join(" ") || null;
    };
    const view = describeStep(step, { t, notation, loss, digits, highlight: mark });
    // data-raw for tests and the tooltip: set on every marked cell, in matrix order.
    for (const line of view.lines) {
      for (const node of line.querySelectorAll("[data-operand]")) {
        const key = node.getAttribute("data-operand");
        const role = node.getAttribute("data-role");
        const table = node.querySelector("mtable");
        if (!table) continue;
        const transposed = node.getAttribute("data-transposed") === "true";
        [...table.children].forEach((tr, a) =>
          [...tr.children].forEach((td, b) => {
            const [i, j] = transposed ? [b, a] : [a, b];
            const r = raw.get(`${role}:${key}:${i}:${j}`);
            if (r !== undefined) td.setAttribute("data-raw", String(r));
          })
        );
      }
    }
    titleResidue(view);
    const sentences = [note?.(original) ?? "", raw.size ? t("zi.residue.note", { raw: formatNumber([...raw.values()][0], 3) }) : ""].filter(Boolean);
    if (sentences.length) view.note = sentences.join(" ");
    return view;
  };
}
