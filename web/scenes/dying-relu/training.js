// @ts-check
// Part (c): death at scale. A 4-32-32-3 ReLU network trained on standardised Iris by the shared
// training session (SGD, minibatches of 16) with the student's learning rate, init, bias init and
// seed. Every step's statistics come from the core; the charts (plotSeries) show the dead fraction
// of each hidden layer and the loss, and the network diagram greys the units that are dead on
// all 150 flowers (from the core's gradientFlow on the whole data set). One click compares with
// LeakyReLU (the two runs train side by side). Moving a control retrains in time slices: the last
// results stay on screen, dimmed, with a progress line and Stop, until the new ones are complete;
// "Train again" draws the run as it goes. The weight inits are the core's catalogue
// (`gradlab.inits()`); one that takes a parameter gets the catalogue's default (its label says it).
import { t } from "../../i18n.js";
import * as state from "../../state.js";
import { prefersReducedMotion } from "../../theme.js";
import { el, section } from "../../components/dom.js";
import { createTrainingControls, TRAIN_ACTS } from "./training-controls.js";
import { createTrainingView } from "./training-view.js";
import { createTrainingSession } from "../../components/training-session.js";
import { createTrainingProgress, markBusy } from "../../components/training-progress.js";
import { sizedSgdConfig } from "../../components/trainer-config.js";

/** @typedef {import("../../wasm.js").Gradlab} Gradlab */
/** @typedef {import("../../pkg/gradlab.js").InitInfo} InitInfo */
/** @typedef {import("../../pkg/gradlab.js").InitSpec} InitSpec */
/** @typedef {import("../../pkg/gradlab.js").StepStats} StepStats */
/** @typedef {import("./training-controls.js").TrainingSettings} TrainingSettings */
/** @typedef {import("./training-view.js").TrainingRecord} TrainingRecord */

const SIZES = [4, 32, 32, 3];
const BATCH = 16;
/** An animated run is spread over about this many frames. */
const ANIMATION_FRAMES = 150;

/**
 * The init `id` as the Trainer takes it: with the catalogue's default for its parameter, if it has one.
 * @param {InitInfo[]} catalogue  gradlab.inits()
 * @param {string} id
 * @returns {InitSpec}
 */
function initWithDefaults(catalogue, id) {
  const params = catalogue.find((init) => init.id === id)?.params ?? [];
  return params.length ? { id, ...Object.fromEntries(params.map((p) => [p.name, p.default])) } : id;
}

/**
 * The Trainer configuration for the controls' settings and an activation; `catalogue` (the
 * core's `gradlab.inits()`) gives the parameter of an init that takes one.
 * @param {TrainingSettings} s
 * @param {string} activation
 * @param {InitInfo[]} [catalogue]
 */
export function trainerConfig(s, activation, catalogue = []) {
  return sizedSgdConfig({
    sizes: SIZES,
    activation,
    init: initWithDefaults(catalogue, s.init),
    biasInit: s.bias === 0 ? "zeros" : { id: "constant", value: s.bias },
    seed: s.seed,
    lr: s.lr,
    batchSize: BATCH,
  });
}

/**
 * @param {{ gradlab: Gradlab, reportError?: (error: unknown) => void }} options
 */
export function createTraining({ gradlab, reportError }) {
  const data = gradlab.dataset({ id: "iris", standardize: true });
  const allRows = data.inputs.map((_, i) => i);
  const catalogue = gradlab.inits();
  const session = createTrainingSession({ gradlab, reportError });

  const element = section({ id: "dr-train", className: "dr-training", title: t("dr.train.title"), intro: t("dr.train.intro", { batch: BATCH, n: data.inputs.length }), introClass: "dr-intro" });

  const controls = createTrainingControls({ gradlab, catalogue, onChange: () => start({ animate: false }), onTrain: () => start({ animate: true }) });
  const view = createTrainingView({ gradlab, sizes: SIZES });
  const progress = createTrainingProgress({ id: "dr-train-progress", onStop: () => session.stop(), returnFocus: controls.element.querySelector(".dr-train-button") });
  const side = el("div", "dr-train-side");
  side.append(progress.element, view.element);
  const grid = el("div", "dr-train-grid split");
  grid.append(controls.element, side);
  element.append(grid);

  /**
   * What the view shows of a run: the activation, every step's statistics and, at the end, its dead units.
   * @param {string} id
   * @returns {TrainingRecord}
   */
  const newRecord = (id) => ({ id, steps: [], dead1: [], dead2: [], loss: [], error: null, final: null });

  /** @param {{ record: TrainingRecord }} run @param {StepStats} stats */
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
   * @param {{ trainer: import("../../pkg/gradlab.js").Trainer, record: TrainingRecord }} run
   */
  function finish({ trainer, record }) {
    const flow = trainer.gradientFlow(allRows);
    const spec = trainer.spec();
    const evaluation = trainer.evaluate();
    record.final = { dead: flow.layers.slice(0, -1).map((l) => l.deadUnits ?? []), weights: spec.layers.map((l) => l.weights), evaluation };
  }

  /** @param {{ record: TrainingRecord, error: TrainingRecord["error"] }[]} runs */
  const records = (runs) => runs.map((run) => Object.assign(run.record, { error: run.error }));

  function settle() {
    controls.setBusy(false);
    markBusy(view.element, false);
    progress.hide();
  }

  /** @param {{ animate: boolean }} options */
  function start({ animate }) {
    const s = controls.settings;
    state.updateSoon(controls.urlState());
    const other = TRAIN_ACTS.find((a) => a !== s.act);
    const animated = animate && !prefersReducedMotion();
    session.run({
      runs: (s.compare ? [s.act, other] : [s.act]).map((id) => ({ config: trainerConfig(s, id, catalogue), data, record: newRecord(id) })),
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
    destroy() {
      session.destroy();
      view.destroy();
    },
  };
}
