// @ts-check
// When a canvas component paints: at most once per animation frame, again when its box changes
// size (or the device pixel ratio changes) and when the page's theme changes, never after it is
// destroyed — and, for a lazy one, only while it is on screen. It tells `paint` the box's size
// as the size watcher last measured it: reading clientWidth in every paint would make each
// canvas of a frame recompute the page's style and layout after the DOM changes before it.
// Shared by the chart host (chart.js) and the heat map.
import { onThemeChange } from "../theme.js";
import { watchSize } from "./dom.js";

/**
 * The animation frame (its callbacks' shared timestamp) in which a canvas of the page painted for
 * the first time. A canvas's first paint is the costly one (the chart's code compiled and run
 * cold, a new canvas buffer made): when a scene part starts, its charts all ask for the same
 * frame, which became one task of 150–200 ms at 4× CPU; at most one first paint a frame spreads
 * them over as many frames. Later paints (a training's animation) are not held back.
 */
let firstPaintFrame = -1;

/**
 * @param {HTMLElement} box the element whose size the canvas follows
 * @param {(size: { width: number, height: number }) => void} paint draws the whole canvas at the
 *   box's CSS size
 * @param {{ lazy?: boolean }} [options] lazy: paint only while the box is on screen (or near it);
 *   a request made while it is off screen is kept and painted when it scrolls into view — for
 *   views that change every frame (the lab's monitors), so a frame pays only for what is seen
 */
export function schedulePaint(box, paint, { lazy = false } = {}) {
  let frame = 0;
  let destroyed = false;
  let visible = !lazy;
  let waiting = false;
  let painted = false;
  /** @type {{ width: number, height: number } | null} the box's size, from the size watcher */
  let size = null;
  const measured = () => size ?? { width: box.clientWidth, height: box.clientHeight };
  /** @param {number} [now] the frame's timestamp (none when painted on demand) */
  const run = (now) => {
    frame = 0;
    if (destroyed) return;
    if (!visible) {
      waiting = true;
      return;
    }
    // Not measured yet (the frame after the box was made): the size watcher reports after this
    // frame's layout and asks again. Reading clientWidth now would force that layout early, in
    // the middle of the scene's start (31 ms of the activations scene's first frame).
    if (!size) return;
    if (!painted && now !== undefined) {
      if (now === firstPaintFrame) {
        frame = requestAnimationFrame(run);
        return;
      }
      firstPaintFrame = now;
    }
    painted = true;
    waiting = false;
    paint(size);
  };
  const requestDraw = () => {
    if (!visible) waiting = true;
    else if (!frame && !destroyed) frame = requestAnimationFrame(run);
  };
  const observer = watchSize(box, (next) => {
    size = next;
    requestDraw();
  });
  const unsubscribe = onThemeChange(requestDraw);
  const sight = lazy
    ? new IntersectionObserver(
        ([entry]) => {
          visible = entry.isIntersecting;
          if (visible && waiting) requestDraw();
        },
        { rootMargin: "200px" }
      )
    : null;
  sight?.observe(box);
  return {
    requestDraw,
    /** Paints now (synchronously), e.g. right after an input event for the lowest latency. */
    drawNow() {
      if (frame) cancelAnimationFrame(frame);
      run();
    },
    /** Paints now even off screen (a PNG of what the canvas should show). */
    paintNow() {
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
      if (destroyed) return;
      painted = true;
      paint(measured());
    },
    destroy() {
      destroyed = true;
      if (frame) cancelAnimationFrame(frame);
      observer.disconnect();
      sight?.disconnect();
      unsubscribe();
    },
  };
}
