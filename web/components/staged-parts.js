// @ts-check
// A scene's first frame shows its header and its first part; each further part joins in a frame
// of its own (class `part-later`: display none until then). The first style, layout and paint of
// a whole scene on a phone is one main-thread task of 150–200 ms at 4× CPU, and a task over 50 ms
// delays the student's first input; laid out a part at a time, the start is several shorter
// tasks. The app marks the page ready only once every part is in (`await stageParts(…)`), so
// nothing that waits for a ready page reads a part still to come. A link showing one part
// (`part=`) has nothing to stage. Inside a part, a scene may mark blocks that join a frame after
// the rest of it (`stageLater`: below the part's first screen on a phone, or a side column), when
// one part alone is too much for a frame; a scene without parts (the lab) may mark blocks too.
//
//   main.append(chart, stageLater(formulas));
//   await stageParts(container);
import { afterFrame } from "./idle.js";

/** A part marked by the scene (scene-part.js) that is not inside another part. */
const topParts = (/** @type {HTMLElement} */ container) =>
  [...container.querySelectorAll("[data-part]")].filter((part) => !part.parentElement?.closest("[data-part]"));

/** The attribute `stageLater` sets. */
const LATER = "data-stage-later";

/**
 * Marks `block` (inside a part) to join a frame after the rest of its part. Returns it.
 * @template {Element} T
 * @param {T} block
 * @returns {T}
 */
export function stageLater(block) {
  block.setAttribute(LATER, "");
  return block;
}

/**
 * Holds back every part of the scene in `container` after the first, and every block marked with
 * `stageLater` (inside a part or, in a scene without parts, anywhere), and shows them one a frame
 * in the page's order (a part, then its marked blocks); resolves when all are shown (at once if
 * the container leaves the page meanwhile).
 * @param {HTMLElement} container
 * @returns {Promise<void>}
 */
export function stageParts(container) {
  if (container.classList.contains("shows-part")) return Promise.resolve();
  const [first] = topParts(container);
  // In the page's order: every top part but the first, and every marked block (in a part or not).
  const later = [...container.querySelectorAll(`[data-part], [${LATER}]`)].filter(
    (block) => block.hasAttribute(LATER) || (block !== first && !block.parentElement?.closest("[data-part]"))
  );
  if (later.length === 0) return Promise.resolve();
  for (const part of later) part.classList.add("part-later");
  return new Promise((resolve) => {
    const showNext = () => {
      const part = later.shift();
      part?.classList.remove("part-later");
      if (later.length > 0 && container.isConnected) return afterFrame(showNext);
      for (const rest of later.splice(0)) rest.classList.remove("part-later");
      resolve();
    };
    afterFrame(showNext);
  });
}
