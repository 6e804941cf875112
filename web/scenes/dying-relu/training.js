// Part (c): death at scale. A 4-32-32-3 ReLU network trained on standardised Iris by the core's
// Trainer (SGD, minibatches of 16) with the student's learning rate, init, bias init and seed.
// Every step's statistics come from Trainer.step; the charts (plotSeries) show the dead fraction
// of each hidden layer and the loss, and the network diagram greys the units that are dead on
// all 150 flowers (from the core's gradientFlow on the whole data set). One click compares with LeakyReLU.
import { t } from "../../i18n.js";
import * as state from "../../state.js";
import { prefersReducedMotion } from "../../theme.js";
import { createTrainingControls, TRAIN_ACTS } from "./training-controls.js";
import { createTrainingView } from "./training-view.js";
import { el } from "../../components/dom.js";

const SIZES = [4, 32, 32, 3];
const BATCH = 16;

/** The inits that take a parameter, with the value this view uses (named in their labels). */
export const INIT_WITH_PARAM = { uniform: { id: "uniform", a: 0.5 }, normal: { id: "normal", std: 0.5 } };

/** The Trainer configuration for the controls' settings and an activation. */
export function trainerConfig(s, activation) {
  return {
    sizes: SIZES,
    activation,
    init: INIT_WITH_PARAM[s.init] ?? s.init,
    biasInit: s.bias === 0 ? "zeros" : { id: "constant", value: s.bias },
    seed: s.seed,
    optimizer: { id: "sgd", lr: s.lr },
    batchSize: BATCH,
  };
}

export function createTraining({ gradlab }) {
  const data = gradlab.dataset({ id: "iris", standardize: true });
  const allRows = data.inputs.map((_, i) => i);
  let runs = [];
  let frame = 0;
  let token = 0;

  const element = el("section", "dr-training");
  const heading = el("h2", "", t("dr.train.title"));
  heading.id = "dr-train-title";
  element.setAttribute("aria-labelledby", heading.id);
  element.append(heading, el("p", "dr-intro", t("dr.train.intro", { batch: BATCH, n: data.inputs.length })));

  const controls = createTrainingControls({ gradlab, onChange: () => start({ animate: false }), onTrain: () => start({ animate: true }) });
  const view = createTrainingView({ gradlab, sizes: SIZES });
  const grid = el("div", "dr-train-grid");
  grid.append(controls.element, view.element);
  element.append(grid);

  /** A run: a Trainer for one activation, its per-step history and, at the end, its dead units. */
  function newRun(s, id) {
    return {
      id,
      trainer: new gradlab.Trainer(trainerConfig(s, id), data),
      steps: [],
      dead1: [],
      dead2: [],
      loss: [],
      error: null,
      final: null,
    };
  }

  function advance(run, count) {
    for (let i = 0; i < count && !run.error; i++) {
      try {
        const s = run.trainer.step(1);
        run.steps.push(s.step);
        run.dead1.push(s.deadFraction[0]);
        run.dead2.push(s.deadFraction[1]);
        run.loss.push(s.loss);
      } catch (error) {
        run.error = { step: run.steps.length + 1, message: error instanceof Error ? error.message : String(error) };
      }
    }
  }

  function finish(run) {
    try {
      const flow = run.trainer.gradientFlow(allRows);
      const spec = run.trainer.spec();
      run.final = {
        dead: flow.layers.slice(0, -1).map((l) => l.deadUnits ?? []),
        weights: spec.layers.map((l) => l.weights),
        evaluation: run.trainer.evaluate(),
      };
    } catch (error) {
      // The last good minibatch step can still leave weights whose loss on all 150 flowers
      // overflows: the core says so, and the run is reported like a diverged one.
      run.final = null;
      run.error ??= { step: run.steps.length, message: error instanceof Error ? error.message : String(error) };
    }
  }

  function freeRuns() {
    for (const r of runs) r.trainer.free();
    runs = [];
  }

  function start({ animate }) {
    const s = controls.settings;
    state.updateSoon(controls.urlState());
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    const my = ++token;
    freeRuns();
    const other = TRAIN_ACTS.find((a) => a !== s.act);
    try {
      for (const id of s.compare ? [s.act, other] : [s.act]) runs.push(newRun(s, id));
    } catch (error) {
      // A configuration the core refuses: say so where the results would be.
      freeRuns();
      controls.setBusy(false);
      view.fail(error instanceof Error ? error.message : String(error));
      return;
    }
    controls.setBusy(false);
    if (!animate || prefersReducedMotion()) {
      for (const r of runs) {
        advance(r, s.steps);
        finish(r);
      }
      view.render({ runs, settings: s, done: true });
      return;
    }
    controls.setBusy(true);
    const chunk = Math.max(1, Math.ceil(s.steps / 150));
    const tick = () => {
      frame = 0;
      if (my !== token) return;
      let more = false;
      for (const r of runs) {
        advance(r, Math.min(chunk, s.steps - r.steps.length));
        if (r.steps.length < s.steps && !r.error) more = true;
      }
      if (!more) for (const r of runs) finish(r);
      view.render({ runs, settings: s, done: !more });
      if (more) frame = requestAnimationFrame(tick);
      else controls.setBusy(false);
    };
    frame = requestAnimationFrame(tick);
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
      token++;
      if (frame) cancelAnimationFrame(frame);
      freeRuns();
      view.destroy();
    },
  };
}
