// Part (a): the article's worked example, live. The editor's numbers go into the core's trace;
// the overview shows the network (dead unit greyed), a verdict about each hidden unit and the
// article's rounding; the step player replays the hand calculation in the article's notation.
import { t } from "../../i18n.js";
import * as state from "../../state.js";
import { formatNumber } from "../../format.js";
import { createStepPlayer } from "../../components/step-player.js";
import { augmentBias, functionName } from "../../components/step-formulas.js";
import { createNetworkDiagram } from "../../components/network-diagram.js";
import { createEditor } from "./editor.js";
import { DIGITS, defaults, isArticle, read, specOf, toUrl } from "./params.js";
import { describer, unitStates } from "./notation.js";
import { el } from "../../components/dom.js";
import { readPlayer, writePlayer } from "../player-params.js";

const fmt = (v) => formatNumber(v, 4);
const SUB = (n) => String(n).replace(/\d/g, (d) => "₀₁₂₃₄₅₆₇₈₉"[d]);

export function createWorked({ gradlab, preset, catalog, onTrace }) {
  let params = read(preset, catalog);
  let trace = null;
  let digits = state.readParams("dying-relu", {}, ["digits"]).digits;

  const element = el("section", "dr-worked");
  const heading = el("h2", "", t("dr.worked.title"));
  heading.id = "dr-worked-title";
  element.setAttribute("aria-labelledby", heading.id);
  element.append(heading, el("p", "dr-intro", t("dr.worked.intro")));

  const editor = createEditor({
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
  const verdict = el("div", "dr-verdict");
  verdict.id = "dr-verdict";
  verdict.setAttribute("aria-live", "polite");
  const lossLine = el("p", "dr-loss");
  lossLine.id = "dr-loss";
  const rounding = el("aside", "dr-rounding");
  rounding.id = "dr-rounding";
  overview.append(diagram.element, verdict, lossLine, rounding);

  const grid = el("div", "dr-worked-grid");
  grid.append(editor.element, overview);
  element.append(grid);

  // --- the player -----------------------------------------------------------------------
  const playerHead = el("div", "dr-player-head");
  const playerTitle = el("h3", "", t("dr.player.title"));
  const digitsField = el("label", "dr-digits");
  const digitsSelect = el("select", "select");
  digitsSelect.id = "dr-digits";
  for (const d of DIGITS) {
    const option = el("option", "", t("dr.player.digitsValue", { d }));
    option.value = String(d);
    digitsSelect.append(option);
  }
  digitsSelect.value = String(digits);
  digitsField.append(el("span", "", t("dr.player.digits")), digitsSelect);
  playerHead.append(playerTitle, digitsField);
  const playerHost = el("div", "dr-player");
  element.append(playerHead, playerHost);

  let player = null;
  const initial = readPlayer("dying-relu", "step", "all");

  function stepsOf(tr) {
    return augmentBias(tr.steps, 0);
  }

  // --- rendering ------------------------------------------------------------------------
  function renderDiagram(states) {
    const L0 = trace.layers[0];
    const name = functionName(L0.function);
    const inputs = [{ label: "1", state: "bias", title: t("dr.net.bias") }].concat(
      params.x.map((v, i) => ({ label: `x${SUB(i + 1)}`, title: `x${SUB(i + 1)} = ${fmt(v)}`, value: fmt(v) }))
    );
    const hidden = L0.preActivation[0].map((h, j) => ({
      label: `h${SUB(j + 1)}`,
      state: states[j],
      value: `h = ${fmt(h)}`,
      title: t(`dr.net.unit.${states[j]}`, { unit: SUB(j + 1), h: fmt(h), a: fmt(L0.activation[0][j]), d: fmt(L0.derivative[0][j]), f: name }),
    }));
    const outputs = trace.probabilities[0].map((p, k) => ({
      label: `z${SUB(k + 1)}`,
      state: k === params.label ? "target" : null,
      value: `p = ${fmt(p)}`,
      title: t("dr.net.output", { k: SUB(k + 1), z: fmt(trace.layers[1].preActivation[0][k]), p: fmt(p) }),
    }));
    const dead = states.map((s, j) => [s, j]).filter(([s]) => s === "dead").map(([, j]) => `h${SUB(j + 1)}`);
    diagram.update({
      columns: [
        { label: t("dr.net.inputs"), units: inputs },
        { label: t("dr.net.hidden", { f: name }), units: hidden },
        { label: t("dr.net.outputs"), units: outputs },
      ],
      weights: [params.M, params.Wout],
      summary: dead.length ? t("dr.net.summaryDead", { units: dead.join(", ") }) : t("dr.net.summaryAlive"),
    });
  }

  function renderVerdict(states) {
    const L0 = trace.layers[0];
    const f = functionName(L0.function);
    verdict.replaceChildren();
    const notAlive = states.map((s, j) => [s, j]).filter(([s]) => s !== "alive");
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
        unit: SUB(j + 1),
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

  function update() {
    trace = gradlab.trace(specOf(params, preset));
    const states = unitStates(trace);
    const article = isArticle(params, preset) && params.act === "relu";
    editor.markUnits(states);
    renderDiagram(states);
    renderVerdict(states);
    renderRounding(article);
    const describe = describer({ trace, digits, article });
    if (!player) {
      player = createStepPlayer(playerHost, {
        t,
        id: "dr-player",
        steps: stepsOf(trace),
        describe,
        ...initial,
        label: t("dr.player.label"),
        onChange: (change) => writePlayer("dying-relu", "step", "all", change),
      });
    } else {
      player.setSteps(stepsOf(trace), { describe });
    }
    state.updateSoon(toUrl(params, preset, catalog));
    onTrace?.({ params, trace, spec: specOf(params, preset) });
  }

  digitsSelect.addEventListener("change", () => {
    digits = Number(digitsSelect.value);
    state.writeParams("dying-relu", { digits });
    update();
  });

  return {
    element,
    start() {
      update();
    },
    get params() {
      return params;
    },
    get trace() {
      return trace;
    },
    get player() {
      return player;
    },
    destroy() {
      player?.destroy();
    },
  };
}
