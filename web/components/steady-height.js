// @ts-check
// A box that keeps the height of the tallest content it has shown, so that what sits below it
// does not jump up and down as its content changes (the step player's cards: "Next" must stay
// under the pointer, and an embedding page must not resize its iframe at every step). The
// height is forgotten when the content's kind changes (`reset`) and when the box's width
// changes (the cards reflow).

/** @param {HTMLElement} box */
export function keepTallest(box) {
  let tallest = 0;
  let width = box.clientWidth;
  const reset = () => {
    tallest = 0;
    box.style.minHeight = "";
  };
  let frame = 0;
  // Re-measured in the next frame, not inside the observer's callback: a new min-height there
  // can show or hide the page's scroll bar, change the width again within the same delivery,
  // and end in the browser's "ResizeObserver loop" error.
  const observer = new ResizeObserver(() => {
    if (box.clientWidth === width || frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      width = box.clientWidth;
      reset();
      measure();
    });
  });
  observer.observe(box);
  /** Call after the content changed: the box grows to it and does not shrink back. */
  function measure() {
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
  };
  return { measure, reset, destroy };
}
