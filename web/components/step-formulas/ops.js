// @ts-check
// Step formulas — ops: for every core op, its formula's right-hand side (`FORMULAS`, written
// once for symbols and once for values) and, for small single-sample steps, the element-by-element
// expansion of its result (`EXPAND`, `expansion`). Every number printed is an operand or the
// recorded result. Internal to the step formulas.
import { m, mi, mo, mn, mrow, msub, msup, mfrac, paren, math } from "../mathml.js";
import { shapeOf, operand } from "./operands.js";
import { cellClass, term, T, ln, dot } from "./render.js";

// --- formulas -----------------------------------------------------------------------------

/**
 * Each op: `rhs(step, R, ctx)` builds the right-hand side, where `R(operand, { transposed })`
 * is the operand's symbol on the first line and its value on the second (`R.values` tells which).
 */
export const FORMULAS = {
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

export function expansion(step, ctx) {
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
    return [{ node: math([lhs, mo("="), ...rhs.flat(), mo("="), result], { flow: true }), className: cls ?? "" }];
  });
}
