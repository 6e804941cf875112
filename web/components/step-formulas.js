// Step formulas: one step of a core trace (`trace.steps[i]`: { phase, layer, op, operands, result })
// → its formula in MathML with the numbers substituted, its result, an element-by-element
// expansion for small single-sample steps, and a sentence saying what the step does.
//
// Nothing here computes a number: every value printed is an operand or the result the core
// recorded. The page only arranges them (a transpose for display, the bias row of an augmented
// matrix) and compares values (a cell that did not change in an update is marked as such).
//
// Notation is pluggable so each scene can write the article's symbols: `createNotation()` gives
// the generic one (X, W₁, Z₁, A₁, ∇_{Z₁}L …); a scene overrides individual symbols (the
// dying-ReLU example writes h, ReLU(h), W_out, ∇_M L). `augmentBias(steps, layer)` merges a
// layer's bias into its weights as the article's M = [b; W] does (x̃ = [1, x]).
import { m, mi, mo, mn, mrow, msub, msup, msubsup, mfrac, paren, matrix, math } from "./mathml.js";

// --- values ------------------------------------------------------------------------------

/** "scalar", "vector" or "matrix" for an operand value. */
export function shapeOf(value) {
  if (typeof value === "number") return "scalar";
  return Array.isArray(value[0]) ? "matrix" : "vector";
}

/** Rows of a matrix swapped with its columns (display only). */
export function transpose(rows) {
  return rows[0].map((_, j) => rows.map((row) => row[j]));
}

/** The operand (or result) called `name` in a step, or undefined. */
export function operand(step, name) {
  if (step.result.name === name) return step.result;
  return step.operands.find((o) => o.name === name);
}

/** The key of an operand, e.g. "Z1", "dM1", "P" — what notations and highlights look up. */
export const keyOf = (o) => `${o.name}${o.layer ?? ""}`;

// --- augmented weights (the article's M = [b; W]) ----------------------------------------

function augmentRows(rows) {
  return rows.map((row) => [1, ...row]);
}

/**
 * Returns the steps with layer `layer` (0-based) written as the article does: the input gets a
 * leading 1 (x̃ = [1, x]) and the weights get the bias as their first row (M = [b; W]).
 * Linear: Z = x̃·M. The weight and bias gradients merge into one ∇M = x̃ᵀ·∇Z, and their updates into
 * M′ = M − η∇M. Layers without a bias are left as they are. Steps keep all the core's numbers.
 */
export function augmentBias(steps, layer = 0) {
  const k = layer + 1;
  const find = (op) => steps.find((s) => s.layer === layer && s.op === op);
  const gradBias = find("grad_bias");
  const updateBias = find("update_bias");
  const out = [];
  for (const step of steps) {
    if (step.layer !== layer) {
      out.push(step);
      continue;
    }
    const input = step.operands[0];
    if (step.op === "linear" && operand(step, "b")) {
      const W = operand(step, "W");
      const b = operand(step, "b");
      out.push({
        ...step,
        augmented: true,
        operands: [
          { name: `${input.name}aug`, layer: input.layer, value: augmentRows(input.value) },
          { name: "M", layer: k, value: [b.value, ...W.value] },
        ],
      });
    } else if (step.op === "grad_weights" && gradBias) {
      const dZ = operand(step, "dZ");
      out.push({
        ...step,
        augmented: true,
        operands: [{ name: `${input.name}aug`, layer: input.layer, value: augmentRows(input.value) }, dZ],
        result: { name: "dM", layer: k, value: [gradBias.result.value, ...step.result.value] },
      });
    } else if (step.op === "update_weights" && updateBias) {
      const [W, eta, dW] = step.operands;
      const [b, , db] = updateBias.operands;
      out.push({
        ...step,
        augmented: true,
        operands: [
          { name: "M", layer: k, value: [b.value, ...W.value] },
          eta,
          { name: "dM", layer: k, value: [db.value, ...dW.value] },
        ],
        result: { name: "M_new", layer: k, value: [updateBias.result.value, ...step.result.value] },
      });
    } else if ((step.op === "grad_bias" && gradBias) || (step.op === "update_bias" && updateBias)) {
      continue; // merged above
    } else {
      out.push(step);
    }
  }
  return out;
}

// --- notation -----------------------------------------------------------------------------

const LETTERS = { X: "X", Y: "Y", W: "W", b: "b", M: "M", Z: "Z", A: "A", F: "F", P: "P", L: "L", N: "N" };
const ELEMENT_LETTERS = { X: "x", Y: "y", W: "w", b: "b", M: "m", Z: "z", A: "a", F: "f", P: "p" };
const FUNCTION_NAMES = {
  identity: "id",
  sigmoid: "σ",
  tanh: "tanh",
  relu: "ReLU",
  leaky_relu: "LeakyReLU",
  prelu: "PReLU",
  elu: "ELU",
  selu: "SELU",
  softplus: "softplus",
  swish: "Swish",
  gelu: "GELU",
  gelu_tanh: "GELU",
  gelu_sigmoid: "GELU",
  mish: "Mish",
};

/** The printed name of an activation ({ id } or an id), e.g. "ReLU". */
export function functionName(fn) {
  const id = typeof fn === "string" ? fn : fn?.id;
  return FUNCTION_NAMES[id] ?? id ?? "f";
}

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

// --- rendering values ---------------------------------------------------------------------

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

function cellClass(ctx, step, o, role, i, j, value) {
  const classes = defaultClass(step, o, role, i, j, value);
  const extra = ctx.highlight?.({ name: o.name, layer: o.layer, key: keyOf(o), role, step }, i, j, value);
  if (extra) classes.push(extra);
  return classes.join(" ") || null;
}

/** An operand's value as MathML; `transposed` shows the matrix flipped (cells keep their i, j). */
function valueNode(ctx, step, o, { role = "operand", transposed = false } = {}) {
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
function term(ctx, value) {
  return value < 0 ? paren(mn(value, ctx.digits)) : mn(value, ctx.digits);
}

const T = () => mi("T", false);
/** "ln" with a thin space after it, so "ln p" reads as a function (as TeX spaces \\ln). */
const ln = () => mrow(mi("ln", true), m("mspace", { width: "0.17em" }));
const dot = () => mo("·");

// --- formulas -----------------------------------------------------------------------------

/**
 * Each op: `rhs(step, R, ctx)` builds the right-hand side, where `R(operand, { transposed })`
 * is the operand's symbol on the first line and its value on the second (`R.values` tells which).
 */
const FORMULAS = {
  linear(step, R) {
    const [input, W, b] = step.operands;
    return step.augmented ? [R(input), dot(), R(W)] : [R(input), dot(), R(W), b ? [mo("+"), R(b)] : null];
  },
  activation(step, R, ctx) {
    return [ctx.notation.fn(step.layer + 1), paren(R(step.operands[0]))];
  },
  residual(step, R) {
    return [R(step.operands[0]), mo("+"), R(step.operands[1])];
  },
  head(step, R, ctx) {
    const z = R(step.operands[0]);
    if (ctx.loss === "mse") return [z];
    return [mi(ctx.loss === "sigmoid_binary_cross_entropy" ? "σ" : "softmax", true), paren(z)];
  },
  loss(step, R, ctx) {
    const P = operand(step, ctx.loss === "mse" ? "Z" : "P");
    const Y = operand(step, "Y");
    const losses = operand(step, "loss_n");
    const N = operand(step, "N");
    const mean = (parts) => (N ? [mfrac(mn(1), R(N)), paren(...parts)] : parts);
    if (!R.values) {
      if (ctx.batch > 1) return mean([msub(mo("∑"), mi("n")), msub(mi("ℓ"), mi("n"))]);
      if (ctx.loss === "mse") return [mfrac(mn(1), mn(2)), msub(mo("∑"), mi("k")), msup(paren(mi("z"), mo("−"), mi("y")), mn(2))];
      if (ctx.loss === "sigmoid_binary_cross_entropy") {
        return [mo("−"), m("mo", { fence: "true" }, "["), mi("y"), ln(), mi("p"), mo("+"), paren(mn(1), mo("−"), mi("y")), ln(), paren(mn(1), mo("−"), mi("p")), m("mo", { fence: "true" }, "]")];
      }
      return [mo("−"), msub(mo("∑"), mi("k")), msub(mi("y"), mi("k")), ln(), msub(mi("p"), mi("k"))];
    }
    if (ctx.batch > 1) {
      return mean(losses.value.flatMap((v, n) => (n ? [mo("+"), term(ctx, v)] : [mn(v, ctx.digits)])));
    }
    const p = P.value[0];
    const y = Y.value[0];
    if (ctx.loss === "mse") {
      const parts = p.flatMap((v, k) => [k ? mo("+") : null, msup(paren(mn(v, ctx.digits), mo("−"), term(ctx, y[k])), mn(2))]);
      return [mfrac(mn(1), mn(2)), paren(...parts)];
    }
    if (ctx.loss === "sigmoid_binary_cross_entropy") {
      const parts = p.flatMap((v, k) => [
        mo("−"),
        m("mo", { fence: "true" }, "["),
        mn(y[k], ctx.digits), dot(), ln(), mn(v, ctx.digits), mo("+"),
        paren(mn(1), mo("−"), mn(y[k], ctx.digits)), dot(), ln(), paren(mn(1), mo("−"), mn(v, ctx.digits)),
        m("mo", { fence: "true" }, "]"),
      ]);
      return parts;
    }
    const used = y.map((v, k) => [v, k]).filter(([v]) => v !== 0);
    if (used.length === 1 && used[0][0] === 1) return [mo("−"), ln(), paren(mn(p[used[0][1]], ctx.digits))];
    return [mo("−"), paren(...used.flatMap(([v, k], n) => [n ? mo("+") : null, mn(v, ctx.digits), dot(), ln(), mn(p[k], ctx.digits)]))];
  },
  output_grad(step, R) {
    const [P, Y, N] = step.operands;
    const diff = [R(P), mo("−"), R(Y)];
    return N ? [mfrac(mrow(...diff), R(N))] : diff;
  },
  grad_weights(step, R) {
    const [input, dZ] = step.operands;
    return [R.values ? R(input, { transposed: true }) : msup(R(input), T()), dot(), R(dZ)];
  },
  grad_bias(step, R, ctx) {
    const [dZ] = step.operands;
    return ctx.batch > 1 ? [msub(mo("∑"), mi("n")), R(dZ)] : [R(dZ)];
  },
  grad_activation(step, R) {
    const [dZ, W, dA] = step.operands;
    return [R(dZ), dot(), R.values ? R(W, { transposed: true }) : msup(R(W), T()), dA ? [mo("+"), R(dA)] : null];
  },
  grad_inputs(step, R) {
    return FORMULAS.grad_activation(step, R);
  },
  grad_pre_activation(step, R) {
    const [dA, fprime] = step.operands;
    return [R(dA), mo("⊙"), R(fprime)];
  },
  grad_alpha(step, R, ctx) {
    const [dA, Z] = step.operands;
    const dfda = mfrac(mrow(mo("∂"), ctx.notation.fn(step.layer + 1)), mrow(mo("∂"), mi("α")));
    return [mo("∑"), R(dA), mo("⊙"), dfda, paren(R(Z))];
  },
  update_weights(step, R) {
    const [W, eta, dW] = step.operands;
    return [R(W), mo("−"), R(eta), dot(), R(dW)];
  },
  update_bias(step, R) {
    return FORMULAS.update_weights(step, R);
  },
  update_alpha(step, R) {
    return FORMULAS.update_weights(step, R);
  },
};

// --- expansions: one line per entry of a small single-sample result -------------------------

const MAX_EXPANDED = 8;

function cells(value) {
  const shape = shapeOf(value);
  if (shape === "scalar") return [[0, 0, value]];
  const rows = shape === "vector" ? [value] : value;
  return rows.flatMap((row, i) => row.map((v, j) => [i, j, v]));
}

/** The index of entry (i, j) as the notation's element takes it: [j] for one sample, [i, j] for weights. */
const idxOf = (o, i, j) => (shapeOf(o.value) === "matrix" && /^(d?)(W|M)(_new)?$/.test(o.name) ? [i, j] : [j]);

const EXPAND = {
  linear(step, ctx, i, j) {
    const [input, W, b] = step.operands;
    const x = input.value[0];
    const parts = x.flatMap((v, r) => [r ? mo("+") : null, mn(v, ctx.digits), dot(), term(ctx, W.value[r][j])]);
    if (b && !step.augmented) parts.push(mo("+"), term(ctx, b.value[j]));
    return parts;
  },
  activation(step, ctx, i, j) {
    const z = step.operands[0].value[0][j];
    const fn = ctx.notation.functions[step.layer]?.id;
    if (fn === "relu") return [mi("max", true), paren(mn(0), mo(","), mn(z, ctx.digits))];
    return [ctx.notation.fn(step.layer + 1), paren(mn(z, ctx.digits))];
  },
  head(step, ctx, i, j) {
    if (ctx.loss !== "softmax_cross_entropy") return null;
    const z = step.operands[0].value[0];
    const e = (v) => msup(mi("e"), mn(v, ctx.digits));
    return [mfrac(e(z[j]), mrow(...z.flatMap((v, k) => [k ? mo("+") : null, e(v)])))];
  },
  output_grad(step, ctx, i, j) {
    const [P, Y, N] = step.operands;
    if (N) return null;
    return [mn(P.value[0][j], ctx.digits), mo("−"), term(ctx, Y.value[0][j])];
  },
  grad_weights(step, ctx, i, j) {
    const [input, dZ] = step.operands;
    return [mn(input.value[0][i], ctx.digits), dot(), term(ctx, dZ.value[0][j])];
  },
  grad_activation(step, ctx, i, j) {
    const [dZ, W, dA] = step.operands;
    const g = dZ.value[0];
    const parts = g.flatMap((v, k) => [k ? mo("+") : null, term(ctx, W.value[j][k]), dot(), term(ctx, v)]);
    if (dA) parts.push(mo("+"), term(ctx, dA.value[0][j]));
    return parts;
  },
  grad_inputs(step, ctx, i, j) {
    return EXPAND.grad_activation(step, ctx, i, j);
  },
  grad_pre_activation(step, ctx, i, j) {
    const [dA, fprime] = step.operands;
    return [mn(dA.value[0][j], ctx.digits), mo("×"), term(ctx, fprime.value[0][j])];
  },
  update_weights(step, ctx, i, j) {
    const [W, eta, dW] = step.operands;
    const at = (o) => (shapeOf(o.value) === "scalar" ? o.value : shapeOf(o.value) === "vector" ? o.value[j] : o.value[i][j]);
    return [mn(at(W), ctx.digits), mo("−"), mn(eta.value, ctx.digits), dot(), term(ctx, at(dW))];
  },
  update_bias(step, ctx, i, j) {
    return EXPAND.update_weights(step, ctx, i, j);
  },
};

function expansion(step, ctx) {
  const rule = EXPAND[step.op];
  const input = step.operands[0];
  if (!rule || ctx.batch !== 1 || shapeOf(step.result.value) === "scalar") return [];
  if (shapeOf(input.value) === "matrix" && input.value.length !== 1 && !/^(W|M|b)$/.test(input.name)) return [];
  const entries = cells(step.result.value);
  if (entries.length > MAX_EXPANDED) return [];
  return entries.flatMap(([i, j, value]) => {
    const rhs = rule(step, ctx, i, j);
    if (!rhs) return [];
    const lhs = ctx.notation.element(step.result.name, step.result.layer, idxOf(step.result, i, j));
    const result = mn(value, ctx.digits);
    const cls = cellClass(ctx, step, step.result, "result", i, j, value);
    return [{ node: math([lhs, mo("="), ...rhs.flat(), mo("="), result]), className: cls ?? "" }];
  });
}

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
 * `{ title, phase, layer, lines: [<math>…], expansion: [{ node, className }], explanation }`.
 * `options`: { t, notation, loss, digits = 4, highlight({ name, layer, key, role, step }, i, j, v) }.
 */
export function describeStep(step, { t, notation = createNotation(), loss = "softmax_cross_entropy", digits = 4, highlight } = {}) {
  const ctx = { notation, loss, digits, highlight, batch: batchOf(step) };
  const sym = (o) => notation.symbol(o.name, o.layer);
  const symbolR = (o, opts) => (opts?.transposed ? msup(sym(o), T()) : sym(o));
  const valueR = (o, opts) => valueNode(ctx, step, o, opts);
  valueR.values = true;
  const rule = FORMULAS[step.op];
  const lhs = sym(step.result);
  const lines = [];
  if (rule) {
    lines.push(math([lhs, mo("="), ...[rule(step, symbolR, ctx)].flat(Infinity)], { block: true }));
    lines.push(math([mo("="), ...[rule(step, valueR, ctx)].flat(Infinity)], { block: true }));
  }
  const result = math([lines.length ? mo("=") : [lhs, mo("=")], valueNode(ctx, step, step.result, { role: "result" })].flat(), { block: true });
  result.classList.add("step-result");
  lines.push(result);
  const layer = step.layer + 1;
  return {
    title: t(`step.op.${step.op}`, { layer }),
    phase: t(`step.phase.${step.phase}`),
    layer,
    lines,
    expansion: expansion(step, ctx),
    explanation: t(`step.explain.${step.op}${step.augmented ? ".augmented" : ""}`, { layer }),
  };
}
