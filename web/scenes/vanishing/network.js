// Part (b): a real deep network on Iris (4 standardised features, 3 species, softmax). The
// settings build a core `Trainer`; one `gradientFlow` (the backward pass of a trace, reduced to
// ∂L/∂W and its norms) on a fixed set of 30 flowers (10 per species) gives every layer's ∂L/∂W,
// which the gradient diagram, the step player (backward.js) and the norm chart (norms.js)
// display. "Train N steps" runs `Trainer.step(1)` N times (in chunks per animation frame, or at
// once under reduced motion), keeps each step's updateRatios for the heat map (training.js),
// and runs the backward pass (and the evaluation on all flowers) again every frame, so the
// diagram, the norm chart and the readouts follow the training live. `trained` in the URL is
// replayed on load (training is seeded), so a link restores the same heat map.
import { t } from "../../i18n.js";
import * as state from "../../state.js";
import { prefersReducedMotion } from "../../theme.js";
import { el } from "./util.js";
import { PROBE_ROWS, NET_LIMITS, readNet, netUrl, trainerConfig } from "./params.js";
import { createNetworkControls } from "./network-controls.js";
import { createBackward } from "./backward.js";
import { createNorms } from "./norms.js";
import { createTraining } from "./training.js";

const SLIDER_DELAY_MS = 140;
/** Training work done at once before the browser gets control back (see runTo). */
const SYNC_BUDGET_MS = 50;
/** Training work per animation frame after that. */
const FRAME_BUDGET_MS = 12;

export function createNetwork({ gradlab, catalog }) {
  const data = gradlab.dataset({ id: "iris", standardize: true });
  const initIds = gradlab.initIds();
  const s = readNet(catalog.map((a) => a.id), initIds);
  // The run of the current network: its own sizes and settings, since the controls (`s`) may
  // already show the next network while this one still trains (sliders rebuild after a pause).
  let run = null; // { trainer, sizes, settings, history, initial, flow, evaluation, error, target }
  let frame = 0;
  let timer = 0;
  let token = 0;

  const element = el("section", "van-network");
  const heading = el("h2", "", t("van.net.title"));
  heading.id = "van-net-title";
  element.setAttribute("aria-labelledby", heading.id);
  element.append(heading, el("p", "van-intro", t("van.net.intro", { rows: PROBE_ROWS.length })));

  const controls = createNetworkControls({ s, catalog, initIds, onChange });
  const backward = createBackward();
  const norms = createNorms({ gradlab });
  const training = createTraining({
    s,
    onLr: () => onChange("slider"),
    onTrain: () => train(s.nsteps),
    onReset: () => rebuild({ keepTrained: false }),
    onSteps: () => state.updateSoon(netUrl(s)),
  });
  const problem = el("p", "status van-net-error");
  problem.dataset.state = "dead";
  problem.hidden = true;
  problem.setAttribute("role", "alert");

  const top = el("div", "van-net-grid");
  const main = el("div", "van-net-main");
  const backTitle = el("h3", "", t("van.back.title.section"));
  backTitle.id = "van-back-title";
  const normTitle = el("h3", "", t("van.norms.title"));
  normTitle.id = "van-norms-title";
  main.append(problem, backTitle, el("p", "van-intro", t("van.back.intro")), backward.element, normTitle, norms.element);
  top.append(controls.element, main);
  element.append(top, training.element);

  function sizes() {
    return [4, ...Array(s.depth).fill(s.width), 3];
  }

  function traceNow() {
    run.flow = run.trainer.gradientFlow(PROBE_ROWS);
    run.evaluation = run.trainer.evaluate();
  }

  function show({ done = true } = {}) {
    const current = run.flow.layers.map((l) => l.gradNorm);
    backward.update({ flow: run.flow, sizes: run.sizes, settings: run.settings, rows: PROBE_ROWS.length });
    norms.update({ initial: run.initial, current, trained: run.history.length, rows: PROBE_ROWS.length });
    training.render({ history: run.history, L: current.length, evaluation: run.evaluation, error: run.error, done, target: run.target });
  }

  function advance(count) {
    for (let i = 0; i < count && !run.error; i++) {
      try {
        run.history.push(run.trainer.step(1).updateRatios);
      } catch (error) {
        run.error = { step: run.history.length + 1, message: error instanceof Error ? error.message : String(error) };
      }
    }
  }

  function fail(error) {
    problem.hidden = false;
    problem.textContent = t("van.net.error", { message: error instanceof Error ? error.message : String(error) });
  }

  /** A new Trainer for the settings; with keepTrained, `s.trained` steps are replayed at once. */
  function rebuild({ keepTrained = false } = {}) {
    token++;
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    training.setBusy(false);
    run?.trainer.free();
    run = null;
    if (!keepTrained) s.trained = 0;
    state.updateSoon(netUrl(s));
    try {
      const trainer = new gradlab.Trainer(trainerConfig(s), data);
      run = { trainer, sizes: sizes(), settings: { ...s }, history: [], initial: null, flow: null, evaluation: null, error: null, target: 0 };
      traceNow();
      run.initial = run.flow.layers.map((l) => l.gradNorm);
      problem.hidden = true;
      show();
      // The link's training steps, replayed (seeded, so the same heat map).
      if (s.trained > 0) runTo(s.trained, { animate: false });
    } catch (error) {
      fail(error);
    }
  }

  function onChange(kind) {
    controls.sync();
    clearTimeout(timer);
    timer = 0;
    if (kind === "slider") timer = setTimeout(() => rebuild(), SLIDER_DELAY_MS);
    else rebuild();
  }

  function finishTraining() {
    s.trained = run.history.length;
    state.updateSoon(netUrl(s));
    try {
      traceNow();
    } catch (error) {
      fail(error);
    }
    training.setBusy(false);
    show({ done: true });
  }

  function train(requested) {
    // The URL can replay at most NET_LIMITS.trained steps, so training stops there.
    const n = Math.min(requested, NET_LIMITS.trained[1] - (run?.history.length ?? 0));
    if (!run || frame || n <= 0) return;
    runTo(run.history.length + n, { animate: !prefersReducedMotion() });
  }

  /**
   * Trains until `target` steps. Animated: about 60 frames, each drawing the network at its
   * weights. Otherwise (reduced motion, or a link's steps replayed on load): as many steps as
   * SYNC_BUDGET_MS allows at once — all of them for a small job, so it simply jumps to the end —
   * then slices of FRAME_BUDGET_MS per frame with a progress line, so a long replay on a large
   * network never freezes the page.
   */
  function runTo(target, { animate }) {
    const my = ++token;
    run.error = null;
    run.target = target;
    const chunk = animate ? Math.max(1, Math.ceil((target - run.history.length) / 60)) : Infinity;
    const finished = () => run.history.length >= run.target || run.error;
    const work = (budget) => {
      const end = performance.now() + budget;
      for (let done = 0; done < chunk && !finished(); done++) {
        advance(1);
        if (performance.now() >= end) break;
      }
    };
    if (!animate) {
      work(SYNC_BUDGET_MS);
      if (finished()) {
        finishTraining();
        return;
      }
    }
    training.setBusy(true);
    training.progress(run.history.length, run.target);
    const tick = () => {
      frame = 0;
      if (my !== token || !run) return;
      work(FRAME_BUDGET_MS);
      if (finished()) {
        finishTraining();
        return;
      }
      if (animate) {
        // The backward pass and the loss/accuracy at the weights of this frame: the diagram, the
        // step card, the norm chart and the readouts follow the training live.
        try {
          traceNow();
        } catch {
          // Left as it was; the error surfaces when training finishes.
        }
        show({ done: false });
      } else {
        training.progress(run.history.length, run.target);
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
  }

  return {
    element,
    start() {
      rebuild({ keepTrained: true });
    },
    themeChanged() {
      backward.themeChanged();
      norms.themeChanged();
      training.themeChanged();
    },
    destroy() {
      token++;
      clearTimeout(timer);
      if (frame) cancelAnimationFrame(frame);
      backward.destroy();
      norms.destroy();
      training.destroy();
      run?.trainer.free();
      run = null;
    },
  };
}
