// @ts-check
// A chart host: a <figure> with a canvas sized for devicePixelRatio, a caption, a button that
// saves the chart as a PNG file, and a message area used instead of the canvas when the chart
// cannot be drawn (never a blank box).
// Drawing is delegated to `draw({ canvas, dpr, width, height })` (a plotters-canvas function of
// the core) and coalesced to one call per animation frame; the chart redraws when its box is
// resized (ResizeObserver), when the page's theme changes, and whenever `requestDraw()` is called
// (with `lazy`, only while it is on screen: see canvas-painter.js).
// A chart with no size (inside a hidden panel) is not drawn: it draws when it is shown and its
// box gets a size (the resize). A failure is told in the page's language with what to do; the
// core's own words stay under "details" for whoever reports it.
// With `warm` (the core's drawing function the chart calls: `gradlab.plotActivation`, one per
// core the page loaded), the first paint of the page's first chart of that code is preceded, in
// an idle period, by a drawing into a small detached canvas (`draw` is told `warmUp: true`): the
// first call of a chart's code compiles its wasm functions (lazily, one by one), and the first
// text at a font size is shaped slowly: with the first full drawing, one long task; so the
// compiling and the first drawing each get a task.
// Later charts of the same code need none.
import { setText as setCaption } from "./set-text.js";
import { t } from "../i18n.js";
import { isWasmTrap } from "../wasm.js";
import { schedulePaint } from "./canvas-painter.js";
import { downloadCanvas } from "./download.js";
import { whenIdle, cancelIdle } from "./idle.js";

/** The warm-up drawing's size (CSS px): large enough for every part of a chart (ticks, labels, legend) to be drawn. */
const WARM_SIZE = { width: 320, height: 240 };
/** The drawing codes (`warm`) a chart of the page has run: their wasm functions are compiled. */
const warmCode = new Set();

/** @param {{ id?: string, label?: string, caption?: string, lazy?: boolean, warm?: Function, draw: (frame: { canvas: HTMLCanvasElement, dpr: number, width: number, height: number, warmUp?: boolean }) => { unavailable: string } | null }} options */
export function createChart({ id, label, caption, lazy = false, warm, draw }) {
  const element = document.createElement("figure");
  element.className = "chart";
  const box = document.createElement("div");
  box.className = "chart-box";
  const canvas = document.createElement("canvas");
  if (id) canvas.id = id;
  const message = document.createElement("div");
  message.className = "chart-message";
  message.setAttribute("role", "status");
  message.hidden = true;
  const figcaption = document.createElement("figcaption");
  // Save the chart as drawn (device pixels) — for a slide, a worksheet, a forum post.
  const png = document.createElement("button");
  png.type = "button";
  png.className = "button chart-png";
  png.textContent = t("chart.png");
  png.addEventListener("click", () => {
    // Not painted yet (a part just built, its box not measured, or its first paint waiting for
    // a frame of its own): the file would be the blank 300 × 150 canvas the page never showed.
    if (lazy || !warmed || !element.dataset.drawn) {
      warmed = true;
      painter.paintNow();
    }
    downloadCanvas(canvas, `gradlab-${id || "chart"}.png`).catch((error) => showFailure(t("chart.pngFailed"), error));
  });
  box.append(canvas, message);
  element.append(box, figcaption, png);


  // Only what changed: a chart redrawn every frame while training plays would otherwise make
  // the browser recompute the style and layout of its caption every frame. The canvas is an image
  // once it has its label (a part that starts after the first paint labels its charts then).
  function setText({ label: l, caption: c }) {
    if (l !== undefined && canvas.getAttribute("aria-label") !== l) {
      canvas.setAttribute("aria-label", l);
      if (!canvas.hasAttribute("role")) canvas.setAttribute("role", "img");
    }
    if (c !== undefined) setCaption(figcaption, c);
  }
  setText({ label, caption });

  /** @param {string} text @param {Node} [detail] */
  function showMessage(text, detail) {
    message.replaceChildren(text);
    if (detail) message.append(detail);
    message.hidden = false;
    canvas.hidden = true;
    png.hidden = true;
    element.classList.add("chart-unavailable");
  }

  /** What failed, in the page's language, with what to do; the error's own text under "details". */
  function showFailure(text, error) {
    const details = document.createElement("details");
    const summary = document.createElement("summary");
    summary.textContent = t("chart.details");
    const code = document.createElement("code");
    code.textContent = error instanceof Error ? error.message : String(error);
    details.append(summary, code);
    showMessage(text, details);
  }

  function clearMessage() {
    if (message.hidden && !canvas.hidden) return; // nothing to clear (the usual case, every frame)
    message.hidden = true;
    canvas.hidden = false;
    png.hidden = false;
    element.classList.remove("chart-unavailable");
  }

  let warmed = !warm || warmCode.has(warm);
  let warming = 0;
  // From the warm-up to the first paint the chart is marked as a part still starting (as
  // startSoon marks one): aria-busy, its content is still to come; a waiter for a settled scene
  // waits for it.
  let starting = false;
  const settle = () => {
    if (!starting) return;
    starting = false;
    element.removeAttribute("aria-busy");
    element.classList.remove("starting");
  };
  /** The warm-up (see the file's head), then the first paint; a failure is left to that paint to report. */
  function warmUp() {
    if (warming) return;
    starting = true;
    element.setAttribute("aria-busy", "true");
    element.classList.add("starting");
    warming = whenIdle(() => {
      warming = 0;
      warmed = true;
      if (warm && !warmCode.has(warm)) {
        try {
          // At the page's pixel ratio: the core sizes fonts in device pixels, so the text is set
          // at the sizes the first paint uses, and the browser's first text at each size (with
          // ′, ⁻ or ‖: 15–35 ms more at 4× CPU) is done here, not in the first paint.
          const dpr = window.devicePixelRatio || 1;
          const detached = document.createElement("canvas");
          detached.width = Math.round(WARM_SIZE.width * dpr);
          detached.height = Math.round(WARM_SIZE.height * dpr);
          // Nothing drawn (a chart with no data yet): its code is still cold.
          if (!draw({ canvas: detached, dpr, ...WARM_SIZE, warmUp: true })) warmCode.add(warm);
        } catch (error) {
          if (isWasmTrap(error)) throw error;
        }
      }
      painter.requestDraw();
    }, 300);
  }

  /** @param {{ width: number, height: number }} size the box's CSS size */
  function paint(size) {
    if (!warmed) return warmUp();
    settle();
    const dpr = window.devicePixelRatio || 1;
    const width = Math.round(size.width);
    const height = Math.round(size.height);
    // Hidden (display: none here or above): nothing to draw at. Showing it resizes the box,
    // and the size watcher asks for the drawing then.
    if (width < 2 || height < 2) {
      element.dataset.waiting = "size";
      return;
    }
    delete element.dataset.waiting;
    const pixelWidth = Math.round(width * dpr);
    const pixelHeight = Math.round(height * dpr);
    if (canvas.width !== pixelWidth) canvas.width = pixelWidth;
    if (canvas.height !== pixelHeight) canvas.height = pixelHeight;
    // A canvas hidden behind an earlier message has no size to draw at: show it again first.
    if (canvas.hidden) clearMessage();
    try {
      const outcome = draw({ canvas, dpr, width, height });
      if (outcome && outcome.unavailable) {
        showMessage(outcome.unavailable);
        return;
      }
      clearMessage();
      element.dataset.drawn = String(Number(element.dataset.drawn || 0) + 1);
    } catch (error) {
      if (isWasmTrap(error)) throw error; // the app's global handler reports the crash
      console.warn("gradlab: chart drawing failed", error);
      showFailure(t("chart.failed"), error);
    }
  }

  const painter = schedulePaint(box, paint, { lazy });

  return {
    element,
    canvas,
    requestDraw: painter.requestDraw,
    /** Draws now (synchronously), e.g. right after an input event for the lowest latency. */
    drawNow: painter.drawNow,
    setText,
    destroy() {
      if (warming) cancelIdle(warming);
      settle();
      painter.destroy();
    },
  };
}
