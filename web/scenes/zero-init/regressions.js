// Part (a): linear, logistic and softmax regression from all-zero weights. One tab per model;
// each has its editor (the article's numbers by default), a table of what one update does, the
// step player with the hand calculation, and "train 50 steps" with a loss curve (trained by the
// shared training session; a run that does not finish at once keeps the last curve, dimmed, with
// a progress line and Stop, until the new one is complete).
import { t } from "../../i18n.js";
import * as state from "../../state.js";
import { createStepPlayer } from "../../components/step-player.js";
import { createRegressionEditor } from "./reg-editor.js";
import { REGRESSION_KINDS, MAX_STEPS, TRAIN_CHUNK, isArticleRegression, readRegression, readRegressionKind, regressionDefaults, regressionSpec, regressionUrl } from "./params.js";
import { readPlayer, writePlayer } from "../player-params.js";
import { describer, playerSteps, regressionNotation } from "./notation.js";
import { createLossChart, lossRun, runErrorText, trainLosses } from "./training.js";
import { createTrainingSession } from "../../components/training-session.js";
import { createTrainingProgress, markBusy } from "../../components/training-progress.js";
import { specData, specSgdConfig } from "../../components/trainer-config.js";
import { button, createAnnouncer, el, fmt, matrixTable, section, sub, valueLine } from "./util.js";

/**
 * The parameters in the article's order — per output k: its weights, then its bias — as
 * [name, start, gradient, after one step] from the core's trace.
 */
function parameterRows(kind, trace) {
  const L = trace.layers[0];
  const up = trace.updated[0];
  const rows = [];
  L.bias.forEach((_, k) => {
    L.weights.forEach((_, i) => {
      const name = kind === "softmax" ? `w${sub(k + 1)}${sub(i + 1)}` : `w${sub(i + 1)}`;
      rows.push([name, L.weights[i][k], L.gradWeights[i][k], up.weights[i][k]]);
    });
    rows.push([kind === "softmax" ? `b${sub(k + 1)}` : "b", L.bias[k], L.gradBias[k], up.bias[k]]);
  });
  return rows;
}

export function createRegressions({ gradlab, presets, getDigits, onChange, reportError }) {
  let kind = readRegressionKind();
  const params = Object.fromEntries(REGRESSION_KINDS.map((k) => [k, readRegression(k, presets[k])]));
  let trace = null;
  let run = null; // the record of the last completed run (lossRun), with its kind
  const session = createTrainingSession({ gradlab, reportError });

  const element = section("zi-reg", t("zi.reg.title"), t("zi.reg.intro"));

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

  const grid = el("div", "zi-reg-grid");
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
  const trainBody = el("div", "zi-train-body");
  const chart = createLossChart(gradlab, {
    id: "zi-reg-chart",
    series: () => (run && params[kind].n ? [{ label: t(`zi.reg.${kind}.name`), y: run.losses }] : []),
    logY: true,
  });
  const trainResult = el("div", "zi-train-result");
  trainResult.id = "zi-reg-train-result";
  const announcer = createAnnouncer();
  const trainHint = el("p", "zi-small zi-train-hint", t("zi.train.hint", { n: TRAIN_CHUNK }));
  trainBody.append(chart.element, trainResult);
  const progress = createTrainingProgress({ id: "zi-reg-progress", onStop: () => session.stop(), returnFocus: trainBtn });
  trainPanel.append(trainHead, progress.element, trainHint, trainBody, announcer.element);

  element.append(tabs, grid, playerHead, playerHost, trainPanel);

  // --- the player ---------------------------------------------------------------------------
  let describe = null;
  // The URL's step is applied once the first steps exist (the player clamps to its steps).
  const initial = readPlayer("zero-init", "reg-step", "reg-all");
  let pendingIndex = initial.index;
  const player = createStepPlayer(playerHost, {
    t,
    id: "zi-reg-player",
    steps: [],
    describe: (step, i) => describe(step, i),
    index: 0,
    mode: initial.mode,
    speed: initial.speed,
    label: t("zi.reg.playerLabel"),
    onChange: (change) => writePlayer("zero-init", "reg-step", "reg-all", change),
  });

  function note(step) {
    const article = isArticleRegression(kind, params[kind], presets[kind]);
    const L = trace.layers[0];
    const parts = [];
    if (step.op === "output_grad") parts.push(t(`zi.reg.note.outputGrad.${kind}`));
    if (step.op === "grad_weights") {
      parts.push(t("zi.reg.note.gradWeights"));
      if (kind === "softmax" && article) parts.push(t("zi.reg.note.smRounding", { w12: fmt(L.gradWeights[1][0], 4), w22: fmt(L.gradWeights[1][1], 4) }));
    }
    if (step.op === "grad_bias") parts.push(t("zi.reg.note.gradBias"));
    if (step.op === "update_weights") parts.push(t("zi.reg.note.update"));
    if (step.op === "loss" && kind !== "linear") parts.push(t(`zi.reg.note.loss.${kind}`, { L: fmt(trace.loss, 5) }));
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
        id: "zi-reg-update",
        caption: t("zi.reg.summary.caption", { eta: fmt(p.eta, 6) }),
        rows: rows.map((r) => r.slice(1)),
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
    if (p.n && run) {
      trainResult.append(
        valueLine("zi-reg-loss-start", t("zi.train.lossStart"), run.losses[0]),
        valueLine("zi-reg-loss-end", t("zi.train.lossEnd", { n: run.losses.length - 1 }), run.losses.at(-1))
      );
      announcer.say(`${t("zi.train.lossEnd", { n: run.losses.length - 1 })}: ${fmt(run.losses.at(-1), 5)}`);
      if (run.final) {
        const Wf = run.final.layers[0];
        trainResult.append(
          matrixTable({
            id: "zi-reg-trained",
            caption: t("zi.train.weightsAfter", { n: run.losses.length - 1 }),
            rows: Wf.bias.map((bk, k) => [...Wf.weights.map((row) => row[k]), bk]),
            rowLabels: kind === "softmax" ? p.b.map((_, k) => `z${sub(k + 1)}`) : [kind === "linear" ? "ŷ" : "z"],
            colLabels: [...p.x.map((_, i) => (kind === "softmax" ? `wₖ${sub(i + 1)}` : `w${sub(i + 1)}`)), kind === "softmax" ? "bₖ" : "b"],
            digits: getDigits(),
          })
        );
      }
      if (run.error) trainResult.append(el("p", "status zi-error", runErrorText(run.error)));
    }
    chart.requestDraw();
  }

  function update({ retrain = true } = {}) {
    const p = params[kind];
    const spec = regressionSpec(kind, p, presets[kind]);
    trace = gradlab.trace(spec);
    const notation = regressionNotation(kind, trace.layers.map((l) => l.function));
    describe = describer({ notation, loss: spec.loss, digits: getDigits(), note });
    player.setSteps(playerSteps(trace, { loss: spec.loss }), pendingIndex === null ? {} : { index: pendingIndex });
    pendingIndex = null;
    renderSummary();
    state.updateSoon(regressionUrl(kind, p, presets[kind]));
    if (retrain) startTraining(spec, p);
    else renderTraining();
    onChange?.();
  }

  /** Trains `p.n` steps from the spec; the panel shows the run once it is complete. */
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

  function setTrained(n) {
    params[kind].n = Math.max(0, Math.min(MAX_STEPS, n));
    update();
  }

  function trainMore() {
    setTrained(params[kind].n + TRAIN_CHUNK);
  }

  let editor = null;
  function buildEditor() {
    editor = createRegressionEditor({
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
    themeChanged: () => chart.requestDraw(),
    params: (k) => params[k],
    destroy() {
      session.destroy();
      player.destroy();
      chart.destroy();
    },
  };
}
