// @ts-check
// A box that keeps the height of the tallest content it has shown, so that what sits below it
// does not jump up and down as its content changes (the step player's cards: "Next" must stay
// under the pointer, and an embedding page must not resize its iframe at every step). The
// height is forgotten when the content's kind changes (`reset`) and when the box's width
// changes (the cards reflow).
//
// Nothing here reads the layout: every height and width comes from the size observer's reports,
// which the browser makes after its layout. A read in a frame callback (getBoundingClientRect,
// clientWidth) forced the page's whole layout whenever an earlier callback of that frame had
// changed the DOM — at a scene's start, with several players, 100 ms of the zero-init scene's
// main thread at 4× CPU.

/** @param {HTMLElement} box */
export function keepTallest(box) {
  let tallest = 0;
  let width = -1; // the border-box width of the last report (-1: none yet)
  // A floor is wanted at the next report: the content changed with none kept (a new box, after a
  // reset), or the width changed while the box stood at its floor.
  let pending = false;
  let holdFrame = 0;
  let widthFrame = 0;
  const reset = () => {
    tallest = 0;
    if (holdFrame) cancelAnimationFrame(holdFrame);
    holdFrame = 0;
    box.style.minHeight = "";
  };
  /**
   * A new floor, written in the next frame: a min-height set inside the observer's callback can
   * show or hide the page's scroll bar, change the width again within the same delivery, and end
   * in the browser's "ResizeObserver loop" error. A floor written a frame late changes nothing
   * on screen (the box is already that tall).
   * @param {number} height
   */
  const hold = (height) => {
    tallest = height;
    if (!holdFrame) {
      holdFrame = requestAnimationFrame(() => {
        holdFrame = 0;
        if (tallest > 0) box.style.minHeight = `${tallest}px`;
      });
    }
  };
  const observer = new ResizeObserver(([entry]) => {
    const size = entry.borderBoxSize?.[0];
    // Rounded up: a floor a fraction of a pixel below the tallest card let a later, slightly
    // shorter one shrink the page by that fraction (an embedding page then got a height 1 px lower).
    const height = Math.ceil(size ? size.blockSize : entry.contentRect.height);
    const inline = size ? size.inlineSize : entry.contentRect.width;
    if (width >= 0 && inline !== width) {
      width = inline;
      // The cards reflow: the floor of the old width is dropped (next frame, as above). If the box
      // stood at that floor, its content's own height is known only from the report that follows.
      const atFloor = tallest > 0 && height <= tallest;
      if (!widthFrame) {
        widthFrame = requestAnimationFrame(() => {
          widthFrame = 0;
          reset();
          if (atFloor) pending = true;
          else if (height > 0) hold(height);
        });
      }
      return;
    }
    width = inline;
    // Grown past the floor, or the first floor wanted: the reported height is the floor.
    if ((pending || tallest > 0) && height > tallest) {
      pending = false;
      hold(height);
    }
  });
  observer.observe(box);
  /**
   * Call after the content changed: the box grows to it and does not shrink back. The size
   * observer reports the new height after the layout; with no floor kept yet, that report sets it.
   */
  function measure() {
    if (tallest === 0) pending = true;
  }
  const destroy = () => {
    observer.disconnect();
    if (widthFrame) cancelAnimationFrame(widthFrame);
    if (holdFrame) cancelAnimationFrame(holdFrame);
  };
  return { measure, reset, destroy };
}
