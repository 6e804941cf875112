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
// A part further down may even be built at its turn (`buildLater`): the mount's task then builds
// only the parts of the first screen (building the others was half of a lesson's mount, 25–50 ms
// at 4× CPU), and each later part is built in the task of its own frame. So may a block marked
// with `stageLater` (its stand-in is the marked block); not one inside a part itself built later.
//
//   main.append(chart, stageLater(formulas));
//   const network = buildLater(() => createNetwork(…));   // network.element: its stand-in
//   network.whenBuilt((built) => startSoon(built.element, built.start));
//   await stageParts(container);
import { afterFrame } from "./idle.js";

/** Stand-ins of parts still to build → their builder (`buildLater`). */
const pending = new WeakMap();

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
 * A part built at its turn in `stageParts` (or at once if a link shows one part, `buildPending`):
 * `element` stands in for it until then (an empty section, to mark as a part and append), and is
 * replaced by the built part's element, which takes over its `data-part`. `whenBuilt(use)` runs
 * `use` with the part once it is built (at once if it is); `built` is the part, or null before.
 * `className`: the stand-in's, the class of the block it stands for (what a selector names it by).
 * @template {{ element: HTMLElement }} P
 * @param {() => P} build
 * @param {string} [className]
 */
export function buildLater(build, className = "") {
  const element = document.createElement("section");
  element.className = className;
  /** @type {((part: P) => void)[]} */
  const waiting = [];
  const handle = {
    element,
    /** @type {P | null} */
    built: null,
    /** @param {(part: P) => void} use */
    whenBuilt(use) {
      if (handle.built) use(handle.built);
      else waiting.push(use);
    },
  };
  pending.set(element, () => {
    pending.delete(element);
    const part = build();
    const name = element.getAttribute("data-part");
    if (name !== null) part.element.setAttribute("data-part", name);
    element.replaceWith(part.element);
    handle.built = part;
    for (const use of waiting.splice(0)) use(part);
  });
  return handle;
}

/** Builds `element` now if it stands in for a part still to build; true if it did. @param {Element} element */
function buildIfPending(element) {
  const build = pending.get(element);
  build?.();
  return Boolean(build);
}

/**
 * Builds now every part and marked block of `container` still to build (`buildLater`), in the
 * page's order: a link that shows one part (`part=`) has no frames of staging.
 * @param {HTMLElement} container
 */
export function buildPending(container) {
  for (const block of container.querySelectorAll(`[data-part], [${LATER}]`)) buildIfPending(block);
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
  if (container.classList.contains("shows-part")) return Promise.resolve(); // built by showPart
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
      try {
        // A stand-in gives way to its part, built now (a part that fails to build is reported by
        // the page's error handler; the others still come).
        if (part && !buildIfPending(part)) part.classList.remove("part-later");
      } finally {
        if (later.length > 0 && container.isConnected) afterFrame(showNext);
        else {
          // Left the page: nothing more to build; otherwise every part is in.
          for (const rest of later.splice(0)) rest.classList.remove("part-later");
          resolve();
        }
      }
    };
    afterFrame(showNext);
  });
}
