// @ts-check
// The formulas of f and f′ of the explored activation in MathML: the general form, then the
// same with the current x (and α, β) substituted and the core's value. Piecewise functions show
// the branch that applies; sigmoid and tanh also show the article's intermediate step (σ′ from
// σ, tanh′ from tanh), using the core's f(x). Nothing is computed here.
import { scrollFocus } from "../../components/scroll-focus.js";
import { t } from "../../i18n.js";
import { m, mi, mo, mn, mrow, msup, mfrac, msqrt, paren, math } from "../../components/mathml.js";
import { el, headedSection } from "../../components/dom.js";
import { morph } from "../../components/morph.js";
import { activationSymbol } from "../../components/activation-symbols.js";

/** @typedef {() => Element} Node A factory of a MathML node (a node can sit in one place only). */
/**
 * The parameters as MathML: α and β (symbols or numbers), and k·x (`scaled`).
 * @typedef {{ alpha: Node, beta: Node, scaled: (k: Node, X: Node) => Element }} ParamNodes
 */
/**
 * f and f′ of an activation as MathML of the argument X and the parameters p; `branch` (x > 0)
 * picks a piece when substituting; `steps` add numeric steps from the core's values; `where`
 * lists constants; `symbolicDerivative`: f′ is not substituted (its own letters u, s).
 * @typedef {{ f: (X: Node, p?: ParamNodes, branch?: boolean) => Element, fp: (X: Node, p?: ParamNodes, branch?: boolean) => Element,
 *   steps?: (values: { value: number }) => Element, where?: () => Element, symbolicDerivative?: boolean }} Formula
 */

const mtext = (s) => m("mtext", {}, s);
const half = () => mfrac(mn(1), mn(2));
const exp = (...power) => msup(mi("e"), mrow(...power));
/** A number for substitution, in parentheses when negative. */
const num = (v) => (v < 0 || Object.is(v, -0) ? paren(mn(v)) : mn(v));
const neg = (X) => mrow(mo("−"), X);
const dot = () => mo("·");
const call = (name, ...arg) => mrow(mi(name), paren(...arg));
const sigma = (...arg) => mrow(mi("σ", false), paren(...arg));
/** Cases: { expr₁ if cond₁ ; expr₂ if cond₂ }. */
function cases(rows) {
  const table = m("mtable", { columnalign: "left left" });
  for (const [expr, cond] of rows) {
    table.append(m("mtr", {}, m("mtd", {}, expr), m("mtd", {}, mrow(mtext(t("act.formula.if")), mspace("0.4em"), cond))));
  }
  return mrow(m("mo", { stretchy: "true", symmetric: "true" }, "{"), table);
}
const positive = (X) => mrow(X, mo(">"), mn(0));
const nonPositive = (X) => mrow(X, mo("≤"), mn(0));

/**
 * Per activation: f(X, p) and fp(X, p), where X() is the argument (the symbol x or a number),
 * p the parameters as MathML (α, β, or their values); `branch` (x > 0) picks a piece when
 * substituting; `steps` add numeric steps from the core's values; `where` lists constants.
 */
/** @type {Record<string, Formula>} */
const FORMULAS = {
  identity: { f: (X) => X(), fp: () => mn(1) },
  sigmoid: {
    f: (X) => mfrac(mn(1), mrow(mn(1), mo("+"), exp(mo("−"), X()))),
    fp: (X) => mrow(sigma(X()), paren(mn(1), mo("−"), sigma(X()))),
    steps: ({ value }) => mrow(mn(value), mo("×"), paren(mn(1), mo("−"), mn(value))),
  },
  tanh: {
    f: (X) => mfrac(mrow(exp(X()), mo("−"), exp(mo("−"), X())), mrow(exp(X()), mo("+"), exp(mo("−"), X()))),
    fp: (X) => mrow(mn(1), mo("−"), msup(mi("tanh"), mn(2)), paren(X())),
    steps: ({ value }) => mrow(mn(1), mo("−"), msup(mn(value), mn(2))),
  },
  relu: {
    f: (X) => call("max", mn(0), mo(","), X()),
    fp: (X, p, branch) => piece(X, branch, [mn(1), mn(0)]),
  },
  leaky_relu: {
    f: (X, p, branch) => piece(X, branch, [X(), mrow(p.alpha(), dot(), X())]),
    fp: (X, p, branch) => piece(X, branch, [mn(1), p.alpha()]),
  },
  elu: {
    f: (X, p, branch) => piece(X, branch, [X(), mrow(p.alpha(), paren(exp(X()), mo("−"), mn(1)))]),
    fp: (X, p, branch) => piece(X, branch, [mn(1), mrow(p.alpha(), dot(), exp(X()))]),
  },
  selu: {
    f: (X, p, branch) => piece(X, branch, [mrow(mi("λ"), dot(), X()), mrow(mi("λ"), mi("α"), paren(exp(X()), mo("−"), mn(1)))]),
    fp: (X, p, branch) => piece(X, branch, [mi("λ"), mrow(mi("λ"), mi("α"), dot(), exp(X()))]),
    where: () => mrow(mi("λ"), mo("≈"), mn("1.0507"), mo(","), mspace(), mi("α"), mo("≈"), mn("1.6733")),
  },
  softplus: {
    f: (X, p) => mrow(mfrac(mn(1), p.beta()), mi("ln"), paren(mn(1), mo("+"), exp(p.scaled(p.beta, X)))),
    fp: (X, p) => sigma(p.scaled(p.beta, X)),
  },
  swish: {
    f: (X, p) => mrow(X(), dot(), sigma(p.scaled(p.beta, X))),
    fp: (X, p) =>
      mrow(sigma(p.scaled(p.beta, X)), mo("+"), p.scaled(p.beta, X), dot(), sigma(p.scaled(p.beta, X)), paren(mn(1), mo("−"), sigma(p.scaled(p.beta, X)))),
  },
  gelu: {
    f: (X) => mrow(X(), dot(), mi("Φ", false), paren(X())),
    fp: (X) => mrow(mi("Φ", false), paren(X()), mo("+"), X(), dot(), mi("φ", false), paren(X())),
    where: () =>
      mrow(
        mi("Φ", false), paren(mi("x")), mo("="), half(),
        paren(mn(1), mo("+"), mi("erf"), paren(mfrac(mi("x"), msqrt(mn(2))))),
        mo(","), mspace(),
        mi("φ", false), paren(mi("x")), mo("="), mfrac(exp(mo("−"), mfrac(msup(mi("x"), mn(2)), mn(2))), msqrt(mn(2), mi("π")))
      ),
  },
  gelu_tanh: {
    f: (X) => mrow(half(), X(), paren(mn(1), mo("+"), mi("tanh"), paren(msqrt(mfrac(mn(2), mi("π"))), paren(X(), mo("+"), mn("0.044715"), msup(X(), mn(3)))))),
    fp: () => mrow(half(), paren(mn(1), mo("+"), mi("tanh"), mi("u")), mo("+"), half(), mi("x"), msup(mi("sech"), mn(2)), mi("u"), dot(), msqrt(mfrac(mn(2), mi("π"))), paren(mn(1), mo("+"), mn(3), dot(), mn("0.044715"), msup(mi("x"), mn(2)))),
    symbolicDerivative: true,
    where: () => mrow(mi("u"), mo("="), msqrt(mfrac(mn(2), mi("π"))), paren(mi("x"), mo("+"), mn("0.044715"), msup(mi("x"), mn(3)))),
  },
  gelu_sigmoid: {
    f: (X) => mrow(X(), dot(), sigma(mn("1.702"), X())),
    fp: (X) => mrow(sigma(mn("1.702"), X()), mo("+"), mn("1.702"), X(), dot(), sigma(mn("1.702"), X()), paren(mn(1), mo("−"), sigma(mn("1.702"), X()))),
  },
  mish: {
    f: (X) => mrow(X(), dot(), mi("tanh"), paren(mi("ln"), paren(mn(1), mo("+"), exp(X())))),
    fp: () => mrow(mi("tanh"), paren(mi("s")), mo("+"), mi("x"), dot(), msup(mi("sech"), mn(2)), paren(mi("s")), dot(), sigma(mi("x"))),
    symbolicDerivative: true,
    where: () => mrow(mi("s"), mo("="), mi("ln"), paren(mn(1), mo("+"), exp(mi("x")))),
  },
};
FORMULAS.prelu = FORMULAS.leaky_relu;

function mspace(width = "0.8em") {
  return m("mspace", { width });
}

/**
 * Both pieces (symbolic) or the one that applies (`branch` true: x > 0, false: x ≤ 0).
 * @param {Node} X
 * @param {boolean | undefined} branch
 * @param {[Element, Element]} pieces
 */
function piece(X, branch, [right, left]) {
  if (branch === undefined) return cases([[right, positive(X())], [left, nonPositive(X())]]);
  return branch ? right : left;
}

/**
 * The name applied to an argument: σ(x), σ′(2), GELU_tanh(x).
 * @param {string} id
 * @param {boolean} prime
 * @param {Element} arg
 */
function named(id, prime, arg) {
  const symbol =
    id === "gelu_tanh"
      ? m("msub", {}, mi("GELU"), mi("tanh"))
      : id === "gelu_sigmoid"
        ? m("msub", {}, mi("GELU"), mi("σ", false))
        : mi(activationSymbol(id), id === "sigmoid" ? false : undefined);
  return mrow(symbol, prime ? mo("′") : null, paren(arg));
}

export function createFormulas() {
  const { element } = headedSection({ className: "panel formulas", headingClass: "panel-title", id: "act-formula-title", title: t("act.formula.title") });
  const f = el("div", "formula formula-f");
  f.id = "act-formula-f";
  const fp = el("div", "formula formula-fprime");
  fp.id = "act-formula-fprime";
  const where = el("div", "formula formula-where");
  element.append(f, fp, where);
  [f, fp, where].forEach((box, n) => scrollFocus(box, t("act.formula.region", { n: n + 1 })));
  let generalKey = "";

  /**
   * Renders the formulas of `id` at x with `params` ({ alpha?, beta? }) and the core's values.
   * @param {string} id
   * @param {number} x
   * @param {{ alpha?: number, beta?: number }} params
   * @param {{ value: number, derivative: number }} values
   */
  function update(id, x, params, values) {
    const def = FORMULAS[id];
    if (!def) {
      element.hidden = true;
      return;
    }
    element.hidden = false;
    // Parameters as factories (a DOM node can only sit in one place of the formula), and
    // k·x written as "βx" in the general form, "2 · 1.5" once substituted.
    const symbolic = { alpha: () => mi("α"), beta: () => mi("β"), scaled: (k, X) => mrow(k(), X()) };
    const value = (v) => () => (v === undefined ? mi("?") : num(v));
    const numeric = {
      alpha: value(params.alpha),
      beta: value(params.beta),
      scaled: (k, X) => mrow(k(), dot(), X()),
    };
    const X = () => mi("x");
    const V = () => num(x);
    const branch = x > 0;
    const condition = () =>
      mtext(t(branch ? "act.formula.since.positive" : "act.formula.since.nonpositive", { x: mn(x).textContent }));
    const piecewise = ["relu", "leaky_relu", "prelu", "elu", "selu"].includes(id);

    const general = (prime, expr) => math([named(id, prime, mi("x")), mo("="), expr], { block: true, flow: true });
    const substituted = (prime, subst, step, value) => {
      const result = mn(value);
      // "= 1 = 1" says nothing twice: leave out a substitution that is just the result.
      const trivial = (node) => node && node.textContent.replace(/[()]/g, "") === result.textContent;
      return math(
        [
          named(id, prime, mn(x)),
          ...(subst && !trivial(subst) ? [mo("="), subst] : []),
          ...(step ? [mo("="), step] : []),
          mo("="),
          result,
          ...(piecewise ? [mspace(), condition()] : []),
        ],
        { block: true, flow: true }
      );
    };

    // The general forms change with the activation and its parameters only; while x moves,
    // only the substituted lines are rebuilt.
    const key = `${id}|${params.alpha}|${params.beta}`;
    if (key !== generalKey) {
      generalKey = key;
      f.replaceChildren(general(false, def.f(X, symbolic)), el("span"));
      fp.replaceChildren(general(true, def.fp(X, symbolic)), el("span"));
      where.replaceChildren();
      where.hidden = !def.where;
      if (def.where) where.append(math([mtext(t("act.formula.where")), mspace(), def.where()], { block: true }));
    }
    // The substituted lines keep their nodes while x moves: only the numbers are rewritten.
    morph(/** @type {ChildNode} */ (f.lastChild), substituted(false, def.f(V, numeric, branch), null, values.value));
    const fpSubst = def.symbolicDerivative ? null : def.fp(V, numeric, branch);
    const fpStep = def.steps ? def.steps(values) : null;
    morph(/** @type {ChildNode} */ (fp.lastChild), substituted(true, fpSubst, fpStep, values.derivative));
  }

  return { element, update };
}
