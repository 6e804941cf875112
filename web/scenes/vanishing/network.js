// @ts-check
// Part (b): a real deep network on Iris (4 standardised features, 3 species, softmax). The
// settings build a core `Trainer` (held by the shared training session); one `gradientFlow` (the
// backward pass of a trace, reduced to ∂L/∂W and its norms) on a fixed set of 30 flowers (10 per
// species) gives every layer's ∂L/∂W, which the gradient diagram, the step player (backward.js)
// and the norm chart (norms.js) display. "Train N steps" has the session take N steps, one at a
// time in time slices, keeping each step's updateRatios for the heat map (training.js). Animated,
// the backward pass (and the evaluation on all flowers) runs again every frame, so the diagram,
// the norm chart, the counter and the readouts follow the training live; under reduced motion
// (and for a link's replay) only a progress line moves until the end. Stop keeps the steps
// trained. `trained` in the URL is replayed on load (training is seeded), so a link restores the
// same heat map.
import { t } from "../../i18n.js";
import * as state from "../../state.js";
import { prefersReducedMotion } from "../../theme.js";
import { el, headedSection } from "../../components/dom.js";
import { createTrainingSession, REHEARSAL_ROUNDS } from "../../components/training-session.js";
import { PROBE_ROWS, NET_LIMITS, readNet, netUrl, trainerConfig } from "./params.js";
import { createNetworkControls } from "./network-controls.js";
import { createBackward } from "./backward.js";
import { createNorms } from "./norms.js";
import { createTraining } from "./training.js";
import { markPart } from "../../components/scene-part.js";
import { afterFrame } from "../../components/idle.js";

const SLIDER_DELAY_MS = 140;
/** An animated run is spread over about this many frames. */
const ANIMATION_FRAMES = 60;

/** @typedef {import("../../wasm.js").Gradlab} Gradlab */
/** @typedef {import("../../pkg/gradlab.js").GradientFlow} GradientFlow */
/** @typedef {import("../../pkg/gradlab.js").Evaluation} Evaluation */
/**
 * The run of the current network: its own sizes and settings (the controls may already show the
 * next network while this one still trains), every step's updateRatios (and all its statistics,
 * for the CSV file), the norms at
 * initialisation, the last gradient flow and evaluation (`tracedAt`: after how many steps), and
 * how the training went.
 * @typedef {{ sizes: number[], settings: import("./params.js").NetSettings, history: number[][], stats: import("../../pkg/gradlab.js").StepStats[],
 *   initial: number[] | null, flow: GradientFlow | null, evaluation: Evaluation | null, tracedAt: number,
 *   sampled?: boolean, error: { kind: string, message: string } | null, target: number }} Run
 */

const REHEARSAL_CHART = { width: 400, height: 250 };
/** Whether this page has rehearsed the scene's frames: the code is then warm for any network. */
let rehearsed = false;

/**
 * @param {{ gradlab: Gradlab, ctx: import("./params.js").VanishingContext, reportError: (error: unknown) => void }} options
 */
export function createNetwork({ gradlab, ctx, reportError }) {
  // Read from the core when the part starts, not while the scene mounts (a fifth of the part's
  // construction at 4× CPU, in the scene's first task).
  /** @type {import("../../pkg/gradlab.js").Dataset | null} */
  let data = null;
  const s = readNet(ctx);
  // `s` is changed in place by the controls: the URL is computed from it when it is written.
  const writeUrl = state.writerSoon(() => netUrl(s, ctx));
  /** @type {Run | null} */
  let run = null;
  let timer = 0;
  /** Cancels the drawing waiting for its frame (see `rebuild`). */
  let cancelDraw = () => {};
  let drawnOnce = false;
  /** @type {(() => void) | null} the rest of the part's start, waiting for its task (`rebuild` with `split`) */
  let finishStart = null;
  let cancelFinish = () => {};
  const session = createTrainingSession({ gradlab, reportError });

  const { element } = headedSection({ className: "van-network", id: "van-net-title", title: t("van.net.title") });
  element.append(el("p", "van-intro", t("van.net.intro", { rows: PROBE_ROWS.length })));

  const controls = createNetworkControls({ s, ctx, onChange });
  const backward = createBackward({ gradlab });
  const norms = createNorms({ gradlab });
  const training = createTraining({
    s,
    onLr: () => onChange("slider"),
    onTrain: () => train(s.nsteps),
    onReset: () => rebuild({ keepTrained: false }),
    onStop: () => session.stop(),
    onSteps: () => writeUrl(),
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
  element.append(top, markPart(training.element, "training")); // a part a link may show alone (registry)

  function sizes() {
    return [4, ...Array(s.depth).fill(s.width), 3];
  }

  /**
   * The backward pass and the evaluation at the trainer's weights; the failure, or null.
   * @param {Run} current
   */
  function traceNow(current) {
    const { value, error } = session.read((trainer) => ({ flow: trainer.gradientFlow(PROBE_ROWS), evaluation: trainer.evaluate() }));
    if (value) Object.assign(current, value, { tracedAt: current.history.length });
    return error;
  }

  /** Draws the run as it was traced: the counter and heat map stop at the same step as the pass. */
  function show({ done = true } = {}) {
    for (const view of views) view(done);
  }

  /** The views of `show`, each drawing the run as it was traced (the diagram, then its steps). */
  const views = [
    (done = true) => backward.showDiagram({ flow: run.flow, sizes: run.sizes, settings: run.settings, rows: PROBE_ROWS.length, live: !done }),
    () => backward.showSteps(),
    () => {
      const current = run.flow.layers.map((l) => l.gradNorm);
      norms.update({ initial: run.initial, current, verdict: run.flow.verdict, trained: run.tracedAt, rows: PROBE_ROWS.length });
    },
    (done = true) => {
      const history = run.history.slice(0, run.tracedAt);
      const stats = run.stats.slice(0, run.tracedAt);
      training.render({ history, stats, L: run.flow.layers.length, evaluation: run.evaluation, error: run.error, done, target: run.target, verdict: run.flow.verdict });
    },
  ];

  /** @param {{ message: string }} error */
  function fail(error) {
    problem.hidden = false;
    problem.textContent = t("van.net.error", { message: error.message });
  }

  /**
   * A new Trainer for the settings; with keepTrained, `s.trained` steps are replayed at once.
   * With `split` (the part's start), the pass and what follows wait for a task after the next
   * frame: with the data and the Trainer they were one idle task of 27–66 ms at 4× CPU.
   */
  function rebuild({ keepTrained = false, split = false } = {}) {
    clearTimeout(timer);
    timer = 0;
    cancelFinish();
    finishStart = null;
    run = null;
    if (!keepTrained) s.trained = 0;
    writeUrl();
    data ??= gradlab.dataset({ id: "iris", standardize: true });
    const error = session.build([{ config: trainerConfig(s, ctx.inits), data }]);
    training.setBusy(false);
    if (error) return fail(error);
    /** @type {Run} */
    const current = { sizes: sizes(), settings: { ...s }, history: [], stats: [], initial: null, flow: null, evaluation: null, tracedAt: 0, error: null, target: 0 };
    if (!split) return begin(current);
    // Meanwhile the part is still starting (start-soon.js's mark, put back): whoever waits for a
    // settled scene waits for the pass too.
    element.classList.add("starting");
    element.setAttribute("aria-busy", "true");
    const stopWaiting = afterFrame(() => finishStart?.());
    cancelFinish = () => {
      stopWaiting();
      cancelFinish = () => {};
      element.classList.remove("starting");
      element.removeAttribute("aria-busy");
    };
    finishStart = () => {
      cancelFinish();
      finishStart = null;
      begin(current);
    };
  }

  /**
   * The pass and the evaluation of the run just built, then its views (see `rebuild`).
   * @param {Run} current
   */
  function begin(current) {
    const traced = traceNow(current);
    if (traced) return fail(traced);
    run = current;
    run.initial = run.flow.layers.map((l) => l.gradNorm);
    problem.hidden = true;
    // Building a 30 × 64 network and its pass, then drawing its diagram, is more than one
    // task should do: the drawing waits for a task after the next painted frame (the network it
    // draws is still this one), so its script and the layout of what it drew are two tasks. The
    // first drawing, at the scene's start, goes a view a task: on a phone the four are more than
    // a frame's work (the diagram alone was half of a 250–450 ms task at 4× CPU), and nothing
    // older is on screen to disagree with them. The diagram's structure comes a task before its
    // colours (gradient-diagram.js `prepare`).
    cancelDraw();
    const pending = drawnOnce ? [show] : [() => backward.diagram.prepare(run.sizes, run.flow.layers), ...views];
    drawnOnce = true;
    const drawNext = () => {
      if (run !== current) return;
      pending.shift()?.();
      if (pending.length) cancelDraw = afterFrame(drawNext);
    };
    cancelDraw = afterFrame(drawNext);
    // The link's training steps, replayed (seeded, so the same heat map).
    if (s.trained > 0) runTo(s.trained, { animate: false });
    else rehearse();
  }

  /**
   * Warms the code of Train's frames in idle time, on a throwaway copy of the network (the
   * training session's rehearsal): a step, the backward pass over the probe rows, the evaluation
   * and the norm chart into a detached canvas, as each animated frame does. Cold, the first
   * half-second of frames took up to three times as long while V8 compiled the wasm's hot
   * functions (tests/e2e/vanishing-bench, 20 × 32: frame time p95 29.6 ms cold, 11.8 ms warm).
   * Once a page; `data-rehearsed` on the section when done. Training ends it.
   */
  function rehearse() {
    if (rehearsed) {
      element.dataset.rehearsed = "true";
      return;
    }
    const canvas = document.createElement("canvas");
    /** @type {number[]} the round's gradient norms, for its chart */
    let norms = [];
    session.rehearse({
      rounds: REHEARSAL_ROUNDS,
      stepsPerRound: 1,
      // A frame's three pieces apart: together they were one idle task of 20–100 ms at 4× CPU.
      views: [
        (trainer) => (norms = trainer.gradientFlow(PROBE_ROWS).layers.map((l) => l.gradNorm)),
        (trainer) => trainer.evaluate(),
        () => {
          const x = norms.map((_, i) => i + 1);
          gradlab.plotSeries(canvas, { series: [{ label: "‖g‖", x, y: norms }], logY: true, xLabel: "l", yLabel: "‖g‖", legend: "topLeft", xMin: 1, xMax: Math.max(2, x.length), dpr: 1, ...REHEARSAL_CHART });
        },
      ],
      onDone() {
        rehearsed = true;
        element.dataset.rehearsed = "true";
      },
    });
  }

  /** @param {string} kind "slider" rebuilds after a pause, anything else at once */
  function onChange(kind) {
    controls.sync();
    clearTimeout(timer);
    timer = 0;
    if (kind === "slider") timer = setTimeout(() => rebuild(), SLIDER_DELAY_MS);
    else rebuild();
  }

  /** @param {number} requested */
  function train(requested) {
    finishStart?.(); // pressed before the part's start finished
    // The URL can replay at most NET_LIMITS.trained steps, so training stops there.
    const n = Math.min(requested, NET_LIMITS.trained[1] - (run?.history.length ?? 0));
    if (!run || session.busy || n <= 0) return;
    runTo(run.history.length + n, { animate: !prefersReducedMotion() });
  }

  /**
   * Trains until `target` steps in the session's time slices. Animated: spread over about
   * ANIMATION_FRAMES frames, each drawing the network at its weights (counter, heat map and
   * readouts all at the same step). Otherwise (reduced motion, or a link's steps replayed on
   * load): a small job simply jumps to the end; a long one shows only a progress line until then.
   * @param {number} target
   * @param {{ animate: boolean }} options
   */
  function runTo(target, { animate }) {
    const current = run;
    current.error = null;
    current.target = target;
    session.train({
      steps: target - current.history.length,
      keep: true,
      animate: animate ? { frames: ANIMATION_FRAMES } : null,
      collect: (_, stats) => {
        current.history.push(stats.updateRatios);
        current.stats.push(stats);
      },
      // Animated: the backward pass and the loss/accuracy at the weights just trained, drawn with
      // the steps' heat map; if the core cannot trace them, the last drawing stays and the end
      // says why.
      sample: animate ? () => (current.sampled = !traceNow(current)) : undefined,
      onProgress: () => {
        if (!animate) training.progress(current.history.length, current.target);
        else if (current.sampled) show({ done: false });
      },
      onDone: ({ runs }) => {
        current.error = runs[0]?.error ?? null;
        s.trained = current.history.length;
        writeUrl();
        const traced = traceNow(current);
        // At the end the counter and heat map show every step, even when the last pass failed.
        current.tracedAt = current.history.length;
        if (traced) fail(traced);
        training.setBusy(false);
        show({ done: true });
      },
    });
    training.setBusy(session.busy);
    if (session.busy && !animate) training.progress(current.history.length, current.target);
  }

  return {
    element,
    start() {
      rebuild({ keepTrained: true, split: true });
    },
    destroy() {
      clearTimeout(timer);
      cancelFinish();
      cancelDraw();
      session.destroy();
      backward.destroy();
      norms.destroy();
      training.destroy();
      run = null;
    },
  };
}
