// @ts-check
// A box that may scroll sideways on a narrow screen (a wide formula, a matrix, a diagram) must
// be reachable by keyboard, or a keyboard user cannot see the rest of it (WCAG 2.1.1; axe's
// "scrollable-region-focusable"). `scrollFocus(box, label)` makes it a focusable, labelled
// region exactly while it overflows — and takes that back when it fits again, so a wide screen
// gets no extra stops in the tab order. One ResizeObserver watches every such box; a box that
// leaves the page is let go. A box in a part that was off screen (not laid out) is measured again
// when the part is shown (dom.js whenShown).

import { whenShown } from "./dom.js";

const labels = new WeakMap();
/** Boxes that keep their own role (a list stays a list: its items need it). */
const ownRole = new WeakSet();
let observer = null;

/** @param {HTMLElement} box */
function sync(box) {
  const scrolls = box.scrollWidth > box.clientWidth + 1;
  if (scrolls && !box.hasAttribute("tabindex")) {
    box.tabIndex = 0;
    if (!ownRole.has(box)) {
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", labels.get(box) ?? "");
    }
    box.dataset.scrollFocus = "";
  } else if (!scrolls && box.dataset.scrollFocus !== undefined) {
    box.removeAttribute("tabindex");
    if (!ownRole.has(box)) {
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
    }
    delete box.dataset.scrollFocus;
  }
}

/**
 * @param {HTMLElement} box @param {string} label what the region holds (said when it is focused)
 * @param {{ keepRole?: boolean }} [options] keepRole: only made focusable (it keeps its role and
 *   its own label)
 */
export function scrollFocus(box, label, { keepRole = false } = {}) {
  labels.set(box, label);
  if (keepRole) ownRole.add(box);
  observer ??= new ResizeObserver((entries) => {
    for (const { target } of entries) {
      if (!target.isConnected) observer?.unobserve(target);
      else sync(/** @type {HTMLElement} */ (target));
    }
  });
  observer.observe(box);
  box.dataset.scrollWatch = "";
}

// A box measured while its part was skipped (off screen) is measured again once it is shown.
whenShown("[data-scroll-watch]", sync);
