// @ts-check
// Per hidden layer, where its pre-activations z fall: the core's histogram of z over the
// training points (`trainer.histograms`) drawn as bars, under the activation's f′ over the same
// range (`gradlab.activationCurve`), so mass where f′ ≈ 0 — saturated or dead units — shows at
// a glance. One small canvas per layer.
import { t } from "../../i18n.js";
import { themeColour } from "../../theme.js";
import { formatNumber } from "../../format.js";
import { el } from "../../components/dom.js";
import { createChart } from "../../components/chart.js";
import { activationName } from "../activations/text.js";

export const BINS = 40;
const M = { left: 34, right: 34, top: 8, bottom: 30 };

/** @param {{ gradlab: import("../../wasm.js").Gradlab }} options */
export function createHistograms({ gradlab }) {
  const element = el("div", "lab-histograms");
  /** @type {ReturnType<typeof createChart>[]} */
  let charts = [];
  /** The core's histograms at the weights last shown, asked for once, when a chart is drawn. */
  let ask = () => /** @type {any[]} */ ([]);
  /** @type {any[] | null} */
  let layers = null;
  const current = () => (layers ??= ask());

  /** @param {number} k */
  function chartFor(k) {
    return createChart({
      id: `lab-hist-${k + 1}`,
      // Named before it is drawn (a lazy chart off screen is not drawn yet).
      label: t("lab.hist.pending", { k: k + 1 }),
      lazy: true,
      draw: ({ canvas, dpr, width, height }) => {
        const layer = current()[k];
        if (!layer) return { unavailable: t("lab.mon.empty") };
        label(k, layer);
        paintHistogram(canvas, dpr, width, height, layer, gradlab);
        return null;
      },
    });
  }

  /** The chart's text for a layer's histogram. */
  function label(k, layer) {
    const name = activationName(typeof layer.activation === "string" ? layer.activation : layer.activation.id);
    charts[k].setText({
      label: t("lab.hist.label", { k: k + 1, name, min: formatNumber(layer.min, 3), max: formatNumber(layer.max, 3) }),
      caption: t("lab.hist.caption", { k: k + 1, name, total: layer.total }),
    });
  }

  return {
    element,
    /**
     * Shows the histograms of `count` hidden layers: `next()` asks the core for them (with each
     * layer's activation) when the first of the charts on screen is drawn.
     * @param {number} count @param {() => any[]} next
     */
    show(count, next) {
      ask = next;
      layers = null;
      if (charts.length !== count) {
        for (const c of charts) c.destroy();
        charts = Array.from({ length: count }, (_, k) => chartFor(k));
        element.replaceChildren(...charts.map((c) => c.element));
      }
      for (const chart of charts) chart.requestDraw();
    },
    /** Paints the ones on screen now: in the frame that trained, not the next. */
    paintNow() {
      for (const chart of charts) chart.drawNow();
    },
    destroy() {
      for (const c of charts) c.destroy();
    },
  };
}

/** One layer's histogram under its f′ (see the module's doc). */
export function paintHistogram(canvas, dpr, width, height, layer, gradlab) {
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("canvas: no 2D context");
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const colour = themeColour;
  ctx.fillStyle = colour("--surface");
  ctx.fillRect(0, 0, width, height);
  const w = Math.max(10, width - M.left - M.right);
  const h = Math.max(10, height - M.top - M.bottom);
  const { counts, edges } = layer;
  const most = Math.max(1, ...counts);
  const [lo, hi] = [edges[0], edges[edges.length - 1]];
  const px = (v) => M.left + ((v - lo) / (hi - lo)) * w;
  ctx.fillStyle = colour("--class-0");
  counts.forEach((count, b) => {
    const x0 = px(edges[b]);
    const bar = (count / most) * h;
    ctx.fillRect(x0, M.top + h - bar, Math.max(1, px(edges[b + 1]) - x0 - 1), bar);
  });
  // f′ over the same range, on its own scale (right axis, 0 to its largest value here).
  const curve = gradlab.activationCurve(layer.activation, lo, hi, 200);
  const top = Math.max(1e-12, ...curve.derivative.map(Math.abs));
  ctx.strokeStyle = colour("--class-1");
  ctx.lineWidth = 2;
  ctx.beginPath();
  curve.x.forEach((x, i) => {
    const y = M.top + h - (curve.derivative[i] / top) * h;
    if (i === 0) ctx.moveTo(px(x), y);
    else ctx.lineTo(px(x), y);
  });
  ctx.stroke();
  ctx.fillStyle = colour("--muted");
  ctx.font = "11px system-ui, sans-serif";
  ctx.textAlign = "center";
  ctx.fillText(formatNumber(lo, 3), M.left, M.top + h + 13);
  ctx.fillText(formatNumber(hi, 3), M.left + w, M.top + h + 13);
  ctx.fillText("z", M.left + w / 2, M.top + h + 26);
  // Right-aligned at the canvas edge: "f′ 0.998" is wider than the right margin.
  ctx.textAlign = "right";
  ctx.fillText(`f′ ${formatNumber(top, 3)}`, width - 3, M.top + 10);
  ctx.textAlign = "right";
  ctx.fillText(String(most), M.left - 3, M.top + 10);
}
