// @ts-check
// Printing one part of the page (the step player's worked solution): the element gets the
// print-target class and <html> data-print, which the print stylesheet
// (styles/components-diagram.css) turns into "print this element only"; `before()` prepares
// it (e.g. every faded step shown with its result) and `after()` puts the page back once the
// print dialog is done.

/** @param {HTMLElement} element @param {{ before?: () => void, after?: () => void }} [hooks] */
export function printPart(element, { before, after } = {}) {
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    window.removeEventListener("afterprint", restore);
    element.classList.remove("print-target");
    delete document.documentElement.dataset.print;
    after?.();
  };
  before?.();
  element.classList.add("print-target");
  document.documentElement.dataset.print = "";
  window.addEventListener("afterprint", restore);
  window.print();
  // Where print() returns before the dialog closes, afterprint restores the page later.
  setTimeout(restore, 0);
}
