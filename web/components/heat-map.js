// @ts-check
// A heat map (rows × steps) on a canvas, coloured on a logarithmic scale (log-color.js): one
// row per layer, one column per training step, a colour bar labelled in decades, axis labels,
// and an accessible text (role="img" label plus a caption the caller writes). Cells are drawn
// into an offscreen image of exactly steps × rows pixels and scaled up without smoothing, so
// thousands of steps cost one drawImage. An exact 0 (no update at all) gets its own colour.
// The figure's data-columns says how many columns the canvas shows (0 before it is painted).
//
//   const h = createHeatMap({ id: "van-heat", label: "…", text: { xLabel, yLabel, legendTitle, zero, empty } });
//   h.update({ columns /* columns[s][r]: the value of row r at step firstStep + s */, firstStep: 1,
//              rowLabels: ["1", "2", …], caption: "…" });
import { logRange, snapRange, decadeTicks, pow10Label, rampRgb, rampTable, RAMP_TABLE_SIZE } from "./log-color.js";
import { currentTheme, themeColour } from "../theme.js";
import { schedulePaint } from "./canvas-painter.js";
import { downloadCanvas } from "./download.js";
import { t } from "../i18n.js";

const M = { left: 64, right: 92, top: 14, bottom: 44 };

function niceStep(span, maxTicks) {
  const raw = span / Math.max(1, maxTicks);
  const p = 10 ** Math.floor(Math.log10(Math.max(raw, 1e-9)));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return Math.max(1, m * p);
  return Math.max(1, 10 * p);
}

/** @param {{ id?: string, label?: string, text: Record<string, string>, lazy?: boolean }} options (lazy: see canvas-painter.js) */
export function createHeatMap({ id, label = "", text, lazy = false }) {
  const element = document.createElement("figure");
  element.className = "heat-map";
  element.dataset.columns = "0"; // none until its first paint (which waits for a size)
  const box = document.createElement("div");
  box.className = "hm-box";
  const canvas = document.createElement("canvas");
  if (id) canvas.id = id;
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", label);
  const caption = document.createElement("figcaption");
  caption.className = "hm-caption";
  box.append(canvas);
  // Saved as drawn, like every chart (chart.js).
  const png = document.createElement("button");
  png.type = "button";
  png.className = "button chart-png";
  png.textContent = t("chart.png");
  png.addEventListener("click", () => {
    painter.paintNow();
    downloadCanvas(canvas, `gradlab-${id || "heat-map"}.png`).catch((error) => console.warn("gradlab: PNG failed", error));
  });
  element.append(box, caption, png);

  let data = { columns: [], firstStep: 1, rowLabels: [] };

  /**
   * Each column's log₁₀|v| per row (NaN for 0 or a value that is not finite) and their smallest
   * and largest, computed once per column array: while training plays, a frame adds a few
   * columns to thousands, and only those need logarithms; a change of the colour range (a new
   * decade) is then arithmetic only.
   */
  const logsOf = new WeakMap();
  /** @param {number[]} column @returns {{ logs: Float64Array, lo: number, hi: number }} */
  function columnLogs(column) {
    let entry = logsOf.get(column);
    if (!entry) {
      const logs = Float64Array.from(column, (v) => {
        const a = Math.abs(v);
        return a > 0 && Number.isFinite(a) ? Math.log10(a) : NaN;
      });
      let [lo, hi] = [Infinity, -Infinity];
      for (const lg of logs) {
        if (lg < lo) lo = lg;
        if (lg > hi) hi = lg;
      }
      entry = { logs, lo, hi };
      logsOf.set(column, entry);
    }
    return entry;
  }

  /**
   * The cells' image, kept between frames: its width grows in steps of CAPACITY columns. `drawn`
   * lists the column arrays whose pixels it holds, in the colours of `key` (range and theme): a
   * frame that adds columns under the same colour range writes only the new ones.
   */
  const cells = { canvas: document.createElement("canvas"), image: /** @type {ImageData | null} */ (null), drawn: /** @type {unknown[]} */ ([]), key: "" };
  const CAPACITY = 512;
  function cellImage(steps, rows) {
    const width = Math.ceil(steps / CAPACITY) * CAPACITY;
    if (!cells.image || cells.image.width !== width || cells.image.height !== rows) {
      cells.canvas.width = width;
      cells.canvas.height = rows;
      cells.image = new ImageData(width, rows);
      cells.drawn = [];
    }
    return cells;
  }

  /** The colour bar (big values at the top), drawn once per theme and height. */
  const bar = { canvas: document.createElement("canvas"), key: "" };
  function colourBar(theme, width, height) {
    const key = `${theme} ${width} ${height}`;
    if (bar.key !== key) {
      bar.canvas.width = width;
      bar.canvas.height = height;
      const image = new ImageData(width, height);
      for (let y = 0; y < height; y++) {
        const [r, g, b] = rampRgb(1 - y / height, theme);
        for (let x = 0; x < width; x++) image.data.set([r, g, b, 255], (y * width + x) * 4);
      }
      bar.canvas.getContext("2d")?.putImageData(image, 0, 0);
      bar.key = key;
    }
    return bar.canvas;
  }

  function colours() {
    const v = themeColour;
    return { text: v("--text"), muted: v("--muted"), border: v("--border"), surface: v("--surface"), zero: v("--surface-2") };
  }

  /** @param {{ width: number, height: number }} size the box's CSS size */
  function paint(size) {
    element.dataset.columns = String(data.columns.length);
    const dpr = window.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(size.width));
    const height = Math.max(1, Math.round(size.height));
    // Resizing a canvas reallocates it: only when its size changed (it is cleared below anyway).
    if (canvas.width !== Math.round(width * dpr)) canvas.width = Math.round(width * dpr);
    if (canvas.height !== Math.round(height * dpr)) canvas.height = Math.round(height * dpr);
    const ctx = canvas.getContext("2d");
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const c = colours();
    const theme = currentTheme();
    ctx.fillStyle = c.surface;
    ctx.fillRect(0, 0, width, height);
    ctx.font = "12px system-ui, sans-serif";
    const plotW = Math.max(10, width - M.left - M.right);
    const plotH = Math.max(10, height - M.top - M.bottom);
    const { columns, firstStep, rowLabels } = data;
    const rows = rowLabels.length;
    const steps = columns.length;

    if (!steps || !rows) {
      ctx.fillStyle = c.muted;
      ctx.textAlign = "center";
      ctx.fillText(text.empty ?? "", width / 2, height / 2);
      element.dataset.drawn = String(Number(element.dataset.drawn || 0) + 1);
      return;
    }

    const logs = columns.map(columnLogs);
    // The colour range (decades) from the smallest and largest |v|, as logRange reads them.
    let [lo, hi] = [Infinity, -Infinity];
    for (const column of logs) {
      if (column.lo < lo) lo = column.lo;
      if (column.hi > hi) hi = column.hi;
    }
    const range = snapRange(hi >= lo ? logRange([10 ** lo, 10 ** hi], { span: 12 }) : null, 7);

    // Cells: one pixel per (step, row), scaled up without smoothing.
    const zero = c.zero.startsWith("#") && c.zero.length === 7 ? [1, 3, 5].map((i) => parseInt(c.zero.slice(i, i + 2), 16)) : [128, 128, 128];
    const { canvas: off, image } = cellImage(steps, rows);
    const key = `${theme} ${c.zero} ${range ? `${range.loExp} ${range.hiExp}` : "none"}`;
    // The first column whose pixels are not in the image yet (all of them after a new range).
    let from = cells.key === key ? Math.min(cells.drawn.length, steps) : 0;
    for (let s = 0; s < from; s++) {
      if (cells.drawn[s] !== columns[s]) {
        from = s;
        break;
      }
    }
    const pixels = image.data;
    const stride = image.width;
    const table = rampTable(theme);
    const top = RAMP_TABLE_SIZE - 1;
    const [loExp, span] = range ? [range.loExp, range.hiExp - range.loExp] : [0, 1];
    for (let s = from; s < steps; s++) {
      const column = logs[s].logs;
      for (let r = 0; r < rows; r++) {
        const lg = column[r];
        const i = (r * stride + s) * 4;
        // The position as log-color.js's position(v, range) gives it, then the ramp table.
        const k = Number.isNaN(lg) || !range ? -1 : Math.round(Math.min(1, Math.max(0, (lg - loExp) / span)) * top) * 3;
        const colour = k < 0 ? zero : table;
        const o = k < 0 ? 0 : k;
        pixels[i] = colour[o];
        pixels[i + 1] = colour[o + 1];
        pixels[i + 2] = colour[o + 2];
        pixels[i + 3] = 255;
      }
    }
    if (from < steps) off.getContext("2d")?.putImageData(image, 0, 0, from, 0, steps - from, rows);
    cells.drawn = columns.slice();
    cells.key = key;
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(off, 0, 0, steps, rows, M.left, M.top, plotW, plotH);
    ctx.strokeStyle = c.border;
    ctx.strokeRect(M.left + 0.5, M.top + 0.5, plotW - 1, plotH - 1);

    // Row labels (layer 1 at the top).
    ctx.fillStyle = c.text;
    ctx.textAlign = "right";
    ctx.textBaseline = "middle";
    const rowH = plotH / rows;
    const every = Math.max(1, Math.ceil(14 / rowH));
    rowLabels.forEach((name, r) => {
      if (r % every !== 0 && r !== rows - 1) return;
      ctx.fillText(name, M.left - 6, M.top + rowH * (r + 0.5));
    });
    // Step ticks.
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    const last = firstStep + steps - 1;
    const step = niceStep(steps, 6);
    const colW = plotW / steps;
    const tickAt = (n) => M.left + colW * (n - firstStep + 0.5);
    const ticks = new Set([firstStep, last]);
    for (let n = Math.ceil(firstStep / step) * step; n <= last; n += step) ticks.add(n);
    for (const n of [...ticks].sort((a, b) => a - b)) {
      if (n !== firstStep && n !== last && (Math.abs(tickAt(n) - tickAt(firstStep)) < 28 || Math.abs(tickAt(last) - tickAt(n)) < 28)) continue;
      const x = tickAt(n);
      ctx.fillRect(Math.round(x), M.top + plotH, 1, 4);
      ctx.fillText(String(n), x, M.top + plotH + 6);
    }
    ctx.fillStyle = c.muted;
    ctx.fillText(text.xLabel, M.left + plotW / 2, M.top + plotH + 24);
    ctx.save();
    ctx.translate(14, M.top + plotH / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textBaseline = "middle";
    ctx.fillText(text.yLabel, 0, 0);
    ctx.restore();

    // Colour bar (big values at the top).
    if (range) {
      const bx = M.left + plotW + 16;
      const bw = 14;
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(colourBar(theme, bw, Math.max(1, Math.round(plotH))), bx, M.top, bw, plotH);
      ctx.strokeStyle = c.border;
      ctx.strokeRect(bx + 0.5, M.top + 0.5, bw - 1, plotH - 1);
      ctx.fillStyle = c.text;
      ctx.textAlign = "left";
      ctx.textBaseline = "middle";
      for (const e of decadeTicks(range, 7)) {
        const y = M.top + plotH * (1 - (e - range.loExp) / (range.hiExp - range.loExp));
        ctx.fillRect(bx + bw, Math.round(y), 4, 1);
        ctx.fillText((e === range.loExp ? "≤" : "") + pow10Label(e), bx + bw + 6, y);
      }
      ctx.fillStyle = c.muted;
      ctx.textBaseline = "top";
      ctx.fillText(text.legendTitle, bx - 4, M.top + plotH + 24);
    }
    element.dataset.drawn = String(Number(element.dataset.drawn || 0) + 1);
  }

  const painter = schedulePaint(box, paint, { lazy });

  return {
    element,
    canvas,
    update(next) {
      data = { firstStep: 1, ...next };
      if (next.label !== undefined && canvas.getAttribute("aria-label") !== next.label) canvas.setAttribute("aria-label", next.label);
      if (next.caption !== undefined && caption.textContent !== next.caption) caption.textContent = next.caption;
      painter.requestDraw();
    },
    requestDraw: painter.requestDraw,
    drawNow: painter.drawNow,
    destroy: painter.destroy,
  };
}
