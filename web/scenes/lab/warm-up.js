// @ts-check
// The lab's rehearsal before Play (the training session's `rehearse`): in idle time a throwaway
// copy of the network trains a frame's worth of steps a round, and the views' own code runs on
// it into detached canvases — the decision grid at the size Play draws and its painting, the
// evaluations, the histograms and their painting, and a log and a linear monitor chart. A wasm
// function runs in V8's baseline tier until it has run hot and its optimized code is compiled
// (on another thread), so without this the first second of Play draws at a third of its speed.
// Nothing of it is shown. Once a page for each list of activations (the code that gets warm is
// the same for every network with them); a student who presses Play sooner ends it.
import { currentTheme } from "../../theme.js";
import { GRID_PLAYING, cachedLayer, newCache, paintBoundary } from "./boundary.js";
import { BINS, paintHistograms } from "./histograms.js";
import { REHEARSAL_ROUNDS } from "../../components/training-session.js";

const SIZE = { width: 400, height: 250 };
/** The activation lists rehearsed on this page. */
const rehearsed = new Set();

/**
 * @param {{ session: ReturnType<typeof import("../../components/training-session.js").createTrainingSession>,
 *   gradlab: import("../../wasm.js").Gradlab, activations: string, stepsPerRound: number,
 *   view: () => ({ features: [number, number], x: number[], y: number[], points: number[][], labels: number[], names: [string, string] } | null),
 *   test: any, onDone: () => void }} options
 *   `view()` is what the boundary draws (null: no boundary); `test` the test set (or null).
 */
export function rehearseLab({ session, gradlab, activations, stepsPerRound, view, test, onDone }) {
  if (rehearsed.has(activations)) return onDone();
  const canvas = document.createElement("canvas");
  canvas.width = SIZE.width;
  canvas.height = SIZE.height;
  const cache = newCache();
  /** The boundary's view and grid of the round (null: no boundary). */
  let boundary = null;
  let grid = null;
  /** @type {number[][]} each step's update ratios, per layer */
  const updates = [];
  /** @type {number[][]} each step's dead fractions, per hidden layer */
  const dead = [];
  const steps = () => updates.map((_, i) => i + 1);
  // As the monitors hand them over: Float64Arrays (StepBins.series()).
  const lines = (rows) => (rows[0] ?? []).map((_, k) => ({ label: String(k + 1), x: Float64Array.from(steps()), y: Float64Array.from(rows, (r) => r[k]) }));
  const frame = () => ({ xLabel: "step", xMin: 0, xMax: updates.length, legend: /** @type {const} */ ("topRight"), lineWidth: 1, dark: currentTheme() === "dark", dpr: 1, ...SIZE });
  session.rehearse({
    rounds: REHEARSAL_ROUNDS,
    stepsPerRound,
    views: [
      (trainer, stats) => {
        for (const s of stats) {
          updates.push(s.updateRatios);
          dead.push(s.deadFraction);
        }
        trainer.evaluate();
        if (test) trainer.evaluate(test);
      },
      // The boundary in three pieces (each a first call, cold, in the first round): the grid, the
      // layer of points and axes (drawn once, then kept by the cache), the painting.
      (trainer) => {
        boundary = view();
        grid = boundary && trainer.decisionGrid({ features: boundary.features, x: boundary.x, y: boundary.y, nx: GRID_PLAYING, ny: GRID_PLAYING });
      },
      () => boundary && cachedLayer(1, SIZE.width, SIZE.height, boundary, cache),
      () => boundary && paintBoundary(canvas, 1, SIZE.width, SIZE.height, { ...boundary, grid }, cache),
      (trainer) => {
        const layers = trainer.histograms({ bins: BINS });
        paintHistograms(canvas, 1, SIZE.width, SIZE.height, layers, layers.map(() => ""), gradlab);
      },
      () => gradlab.plotSeries(canvas, { ...frame(), series: lines(updates), logY: true, yLabel: "‖ΔW‖/‖W‖" }),
      () => gradlab.plotSeries(canvas, { ...frame(), series: lines(dead), yMin: 0, yMax: 1, yLabel: "dead" }),
    ],
    onDone() {
      rehearsed.add(activations);
      onDone();
    },
  });
}
