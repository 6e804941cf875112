// @ts-check
// A box that keeps the height of the tallest content it has shown, so that what sits below it
// does not jump up and down as its content changes (the step player's cards: "Next" must stay
// under the pointer, and an embedding page must not resize its iframe at every step). The
// height is forgotten when the content's kind changes (`reset`) and when the box's width
// changes (the cards reflow).

/** @param {HTMLElement} box */
export function keepTallest(box) {
  let tallest = 0;
  let width = 0; // as the size observer first reports it
  let holdFrame = 0;
  const reset = () => {
    tallest = 0;
    if (holdFrame) cancelAnimationFrame(holdFrame);
    holdFrame = 0;
    box.style.minHeight = "";
  };
  /** A new floor, written in the next frame (not inside the observer's callback: see below). */
  const hold = (height) => {
    tallest = height;
    if (!holdFrame) {
      holdFrame = requestAnimationFrame(() => {
        holdFrame = 0;
        if (tallest > 0) box.style.minHeight = `${tallest}px`;
      });
    }
  };
  let frame = 0;
  // Re-measured in the next frame, not inside the observer's callback: a new min-height there
  // can show or hide the page's scroll bar, change the width again within the same delivery,
  // and end in the browser's "ResizeObserver loop" error.
  const observer = new ResizeObserver(([entry]) => {
    // Grown past the floor: the new height is the floor (read from the report, after layout).
    const reported = entry.borderBoxSize?.[0]?.blockSize;
    if (tallest > 0 && reported !== undefined && Math.ceil(reported) > tallest) hold(Math.ceil(reported));
    // A first measure waits for this report (the page has been laid out), then for the next
    // frame: a min-height set in here could change the layout within the same delivery.
    if (pending && !firstFrame) {
      firstFrame = requestAnimationFrame(() => {
        firstFrame = 0;
        pending = false;
        measureNow();
      });
    }
    if (box.clientWidth === width || frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      width = box.clientWidth;
      reset();
      measureNow();
    });
  });
  observer.observe(box);
  let pending = false;
  let firstFrame = 0;
  /**
   * Call after the content changed: the box grows to it and does not shrink back. Nothing is read
   * here — a height read right after a change forces the page's layout (the whole first layout in
   * a scene's start: 57 ms of the dying-ReLU scene's on a loaded machine; 1.7 ms a frame while the
   * vanishing scene animates its cards). The size observer reports growth after the layout; the
   * first floor (nothing kept yet: a new box, or after a reset) is measured a frame after its
   * next report. A floor written a frame late changes nothing on screen.
   */
  function measure() {
    if (tallest === 0) pending = true;
  }
  function measureNow() {
    // The exact height rounded up: offsetHeight rounds to the nearest pixel, and a min-height a
    // fraction below the tallest card let a later, slightly shorter one shrink the page by that
    // fraction (an embedding page then got a height 1 px lower).
    const height = Math.ceil(box.getBoundingClientRect().height);
    if (height <= tallest) return;
    tallest = height;
    box.style.minHeight = `${height}px`;
  }
  const destroy = () => {
    observer.disconnect();
    if (frame) cancelAnimationFrame(frame);
    if (firstFrame) cancelAnimationFrame(firstFrame);
    if (holdFrame) cancelAnimationFrame(holdFrame);
  };
  return { measure, reset, destroy };
}
