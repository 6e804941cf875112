// @ts-check
// Scene "lab" (#scene=lab): train any small network on any data and watch every monitor.
//   lab/data-panel.js, lab/csv-loader.js   the data: built-in sets or an own CSV file, a test split
//   lab/network-panel.js                   hidden layers (width, activation per layer), init, loss
//   lab/run-panel.js                       optimizer, Train/Pause, one step, reset, readouts, exports
//   lab/monitors.js                        loss/accuracy, gradient norms, dead units, ‖ΔW‖/‖W‖
//   lab/boundary.js, lab/histograms.js     the decision boundary, pre-activations over f′
//   lab/gradcheck.js                       finite differences against backprop
// Training goes through the shared training session (one trainer; Play trains `spf` steps a
// frame until Pause); a change that keeps the weights' shapes continues the run from the trained
// weights, any other change restarts it. Every number comes from the core. All settings but an
// own data file are in the URL.
import { t } from "../i18n.js";
import { contextOf } from "./registry.js";
import { el, sceneHeader } from "../components/dom.js";
import { createTrainingSession } from "../components/training-session.js";
import { downloadText } from "../components/download.js";
import { readLab, writeLab, dataSpec, trainerConfig, continuedConfig } from "./lab/params.js";
import { prepare } from "./lab/data.js";
import { createDataPanel } from "./lab/data-panel.js";
import { createNetworkPanel } from "./lab/network-panel.js";
import { createRunPanel } from "./lab/run-panel.js";
import { createMonitors, BINS as MONITOR_BINS } from "./lab/monitors.js";
import { historyCsv } from "./lab/exports.js";
import { createCsvLoader } from "./lab/csv-loader.js";
import { createBoundary, featureRange, GRID, GRID_PLAYING } from "./lab/boundary.js";
import { createHistograms, BINS } from "./lab/histograms.js";
import { createGradCheck } from "./lab/gradcheck.js";
import { rehearseLab } from "./lab/warm-up.js";
import { startSoon } from "../components/start-soon.js";
import { stageLater, buildLater } from "../components/staged-parts.js";

/**
 * The core's bins of what the monitors' line charts draw: the evaluations (train loss, test
 * loss, train accuracy, test accuracy) and, from the first step, the per-step statistics.
 * @typedef {{ evals: import("../pkg/gradlab.js").StepBins, dead: import("../pkg/gradlab.js").StepBins | null, updates: import("../pkg/gradlab.js").StepBins | null }} RunBins
 */

/**
 * @param {HTMLElement} root
 * @param {import("../app.js").SceneContext} options
 */
export function mount(root, { gradlab, reportError }) {
  const ctx = /** @type {import("./lab/params.js").LabContext} */ (contextOf("lab", gradlab));
  const s = readLab(ctx);
  const session = createTrainingSession({ gradlab, reportError });
  // Iris's feature names label the axis menus, which only Iris data shows (the default set is
  // XOR): read from the core when first needed, not in the mount (2–7 ms of it at 4× CPU).
  /** @type {string[] | null} */
  let irisFeatureNames = null;
  const irisFeatures = () => (irisFeatureNames ??= gradlab.dataset("iris").featureNames);

  /**
   * The run: its data, every step's statistics, the evaluations taken, the steps before a
   * continuation, and the core's bins of the per-step statistics the charts draw.
   */
  let run = { data: /** @type {import("./lab/data.js").LabData | null} */ (null), history: [], checkpoints: [], offset: 0, playing: false, bins: /** @type {RunBins | null} */ (null) };
  /** Own CSV data and whether to standardise it (null: the built-in set of the settings). */
  let own = null;

  const { header, title } = sceneHeader("lab");
  const dataPanel = createDataPanel({ s, ctx, irisFeatures, onChange: () => changed("data") });
  // Below the first screen on a phone: built in a frame of its own after the mount (staged-parts.js).
  const networkPanel = buildLater(() => createNetworkPanel({ s, ctx, onChange: changed }), "lab-network");
  const runPanel = createRunPanel({
    s,
    onChange: changed,
    onPlay: () => (run.playing ? pause() : play()),
    onStep: () => trainSteps(1),
    onReset: () => rebuild(),
    onExportCsv: () => downloadText(historyCsv(run.history, run.checkpoints), "gradlab-lab-history.csv", "text/csv"),
    onExportJson: () => exportJson(),
  });
  const csv = createCsvLoader({
    gradlab,
    onData: (data) => {
      own = data;
      dataPanel.setOwn(own?.data.featureNames ?? null, () => drawViews());
      rebuild();
    },
  });
  dataPanel.ownBox.append(csv.element);
  const monitors = createMonitors({ gradlab });
  const boundary = createBoundary();
  const histograms = createHistograms({ gradlab });
  const gradCheck = createGradCheck({ onCheck: () => session.read((trainer) => trainer.gradCheck()).value ?? null });
  const views = el("section", "lab-views");
  views.setAttribute("aria-labelledby", "lab-hist-title");
  const histTitle = el("h2", "lab-panel-title", t("lab.hist.title"));
  histTitle.id = "lab-hist-title";
  const viewGrid = el("div", "lab-view-grid");
  viewGrid.append(boundary.element, gradCheck.element);
  views.append(viewGrid, histTitle, el("p", "lab-note", t("lab.hist.intro")), histograms.element);
  const settings = el("div", "lab-settings");
  // The network and run panels, then the views and monitors below, join a frame each after the
  // first (staged-parts.js): on a phone only the data panel is on the first screen, and building
  // and laying out all three panels made the mount's frame 76–141 ms at 4× CPU (its script,
  // median of 6 visits, 43 → 23 ms with the network panel built later).
  settings.append(dataPanel.element, stageLater(networkPanel.element), stageLater(runPanel.element));
  root.append(header, settings, stageLater(views), stageLater(monitors.element));

  /** @param {string} kind "data" | "shape" | "continue" */
  function changed(kind) {
    writeLab(s, ctx);
    if (kind === "continue" && run.data) continueRun();
    else if (kind !== "continue") rebuild({ reload: kind === "data", restarted: run.history.at(-1)?.step ?? 0 });
  }

  /**
   * Loads the data (when asked) and builds a new network on it: the run starts at step 0 (the
   * status says so when `restarted` steps were thrown away by a change of shape or data).
   */
  function rebuild({ reload = true, restarted = 0 } = {}) {
    pause();
    if (reload || !run.data) {
      try {
        const source = own?.data ?? gradlab.dataset(dataSpec(s));
        run.data = prepare(gradlab, source, s, { own: own !== null, standardize: own?.standardize ?? true });
      } catch (error) {
        return failed(error);
      }
    }
    freeBins();
    run = { ...run, history: [], checkpoints: [], offset: 0, bins: { evals: new gradlab.StepBins(4, MONITOR_BINS), dead: null, updates: null } };
    const error = session.build([{ config: trainerConfig(s, ctx, run.data), data: run.data.train }]);
    if (error) return refused(error);
    checkpoint();
    const ready = t("lab.status.ready", { n: run.data.train.inputs.length, test: run.data.test?.inputs.length ?? 0 });
    runPanel.setStatus(restarted ? `${t("lab.status.restarted", { n: restarted })} ${ready}` : ready);
    draw();
    rehearse();
  }

  /** Warms the code of Play's frames in idle time (lab/warm-up.js); `data-rehearsed` when done. */
  function rehearse() {
    delete root.dataset.rehearsed;
    rehearseLab({
      session,
      gradlab,
      activations: JSON.stringify(s.acts),
      stepsPerRound: s.spf,
      view: boundaryView,
      test: run.data?.test ?? null,
      onDone: () => (root.dataset.rehearsed = "true"),
    });
  }

  /** Goes on from the trained weights with the new training settings (the run keeps its steps). */
  function continueRun() {
    const wasPlaying = run.playing;
    pause();
    const { value: spec, error } = session.read((trainer) => trainer.spec());
    if (error || !spec) return rebuild();
    run.offset = run.history.at(-1)?.step ?? run.offset;
    const built = session.build([{ config: continuedConfig(spec, s), data: run.data.train }]);
    if (built) return refused(built);
    runPanel.setStatus(t("lab.status.continued", { n: run.offset }));
    if (wasPlaying) play();
  }

  /** The loss and accuracy on the training and test sets at the current weights. */
  function checkpoint() {
    const { value, error } = session.read((trainer) => ({
      train: trainer.evaluate(),
      test: run.data?.test ? trainer.evaluate(run.data.test) : null,
    }));
    if (error) return error;
    if (value) {
      const step = run.history.at(-1)?.step ?? run.offset;
      run.checkpoints.push({ step, ...value });
      run.bins?.evals.push(step, [value.train.loss, value.test?.loss ?? null, value.train.accuracy, value.test?.accuracy ?? null]);
    }
    return null;
  }

  /** Keeps a step's statistics: in the history (the CSV export) and in the charts' bins. */
  function collect(_, stats) {
    const step = run.offset + stats.step;
    run.history.push({ ...stats, step });
    if (!run.bins) return;
    run.bins.dead ??= new gradlab.StepBins(stats.deadFraction.length, MONITOR_BINS);
    run.bins.updates ??= new gradlab.StepBins(stats.updateRatios.length, MONITOR_BINS);
    run.bins.dead.push(step, stats.deadFraction);
    run.bins.updates.push(step, stats.updateRatios);
  }

  function freeBins() {
    for (const bins of [run.bins?.evals, run.bins?.dead, run.bins?.updates]) bins?.free();
  }

  /** Trains `n` steps (Infinity: until Pause), drawing every frame. */
  function trainSteps(n) {
    if (!run.data) return;
    session.train({
      steps: n,
      keep: true,
      animate: n === Infinity ? { perFrame: s.spf } : null,
      collect,
      sample: () => checkpoint(),
      onProgress: () => draw(),
      onDone: ({ runs }) => {
        setPlaying(false);
        const failure = runs[0]?.error ?? checkpoint();
        draw();
        if (failure) refused(failure);
        else runPanel.setStatus(t("lab.status.trained", { n: run.history.at(-1)?.step ?? 0 }));
      },
    });
  }

  function play() {
    if (!run.data || run.playing) return;
    setPlaying(true);
    runPanel.setStatus(t("lab.status.playing"), "saturated");
    trainSteps(Infinity);
  }

  function pause() {
    if (run.playing) session.stop();
    setPlaying(false);
  }

  function setPlaying(on) {
    run.playing = on;
    runPanel.setPlaying(on);
  }

  function draw() {
    const last = run.checkpoints.at(-1);
    runPanel.show(run.history.at(-1)?.step ?? run.offset, last?.train ?? null, last?.test ?? null);
    const bins = run.bins;
    monitors.show(run.history, bins && { evals: bins.evals.series(), dead: bins.dead?.series() ?? null, updates: bins.updates?.series() ?? null });
    drawViews();
    // While playing this runs in the animation frame that trained: paint now, in the same frame
    // (a paint requested from inside a frame would wait for the next one, and a frame later
    // the next request would go to the frame after that: every other frame).
    if (run.playing) {
      monitors.paintNow();
      boundary.paintNow();
      histograms.paintNow();
    }
  }

  /** The two features drawn of each training point: the same array while they stay the same. */
  let plotted = { inputs: /** @type {number[][] | null} */ (null), fx: -1, fy: -1, points: /** @type {number[][]} */ ([]) };
  function plottedPoints(inputs, fx, fy) {
    if (plotted.inputs !== inputs || plotted.fx !== fx || plotted.fy !== fy) {
      plotted = { inputs, fx, fy, points: inputs.map((row) => [row[fx], row[fy]]) };
    }
    return plotted.points;
  }

  /** What the boundary shows but the grid: the two features drawn, their ranges, the points. */
  function boundaryView() {
    const data = run.data;
    if (!data) return null;
    const [fx, fy] = data.features < 2 ? [0, 0] : data.own ? dataPanel.ownAxes : s.data === "iris" ? [s.fx ?? 2, s.fy ?? 3] : [0, 1];
    if (data.features < 2 || fx === fy) return null;
    const x = featureRange(data.train.inputs, fx);
    const y = featureRange(data.train.inputs, fy);
    const names = /** @type {[string, string]} */ ([data.featureNames[fx], data.featureNames[fy]]);
    const features = /** @type {[number, number]} */ ([fx, fy]);
    return { features, x, y, points: plottedPoints(data.train.inputs, fx, fy), labels: data.train.labels, names };
  }

  /** The boundary over the two features drawn and the histograms, at the current weights. */
  function drawViews() {
    if (!run.data) return;
    // Asked of the core only for the views on screen, when they are drawn (lazy charts).
    const read = (f) => session.read(f).value ?? null;
    const view = boundaryView();
    boundary.show(
      view && {
        ...view,
        grid: () => {
          const n = run.playing ? GRID_PLAYING : GRID;
          return read((trainer) => trainer.decisionGrid({ features: view.features, x: view.x, y: view.y, nx: n, ny: n }));
        },
      }
    );
    histograms.show(() => read((trainer) => trainer.histograms({ bins: BINS })) ?? []);
  }

  /** A failure of the session: what happened and what to try, the last good weights kept. */
  function refused(failure) {
    setPlaying(false);
    const key = failure.kind === "diverged" ? "lab.status.diverged" : "lab.status.invalid";
    runPanel.setStatus(t(key, { step: failure.step, message: failure.message }), "dead");
  }

  /** Data that cannot be loaded (the core's message). */
  function failed(error) {
    runPanel.setStatus(t("lab.status.invalid", { step: 0, message: error instanceof Error ? error.message : String(error) }), "dead");
  }

  function exportJson() {
    const { value: spec } = session.read((trainer) => trainer.spec());
    if (spec) downloadText(JSON.stringify(spec, null, 2), "gradlab-lab-network.json", "application/json");
  }

  // The first network is built after the scene's first paint (start-soon.js): its data, its
  // trainer and the views' first drawing were most of the mount's task, which at 4× CPU took
  // ~190 ms. A press or a focus in the scene before then builds it first.
  const firstBuild = startSoon(root, () => rebuild());

  return {
    focusTarget: title,
    destroy() {
      firstBuild.cancel();
      session.destroy();
      freeBins();
      monitors.destroy();
      boundary.destroy();
      histograms.destroy();
    },
  };
}
