// @ts-check
// Part (b): the article's 2-2-3 ReLU MLP from all-zero weights on its three Iris samples. Every
// activation and every weight gradient is zero, the loss sits at ln 3 forever; the output-bias
// gradient Σₙ(p − y) is zero only because each class occurs once — one click unbalances the
// labels and the output bias starts to learn while the hidden layer stays dead. Whether that
// gradient is zero (float64 leaves ±1.1 × 10⁻¹⁶ of the exact 0) is the core's `zeroResidue`.
import { t } from "../../i18n.js";
import * as state from "../../state.js";
import { formatNumber, subscript } from "../../format.js";
import { el, selectField, button, section } from "../../components/dom.js";
import { createNetworkDiagram } from "../../components/network-diagram.js";
import { BALANCED, MAX_STEPS, UNBALANCED, mlpSpec, mlpUrl, readMlp } from "./params.js";
import { describer, mlpNotation, playerSteps } from "./notation.js";
import { createAnnouncer, matrixTable, tableHead, valueLine } from "./util.js";
import { createMlpTraining } from "./mlp-training.js";
import { createUrlPlayer } from "../player-params.js";
import { markParam } from "../../components/param-controls.js";
import { afterFrame } from "../../components/idle.js";

/** @typedef {import("../../wasm.js").Gradlab} Gradlab */
/** @typedef {import("../../pkg/gradlab.js").Spec} Spec */
/** @typedef {import("../../pkg/gradlab.js").Step} Step */
/** @typedef {import("../../pkg/gradlab.js").Trace} Trace */
/** @typedef {import("./params.js").MlpParams} MlpParams */

/** @param {number[]} a @param {number[]} b */
const same = (a, b) => a.every((v, i) => v === b[i]);

/** The player's notes, by `op.layer` of the step. */
const NOTED = new Set(["linear.0", "activation.0", "linear.1", "head.1", "output_grad.1", "grad_weights.1", "grad_activation.1", "grad_pre_activation.0", "grad_weights.0", "update_weights.0", "update_weights.1"]);

/**
 * @param {{ gradlab: Gradlab, preset: Spec, getDigits: () => number, onChange?: () => void,
 *   reportError?: (error: unknown) => void }} options
 */
export function createMlp({ gradlab, preset, getDigits, onChange, reportError }) {
  let params = readMlp(preset);
  /** @type {Trace} */
  let trace = null;
  // The labels are balanced (each class once) exactly when the output-bias gradient is zero: the core's judgement.
  let biasZero = true;

  const element = section({ id: "zi-mlp", className: "zi-section zi-mlp", title: t("zi.mlp.title"), intro: t("zi.mlp.intro"), introClass: "zi-intro" });

  // --- data and labels --------------------------------------------------------------------
  const dataPanel = el("div", "zi-mlp-data panel");
  const labelButtons = el("div", "zi-label-buttons");
  const balancedBtn = button(t("zi.mlp.balanced"), { id: "zi-mlp-balanced", onClick: () => setLabels(BALANCED) });
  const unbalancedBtn = button(t("zi.mlp.unbalance"), { id: "zi-mlp-unbalance", onClick: () => setLabels(UNBALANCED) });
  labelButtons.append(balancedBtn, unbalancedBtn);
  const sampleTable = el("table", "zi-matrix zi-samples");
  sampleTable.id = "zi-mlp-samples";
  const sampleRows = el("tbody");
  sampleTable.append(el("caption", "", t("zi.mlp.samples")), tableHead(["n", "x₁", "x₂", t("zi.mlp.label")]), sampleRows);
  const labelSelects = preset.inputs.map((x, n) => {
    const row = el("tr");
    const index = /** @type {HTMLTableCellElement} */ (el("th", "", String(n + 1)));
    index.scope = "row";
    const field = selectField({
      id: `zi-mlp-y${n + 1}`,
      label: t("zi.mlp.labelOf", { n: n + 1 }),
      options: [0, 1, 2].map((k) => ({ value: k, label: t("zi.mlp.class", { k }) })),
      value: params.labels[n],
      className: "zi-field zi-inline-field",
      onChange: (v) => {
        const labels = params.labels.slice();
        labels[n] = Number(v);
        setLabels(labels);
      },
    });
    const cell = el("td");
    cell.append(markParam(field.element, "mlp-y"));
    row.append(index, el("td", "", formatNumber(x[0], 4)), el("td", "", formatNumber(x[1], 4)), cell);
    sampleRows.append(row);
    return field.select;
  });
  markParam(labelButtons, "mlp-y"); // they set the labels too (a link's lock=mlp-y and hide=mlp-y)
  dataPanel.append(el("h3", "", t("zi.mlp.data")), sampleTable, labelButtons);

  const diagram = createNetworkDiagram({ id: "zi-mlp-net", label: t("zi.mlp.net.label"), small: true });
  const netPanel = el("div", "zi-mlp-net panel");
  netPanel.append(diagram.element);

  const biasPanel = el("div", "zi-bias panel");
  biasPanel.id = "zi-mlp-bias";
  const announcer = createAnnouncer();

  const left = el("div", "zi-mlp-left");
  left.append(dataPanel, netPanel);
  const top = el("div", "zi-mlp-grid split");
  top.append(left, biasPanel);

  const playerHead = el("h3", "zi-player-title", t("zi.mlp.player"));
  const playerHost = el("div", "zi-player");

  const training = createMlpTraining({
    gradlab,
    reportError,
    getDigits,
    getSteps: () => params.n,
    onTrain: (n) => setTrained(n),
    // Stopped early: the steps trained are the ones the view (and the link) show.
    onStopped: (n) => {
      params = { ...params, n };
      state.updateSoon(mlpUrl(params, preset));
    },
  });
  element.append(top, playerHead, playerHost, training.element, announcer.element);

  const player = createUrlPlayer(playerHost, { sceneId: "zero-init", id: "zi-mlp-player", stepKey: "mlp-step", allKey: "mlp-all", fadeKey: "mlp-fade", check: gradlab.checkValues, label: t("zi.mlp.playerLabel") });

  /** @param {Step} step */
  function note(step) {
    const key = `${step.op}.${step.layer}`;
    if (step.op === "loss") return t("zi.mlp.note.loss", { l: formatNumber(trace.perSampleLoss[0], 5), L: formatNumber(trace.loss, 5) });
    if (step.op === "grad_bias" && step.layer === 1) return t(biasZero ? "zi.mlp.note.biasBalanced" : "zi.mlp.note.biasUnbalanced");
    if (step.op === "update_bias" && step.layer === 1) return t(biasZero ? "zi.mlp.note.updateBiasBalanced" : "zi.mlp.note.updateBiasUnbalanced");
    return NOTED.has(key) ? t(`zi.mlp.note.${key}`) : "";
  }

  /**
   * Cells of the output-bias gradient are the point of this part: mark them.
   * @param {{ key: string }} operand
   */
  const highlight = ({ key }) => (key === "db2" || key === "b_new2" ? "zi-focus" : null);

  // --- rendering ----------------------------------------------------------------------------
  function renderDiagram() {
    const L0 = trace.layers[0];
    const L1 = trace.layers[1];
    /** @param {number} v */
    const fmt = (v) => formatNumber(v, 3);
    diagram.update({
      columns: [
        { label: t("zi.mlp.net.inputs"), units: [{ label: "1", state: "bias", title: t("zi.mlp.net.bias"), value: "1" }, { label: "x₁" }, { label: "x₂" }] },
        {
          label: t("zi.mlp.net.hidden"),
          units: L0.activation[0].map((a, j) => ({
            label: `h${subscript(j + 1)}`,
            state: (L0.deadUnits ?? []).includes(j) ? "dead" : null,
            value: `ReLU = ${fmt(a)}`,
            title: t("zi.mlp.net.unit", { unit: subscript(j + 1) }),
          })),
        },
        {
          label: t("zi.mlp.net.outputs"),
          units: trace.probabilities[0].map((p, k) => ({ label: `z${subscript(k + 1)}`, value: `ŷ = ${fmt(p)}`, title: t("zi.mlp.net.output", { k: subscript(k + 1), z: fmt(L1.preActivation[0][k]), p: fmt(p) }) })),
        },
      ],
      weights: [[L0.bias, ...L0.weights], L1.weights],
      label: t("zi.mlp.net.label"),
      summary: t("zi.mlp.net.summary"),
    });
  }

  /** Σₙ(p − y) under the per-sample output gradients, and the core's word on whether it is zero. */
  function renderBias() {
    const L1 = trace.layers[1];
    const dZ = L1.gradPreActivation;
    const db = L1.gradBias;
    const digits = getDigits();
    const verdict = el("p", "status zi-bias-verdict", t(biasZero ? "zi.mlp.bias.zero" : "zi.mlp.bias.nonzero"));
    verdict.dataset.state = biasZero ? "dead" : "active";
    verdict.id = "zi-mlp-bias-verdict";
    biasPanel.dataset.zero = String(biasZero);
    announcer.say(verdict.textContent);
    biasPanel.replaceChildren(
      el("h3", "", t("zi.mlp.bias.title")),
      el("p", "zi-small", t("zi.mlp.bias.explain")),
      matrixTable({
        gradlab,
        id: "zi-mlp-dz",
        caption: t("zi.mlp.bias.caption"),
        rows: [...dZ, db],
        rowLabels: [...dZ.map((_, n) => t("zi.mlp.bias.sample", { n: n + 1 })), t("zi.mlp.bias.sum")],
        colLabels: db.map((_, k) => `z${subscript(k + 1)}`),
        digits,
        scaleFrom: dZ,
        cellClass: (i, j, v) => (i === dZ.length ? (v === 0 ? "is-zero zi-sum" : "is-nonzero zi-sum") : null),
      }),
      verdict,
      valueLine("zi-mlp-gradnorm-2", t("zi.mlp.gradNorm", { what: "W" }), trace.layers[1].gradNorm, { digits }),
      valueLine("zi-mlp-gradnorm-1", t("zi.mlp.gradNorm", { what: "M" }), trace.layers[0].gradNorm, { digits }),
      valueLine("zi-mlp-loss-sample", t("zi.mlp.lossSample"), trace.perSampleLoss[0], { digits: 5 })
    );
  }

  function syncLabels() {
    labelSelects.forEach((s, n) => (s.value = String(params.labels[n])));
    balancedBtn.setAttribute("aria-pressed", String(same(params.labels, BALANCED)));
    unbalancedBtn.setAttribute("aria-pressed", String(same(params.labels, UNBALANCED)));
  }

  /** @type {{ cancel: () => void, trains: boolean } | null} the rest of a first drawing (see `update`), waiting for its frame */
  let waiting = null;

  /**
   * Traces the network for `params` and draws the part. `spread` (the part's start): the step
   * player in this task, the rest once its frame is painted — in one callback they were 30–75 ms
   * of script at 4× CPU (the player 10–42), all of it laid out in the same frame.
   */
  function update({ retrain = true, spread = false } = {}) {
    // A waiting rest is replaced by this update's, which trains if either does.
    const train = retrain || (waiting?.trains ?? false);
    waiting?.cancel();
    waiting = null;
    const spec = mlpSpec(gradlab, params, preset);
    trace = gradlab.trace(spec, undefined);
    const L1 = trace.layers[1];
    biasZero = gradlab.zeroResidue(L1.gradBias, L1.gradPreActivation).allZero;
    const notation = mlpNotation(trace.layers.map((l) => l.function));
    player.show(playerSteps(trace, { loss: spec.loss, augment: true }), describer({ gradlab, notation, loss: spec.loss, digits: getDigits(), note, highlight }));
    const rest = () => {
      waiting = null;
      syncLabels();
      renderDiagram();
      renderBias();
      state.updateSoon(mlpUrl(params, preset));
      if (train) training.train({ spec, n: params.n, balanced: biasZero, eta: params.eta });
      else training.refresh();
      onChange?.();
    };
    if (spread) waiting = { cancel: afterFrame(rest), trains: train };
    else rest();
  }

  /** @param {number[]} labels */
  function setLabels(labels) {
    params = { ...params, labels: labels.slice() };
    update();
  }

  /** @param {number} n */
  function setTrained(n) {
    params = { ...params, n: Math.max(0, Math.min(MAX_STEPS, n)) };
    update();
  }

  return {
    element,
    start: () => update({ spread: true }),
    refresh: () => update({ retrain: false }),
    get params() {
      return params;
    },
    destroy() {
      waiting?.cancel();
      player.destroy();
      training.destroy();
    },
  };
}
