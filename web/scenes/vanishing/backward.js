// @ts-check
// Part (b): the backward pass through the gradient diagram, layer by layer. The steps are a
// trace's `grad_weights` steps (output layer first, layer 1 last; the same op, layer and result
// name as the core's), played by the shared step player; each card shows ‖∂L/∂W_k‖ (the core's
// gradNorm, from `Trainer.gradientFlow`) and how it compares with the output layer's (the
// ratio of the core's `gradientVerdict`; "—" where both are 0), and every
// move of the player reveals one more layer of the diagram, whose edges are coloured by the
// core's |∂L/∂W_k[i][j]|. Player state: step, speed, all (URL).
import { t } from "../../i18n.js";
import { formatNumber, subscript } from "../../format.js";
import { el } from "../../components/dom.js";
import { createStepPlayer } from "../../components/step-player.js";
import { createGradientDiagram } from "../../components/gradient-diagram.js";
import { m, mi, mo, mn, msub, msup, mfrac, mrow, math } from "../../components/mathml.js";
import { activationName } from "../activations/text.js";
import { readPlayer, writePlayer } from "../player-params.js";
import { ratioText } from "../../components/verdict.js";

/** @typedef {import("../../pkg/gradlab.js").GradientFlow} GradientFlow */
/** @typedef {import("../../pkg/gradlab.js").GradientVerdict} GradientVerdict */
/**
 * A gradient flow of the network with its sizes and settings, on `rows` flowers.
 * (`live`: a frame of a training that goes on — the diagram holds its colour range while it fits.)
 * @typedef {{ flow: GradientFlow, sizes: number[], settings: import("./params.js").NetSettings, rows: number, live?: boolean }} BackwardSnapshot
 */
/** @typedef {{ phase: string, op: string, layer: number, result: { name: string, layer: number } }} BackwardStep */

/** @param {...Element} inner */
const norm = (...inner) => mrow(mo("‖"), ...inner, mo("‖"));
/**
 * The norm as a number node tests and readers can find (class van-norm-value, raw in data-value).
 * @param {number} v
 */
function normValue(v) {
  const node = mn(v, 6);
  node.setAttribute("class", "van-norm-value");
  return node;
}
/** @param {number} k */
const dW = (k) => mfrac(mrow(mi("∂"), mi("L")), mrow(mi("∂"), msub(mi("W"), mn(k))));
/**
 * A verdict's ratio in a formula: the number, or the text the core's missing ratio reads as.
 * @param {GradientVerdict} verdict
 */
const ratioNode = (verdict) => (verdict.ratio === null ? m("mtext", {}, ratioText(verdict)) : mn(verdict.ratio, 4));

/**
 * The trace's grad_weights steps of an L-layer network, in the order the core plays them.
 * @param {number} L
 * @returns {BackwardStep[]}
 */
function backwardSteps(L) {
  return Array.from({ length: L }, (_, s) => {
    const layer = L - 1 - s;
    return { phase: "backward", op: "grad_weights", layer, result: { name: "dW", layer: layer + 1 } };
  });
}

/** @param {{ gradlab: import("../../wasm.js").Gradlab }} options */
export function createBackward({ gradlab }) {
  /** @type {BackwardSnapshot | null} */
  let snapshot = null;
  let stepCount = 0;
  // The URL's step, applied when the first flow arrives (the player starts with no steps).
  const initial = readPlayer("vanishing", "step", "all");
  let initialIndex = initial.index;

  const element = el("div", "van-backward");
  const diagram = createGradientDiagram({
    id: "van-diagram",
    label: t("van.net.diagramLabel"),
    text: {
      legendTitle: t("van.net.legendTitle"),
      thinThick: t("van.net.legendWidth"),
      zero: t("van.net.legendZero"),
      waiting: t("van.net.legendWaiting"),
      current: t("van.net.legendCurrent"),
      residual: t("van.net.legendResidual"),
      columnLabel: (c, cols) => (c === 0 ? t("van.net.colInput") : c === cols - 1 ? t("van.net.colOutput") : String(c)),
      unitTitle: (c, u, cols) => t(c === 0 ? "van.net.unitInput" : c === cols - 1 ? "van.net.unitOutput" : "van.net.unit", { layer: c, unit: u + 1 }),
      layerTitle: (l, layer) => t("van.net.layerTitle", { k: l + 1, norm: formatNumber(layer.norm, 4) }),
      edgeTitle: (l, i, j, v) => t("van.net.edgeTitle", { k: l + 1, i: i + 1, j: j + 1, g: formatNumber(Math.abs(v ?? 0), 4) }),
      residualTitle: (l) => t("van.net.skipTitle", { k: l + 1 }),
      collapsed: (hidden, n) => t("van.net.collapsed", { hidden, n }),
    },
  });
  const playerBox = el("div", "van-player-box");
  element.append(diagram.element, playerBox);

  const player = createStepPlayer(playerBox, {
    t,
    id: "van-player",
    steps: [],
    describe,
    index: initialIndex,
    mode: initial.mode,
    speed: initial.speed,
    label: t("van.back.playerLabel"),
    onChange: (change) => {
      diagram.reveal(change.mode === "all" ? null : change.index);
      writePlayer("vanishing", "step", "all", change);
    },
  });

  /** @param {BackwardStep} step */
  function describe(step) {
    const { flow } = snapshot;
    const L = flow.layers.length;
    const l = step.layer;
    const k = l + 1;
    const layer = flow.layers[l];
    const out = flow.layers[L - 1];
    const isOutput = l === L - 1;
    // This layer's gradient against the output layer's, as the core compares them.
    const versus = isOutput ? null : gradlab.gradientVerdict(layer.gradNorm, out.gradNorm);
    const buildLines = () => [
      math([dW(k), mo("="), msup(msub(mi("A"), mn(k - 1)), mi("⊤")), mo("·"), mfrac(mrow(mi("∂"), mi("L")), mrow(mi("∂"), msub(mi("Z"), mn(k))))], { block: true, label: t("van.back.ruleLabel", { k }) }),
      math([norm(dW(k)), mo("="), normValue(layer.gradNorm)], { block: true, label: t("van.back.normLabel", { k, norm: formatNumber(layer.gradNorm) }) }),
      ...(isOutput
        ? []
        : [math([mfrac(norm(dW(k)), norm(dW(L))), mo("="), ratioNode(versus)], { block: true, label: t("van.back.ratioLabel", { k, L, r: ratioText(versus) }) })]),
    ];
    const hidden = L - 1 - l; // hidden layers whose f′ the gradient has passed, this one included
    const name = activationName(snapshot.settings.act);
    const skipsAbove = flow.layers.filter((x, i) => i > l && x.residual).length;
    let explanation;
    if (isOutput) explanation = t("van.back.explainOutput");
    else if (layer.residual) explanation = t("van.back.explainResidual", { m: hidden, f: name });
    else if (skipsAbove) explanation = t("van.back.explainHiddenSkips", { m: skipsAbove, f: name });
    else explanation = t("van.back.explainHidden", { m: hidden, f: name });
    return {
      title: isOutput ? t("van.back.titleOutput", { k, ks: subscript(k) }) : t("van.back.title", { k, ks: subscript(k) }),
      phase: t("van.back.phase"),
      // Built only when the card is shown (the step list needs the titles alone).
      get lines() {
        return buildLines();
      },
      explanation,
      note: l === 0 && L > 1 ? firstLayerNote(flow.verdict) : undefined,
      className: isOutput ? "van-card-output" : "van-card-hidden",
    };
  }

  /**
   * Layer 1 against the output layer, from the core's verdict on the flow (which has no ratio
   * when both gradients are 0: the units are dead).
   * @param {GradientVerdict} verdict
   */
  function firstLayerNote(verdict) {
    if (verdict.ratio === null && verdict.verdict === "zero") return t("van.back.noteFirstZero");
    return t("van.back.noteFirst", { r: ratioText(verdict, 3) });
  }

  return {
    element,
    player,
    diagram,
    /**
     * A new gradient flow: the diagram's colours and the player's steps (the position is kept).
     * @param {BackwardSnapshot} next
     */
    update(next) {
      showDiagram(next);
      showSteps();
    },
    /**
     * The two halves of `update`, for a first drawing spread over two frames: the diagram of a
     * new gradient flow, then the player's steps and cards for it.
     */
    showDiagram,
    showSteps,
    destroy() {
      player.destroy();
      diagram.destroy();
    },
  };

  /** @param {BackwardSnapshot} next */
  function showDiagram(next) {
    snapshot = next;
    const { flow, sizes } = next;
    const L = flow.layers.length;
    diagram.update({
      live: next.live === true,
      step: stepToShow(L),
      sizes,
      layers: flow.layers.map((l) => ({ grad: l.gradWeights, norm: l.gradNorm, residual: l.residual })),
      summary: t("van.net.summary", {
        L,
        out: formatNumber(flow.layers[L - 1].gradNorm, 3),
        first: formatNumber(flow.layers[0].gradNorm, 3),
        rows: next.rows,
      }),
    });
  }

  /**
   * The step `showSteps` will show for a flow of L layers (null: every step): the URL's at the
   * first flow, otherwise the player's, within the new steps.
   * @param {number} L
   */
  function stepToShow(L) {
    if (player.mode === "all") return null;
    return Math.max(0, Math.min(L - 1, initialIndex ?? player.index));
  }

  /** The steps and cards of the diagram's flow (after `showDiagram`). */
  function showSteps() {
    const L = snapshot.flow.layers.length;
    // The same network again (a new trace of it): only the numbers on the cards change.
    if (initialIndex === null && stepCount === L) player.refreshCards();
    else player.setSteps(backwardSteps(L), initialIndex === null ? { describe } : { describe, index: initialIndex });
    stepCount = L;
    initialIndex = null;
    diagram.reveal(player.mode === "all" ? null : player.index);
  }
}

