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
  const reset = () => {
    tallest = 0;
    box.style.minHeight = "";
  };
  let frame = 0;
  // Re-measured in the next frame, not inside the observer's callback: a new min-height there
  // can show or hide the page's scroll bar, change the width again within the same delivery,
  // and end in the browser's "ResizeObserver loop" error.
  const observer = new ResizeObserver(() => {
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
   * Call after the content changed: the box grows to it and does not shrink back. The first
   * measure (nothing kept yet: a new box, or after a reset) is taken a frame after the size
   * observer next reports, once the page has been laid out: read at once, the height would force
   * the whole page's first layout in the middle of a scene's start (57 ms of the dying-ReLU
   * scene's, on a loaded machine). A floor measured a frame late changes nothing on screen.
   */
  function measure() {
    if (tallest > 0) measureNow();
    else pending = true;
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
  };
  return { measure, reset, destroy };
}
