// @ts-check
// The worker of core-warm-up.js. V8 compiles a wasm function the first time it is called, on the
// thread that calls it; a `WebAssembly.Module` posted to a worker shares its compiled code with
// the page. So this worker instantiates the page's module and makes, in order, the calls a
// scene's start makes (the data set, a Trainer, its step, backward pass, evaluation and trace,
// the lab's split, decision grid, histograms and bins, the series charts, a preset's trace, the
// activation chart and facts, the catalogues and the exercises' readers) on small inputs: the
// page then finds those functions compiled instead of compiling them in its own tasks. Its results are thrown away; it posts
// `{ ms, failed: [call names] }` and is ended. A call its core does not export is skipped.
//
//   worker.postMessage({ module, glue: "https://…/web/pkg/training/gradlab.js" });

/** @typedef {typeof import("./pkg/gradlab.js")} Gradlab */

/** Rows of Iris for the backward passes (one of each species). */
const ROWS = [0, 50, 100];

/**
 * The calls, in the order a scene's start needs them. Each gets the core and what the earlier
 * calls made (`made`).
 * @type {[string, (g: Gradlab, made: Record<string, any>) => unknown][]}
 */
const CALLS = [
  // The catalogues first: a scene's mount reads them (registry.js `contextOf`), before any part
  // starts. Cold, they were 4–11 ms of the lab's mount at 4× CPU; about 3 once made here first.
  ["activations", (g) => g.activations()],
  ["inits", (g) => g.inits()],
  ["dataset", (g, made) => (made.data = g.dataset({ id: "iris", standardize: true }))],
  [
    "Trainer",
    (g, made) =>
      (made.trainer = new g.Trainer(
        { sizes: [4, 8, 8, 3], activation: "sigmoid", init: "xavier_uniform", seed: 1, residual: false, optimizer: { id: "sgd", lr: 0.1 }, batchSize: 16 },
        made.data
      )),
  ],
  [
    // Dying-ReLU's training part (and the ReLU networks of vanishing and the lab): ReLU with He's
    // normal init, a bias init and one step — code the sigmoid trainer above does not run.
    "Trainer.relu",
    (g, made) => {
      const trainer = new g.Trainer(
        { sizes: [4, 8, 8, 3], activation: "relu", init: "he_normal", biasInit: { id: "constant", value: 0.1 }, seed: 1, residual: false, optimizer: { id: "sgd", lr: 0.1 }, batchSize: 16 },
        made.data
      );
      trainer.step(1);
      trainer.free();
    },
  ],
  ["gradientFlow", (_, made) => made.trainer.gradientFlow(ROWS)],
  ["evaluate", (_, made) => made.trainer.evaluate()],
  ["step", (_, made) => made.trainer.step(1)],
  ["Trainer.trace", (_, made) => made.trainer.trace(ROWS)],
  ["splitData", (g, made) => g.splitData({ inputs: made.data.inputs, targets: made.data.targets }, { testFraction: 0.2, seed: 1, standardize: true })],
  ["decisionGrid", (_, made) => made.trainer.decisionGrid({ features: [0, 1], x: [-2, 2], y: [-2, 2], nx: 8, ny: 8 })],
  ["histograms", (_, made) => made.trainer.histograms({ bins: 8 })],
  [
    "StepBins",
    (g) => {
      const bins = new g.StepBins(2, 16);
      bins.push(1, [0.5, 0.25]);
      bins.free();
    },
  ],
  ["plotSeries", (g) => g.plotSeries(canvas(), { series: [{ label: "y", x: [1, 2, 3], y: [1e-6, 1e-3, 1] }], logY: true, xLabel: "x", yLabel: "y", ...CHART })],
  ["plotSeries", (g) => g.plotSeries(canvas(), { series: [{ label: "a", x: [0, 1, 2], y: [1, 0.5, 0.25] }, { label: "b", x: [0, 1, 2], y: [0.5, 0.5, 0.5] }], xLabel: "x", yLabel: "y", ...CHART })],
  ["trace", (g) => g.trace(g.preset("dying-relu"))],
  ["activationFacts", (g) => g.activationFacts("sigmoid", 0.01)],
  ["activation", (g) => g.activation({ id: "leaky_relu", alpha: 0.1 }, 0.5)],
  ["activationPoints", (g) => g.activationPoints()],
  [
    "plotActivation",
    (g) => {
      const target = canvas();
      g.plotActivation(target, { activations: ["gelu", "tanh"], names: ["a", "b"], xMin: -4, xMax: 4, x: 0.5, epsilon: 0.01, power: 3, reference: "gelu", points: [1], labels: LABELS, ...CHART });
      g.plotActivationAt(target, 1);
    },
  ],
  ["chain", (g) => g.chain(1, 0.25, 5, 0.1)],
  // The lite core has the activations scene's questions only; the others start with vanishing's.
  ["practiceSet", (g) => g.practiceSet("trace" in g ? "vanishing" : "activations", 1)],
  ["readNumber", (g) => g.readNumber("1,5")],
  ["checkValues", (g) => g.checkValues([1], ["1"])],
];

/** A chart's frame: its size given, so the core never asks a layout for it. */
const CHART = { width: 320, height: 240, dpr: 1 };
/** The activation chart's labels (any text: only the code that sets it is warmed). */
const LABELS = { f: "f", fprime: "f′", saturated: "s", dead: "d", power: "p", difference: "Δ", saturatedShort: "s", deadShort: "d" };

/**
 * A canvas for the series charts' calls. A worker has no DOM; the core takes what
 * `instanceof HTMLCanvasElement` accepts, so in this worker (and nowhere else) OffscreenCanvas
 * stands in for it and for its context. Without OffscreenCanvas those calls fail and are reported.
 * @returns {HTMLCanvasElement}
 */
function canvas() {
  const scope = /** @type {any} */ (self);
  scope.HTMLCanvasElement ??= OffscreenCanvas;
  scope.CanvasRenderingContext2D ??= OffscreenCanvasRenderingContext2D;
  // The activation chart keeps its drawing under the marker on a copy of its canvas.
  /** @type {any} */ (OffscreenCanvas.prototype).cloneNode ??= function () {
    return new OffscreenCanvas(this.width, this.height);
  };
  return /** @type {any} */ (new OffscreenCanvas(CHART.width, CHART.height));
}

self.onmessage = async ({ data }) => {
  const start = performance.now();
  /** @type {string[]} */
  const failed = [];
  try {
    const g = /** @type {Gradlab} */ (await import(data.glue));
    await g.default({ module_or_path: data.module });
    /** @type {Record<string, any>} */
    const made = {};
    for (const [name, call] of CALLS) {
      const exported = name.split(".")[0];
      if (!(exported in g) && !(exported in (made.trainer ?? {}))) continue;
      try {
        call(g, made);
      } catch {
        failed.push(name);
      }
    }
    made.trainer?.free();
  } catch {
    failed.push("init");
  }
  self.postMessage({ ms: Math.round(performance.now() - start), failed });
};
