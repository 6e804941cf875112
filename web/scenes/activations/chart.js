// @ts-check
// The scene's chart: gradlab.plotActivation (gradlab.plotActivationAt when only x moved) on a
// canvas sized for devicePixelRatio (redrawn on resize by components/chart.js), in the page's
// theme. Pointer input on the chart: pressing or dragging moves x (touch too: the canvas pans
// vertically only), pressing a diamond (one of the article's points) jumps to it. Pixel → x uses
// the geometry the core's chart returned.
import { t } from "../../i18n.js";
import { currentTheme } from "../../theme.js";
import { formatNumber } from "../../format.js";
import { createChart } from "../../components/chart.js";
import { markChanges } from "../../components/param-controls.js";
import { isLocked } from "../../components/lock.js";
import { legendName, activationName } from "./text.js";
import { X_STEP, spec, shownIds, comparing } from "./model.js";

/** Where a pointer may be to hit a marked point, in CSS px. */
const HIT = 12;

/** @param {import("./model.js").ActivationsContext} ctx */
export function createActivationChart(ctx) {
  const { gradlab } = ctx;
  /** @type {import("../../pkg/gradlab.js").ActivationChartGeometry | null} */
  let geometry = null;
  /** The options (but x) of the chart last drawn on the canvas, as JSON. */
  let drawnKey = "";

  const chart = createChart({
    id: "act-chart",
    warm: gradlab.plotActivation,
    draw: ({ canvas, dpr, width, height, warmUp }) => {
      if (typeof gradlab.plotActivation !== "function") return { unavailable: t("chart.unavailable") };
      const s = ctx.state;
      const ids = shownIds(s);
      const options = {
        activations: ids.map((id) => spec(s, id)),
        names: ids.map((id) => legendName(id, s.params)),
        xMin: s.xMin,
        xMax: s.xMax,
        x: s.x,
        epsilon: s.eps,
        showDerivative: s.showDerivative,
        power: s.n >= 2 ? s.n : null,
        reference: comparing(s) ? "gelu" : null,
        points: ctx.pointsOf(s.acts[0]),
        dark: currentTheme() === "dark",
        labels: {
          f: t("act.chart.f"),
          fprime: t("act.chart.fprime"),
          saturated: t("act.chart.saturated", { eps: formatNumber(s.eps) }),
          dead: t("act.chart.dead"),
          power: t("act.chart.power", { n: s.n }),
          difference: t("act.chart.difference"),
          saturatedShort: t("act.chart.saturatedShort"),
          deadShort: t("act.chart.deadShort"),
        },
        dpr,
        width,
        height,
      };
      // When only x moved since the last drawing, the core paints its last chart again with the
      // marker at the new x, without reading every option again (its geometry is unchanged).
      const key = JSON.stringify({ ...options, x: undefined });
      if (!warmUp && key === drawnKey && typeof gradlab.plotActivationAt === "function" && gradlab.plotActivationAt(canvas, s.x)) return null;
      drawnKey = "";
      const drawn = gradlab.plotActivation(canvas, options);
      if (warmUp) return null;
      drawnKey = key;
      geometry = drawn;
      // For tests and course authors' scripts: where the panels are (CSS px, data ranges).
      const text = JSON.stringify(geometry);
      if (canvas.dataset.geometry !== text) canvas.dataset.geometry = text;
      return null;
    },
  });
  chart.element.classList.add("act-chart");
  const canvas = chart.canvas;

  /**
   * The x under a pointer at CSS (px, py) of the canvas, or null outside the panels.
   * @param {number} px
   * @param {number} py
   * @param {{ anyHeight?: boolean }} [options]
   */
  function xAt(px, py, { anyHeight = false } = {}) {
    if (!geometry) return null;
    const panel = geometry.panels.find(
      (p) => px >= p.left - 4 && px <= p.left + p.width + 4 && (anyHeight || (py >= p.top && py <= p.top + p.height))
    );
    if (!panel) return null;
    const ratio = Math.min(1, Math.max(0, (px - panel.left) / panel.width));
    const x = panel.xMin + ratio * (panel.xMax - panel.xMin);
    return Math.min(panel.xMax, Math.max(panel.xMin, Number((Math.round(x / X_STEP) * X_STEP).toFixed(2))));
  }

  /**
   * @param {number} px
   * @param {number} py
   */
  function pointAt(px, py) {
    return geometry?.points.find((p) => Math.hypot(p.left - px, p.top - py) <= HIT) ?? null;
  }

  /** @type {number | null} */
  let dragging = null;
  // Dragging sets x: a link's lock=x switches that off (components/lock.js).
  markChanges(canvas, "x");
  canvas.addEventListener("pointerdown", (event) => {
    if (event.button !== 0 || isLocked(canvas)) return;
    const hit = pointAt(event.offsetX, event.offsetY);
    if (hit) {
      ctx.jumpTo(ctx.state.acts[0], hit.x);
      return;
    }
    const x = xAt(event.offsetX, event.offsetY);
    if (x === null) return;
    dragging = event.pointerId;
    canvas.setPointerCapture(event.pointerId);
    ctx.change({ x }, { xOnly: true });
  });
  canvas.addEventListener("pointermove", (event) => {
    if (dragging === event.pointerId) {
      const x = xAt(event.offsetX, event.offsetY, { anyHeight: true });
      if (x !== null && x !== ctx.state.x) ctx.change({ x }, { xOnly: true });
    } else if (!isLocked(canvas)) {
      const over = pointAt(event.offsetX, event.offsetY) ? "point" : xAt(event.offsetX, event.offsetY) !== null ? "x" : "";
      if (canvas.dataset.hover !== over) canvas.dataset.hover = over;
    }
  });
  /** @param {PointerEvent} event */
  const stop = (event) => {
    if (dragging === event.pointerId) dragging = null;
  };
  canvas.addEventListener("pointerup", stop);
  canvas.addEventListener("pointercancel", stop);

  /**
   * Updates the chart's accessible name and caption for state `s`.
   * @param {import("./model.js").ActivationState} s
   */
  function describe(s) {
    const ids = shownIds(s);
    const params = {
      name: ids.map(activationName).join(", "),
      min: formatNumber(s.xMin),
      max: formatNumber(s.xMax),
      x: formatNumber(s.x),
      eps: formatNumber(s.eps),
    };
    chart.setText({
      label: t("act.chart.label", params),
      caption: t(s.showDerivative ? "act.chart.caption" : "act.chart.captionNoDerivative", params),
    });
    chart.element.classList.toggle("has-difference", comparing(s));
    chart.element.classList.toggle("no-derivative", !s.showDerivative);
  }

  return {
    element: chart.element,
    canvas,
    describe,
    requestDraw: chart.requestDraw,
    drawNow: chart.drawNow,
    get geometry() {
      return geometry;
    },
    destroy: chart.destroy,
  };
}
