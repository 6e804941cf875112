// @ts-check
// Part (a): the article's worked example, live. The editor's numbers go into the core's trace;
// the overview shows the network (dead unit greyed), a verdict about each hidden unit and the
// article's rounding; the step player replays the hand calculation in the article's notation.
import { t } from "../../i18n.js";
import * as state from "../../state.js";
import { formatNumber, subscript } from "../../format.js";
import { el, liveRegion, section } from "../../components/dom.js";
import { augmentBias, functionName } from "../../components/step-formulas.js";
import { createNetworkDiagram } from "../../components/network-diagram.js";
import { createEditor } from "./editor.js";
import { defaults, isArticle, read, specOf, toUrl } from "./params.js";
import { describer, unitStates } from "./notation.js";
import { digitsField } from "../example-kit.js";
import { createUrlPlayer } from "../player-params.js";
import { createPrediction } from "../../components/predict.js";
import { markBusy } from "../../components/training-progress.js";
import { afterFrame } from "../../components/idle.js";

/** @typedef {import("../../wasm.js").Gradlab} Gradlab */
/** @typedef {import("../../pkg/gradlab.js").Spec} Spec */
/** @typedef {import("../../pkg/gradlab.js").Trace} Trace */
/** @typedef {import("../../pkg/gradlab.js").ActivationInfo} ActivationInfo */
/** @typedef {import("./params.js").WorkedParams} WorkedParams */

/** @param {number} v */
const fmt = (v) => formatNumber(v, 4);
/** @param {number} j */
const unit = (j) => subscript(j + 1);

/**
 * @param {{ gradlab: Gradlab, preset: Spec, catalog: ActivationInfo[],
 *   onTrace?: (snapshot: { params: WorkedParams, trace: Trace, spec: Spec }) => void }} options
 */
export function createWorked({ gradlab, preset, catalog, onTrace }) {
  let params = read(preset, catalog);
  /** @type {Trace} */
  let trace = null;
  const digitsSelect = digitsField({ sceneId: "dying-relu", id: "dr-digits", key: "dr.player.digits", onChange: redescribe });
  let digits = digitsSelect.value;

  const element = section({ id: "dr-worked", className: "dr-worked", title: t("dr.worked.title"), intro: t("dr.worked.intro"), introClass: "dr-intro" });

  const editor = createEditor({
    gradlab,
    params,
    catalog,
    onChange: (p) => {
      params = p;
      update();
    },
    onReset: () => {
      params = defaults(preset, catalog);
      editor.set(params);
      update();
    },
  });

  const overview = el("div", "dr-overview panel");
  const diagram = createNetworkDiagram({ id: "dr-net", label: t("dr.net.label"), small: true });
  const verdict = liveRegion("div", "dr-verdict status-list", "dr-verdict");
  const lossLine = el("p", "dr-loss");
  lossLine.id = "dr-loss";
  const rounding = el("aside", "dr-rounding");
  rounding.id = "dr-rounding";
  overview.append(diagram.element, verdict, lossLine, rounding);

  const grid = el("div", "dr-worked-grid split split-late");
  grid.append(editor.element, overview);
  element.append(grid);

  // --- the player -----------------------------------------------------------------------
  const playerHead = el("div", "dr-player-head");
  playerHead.append(el("h3", "", t("dr.player.title")), digitsSelect.element);
  const playerHost = el("div", "dr-player");
  element.append(playerHead, playerHost);
  // Before the backward pass reaches h₂ (and the overview's verdict says it), the student
  // predicts ∂L/∂h₂; the verdict and the steps from ∂L/∂h on are covered until then.
  const CHOICES = ["zero", "small", "likeH1"];
  const prediction = createPrediction({
    gradlab,
    id: "dying-relu-h2",
    kind: "choice",
    choices: CHOICES.map((value) => ({ value, label: t(`dr.predict.${value}`) })),
    question: () => t("dr.predict.question", { h: trace ? fmt(trace.layers[0].preActivation[0][1]) : "…" }),
    truth: () => {
      const dz = trace.layers[0].gradPreActivation[0];
      const v = gradlab.gradientVerdict(dz[1], dz[0]).verdict;
      return v === "zero" ? "zero" : v === "vanishing" ? "small" : "likeH1";
    },
    cover: [verdict],
    onReveal: () => player.player.refreshCards(),
  });
  const covered = el("p", "sp-covered", t("dr.predict.covered"));
  const player = createUrlPlayer(playerHost, {
    sceneId: "dying-relu",
    id: "dr-player",
    stepKey: "step",
    allKey: "all",
    fadeKey: "fade",
    check: gradlab.checkValues,
    cover: (i) => (!prediction.revealed && trace && i >= firstHiddenGradient() ? covered : null),
    label: t("dr.player.label"),
  });
  playerHost.before(prediction.element);

  /** The index of the first step that shows ∂L/∂h (the hidden layer's pre-activation gradient). */
  function firstHiddenGradient() {
    const steps = augmentBias(trace.steps, 0);
    const i = steps.findIndex((step) => step.op === "grad_pre_activation" && step.layer === 0);
    return i < 0 ? steps.length : i;
  }

  // --- rendering ------------------------------------------------------------------------
  /** @param {string[]} states */
  function renderDiagram(states) {
    const L0 = trace.layers[0];
    const name = functionName(L0.function);
    const inputs = [{ label: "1", state: "bias", title: t("dr.net.bias") }, ...params.x.map((v, i) => ({ label: `x${unit(i)}`, title: `x${unit(i)} = ${fmt(v)}`, value: fmt(v) }))];
    const hidden = L0.preActivation[0].map((h, j) => ({
      label: `h${unit(j)}`,
      state: states[j],
      value: `h = ${fmt(h)}`,
      title: t(`dr.net.unit.${states[j]}`, { unit: unit(j), h: fmt(h), a: fmt(L0.activation[0][j]), d: fmt(L0.derivative[0][j]), f: name }),
    }));
    const outputs = trace.probabilities[0].map((p, k) => ({
      label: `z${unit(k)}`,
      state: k === params.label ? "target" : null,
      value: `p = ${fmt(p)}`,
      title: t("dr.net.output", { k: unit(k), z: fmt(trace.layers[1].preActivation[0][k]), p: fmt(p) }),
    }));
    const dead = states.flatMap((s, j) => (s === "dead" ? [`h${unit(j)}`] : []));
    diagram.update({
      columns: [
        { label: t("dr.net.inputs"), units: inputs },
        { label: t("dr.net.hidden", { f: name }), units: hidden },
        { label: t("dr.net.outputs"), units: outputs },
      ],
      weights: [params.M, params.Wout],
      label: t("dr.net.label"),
      summary: dead.length ? t("dr.net.summaryDead", { units: dead.join(", ") }) : t("dr.net.summaryAlive"),
    });
  }

  /** @param {string[]} states */
  function renderVerdict(states) {
    const L0 = trace.layers[0];
    const f = functionName(L0.function);
    verdict.replaceChildren();
    const notAlive = states.flatMap((s, j) => (s === "alive" ? [] : [/** @type {[string, number]} */ ([s, j])]));
    if (!notAlive.length) {
      const p = el("p", "status", t("dr.verdict.alive", { f }));
      p.dataset.state = "active";
      verdict.append(p);
    }
    for (const [s, j] of notAlive) {
      const p = el("p", "status");
      p.dataset.state = s === "dead" ? "dead" : "active";
      p.dataset.unit = String(j + 1);
      p.textContent = t(`dr.verdict.${s}`, {
        unit: unit(j),
        col: j + 1,
        h: fmt(L0.preActivation[0][j]),
        f,
        d: fmt(L0.derivative[0][j]),
        g: fmt(L0.gradActivation[0][j]),
        dz: fmt(L0.gradPreActivation[0][j]),
      });
      verdict.append(p);
    }
    lossLine.textContent = t("dr.loss", { L: fmt(trace.loss), p: trace.probabilities[0].map(fmt).join(", ") });
  }

  /** @param {boolean} article */
  function renderRounding(article) {
    rounding.replaceChildren();
    rounding.hidden = !article;
    if (!article) return;
    rounding.append(el("h3", "", t("dr.round.title")));
    const list = el("ul");
    list.append(
      el("li", "", t("dr.round.loss", { exact: fmt(trace.loss) })),
      el("li", "", t("dr.round.p3", { exact: fmt(trace.probabilities[0][2]) })),
      el("li", "", t("dr.round.dz3", { exact: fmt(trace.layers[1].gradPreActivation[0][2]) }))
    );
    rounding.append(list, el("p", "", t("dr.round.more")));
  }

  /**
   * Another number of significant digits: the calculation is described again.
   * @param {number} d
   */
  function redescribe(d) {
    digits = d;
    update();
  }

  function update() {
    cancelStage();
    showPlayer(showOverview());
  }

  /** The trace of the current numbers, and the overview drawn from it (the first half of `update`). */
  function showOverview() {
    const spec = specOf(gradlab, params, preset);
    trace = gradlab.trace(spec, undefined);
    const states = unitStates(trace);
    const article = isArticle(params, preset) && params.act === "relu";
    editor.markUnits(states);
    renderDiagram(states);
    renderVerdict(states);
    renderRounding(article);
    prediction.refresh();
    return { spec, article };
  }

  /** The step player, the URL and the listeners (the second half of `update`). */
  function showPlayer({ spec, article }) {
    player.show(augmentBias(trace.steps, 0), describer({ trace, digits, article }));
    state.updateSoon(toUrl(params, preset, catalog));
    onTrace?.({ params, trace, spec });
  }

  // The part's first drawing comes in two tasks (the overview, then once it is painted the step
  // player), each well under what the two took together while the scene started; an edit in
  // between draws everything at once and drops the second.
  let stage = 0;
  function cancelStage() {
    stage++;
    markBusy(playerHost, false);
  }

  return {
    element,
    start() {
      cancelStage();
      const mine = stage;
      const shown = showOverview();
      markBusy(playerHost, true);
      afterFrame(() => {
        if (stage !== mine) return;
        markBusy(playerHost, false);
        showPlayer(shown);
      });
    },
    destroy() {
      stage++;
      player.destroy();
    },
  };
}
