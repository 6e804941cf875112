// @ts-check
// Updates of a view that follows a slider at every step but may be off screen (the activations
// scene's formulas, below the chart): made at once while the view is on screen or near it; while
// it is not, only the last one is kept and made once the steps pause (a trailing delay, then an
// idle period), when the view comes near the screen, or before printing. Each update of an unseen
// view would cost its script and then its layout in the slider's frame, at every step of a drag.
// Its own module: only the activations scene loads it.
import { whenSettled } from "./idle.js";

/** How long the steps must pause before an unseen view is brought up to date (ms). */
const PAUSE_MS = 250;
/** The longest the update then waits for an idle period (ms). */
const IDLE_TIMEOUT_MS = 500;

/**
 * @template {unknown[]} A
 * @param {Element} element the view (watched for coming near the screen)
 * @param {(...args: A) => void} update brings the view up to date
 * @param {{ margin?: string }} [options] how near the screen counts as seen (IntersectionObserver's rootMargin)
 * @returns {{ request: (...args: A) => void, flush: () => void, destroy: () => void }}
 */
export function updateWhenSeen(element, update, { margin = "300px" } = {}) {
  // Until the first observation the view counts as seen: the first update is made at once.
  let near = true;
  /** @type {A | null} */
  let pending = null;
  const flush = () => {
    settled.cancel();
    if (!pending) return;
    const args = pending;
    pending = null;
    update(...args);
  };
  const settled = whenSettled(flush, IDLE_TIMEOUT_MS);
  const sight = new IntersectionObserver(
    ([entry]) => {
      near = entry.isIntersecting;
      if (near) flush();
    },
    { rootMargin: margin }
  );
  sight.observe(element);
  window.addEventListener("beforeprint", flush);
  return {
    request(...args) {
      if (near) {
        pending = null;
        settled.cancel();
        update(...args);
        return;
      }
      pending = args;
      settled.at(performance.now() + PAUSE_MS);
    },
    flush,
    destroy() {
      settled.cancel();
      sight.disconnect();
      window.removeEventListener("beforeprint", flush);
    },
  };
}
