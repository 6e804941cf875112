// @ts-check
// Per hidden layer, where its pre-activations z fall: the core's histogram of z over the
// training points (`trainer.histograms`) drawn as bars, under the activation's f′ over the same
// range (`gradlab.activationCurve`), so mass where f′ ≈ 0 — saturated or dead units — shows at
// a glance. All the layers' panels share one canvas (small multiples, as many to a row as fit,
// each titled with its layer): one surface to clear, rasterise and hand to the compositor each
// frame while training plays, and one PNG of every layer.
import { t } from "../../i18n.js";
import { themeColour } from "../../theme.js";
import { formatNumber } from "../../format.js";
import { el } from "../../components/dom.js";
import { createChart } from "../../components/chart.js";
import { activationName } from "../activations/text.js";

export const BINS = 40;
/** Samples of f′ over a panel's range: two per bin and both ends (smooth at a panel's width). */
const CURVE_POINTS = 2 * BINS + 1;
/** A panel's margins inside its cell (CSS px): its title above, the z range below. */
const M = { left: 34, right: 34, top: 22, bottom: 30 };
/** Panels are at least this wide (CSS px), 16 : 9 below their title, at least MIN_PLOT tall. */
const MIN_PANEL = 256;
const GAP = 12;
const MIN_PLOT = 100;

/**
 * Where the panels of `count` layers go in a canvas `width` CSS px wide: as many columns as
 * panels of MIN_PANEL fit, and the height the canvas needs for their rows.
 * @param {number} width @param {number} count
 */
export function panelLayout(width, count) {
  const columns = Math.max(1, Math.min(count, Math.floor((width + GAP) / (MIN_PANEL + GAP))));
  const rows = Math.ceil(count / columns);
  const panelWidth = (width - GAP * (columns - 1)) / columns;
  const panelHeight = Math.round(M.top + M.bottom + Math.max(MIN_PLOT, ((panelWidth - M.left - M.right) * 9) / 16));
  return { columns, rows, panelWidth, panelHeight, height: rows * panelHeight + (rows - 1) * GAP };
}

/** @param {{ gradlab: import("../../wasm.js").Gradlab }} options */
export function createHistograms({ gradlab }) {
  const element = el("div", "lab-histograms");
  /** The core's histograms at the weights last shown, asked for once, when the chart is drawn. */
  let ask = () => /** @type {any[]} */ ([]);
  /** @type {any[] | null} */
  let layers = null;
  const current = () => (layers ??= ask());
  const chart = createChart({
    id: "lab-hist",
    // Named before it is drawn (a lazy chart off screen is not drawn yet).
    label: t("lab.hist.pending"),
    lazy: true,
    draw: ({ canvas, dpr, width, height }) => {
      const shown = current();
      if (!shown.length) return { unavailable: t("lab.mon.empty") };
      // The canvas is as tall as its rows of panels: a new height is drawn at once, squeezed,
      // and again at its size when the box has it (the size watcher asks for the drawing).
      const layout = panelLayout(width, shown.length);
      if (Math.abs(layout.height - height) >= 1) box.style.height = `${layout.height}px`;
      const names = shown.map((layer) => activationName(typeof layer.activation === "string" ? layer.activation : layer.activation.id));
      chart.setText({
        label: shown.map((layer, k) => t("lab.hist.label", { k: k + 1, name: names[k], min: formatNumber(layer.min, 3), max: formatNumber(layer.max, 3) })).join(" "),
        caption: shown.every((layer) => layer.total === shown[0].total)
          ? t("lab.hist.captionEach", { total: shown[0].total })
          : shown.map((layer, k) => t("lab.hist.caption", { k: k + 1, name: names[k], total: layer.total })).join(" "),
      });
      paintHistograms(canvas, dpr, width, height, shown, names, gradlab);
      return null;
    },
  });
  const box = /** @type {HTMLElement} */ (chart.element.querySelector(".chart-box"));
  element.append(chart.element);

  return {
    element,
    /**
     * Shows the histograms of the hidden layers: `next()` asks the core for them (with each
     * layer's activation) when the chart is drawn (if it is on screen).
     * @param {() => any[]} next
     */
    show(next) {
      ask = next;
      layers = null;
      chart.requestDraw();
    },
    /** Paints it if on screen now: in the frame that trained, not the next. */
    paintNow() {
      chart.drawNow();
    },
    destroy() {
      chart.destroy();
    },
  };
}

/**
 * Every layer's panel (see the module's doc) in a canvas of `width` × `height` CSS px; `names`
 * are the layers' activations as the page names them.
 */
export function paintHistograms(canvas, dpr, width, height, layers, names, gradlab) {
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("canvas: no 2D context");
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = themeColour("--surface");
  ctx.fillRect(0, 0, width, height);
  const layout = panelLayout(width, layers.length);
  // Squeezed to the canvas while it has not yet the height the layout asks for.
  const cellHeight = Math.min(layout.panelHeight, (height - GAP * (layout.rows - 1)) / layout.rows);
  layers.forEach((layer, k) => {
    const x = (k % layout.columns) * (layout.panelWidth + GAP);
    const y = Math.floor(k / layout.columns) * (cellHeight + GAP);
    paintPanel(ctx, x, y, layout.panelWidth, cellHeight, layer, t("lab.hist.panel", { k: k + 1, name: names[k] }), gradlab);
  });
}

/** One layer's histogram under its f′, in the cell at (x0, y0) of `width` × `height` CSS px. */
function paintPanel(ctx, x0, y0, width, height, layer, title, gradlab) {
  const colour = themeColour;
  const w = Math.max(10, width - M.left - M.right);
  const h = Math.max(10, height - M.top - M.bottom);
  const top = y0 + M.top;
  const left = x0 + M.left;
  const { counts, edges } = layer;
  const most = Math.max(1, ...counts);
  const [lo, hi] = [edges[0], edges[edges.length - 1]];
  const px = (v) => left + ((v - lo) / (hi - lo)) * w;
  ctx.fillStyle = colour("--class-0");
  counts.forEach((count, b) => {
    const bx = px(edges[b]);
    const bar = (count / most) * h;
    ctx.fillRect(bx, top + h - bar, Math.max(1, px(edges[b + 1]) - bx - 1), bar);
  });
  // f′ over the same range, on its own scale (right axis, 0 to its largest value here).
  const curve = gradlab.activationCurve(layer.activation, lo, hi, CURVE_POINTS);
  const peak = Math.max(1e-12, ...curve.derivative.map(Math.abs));
  ctx.strokeStyle = colour("--class-1");
  ctx.lineWidth = 2;
  ctx.beginPath();
  curve.x.forEach((x, i) => {
    const y = top + h - (curve.derivative[i] / peak) * h;
    if (i === 0) ctx.moveTo(px(x), y);
    else ctx.lineTo(px(x), y);
  });
  ctx.stroke();
  ctx.font = "600 12px system-ui, sans-serif";
  ctx.fillStyle = colour("--text");
  ctx.textAlign = "left";
  ctx.fillText(title, x0 + 3, y0 + 13);
  ctx.fillStyle = colour("--muted");
  ctx.font = "11px system-ui, sans-serif";
  ctx.textAlign = "center";
  ctx.fillText(formatNumber(lo, 3), left, top + h + 13);
  ctx.fillText(formatNumber(hi, 3), left + w, top + h + 13);
  ctx.fillText("z", left + w / 2, top + h + 26);
  // Right-aligned at the cell's edge: "f′ 0.998" is wider than the right margin.
  ctx.textAlign = "right";
  ctx.fillText(`f′ ${formatNumber(peak, 3)}`, x0 + width - 3, top + 10);
  ctx.fillText(String(most), left - 3, top + 10);
}
