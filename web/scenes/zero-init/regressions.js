// @ts-check
// Part (a): linear, logistic and softmax regression from all-zero weights. One tab per model;
// each has its editor (the article's numbers by default), a table of what one update does, the
// step player with the hand calculation, and "train 50 steps" with a loss curve (trained by the
// shared training session; a run that does not finish at once keeps the last curve, dimmed, with
// a progress line and Stop, until the new one is complete).
import { t } from "../../i18n.js";
import * as state from "../../state.js";
import { formatNumber, subscript } from "../../format.js";
import { el, button, section } from "../../components/dom.js";
import { createRegressionEditor, weightLabels, weightRows } from "./reg-editor.js";
import { REGRESSION_KINDS, MAX_STEPS, TRAIN_CHUNK, isArticleRegression, readRegression, readRegressionKind, regressionDefaults, regressionSpec, regressionUrl } from "./params.js";
import { describer, playerSteps, regressionNotation } from "./notation.js";
import { createLossChart, createLossCsv, lossRun, runErrorText, trainLosses } from "./training.js";
import { createTrainingSession } from "../../components/training-session.js";
import { createTrainingProgress, markBusy } from "../../components/training-progress.js";
import { specData, specSgdConfig } from "../../components/trainer-config.js";
import { createAnnouncer, matrixTable, valueLine } from "./util.js";
import { createUrlPlayer } from "../player-params.js";
import { markParam } from "../../components/param-controls.js";

/** @typedef {import("../../wasm.js").Gradlab} Gradlab */
/** @typedef {import("../../pkg/gradlab.js").Spec} Spec */
/** @typedef {import("../../pkg/gradlab.js").Step} Step */
/** @typedef {import("../../pkg/gradlab.js").Trace} Trace */
/** @typedef {import("./params.js").RegressionKind} RegressionKind */
/** @typedef {import("./params.js").RegressionParams} RegressionParams */
/** @typedef {import("./training.js").LossRecord} LossRecord */

/**
 * The parameters in the article's order — per output k: its weights, then its bias — as
 * [name, start, gradient, after one step] from the core's trace.
 * @param {RegressionKind} kind
 * @param {Trace} trace
 * @returns {[string, number, number, number][]}
 */
function parameterRows(kind, trace) {
  const L = trace.layers[0];
  const up = trace.updated[0];
  /** @type {[string, number, number, number][]} */
  const rows = [];
  L.bias.forEach((_, k) => {
    L.weights.forEach((_, i) => {
      const name = kind === "softmax" ? `w${subscript(k + 1)}${subscript(i + 1)}` : `w${subscript(i + 1)}`;
      rows.push([name, L.weights[i][k], L.gradWeights[i][k], up.weights[i][k]]);
    });
    rows.push([kind === "softmax" ? `b${subscript(k + 1)}` : "b", L.bias[k], L.gradBias[k], up.bias[k]]);
  });
  return rows;
}

/**
 * @param {{ gradlab: Gradlab, presets: Record<RegressionKind, Spec>, getDigits: () => number,
 *   onChange?: () => void, reportError?: (error: unknown) => void }} options
 */
export function createRegressions({ gradlab, presets, getDigits, onChange, reportError }) {
  let kind = readRegressionKind();
  /** @type {Record<RegressionKind, RegressionParams>} */
  const params = /** @type {Record<RegressionKind, RegressionParams>} */ (Object.fromEntries(REGRESSION_KINDS.map((k) => [k, readRegression(k, presets[k])])));
  /** @type {Trace} */
  let trace = null;
  /** @type {LossRecord | null} the record of the last completed run (lossRun), with its kind */
  let run = null;
  const session = createTrainingSession({ gradlab, reportError });

  const element = section({ id: "zi-reg", className: "zi-section zi-reg", title: t("zi.reg.title"), intro: t("zi.reg.intro"), introClass: "zi-intro" });

  // --- tabs -------------------------------------------------------------------------------
  const tabs = el("div", "segmented zi-tabs");
  tabs.setAttribute("role", "group");
  tabs.setAttribute("aria-label", t("zi.reg.tabs"));
  const tabButtons = REGRESSION_KINDS.map((k) => {
    const b = button(t(`zi.reg.${k}.name`), { id: `zi-tab-${k}`, onClick: () => select(k) });
    b.dataset.kind = k;
    tabs.append(b);
    return b;
  });

  markParam(tabs, "reg"); // its URL key (a link's lock= and hide=)
  const grid = el("div", "zi-reg-grid split");
  const editorHost = el("div", "zi-editor-host");
  const summary = el("div", "zi-reg-summary panel");
  summary.id = "zi-reg-summary";
  grid.append(editorHost, summary);

  const playerHead = el("h3", "zi-player-title", t("zi.reg.player"));
  const playerHost = el("div", "zi-player");

  // --- training ---------------------------------------------------------------------------
  const trainPanel = el("div", "zi-train panel");
  const trainHead = el("div", "zi-train-head");
  const trainTitle = el("h3", "", t("zi.train.title"));
  const trainBtn = button(t("zi.train.button", { n: TRAIN_CHUNK }), { id: "zi-reg-train", className: "primary", onClick: () => trainMore() });
  const resetBtn = button(t("zi.train.reset"), { id: "zi-reg-untrain", onClick: () => setTrained(0) });
  trainHead.append(trainTitle, trainBtn, resetBtn);
  const trainBody = el("div", "zi-train-body split split-chart");
  const chart = createLossChart(gradlab, { id: "zi-reg-chart", logY: true });
  const csv = createLossCsv({ id: "zi-reg-csv", name: "zero-init-regression", runs: () => (run ? [{ ...run, id: run.kind }] : []) });
  const trainResult = el("div", "zi-train-result");
  trainResult.id = "zi-reg-train-result";
  const announcer = createAnnouncer();
  const trainHint = el("p", "zi-small zi-train-hint", t("zi.train.hint", { n: TRAIN_CHUNK }));
  trainBody.append(chart.element, trainResult);
  const progress = createTrainingProgress({ id: "zi-reg-progress", onStop: () => session.stop(), returnFocus: trainBtn });
  trainPanel.append(trainHead, progress.element, trainHint, trainBody, announcer.element);

  element.append(tabs, grid, playerHead, playerHost, trainPanel);

  // --- the player ---------------------------------------------------------------------------
  const player = createUrlPlayer(playerHost, { sceneId: "zero-init", id: "zi-reg-player", stepKey: "reg-step", allKey: "reg-all", fadeKey: "reg-fade", check: gradlab.checkValues, label: t("zi.reg.playerLabel") });

  /** @param {Step} step */
  function note(step) {
    const article = isArticleRegression(kind, params[kind], presets[kind]);
    const L = trace.layers[0];
    const parts = [];
    if (step.op === "output_grad") parts.push(t(`zi.reg.note.outputGrad.${kind}`));
    if (step.op === "grad_weights") {
      parts.push(t("zi.reg.note.gradWeights"));
      if (kind === "softmax" && article) parts.push(t("zi.reg.note.smRounding", { w12: formatNumber(L.gradWeights[1][0], 4), w22: formatNumber(L.gradWeights[1][1], 4) }));
    }
    if (step.op === "grad_bias") parts.push(t("zi.reg.note.gradBias"));
    if (step.op === "update_weights") parts.push(t("zi.reg.note.update"));
    if (step.op === "loss" && kind !== "linear") parts.push(t(`zi.reg.note.loss.${kind}`, { L: formatNumber(trace.loss, 5) }));
    return parts.join(" ");
  }

  // --- rendering ------------------------------------------------------------------------------
  function renderSummary() {
    const p = params[kind];
    const rows = parameterRows(kind, trace);
    const digits = getDigits();
    summary.replaceChildren(
      el("h3", "", t("zi.reg.summary.title")),
      el("p", "zi-formula", t(`zi.reg.${kind}.model`)),
      matrixTable({
        gradlab,
        id: "zi-reg-update",
        caption: t("zi.reg.summary.caption", { eta: formatNumber(p.eta, 6) }),
        rows: rows.map(([, ...values]) => values),
        rowLabels: rows.map((r) => r[0]),
        colLabels: [t("zi.reg.summary.start"), t("zi.reg.summary.grad"), t("zi.reg.summary.after")],
        digits,
        cellClass: (i, j, v) => (j === 1 && v !== 0 ? "is-nonzero" : j === 1 ? "is-zero" : null),
      }),
      el("p", "zi-verdict status", t(`zi.reg.${kind}.verdict`))
    );
  }

  function renderTraining() {
    const p = params[kind];
    resetBtn.disabled = p.n === 0;
    trainBtn.disabled = p.n >= MAX_STEPS;
    trainResult.replaceChildren();
    trainHint.hidden = p.n > 0;
    trainBody.hidden = p.n === 0;
    chart.setText({ label: t("zi.train.chartLabel", { model: t(`zi.reg.${kind}.name`), n: p.n }), caption: t("zi.train.caption.reg", { n: p.n }) });
    chart.showSeries(run && p.n ? [{ label: t(`zi.reg.${kind}.name`), y: run.losses }] : []);
    if (!p.n || !run) return;
    const steps = run.losses.length - 1;
    trainResult.append(valueLine("zi-reg-loss-start", t("zi.train.lossStart"), run.losses[0]), valueLine("zi-reg-loss-end", t("zi.train.lossEnd", { n: steps }), run.losses.at(-1)));
    announcer.say(`${t("zi.train.lossEnd", { n: steps })}: ${formatNumber(run.losses.at(-1), 5)}`);
    if (run.final) {
      const trained = run.final.layers[0];
      trainResult.append(
        matrixTable({
          gradlab,
          id: "zi-reg-trained",
          caption: t("zi.train.weightsAfter", { n: steps }),
          rows: weightRows({ W: trained.weights, b: trained.bias }),
          ...weightLabels(kind, p),
          digits: getDigits(),
        })
      );
    }
    if (run.error) trainResult.append(el("p", "status zi-error", runErrorText(run.error)));
    csv.setAvailable(true);
    trainResult.append(csv.element);
  }

  function update({ retrain = true } = {}) {
    const p = params[kind];
    const spec = regressionSpec(gradlab, kind, p, presets[kind]);
    trace = gradlab.trace(spec, undefined);
    const notation = regressionNotation(kind, trace.layers.map((l) => l.function));
    player.show(playerSteps(trace, { loss: spec.loss }), describer({ gradlab, notation, loss: spec.loss, digits: getDigits(), note }));
    renderSummary();
    state.updateSoon(regressionUrl(kind, p, presets[kind]));
    if (retrain) startTraining(spec, p);
    else renderTraining();
    onChange?.();
  }

  /**
   * Trains `p.n` steps from the spec; the panel shows the run once it is complete.
   * @param {Spec} spec
   * @param {RegressionParams} p
   */
  function startTraining(spec, p) {
    if (run?.kind !== kind) run = null;
    if (!p.n) {
      session.cancel();
      run = null;
      settle();
      return;
    }
    const trained = kind;
    trainLosses(session, {
      runs: [lossRun({ config: specSgdConfig(spec, p.eta), data: specData(spec), kind })],
      steps: p.n,
      onProgress: ({ done, total }) => progress.show({ done, total }),
      onDone: ([record], { stopped }) => {
        run = record;
        // Stopped early: the steps trained are the ones the view (and the link) show.
        if (stopped) {
          params[trained].n = record.losses.length - 1;
          state.updateSoon(regressionUrl(trained, params[trained], presets[trained]));
        }
        settle();
      },
    });
    if (!session.busy) return;
    // Until the run is complete the last one of this model stays, dimmed (another model's goes).
    markBusy(trainBody, true);
    if (!run) renderTraining();
  }

  function settle() {
    progress.hide();
    markBusy(trainBody, false);
    renderTraining();
  }

  /** @param {number} n */
  function setTrained(n) {
    params[kind].n = Math.max(0, Math.min(MAX_STEPS, n));
    update();
  }

  function trainMore() {
    setTrained(params[kind].n + TRAIN_CHUNK);
  }

  /** @type {ReturnType<typeof createRegressionEditor>} */
  let editor = null;
  function buildEditor() {
    editor = createRegressionEditor({
      gradlab,
      kind,
      params: params[kind],
      onChange: (p) => {
        params[kind] = { ...p, n: params[kind].n };
        update();
      },
      onReset: () => {
        params[kind] = { ...regressionDefaults(kind, presets[kind]), n: params[kind].n };
        editor.set(params[kind]);
        update();
      },
    });
    editorHost.replaceChildren(editor.element);
  }

  /** @param {RegressionKind} k */
  function select(k) {
    kind = k;
    for (const b of tabButtons) b.setAttribute("aria-pressed", String(b.dataset.kind === kind));
    element.dataset.kind = kind;
    buildEditor();
    update();
  }

  return {
    element,
    start: () => select(kind),
    select,
    /** Re-describes the steps (another number precision). */
    refresh: () => update({ retrain: false }),
    /** @param {RegressionKind} k */
    params: (k) => params[k],
    destroy() {
      session.destroy();
      player.destroy();
      chart.destroy();
    },
  };
}
