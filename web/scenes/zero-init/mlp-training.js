// @ts-check
// Part (b), training: "train 50 steps" on the zero-init MLP with the article's plain SGD (in the
// shared training session), the loss curve (flat at ln 3 while the labels are balanced), and the
// weights after training — the output bias moves only when the labels are unbalanced; the hidden
// layer never does (the core's `learningOutcome` says which). A run that does not finish at once
// keeps the last result, dimmed, with a progress line and Stop, until the new one is complete.
import { t } from "../../i18n.js";
import { formatNumber, subscript } from "../../format.js";
import { el, button } from "../../components/dom.js";
import { MAX_STEPS, TRAIN_CHUNK } from "./params.js";
import { createLossChart, createLossCsv, lossRun, runErrorText, trainLosses } from "./training.js";
import { createTrainingSession } from "../../components/training-session.js";
import { createTrainingProgress, markBusy } from "../../components/training-progress.js";
import { specData, specSgdConfig } from "../../components/trainer-config.js";
import { createAnnouncer, matrixTable, valueLine } from "./util.js";

/** @typedef {import("../../wasm.js").Gradlab} Gradlab */
/** @typedef {import("../../pkg/gradlab.js").Spec} Spec */
/** @typedef {import("./training.js").LossRecord} LossRecord */
/**
 * What the view shows: the last completed run of `n` steps from `spec`, whether the labels are
 * balanced (the output-bias gradient is zero) and η.
 * @typedef {{ run: LossRecord | null, n: number, spec: Spec | null, balanced: boolean, eta: number }} Shown
 */

/** The status colour of each of the core's learning outcomes. */
const OUTCOME_STATE = { learns: "active", bias: "saturated", stuck: "dead" };

/**
 * @param {{ gradlab: Gradlab, reportError?: (error: unknown) => void, getDigits: () => number,
 *   getSteps: () => number, onTrain: (n: number) => void, onStopped: (n: number) => void }} options
 */
export function createMlpTraining({ gradlab, reportError, getDigits, getSteps, onTrain, onStopped }) {
  /** @type {Shown} */
  let current = { run: null, n: 0, spec: null, balanced: true, eta: 0 };
  const session = createTrainingSession({ gradlab, reportError });

  const element = el("div", "zi-train panel");
  const head = el("div", "zi-train-head");
  const trainBtn = button(t("zi.train.button", { n: TRAIN_CHUNK }), { id: "zi-mlp-train", className: "primary", onClick: () => onTrain(getSteps() + TRAIN_CHUNK) });
  const resetBtn = button(t("zi.train.reset"), { id: "zi-mlp-untrain", onClick: () => onTrain(0) });
  head.append(el("h3", "", t("zi.train.title")), trainBtn, resetBtn);
  const chart = createLossChart(gradlab, { id: "zi-mlp-chart" });
  const result = el("div", "zi-train-result");
  result.id = "zi-mlp-train-result";
  const csv = createLossCsv({ id: "zi-mlp-csv", name: "zero-init-mlp", runs: () => (current.run ? [{ ...current.run, id: "mlp" }] : []) });
  const announcer = createAnnouncer();
  const body = el("div", "zi-train-body split split-chart");
  body.append(chart.element, result);
  const hint = el("p", "zi-small zi-train-hint", t("zi.train.hint", { n: TRAIN_CHUNK }));
  const progress = createTrainingProgress({ id: "zi-mlp-progress", onStop: () => session.stop(), returnFocus: trainBtn });
  element.append(head, progress.element, hint, body, announcer.element);

  /**
   * The trained weights (residue of 0 — judged by the core against η and the weights, since a
   * parameter moves by η·gradient per step — shown as 0) and the core's verdict on the run.
   * @param {LossRecord} run
   * @param {number} steps
   */
  function trained(run, steps) {
    const digits = getDigits();
    const [hidden, out] = run.final.layers;
    const scaleFrom = [...run.final.layers.flatMap((l) => [...l.weights.flat(), ...l.bias]), current.eta];
    result.append(
      matrixTable({
        gradlab,
        id: "zi-mlp-bias-after",
        caption: t("zi.mlp.after.bias", { n: steps }),
        rows: [out.bias],
        colLabels: out.bias.map((_, k) => `bw${subscript(k + 1)}`),
        digits,
        scaleFrom,
      }),
      matrixTable({
        gradlab,
        id: "zi-mlp-hidden-after",
        caption: t("zi.mlp.after.hidden", { n: steps }),
        rows: [hidden.bias, ...hidden.weights],
        rowLabels: ["1", "x₁", "x₂"],
        colLabels: hidden.bias.map((_, j) => `h${subscript(j + 1)}`),
        digits,
        scaleFrom,
      })
    );
    if (run.stats) {
      result.append(
        valueLine("zi-mlp-last-gradnorm", t("zi.mlp.after.gradNorm"), run.stats.gradNorms[0], { digits }),
        valueLine("zi-mlp-dead", t("zi.mlp.after.dead"), run.stats.deadFraction[0] ?? 0, { digits: 3 })
      );
    }
    const { outcome } = gradlab.learningOutcome(current.spec, run.losses[0], run.losses.at(-1));
    const verdict = el("p", "status", t(`zi.mlp.outcome.${outcome}`));
    verdict.dataset.state = OUTCOME_STATE[outcome];
    verdict.dataset.outcome = outcome;
    result.append(verdict);
  }

  function render() {
    const { run, n, balanced } = current;
    resetBtn.disabled = n === 0;
    trainBtn.disabled = n >= MAX_STEPS;
    hint.hidden = n > 0;
    body.hidden = n === 0;
    chart.setText({ label: t("zi.train.chartLabel", { model: t("zi.mlp.name"), n }), caption: t("zi.train.caption.mlp", { n }) });
    chart.showSeries(run && n ? [{ label: t(balanced ? "zi.mlp.curve.balanced" : "zi.mlp.curve.unbalanced"), y: run.losses }] : []);
    result.replaceChildren();
    if (!n || !run) return;
    const steps = run.losses.length - 1;
    result.append(valueLine("zi-mlp-loss-start", t("zi.train.lossStart"), run.losses[0]), valueLine("zi-mlp-loss-end", t("zi.train.lossEnd", { n: steps }), run.losses.at(-1)));
    announcer.say(`${t("zi.train.lossEnd", { n: steps })}: ${formatNumber(run.losses.at(-1), 5)}`);
    if (run.final) trained(run, steps);
    if (run.error) result.append(el("p", "status zi-error", runErrorText(run.error)));
    csv.setAvailable(true);
    result.append(csv.element);
  }

  /** @param {Shown} next */
  function show(next) {
    progress.hide();
    markBusy(body, false);
    current = next;
    render();
  }

  return {
    element,
    /**
     * Trains `n` steps from `spec` and shows the run once it is complete ({ balanced, eta } as
     * shown with it).
     * @param {{ spec: Spec, n: number, balanced: boolean, eta: number }} options
     */
    train({ spec, n, balanced, eta }) {
      if (!n) {
        session.cancel();
        return show({ run: null, n, spec, balanced, eta });
      }
      trainLosses(session, {
        runs: [lossRun({ config: specSgdConfig(spec, eta), data: specData(spec) })],
        steps: n,
        onProgress: ({ done, total }) => progress.show({ done, total }),
        onDone: ([run], { stopped }) => {
          const steps = run.losses.length - 1;
          if (stopped) onStopped(steps);
          show({ run, n: stopped ? steps : n, spec, balanced, eta });
        },
      });
      markBusy(body, session.busy);
    },
    refresh: render,
    destroy() {
      session.destroy();
      chart.destroy();
    },
  };
}
