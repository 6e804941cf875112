// @ts-check
// The embedded page's content height, watched for the parent page (see web/embed.js). Nothing is
// reported before `start()` — the scene (or the message that replaces it) is on screen, not the
// loading shell. Then the height is reported once it has stayed put for SETTLE_MS (at the latest
// FIRST_REPORT_MS after the start: a page that keeps moving still gets a height), and afterwards
// whenever it has changed and stayed put for SETTLE_MS: a burst of layout changes (a chart's
// first draw, a step of the player, the step player's stage settling to its width) makes one
// report, not a too-early one and a correction. A height equal to the last one reported is never
// reported again.
//
//   const watch = watchContentHeight((height) => post(height));
//   watch.start();   // the scene is drawn
//   watch.check();   // something outside may have changed the height (e.g. the host resized)

export const SETTLE_MS = 200;
/** The first height goes out by this long after the start, settled or not. */
export const FIRST_REPORT_MS = 1000;

/** The height of the page's content in whole CSS pixels (what an iframe needs to show it all). */
export function contentHeight() {
  return Math.ceil(document.body.getBoundingClientRect().height);
}

/**
 * Watches document.body and calls `report(height)` with each new content height once started.
 * @param {(height: number) => void} report
 * @returns {{ start: () => void, check: () => void }}
 */
export function watchContentHeight(report) {
  let last = -1;
  let timer = 0;
  let started = false;
  const reportIfChanged = () => {
    timer = 0;
    const height = contentHeight();
    if (height === last) return;
    last = height;
    report(height);
  };
  const check = () => {
    if (!started) return;
    clearTimeout(timer);
    timer = window.setTimeout(reportIfChanged, SETTLE_MS);
  };
  new ResizeObserver(check).observe(document.body);
  return {
    start() {
      started = true;
      check();
      window.setTimeout(() => {
        if (last === -1) reportIfChanged();
      }, FIRST_REPORT_MS);
    },
    check,
  };
}
