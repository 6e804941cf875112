// @ts-check
// The decision boundary of a lab network over two input features: the core computes the class
// probabilities on a grid in one call (`trainer.decisionGrid`), the page paints them as an image
// (each cell in the colour of its most probable class, paler where the network is less sure)
// with the training points on top, in the class colours of the page's theme (lab.css
// --class-0 … --class-7). For data with more features the others are held at 0 (the mean of
// standardised data).
import { t } from "../../i18n.js";
import { currentTheme, themeColour } from "../../theme.js";
import { formatNumber } from "../../format.js";
import { createChart } from "../../components/chart.js";

/** Grid cells along each axis (the core's grid, one forward pass): 100 × 100 at rest, 40 × 40
 * while training plays (a sixth of the cost, every frame; 50 × 50 cost 0.6 ms a frame more on
 * the bench's 2-8×6-2 tanh network). */
export const GRID = 100;
export const GRID_PLAYING = 40;
const MARGIN = { left: 44, right: 10, top: 10, bottom: 36 };
const POINT_RADIUS = 3.2;

/** The class colours of the current theme, as [r, g, b]. */
function classColours() {
  return Array.from({ length: 8 }, (_, k) => {
    const hex = themeColour(`--class-${k}`) || "#888888";
    const n = Number.parseInt(hex.slice(1), 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  });
}

/** The padded range of one feature over the points. @param {number[][]} inputs @param {number} f */
export function featureRange(inputs, f) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const row of inputs) {
    lo = Math.min(lo, row[f]);
    hi = Math.max(hi, row[f]);
  }
  if (!(hi > lo)) return [lo - 1, hi + 1];
  const pad = (hi - lo) * 0.08;
  return [lo - pad, hi + pad];
}

export function createBoundary() {
  /** @type {{ grid: () => any, x: number[], y: number[], points: number[][], labels: number[], names: [string, string] } | null} */
  let view = null;
  /** The points-and-axes layer of the last paint, and what it was drawn for. */
  const cache = newCache();
  // Lazy: the grid is asked of the core only when the chart is on screen and drawn.
  const chart = createChart({
    id: "lab-boundary",
    label: t("lab.boundary.label"),
    caption: t("lab.boundary.caption"),
    lazy: true,
    draw: ({ canvas, dpr, width, height }) => {
      const grid = view?.grid();
      if (!view || !grid) return { unavailable: t("lab.boundary.none") };
      paintBoundary(canvas, dpr, width, height, { ...view, grid }, cache);
      return null;
    },
  });

  return {
    element: chart.element,
    /**
     * Shows the core's grid over x × y — `grid()` asks for it (`decisionGrid`'s result, or null)
     * — with the points (their two plotted features and class); null: the message that there is
     * nothing to draw.
     */
    show(next) {
      view = next;
      chart.requestDraw();
    },
    /** Paints now (if on screen): in the frame that trained, not the next. */
    paintNow: chart.drawNow,
    destroy: chart.destroy,
  };
}

/**
 * The boundary at the current weights: the grid's cells, then the points and axes (which do not
 * change while training plays: drawn once into a layer kept by `cache` until the view, the size
 * or the theme changes).
 */
export function paintBoundary(canvas, dpr, width, height, view, cache) {
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("canvas: no 2D context");
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = themeColour("--surface");
  ctx.fillRect(0, 0, width, height);
  const colours = classColours();
  const { w, h } = plotSize(width, height);
  paintCells(ctx, view.grid, colours, w, h, cache);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(cachedLayer(dpr, width, height, view, cache, colours), 0, 0);
}

/** The plot's width and height inside the margins (CSS px). */
const plotSize = (width, height) => ({ w: Math.max(10, width - MARGIN.left - MARGIN.right), h: Math.max(10, height - MARGIN.top - MARGIN.bottom) });

/**
 * The points-and-axes layer of `view` (all but the grid) at this size and theme: the one `cache`
 * keeps, drawn again only if what it was drawn for changed. The lab's rehearsal draws it in an
 * idle piece of its own (warm-up.js): the first drawing, cold, was 8–55 ms at 4× CPU.
 */
export function cachedLayer(dpr, width, height, view, cache, colours = classColours()) {
  const key = `${width}x${height}@${dpr} ${currentTheme()} ${view.x} ${view.y} ${view.names}`;
  if (!cache.layer || cache.key !== key || cache.points !== view.points || cache.labels !== view.labels) {
    const { w, h } = plotSize(width, height);
    cache.layer = pointsAndAxes(dpr, width, height, view, colours, w, h);
    Object.assign(cache, { key, points: view.points, labels: view.labels });
  }
  return cache.layer;
}

/**
 * What a boundary keeps between paints: the points-and-axes layer and what it was drawn for, and
 * the grid-sized image and canvas the cells are painted through (reused: painted every frame).
 */
export function newCache() {
  return { layer: null, key: "", points: null, labels: null, image: /** @type {ImageData | null} */ (null), cells: /** @type {HTMLCanvasElement | null} */ (null) };
}

/**
 * The grid: each cell in the colour of its most probable class, paler where less sure. Painted
 * every frame while training plays, and cold (not yet compiled by V8) at the lab's start: one 32-bit
 * write a cell (RGBA in memory order, little-endian as every browser's typed arrays are), no
 * allocation and no call but Math's in the loop — the same bytes as a channel at a time.
 */
function paintCells(ctx, grid, colours, w, h, cache) {
  const background = 255;
  // Row 0 is the top (y max), as the core returns it.
  if (cache.image?.width !== grid.nx || cache.image.height !== grid.ny) {
    cache.image = new ImageData(grid.nx, grid.ny);
    cache.cells = document.createElement("canvas");
    cache.cells.width = grid.nx;
    cache.cells.height = grid.ny;
  }
  const { image, cells } = cache;
  const pixels = new Uint32Array(image.data.buffer, image.data.byteOffset, grid.nx * grid.ny);
  const { probs, classes } = grid;
  const count = colours.length;
  for (let cell = 0; cell < pixels.length; cell++) {
    let best = 0;
    let p = -1;
    for (let c = 0, at = cell * classes; c < classes; c++, at++) {
      const v = probs[at];
      if (v > p) {
        p = v;
        best = c;
      }
    }
    const share = 0.15 + 0.45 * Math.max(0, Math.min(1, p));
    const colour = colours[best % count];
    const keep = background * (1 - share);
    pixels[cell] = (Math.round(keep + colour[0] * share) | (Math.round(keep + colour[1] * share) << 8) | (Math.round(keep + colour[2] * share) << 16) | 0xff000000) >>> 0;
  }
  cells.getContext("2d")?.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(cells, MARGIN.left, MARGIN.top, w, h);
}

/** A transparent layer (device pixels) with the points, one path per class, and the axes. */
function pointsAndAxes(dpr, width, height, { x, y, points, labels, names }, colours, w, h) {
  const layer = document.createElement("canvas");
  layer.width = Math.round(width * dpr);
  layer.height = Math.round(height * dpr);
  const ctx = layer.getContext("2d");
  if (!ctx) throw new Error("canvas: no 2D context");
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const px = (v) => MARGIN.left + ((v - x[0]) / (x[1] - x[0])) * w;
  const py = (v) => MARGIN.top + ((y[1] - v) / (y[1] - y[0])) * h;
  ctx.lineWidth = 1;
  ctx.strokeStyle = themeColour("--text");
  const classes = new Map();
  points.forEach((point, n) => {
    const k = labels[n] % colours.length;
    if (!classes.has(k)) classes.set(k, new Path2D());
    const path = classes.get(k);
    const [cx, cy] = [px(point[0]), py(point[1])];
    path.moveTo(cx + POINT_RADIUS, cy);
    path.arc(cx, cy, POINT_RADIUS, 0, 2 * Math.PI);
  });
  for (const [k, path] of classes) {
    const [r, g, b] = colours[k];
    ctx.fillStyle = `rgb(${r},${g},${b})`;
    ctx.fill(path);
    ctx.stroke(path);
  }

  // Axes: the ends of each range and the feature names.
  ctx.fillStyle = themeColour("--muted");
  ctx.font = "12px system-ui, sans-serif";
  ctx.textAlign = "left";
  ctx.fillText(formatNumber(x[0], 3), MARGIN.left, MARGIN.top + h + 14);
  ctx.textAlign = "right";
  ctx.fillText(formatNumber(x[1], 3), MARGIN.left + w, MARGIN.top + h + 14);
  ctx.textAlign = "center";
  ctx.fillText(names[0], MARGIN.left + w / 2, MARGIN.top + h + 30);
  ctx.textAlign = "right";
  ctx.fillText(formatNumber(y[1], 3), MARGIN.left - 4, MARGIN.top + 10);
  ctx.fillText(formatNumber(y[0], 3), MARGIN.left - 4, MARGIN.top + h);
  ctx.save();
  ctx.translate(12, MARGIN.top + h / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = "center";
  ctx.fillText(names[1], 0, 0);
  ctx.restore();
  return layer;
}
