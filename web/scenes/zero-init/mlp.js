// Part (b): the article's 2-2-3 ReLU MLP from all-zero weights on its three Iris samples. Every
// activation and every weight gradient is zero, the loss sits at ln 3 forever; the output-bias
// gradient Σₙ(p − y) is zero only because each class occurs once — one click unbalances the
// labels and the output bias starts to learn while the hidden layer stays dead.
import { t } from "../../i18n.js";
import * as state from "../../state.js";
import { createStepPlayer } from "../../components/step-player.js";
import { createNetworkDiagram } from "../../components/network-diagram.js";
import { BALANCED, MAX_STEPS, UNBALANCED, mlpSpec, mlpUrl, readMlp } from "./params.js";
import { describer, mlpNotation, playerSteps } from "./notation.js";
import { button, createAnnouncer, el, fmt, matrixTable, scaleOf, section, selectField, shown, sub, valueLine } from "./util.js";
import { createMlpTraining } from "./mlp-training.js";
import { readPlayer, writePlayer } from "../player-params.js";

const same = (a, b) => a.every((v, i) => v === b[i]);

export function createMlp({ gradlab, preset, getDigits, onChange, reportError }) {
  let params = readMlp(preset);
  let trace = null;

  const element = section("zi-mlp", t("zi.mlp.title"), t("zi.mlp.intro"));

  // --- data and labels --------------------------------------------------------------------
  const dataPanel = el("div", "zi-mlp-data panel");
  const labelButtons = el("div", "zi-label-buttons");
  const balancedBtn = button(t("zi.mlp.balanced"), { id: "zi-mlp-balanced", onClick: () => setLabels(BALANCED) });
  const unbalancedBtn = button(t("zi.mlp.unbalance"), { id: "zi-mlp-unbalance", onClick: () => setLabels(UNBALANCED) });
  labelButtons.append(balancedBtn, unbalancedBtn);
  const sampleTable = el("table", "zi-matrix zi-samples");
  sampleTable.id = "zi-mlp-samples";
  const labelSelects = [];
  {
    const cap = el("caption", "", t("zi.mlp.samples"));
    const head = el("thead");
    const tr = el("tr");
    for (const h of ["n", "x₁", "x₂", t("zi.mlp.label")]) tr.append(Object.assign(el("th", "", h), { scope: "col" }));
    head.append(tr);
    const body = el("tbody");
    preset.inputs.forEach((x, n) => {
      const row = el("tr");
      row.append(Object.assign(el("th", "", String(n + 1)), { scope: "row" }), el("td", "", fmt(x[0])), el("td", "", fmt(x[1])));
      const cell = el("td");
      const field = selectField({
        id: `zi-mlp-y${n + 1}`,
        label: t("zi.mlp.labelOf", { n: n + 1 }),
        options: [0, 1, 2].map((k) => ({ value: k, label: t("zi.mlp.class", { k }) })),
        value: params.labels[n],
        className: "zi-inline-field",
        onChange: (v) => {
          const labels = params.labels.slice();
          labels[n] = Number(v);
          setLabels(labels);
        },
      });
      labelSelects.push(field.select);
      cell.append(field.element);
      row.append(cell);
      body.append(row);
    });
    sampleTable.append(cap, head, body);
  }
  dataPanel.append(el("h3", "", t("zi.mlp.data")), sampleTable, labelButtons);

  const diagram = createNetworkDiagram({ id: "zi-mlp-net", label: t("zi.mlp.net.label"), small: true });
  const netPanel = el("div", "zi-mlp-net panel");
  netPanel.append(diagram.element);

  const biasPanel = el("div", "zi-bias panel");
  biasPanel.id = "zi-mlp-bias";
  const announcer = createAnnouncer();

  const left = el("div", "zi-mlp-left");
  left.append(dataPanel, netPanel);
  const top = el("div", "zi-mlp-grid");
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

  // --- the player -------------------------------------------------------------------------
  let describe = null;
  // The URL's step is applied once the first steps exist (the player clamps to its steps).
  const initial = readPlayer("zero-init", "mlp-step", "mlp-all");
  let pendingIndex = initial.index;
  const player = createStepPlayer(playerHost, {
    t,
    id: "zi-mlp-player",
    steps: [],
    describe: (step, i) => describe(step, i),
    index: 0,
    mode: initial.mode,
    speed: initial.speed,
    label: t("zi.mlp.playerLabel"),
    onChange: (change) => writePlayer("zero-init", "mlp-step", "mlp-all", change),
  });

  // Balanced: each of the three classes occurs exactly once among the three samples.
  const balanced = () => new Set(params.labels).size === 3;

  function note(step) {
    const key = `${step.op}.${step.layer}`;
    const known = {
      "linear.0": 1, "activation.0": 1, "linear.1": 1, "head.1": 1, "output_grad.1": 1, "grad_weights.1": 1,
      "grad_activation.1": 1, "grad_pre_activation.0": 1, "grad_weights.0": 1, "update_weights.0": 1, "update_weights.1": 1,
    };
    if (step.op === "loss") return t("zi.mlp.note.loss", { l: fmt(trace.perSampleLoss[0], 5), L: fmt(trace.loss, 5) });
    if (step.op === "grad_bias" && step.layer === 1) return t(balanced() ? "zi.mlp.note.biasBalanced" : "zi.mlp.note.biasUnbalanced");
    if (step.op === "update_bias" && step.layer === 1) return t(balanced() ? "zi.mlp.note.updateBiasBalanced" : "zi.mlp.note.updateBiasUnbalanced");
    return known[key] ? t(`zi.mlp.note.${key}`) : "";
  }

  // Cells of the output-bias gradient are the point of this part: mark them.
  const highlight = ({ key }) => (key === "db2" || key === "b_new2" ? "zi-focus" : null);

  // --- rendering ----------------------------------------------------------------------------
  function renderDiagram() {
    const L0 = trace.layers[0];
    const L1 = trace.layers[1];
    const digits = 3;
    diagram.update({
      columns: [
        { label: t("zi.mlp.net.inputs"), units: [{ label: "1", state: "bias", title: t("zi.mlp.net.bias"), value: "1" }, { label: "x₁" }, { label: "x₂" }] },
        {
          label: t("zi.mlp.net.hidden"),
          units: L0.activation[0].map((_, j) => ({
            label: `h${sub(j + 1)}`,
            state: (L0.deadUnits ?? []).includes(j) ? "dead" : null,
            value: `ReLU = ${fmt(L0.activation[0][j], digits)}`,
            title: t("zi.mlp.net.unit", { unit: sub(j + 1) }),
          })),
        },
        {
          label: t("zi.mlp.net.outputs"),
          units: trace.probabilities[0].map((p, k) => ({ label: `z${sub(k + 1)}`, value: `ŷ = ${fmt(p, digits)}`, title: t("zi.mlp.net.output", { k: sub(k + 1), z: fmt(L1.preActivation[0][k], digits), p: fmt(p, digits) }) })),
        },
      ],
      weights: [[L0.bias, ...L0.weights], L1.weights],
      summary: t("zi.mlp.net.summary"),
    });
  }

  function renderBias() {
    const L1 = trace.layers[1];
    const dZ = L1.gradPreActivation;
    const scale = scaleOf(dZ);
    const db = L1.gradBias;
    const isZero = db.every((v) => shown(v, scale) === 0);
    const digits = getDigits();
    const verdict = el("p", "status zi-bias-verdict", t(isZero ? "zi.mlp.bias.zero" : "zi.mlp.bias.nonzero"));
    verdict.dataset.state = isZero ? "dead" : "active";
    verdict.id = "zi-mlp-bias-verdict";
    biasPanel.dataset.zero = String(isZero);
    announcer.say(verdict.textContent);
    biasPanel.replaceChildren(
      el("h3", "", t("zi.mlp.bias.title")),
      el("p", "zi-small", t("zi.mlp.bias.explain")),
      matrixTable({
        id: "zi-mlp-dz",
        caption: t("zi.mlp.bias.caption"),
        rows: [...dZ, db],
        rowLabels: [...dZ.map((_, n) => t("zi.mlp.bias.sample", { n: n + 1 })), t("zi.mlp.bias.sum")],
        colLabels: db.map((_, k) => `z${sub(k + 1)}`),
        digits,
        scale,
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

  function update({ retrain = true } = {}) {
    const spec = mlpSpec(params, preset);
    trace = gradlab.trace(spec);
    const notation = mlpNotation(trace.layers.map((l) => l.function));
    describe = describer({ notation, loss: spec.loss, digits: getDigits(), note, highlight });
    player.setSteps(playerSteps(trace, { loss: spec.loss, augment: true }), pendingIndex === null ? {} : { index: pendingIndex });
    pendingIndex = null;
    syncLabels();
    renderDiagram();
    renderBias();
    state.updateSoon(mlpUrl(params, preset));
    if (retrain) training.train({ spec, n: params.n, balanced: balanced(), eta: params.eta });
    else training.refresh();
    onChange?.();
  }

  function setLabels(labels) {
    params = { ...params, labels: labels.slice() };
    update();
  }

  function setTrained(n) {
    params = { ...params, n: Math.max(0, Math.min(MAX_STEPS, n)) };
    update();
  }

  return {
    element,
    start: () => update(),
    refresh: () => update({ retrain: false }),
    themeChanged: () => training.themeChanged(),
    get params() {
      return params;
    },
    destroy() {
      player.destroy();
      training.destroy();
    },
  };
}
