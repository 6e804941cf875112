// Part (c): death at scale. A 4-32-32-3 ReLU network trained on standardised Iris by the shared
// training session (SGD, minibatches of 16) with the student's learning rate, init, bias init and
// seed. Every step's statistics come from the core; the charts (plotSeries) show the dead fraction
// of each hidden layer and the loss, and the network diagram greys the units that are dead on
// all 150 flowers (from the core's gradientFlow on the whole data set). One click compares with
// LeakyReLU (the two runs train side by side). Moving a control retrains in time slices: the last
// results stay on screen, dimmed, with a progress line and Stop, until the new ones are complete;
// "Train again" draws the run as it goes.
import { t } from "../../i18n.js";
import * as state from "../../state.js";
import { prefersReducedMotion } from "../../theme.js";
import { createTrainingControls, TRAIN_ACTS } from "./training-controls.js";
import { createTrainingView } from "./training-view.js";
import { createTrainingSession } from "../../components/training-session.js";
import { createTrainingProgress, markBusy } from "../../components/training-progress.js";
import { sizedSgdConfig } from "../../components/trainer-config.js";
import { el } from "../../components/dom.js";

const SIZES = [4, 32, 32, 3];
const BATCH = 16;
/** An animated run is spread over about this many frames. */
const ANIMATION_FRAMES = 150;

/** The inits that take a parameter, with the value this view uses (named in their labels). */
export const INIT_WITH_PARAM = { uniform: { id: "uniform", a: 0.5 }, normal: { id: "normal", std: 0.5 } };

/** The Trainer configuration for the controls' settings and an activation. */
export function trainerConfig(s, activation) {
  return sizedSgdConfig({
    sizes: SIZES,
    activation,
    init: INIT_WITH_PARAM[s.init] ?? s.init,
    biasInit: s.bias === 0 ? "zeros" : { id: "constant", value: s.bias },
    seed: s.seed,
    lr: s.lr,
    batchSize: BATCH,
  });
}

export function createTraining({ gradlab, reportError }) {
  const data = gradlab.dataset({ id: "iris", standardize: true });
  const allRows = data.inputs.map((_, i) => i);
  const session = createTrainingSession({ gradlab, reportError });

  const element = el("section", "dr-training");
  const heading = el("h2", "", t("dr.train.title"));
  heading.id = "dr-train-title";
  element.setAttribute("aria-labelledby", heading.id);
  element.append(heading, el("p", "dr-intro", t("dr.train.intro", { batch: BATCH, n: data.inputs.length })));

  const controls = createTrainingControls({ gradlab, onChange: () => start({ animate: false }), onTrain: () => start({ animate: true }) });
  const view = createTrainingView({ gradlab, sizes: SIZES });
  const progress = createTrainingProgress({ id: "dr-train-progress", onStop: () => session.stop(), returnFocus: controls.element.querySelector(".dr-train-button") });
  const side = el("div", "dr-train-side");
  side.append(progress.element, view.element);
  const grid = el("div", "dr-train-grid");
  grid.append(controls.element, side);
  element.append(grid);

  /** What the view shows of a run: the activation, every step's statistics and, at the end, its dead units. */
  const newRecord = (id) => ({ id, steps: [], dead1: [], dead2: [], loss: [], error: null, final: null });

  function collect({ record }, stats) {
    record.steps.push(stats.step);
    record.dead1.push(stats.deadFraction[0]);
    record.dead2.push(stats.deadFraction[1]);
    record.loss.push(stats.loss);
  }

  /**
   * The units dead on all 150 flowers, the trained weights and the evaluation. The last good
   * minibatch step can still leave weights whose loss on all 150 flowers overflows: the core says
   * so, and the session reports the run like a diverged one.
   */
  function finish({ trainer, record }) {
    const flow = trainer.gradientFlow(allRows);
    const spec = trainer.spec();
    const evaluation = trainer.evaluate();
    record.final = { dead: flow.layers.slice(0, -1).map((l) => l.deadUnits ?? []), weights: spec.layers.map((l) => l.weights), evaluation };
  }

  const records = (runs) => runs.map((run) => Object.assign(run.record, { error: run.error }));

  function settle() {
    controls.setBusy(false);
    markBusy(view.element, false);
    progress.hide();
  }

  function start({ animate }) {
    const s = controls.settings;
    state.updateSoon(controls.urlState());
    const other = TRAIN_ACTS.find((a) => a !== s.act);
    const animated = animate && !prefersReducedMotion();
    session.run({
      runs: (s.compare ? [s.act, other] : [s.act]).map((id) => ({ config: trainerConfig(s, id), data, record: newRecord(id) })),
      steps: s.steps,
      animate: animated ? { frames: ANIMATION_FRAMES } : null,
      collect,
      finish,
      onProgress: ({ done, total, runs }) => {
        progress.show({ done, total });
        if (animated) view.render({ runs: records(runs), settings: s, done: false });
      },
      onDone: ({ runs, error }) => {
        settle();
        // A configuration the core refuses: say so where the results would be.
        if (error) view.fail(error.message);
        else view.render({ runs: records(runs), settings: s, done: true });
      },
    });
    controls.setBusy(session.busy && animated);
    // Until the new runs are complete, the last results stay on screen, dimmed.
    markBusy(view.element, session.busy && !animated);
  }

  return {
    element,
    start() {
      start({ animate: false });
    },
    themeChanged() {
      view.themeChanged();
    },
    destroy() {
      session.destroy();
      view.destroy();
    },
  };
}
