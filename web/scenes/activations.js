// @ts-check
// Scene 1, "activations": f and f′ of the 14 activations, one explored (tangent, bands, live
// readouts, formulas) and up to five overlaid; x by slider, number box or dragging on the chart;
// f′(x)ⁿ for n layers; α and β; ε; the x range; GELU against its approximations; the article's
// points; a table of every activation's largest derivative and non-saturated interval(s).
//
// The scene computes nothing: every number comes from the core (gradlab.*). Its state lives in
// the URL (see activations/model.js), so a link reproduces the view. Modules:
//   activations/model.js          state ⇄ URL, the shown activations
//   activations/controls.js       activation, x, n, α/β        activations/chart-options.js  overlays, ε, range, toggles
//   activations/chart.js          the plotters chart, pointer   activations/readouts.js       f, f′, f′ⁿ at x
//   activations/formulas.js       MathML with x substituted     activations/seed-points.js    the article's points
//   activations/facts-table.js    sup f′ and intervals          activations/compare.js        GELU approximations
//   activations/text.js                                           names and intervals as text
import { t, has } from "../i18n.js";
import * as state from "../state.js";
import { el, sceneHeader, headedSection } from "../components/dom.js";
import { createPractice } from "../components/practice.js";
import { markParts } from "../components/scene-part.js";
import { stageLater, buildLater } from "../components/staged-parts.js";
import { activationName } from "./activations/text.js";
import * as model from "./activations/model.js";
import { createControls } from "./activations/controls.js";
import { createChartOptions } from "./activations/chart-options.js";
import { createActivationChart } from "./activations/chart.js";
import { createReadouts } from "./activations/readouts.js";
import { createFormulas } from "./activations/formulas.js";
import { updateWhenSeen } from "../components/update-when-seen.js";
import { createSeedPoints } from "./activations/seed-points.js";
import { createFactsTable } from "./activations/facts-table.js";
import { createCompare } from "./activations/compare.js";

/**
 * @param {HTMLElement} root
 * @param {import("../app.js").SceneContext} options
 */
export function mount(root, { gradlab }) {
  const catalog = gradlab.activations();
  let s = model.read(catalog);
  let values = { value: NaN, derivative: NaN };
  // The article's points: marked on the chart from its first paint, listed in the side column.
  const points = gradlab.activationPoints();

  /** @type {model.ActivationsContext} */
  const ctx = {
    gradlab,
    catalog,
    get state() {
      return s;
    },
    values: () => values,
    change,
    /** Explore activation `id` (from the table), keeping the others overlaid. */
    explore(id) {
      change({ acts: [id, ...s.acts.filter((a) => a !== id)].slice(0, model.MAX_SHOWN) });
    },
    /** Jump to the article's point (activation `id` at x), widening the range if needed. */
    jumpTo(id, x) {
      const acts = [id, ...s.acts.filter((a) => a !== id)].slice(0, model.MAX_SHOWN);
      const xMin = Math.min(s.xMin, x);
      const xMax = Math.max(s.xMax, x);
      change({ acts, x, xMin, xMax });
    },
    pointsOf: (id) => points.filter((p) => p.activation.id === id).map((p) => p.x),
  };

  // --- markup -----------------------------------------------------------------------------
  const { header, title } = sceneHeader("activations");

  const chart = createActivationChart(ctx);
  const options = createChartOptions(ctx);
  const readouts = createReadouts(ctx);
  const formulas = createFormulas();
  const formulasSoon = updateWhenSeen(formulas.element, formulas.update);
  // The table, the second part, is built in a frame of its own after the mount (staged-parts.js).
  const table = buildLater(() => createFactsTable(ctx));
  table.whenBuilt((built) => built.update(s));
  const compare = createCompare(ctx);
  // The side column is built in a frame of its own too: its controls and the article's points
  // (with their prediction) were 40 % of the mount's script. Until then render() has none to update.
  const side = buildLater(() => {
    const controls = createControls(ctx);
    const seed = createSeedPoints(ctx, points);
    seed.update(s);
    const element = el("div", "side");
    element.append(controls.element, readouts.element, compare.element, seed.element);
    return { element, controls, seed };
  }, "side");

  const { element: about, heading: aboutTitle } = headedSection({ className: "panel about", headingClass: "panel-title", id: "act-about-title", title: t("act.about") });
  const note = el("p", "note");
  const guide = el("div", "guide");
  for (const key of ["act.guide.bands", "act.guide.power", "act.guide.tangent"]) guide.append(el("p", "", t(key)));
  about.append(note, guide);

  const main = el("div", "act-main");
  // The chart and its options come first; the rest of the part, in frames of their own.
  main.append(chart.element, options.element, stageLater(formulas.element), stageLater(about));
  const layout = el("div", "act-grid");
  layout.append(main, stageLater(side.element));
  const practice = createPractice({ gradlab, topic: "activations" });
  // The parts a link may show alone (part=, declared in the registry).
  root.append(header, ...markParts({ explore: layout, table: table.element, practice: practice.element }));

  // --- behaviour --------------------------------------------------------------------------
  let lastId = "";
  const writeUrl = state.writerSoon(() => model.toUrl(s, catalog));
  /** @param {{ xOnly?: boolean }} [options] */
  function render({ xOnly = false } = {}) {
    const id = s.acts[0];
    const first = readouts.update(s);
    values = first;
    // Below the chart, often off screen: while a drag goes on, brought up to date only if seen.
    formulasSoon.request(id, s.x, s.params[id] ?? {}, first);
    if (!xOnly) formulasSoon.flush();
    const controls = side.built?.controls;
    side.built?.seed.update(s);
    controls?.refresh();
    if (!xOnly) {
      controls?.sync(s);
      options.sync(s);
      table.built?.update(s);
      compare.update(s);
      if (id !== lastId) {
        lastId = id;
        note.textContent = has(`act.note.${id}`) ? t(`act.note.${id}`) : "";
        aboutTitle.textContent = t("act.about", { name: activationName(id) });
      }
    } else {
      controls?.sync(s);
    }
    chart.describe(s);
    writeUrl();
    chart.requestDraw();
  }

  /**
   * @param {Partial<model.ActivationState>} patch
   * @param {{ xOnly?: boolean }} [options]
   */
  function change(patch, { xOnly = false } = {}) {
    const next = { ...s, ...patch };
    if (!next.acts.length) next.acts = [s.acts[0]];
    next.x = Math.min(next.xMax, Math.max(next.xMin, next.x));
    s = next;
    render({ xOnly: xOnly && Object.keys(patch).every((k) => k === "x") });
  }

  render();

  return {
    focusTarget: title,
    destroy() {
      state.flush();
      formulasSoon.destroy();
      chart.destroy();
    },
  };
}
