// Part (b), training: "train 50 steps" on the zero-init MLP with the article's plain SGD (in the
// shared training session), the loss curve (flat at ln 3 while the labels are balanced), and the
// weights after training — the output bias moves only when the labels are unbalanced; the hidden
// layer never does. A run that does not finish at once keeps the last result, dimmed, with a
// progress line and Stop, until the new one is complete.
import { t } from "../../i18n.js";
import { MAX_STEPS, TRAIN_CHUNK } from "./params.js";
import { createLossChart, lossRun, runErrorText, trainLosses } from "./training.js";
import { createTrainingSession } from "../../components/training-session.js";
import { createTrainingProgress, markBusy } from "../../components/training-progress.js";
import { specData, specSgdConfig } from "../../components/trainer-config.js";
import { button, createAnnouncer, el, fmt, matrixTable, scaleOf, sub, valueLine } from "./util.js";

export function createMlpTraining({ gradlab, reportError, getDigits, getSteps, onTrain, onStopped }) {
  let current = { run: null, n: 0, balanced: true, eta: 0 };
  const session = createTrainingSession({ gradlab, reportError });

  const element = el("div", "zi-train panel");
  const head = el("div", "zi-train-head");
  const trainBtn = button(t("zi.train.button", { n: TRAIN_CHUNK }), { id: "zi-mlp-train", className: "primary", onClick: () => onTrain(getSteps() + TRAIN_CHUNK) });
  const resetBtn = button(t("zi.train.reset"), { id: "zi-mlp-untrain", onClick: () => onTrain(0) });
  head.append(el("h3", "", t("zi.train.title")), trainBtn, resetBtn);
  const chart = createLossChart(gradlab, {
    id: "zi-mlp-chart",
    series: () => (current.run && current.n ? [{ label: t(current.balanced ? "zi.mlp.curve.balanced" : "zi.mlp.curve.unbalanced"), y: current.run.losses }] : []),
  });
  const result = el("div", "zi-train-result");
  result.id = "zi-mlp-train-result";
  const announcer = createAnnouncer();
  const body = el("div", "zi-train-body");
  body.append(chart.element, result);
  const hint = el("p", "zi-small zi-train-hint", t("zi.train.hint", { n: TRAIN_CHUNK }));
  const progress = createTrainingProgress({ id: "zi-mlp-progress", onStop: () => session.stop(), returnFocus: trainBtn });
  element.append(head, progress.element, hint, body, announcer.element);

  function render() {
    const { run, n, balanced } = current;
    resetBtn.disabled = n === 0;
    trainBtn.disabled = n >= MAX_STEPS;
    hint.hidden = n > 0;
    body.hidden = n === 0;
    chart.setText({ label: t("zi.train.chartLabel", { model: t("zi.mlp.name"), n }), caption: t("zi.train.caption.mlp", { n }) });
    result.replaceChildren();
    if (n && run) {
      const digits = getDigits();
      const steps = run.losses.length - 1;
      result.append(
        valueLine("zi-mlp-loss-start", t("zi.train.lossStart"), run.losses[0]),
        valueLine("zi-mlp-loss-end", t("zi.train.lossEnd", { n: steps }), run.losses.at(-1))
      );
      announcer.say(`${t("zi.train.lossEnd", { n: steps })}: ${fmt(run.losses.at(-1), 5)}`);
      if (run.final) {
        const [hidden, out] = run.final.layers;
        // A parameter moves by η·gradient per step: residue is judged against η and the weights.
        const residueScale = Math.max(scaleOf(run.final.layers.map((l) => [...l.weights.flat(), ...l.bias])), current.eta);
        result.append(
          matrixTable({
            id: "zi-mlp-bias-after",
            caption: t("zi.mlp.after.bias", { n: steps }),
            rows: [out.bias],
            colLabels: out.bias.map((_, k) => `bw${sub(k + 1)}`),
            digits,
            scale: residueScale,
          }),
          matrixTable({
            id: "zi-mlp-hidden-after",
            caption: t("zi.mlp.after.hidden", { n: steps }),
            rows: [hidden.bias, ...hidden.weights],
            rowLabels: ["1", "x₁", "x₂"],
            colLabels: hidden.bias.map((_, j) => `h${sub(j + 1)}`),
            digits,
            scale: residueScale,
          })
        );
        if (run.stats) {
          result.append(
            valueLine("zi-mlp-last-gradnorm", t("zi.mlp.after.gradNorm"), run.stats.gradNorms[0], { digits }),
            valueLine("zi-mlp-dead", t("zi.mlp.after.dead"), run.stats.deadFraction[0] ?? 0, { digits: 3 })
          );
        }
        const verdict = el("p", "status", t(balanced ? "zi.mlp.after.stuck" : "zi.mlp.after.biasOnly"));
        verdict.dataset.state = balanced ? "dead" : "saturated";
        result.append(verdict);
      }
      if (run.error) result.append(el("p", "status zi-error", runErrorText(run.error)));
    }
    chart.requestDraw();
  }

  function show(next) {
    progress.hide();
    markBusy(body, false);
    current = next;
    render();
  }

  return {
    element,
    /** Trains `n` steps from `spec` and shows the run once it is complete ({ balanced, eta } as shown with it). */
    train({ spec, n, balanced, eta }) {
      if (!n) {
        session.cancel();
        return show({ run: null, n, balanced, eta });
      }
      trainLosses(session, {
        runs: [lossRun({ config: specSgdConfig(spec, eta), data: specData(spec) })],
        steps: n,
        onProgress: ({ done, total }) => progress.show({ done, total }),
        onDone: ([run], { stopped }) => {
          const steps = run.losses.length - 1;
          if (stopped) onStopped(steps);
          show({ run, n: stopped ? steps : n, balanced, eta });
        },
      });
      markBusy(body, session.busy);
    },
    refresh: render,
    themeChanged: () => chart.requestDraw(),
    destroy() {
      session.destroy();
      chart.destroy();
    },
  };
}
