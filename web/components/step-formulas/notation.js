// @ts-check
// Step formulas — notation: the MathML symbols a step is written in. `createNotation()` gives
// the generic one (X, W₁, Z₁, A₁, ∇_{Z₁}L …) with per-scene overrides of whole operands and of
// their entries; `functionName` prints an activation; `indexRow`, `grad`, `partial`, `prime`
// are the building blocks scenes reuse in their overrides. Public through ../step-formulas.js.
import { m, mi, mo, mn, mrow, msub, msup, msubsup, mfrac, paren } from "../mathml.js";
import { activationSymbol } from "../activation-symbols.js";

const LETTERS = { X: "X", Y: "Y", W: "W", b: "b", M: "M", Z: "Z", A: "A", F: "F", P: "P", L: "L", N: "N" };
const ELEMENT_LETTERS = { X: "x", Y: "y", W: "w", b: "b", M: "m", Z: "z", A: "a", F: "f", P: "p" };

/** The printed name of an activation ({ id } or an id), e.g. "ReLU". */
export const functionName = (fn) => activationSymbol(fn);

const sub = (base, layer) => (layer ? msub(base, mn(layer)) : base);
const indexRow = (...idx) => (idx.every((i) => i < 9) ? mn(idx.map((i) => i + 1).join("")) : mrow(...idx.flatMap((i, n) => (n ? [mo(","), mn(i + 1)] : [mn(i + 1)]))));
const grad = (sym) => mrow(msub(mo("∇"), sym), mi("L"));
const partial = (sym) => mfrac(mrow(mo("∂"), mi("L")), mrow(mo("∂"), sym));
const prime = (sym) => msup(sym, mo("′"));

/**
 * A notation: `symbol(name, layer)` for a whole operand, `element(name, layer, idx)` for one of
 * its entries (idx: [j] for a row of one sample, [i, j] for a weight matrix) and `fn(layer)` for
 * the layer's activation name. `functions[l]` is layer l+1's activation (trace.layers[l].function).
 *
 * `symbols` overrides whole operands by key ("Z1", "dA1", "W2", "Xaug" …) or by name ("X");
 * `elements` overrides entries by key: `{ Z1: (idx) => msub(mi("h"), indexRow(...idx)) }`.
 * Gradients (dZ1 …), primes (W_new2 …) and f′ are derived from the base symbols automatically.
 */
export function createNotation({ functions = [], symbols = {}, elements = {} } = {}) {
  const fn = (layer) => mi(functionName(functions[layer - 1]), true);
  const over = (table, name, layer) => table[`${name}${layer ?? ""}`] ?? table[name];

  function base(name, layer) {
    const custom = over(symbols, name, layer);
    if (custom) return custom();
    if (name === "Xaug" || name === "Aaug") {
      return m("mover", { accent: "true" }, base(name.slice(0, 1), layer), mo("~"));
    }
    if (name === "eta") return mi("η");
    if (name === "alpha") return sub(mi("α"), layer);
    if (name === "loss_n") return msub(mi("ℓ"), mi("n"));
    return sub(mi(LETTERS[name] ?? name), name === "X" || name === "Y" || name === "P" || name === "L" || name === "N" ? null : layer);
  }

  function symbol(name, layer) {
    const custom = over(symbols, name, layer);
    if (custom) return custom();
    if (name === "fprime") return mrow(prime(fn(layer)), paren(base("Z", layer)));
    if (name === "dalpha") return partial(base("alpha", layer));
    if (name.endsWith("_new")) return prime(base(name.slice(0, -4), layer));
    if (name.startsWith("d") && name.length > 1) return grad(base(name.slice(1), layer));
    return base(name, layer);
  }

  function elementBase(name, layer, idx) {
    const custom = over(elements, name, layer);
    if (custom) return custom(idx);
    const letter = ELEMENT_LETTERS[name.replace(/aug$/, "")] ?? name.toLowerCase();
    const index = indexRow(...idx);
    const hasLayer = layer && !["X", "Xaug", "Y", "P"].includes(name);
    return hasLayer ? msubsup(mi(letter), index, mrow(mo("("), mn(layer), mo(")"))) : msub(mi(letter), index);
  }

  function element(name, layer, idx) {
    const custom = over(elements, name, layer);
    if (custom) return custom(idx);
    if (name === "fprime") return mrow(prime(fn(layer)), paren(elementBase("Z", layer, idx)));
    if (name.endsWith("_new")) return prime(elementBase(name.slice(0, -4), layer, idx));
    if (name.startsWith("d") && name.length > 1 && name !== "dalpha") return partial(elementBase(name.slice(1), layer, idx));
    return elementBase(name, layer, idx);
  }

  return { symbol, element, fn, functions };
}

export { indexRow, grad, partial, prime };
