// @ts-check
// When a canvas component paints: at most once per animation frame, again when its box changes
// size (or the device pixel ratio changes) and when the page's theme changes, never after it is
// destroyed. Shared by the chart host (chart.js) and the heat map.
import { onThemeChange } from "../theme.js";
import { watchSize } from "./dom.js";

/**
 * @param {HTMLElement} box the element whose size the canvas follows
 * @param {() => void} paint draws the whole canvas
 */
export function schedulePaint(box, paint) {
  let frame = 0;
  let destroyed = false;
  const run = () => {
    frame = 0;
    if (!destroyed) paint();
  };
  const requestDraw = () => {
    if (!frame && !destroyed) frame = requestAnimationFrame(run);
  };
  const observer = watchSize(box, requestDraw);
  const unsubscribe = onThemeChange(requestDraw);
  return {
    requestDraw,
    /** Paints now (synchronously), e.g. right after an input event for the lowest latency. */
    drawNow() {
      if (frame) cancelAnimationFrame(frame);
      run();
    },
    destroy() {
      destroyed = true;
      if (frame) cancelAnimationFrame(frame);
      observer.disconnect();
      unsubscribe();
    },
  };
}
