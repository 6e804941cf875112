// @ts-check
// A course author's `part=name` (issue 16): the scene shows one of its parts — a section the
// registry declares in the scene's `parts` and the scene marks with data-part="name" — under the
// scene's title, instead of the whole page (an iframe of one part, not of 7 000 px). Everything
// else of the scene is removed from view (styles: [data-part-hidden], .shows-part): every sibling
// of the part and of each element around it up to the scene, the table of contents and the lead
// included, also those the scene adds later. The hidden parts keep working (their URL values
// apply); the embed height (web/embed.js) is then the part's.
import { buildPending } from "./staged-parts.js";

/**
 * Shows only part `name` of the scene in `container`; returns the function that stops watching.
 * Throws if the scene has no element marked with it (the registry and the scene disagree).
 * @param {HTMLElement} container @param {string} name
 */
export function showPart(container, name) {
  buildPending(container); // every part, the one shown and the others, whose URL values apply
  const part = container.querySelector(`[data-part="${CSS.escape(name)}"]`);
  if (!part) throw new Error(`the scene declares part "${name}" but marks no element with it`);
  container.classList.add("shows-part");
  container.dataset.shownPart = name;
  /** The elements from the part up to (not including) the scene, which stay. */
  const path = [];
  for (let node = part; node && node !== container; node = node.parentElement) path.push(node);
  /** @param {Element} element */
  const hideUnlessKept = (element) => {
    if (!path.includes(element) && !element.matches(".scene-header")) element.setAttribute("data-part-hidden", "");
  };
  for (const node of path) for (const sibling of node.parentElement.children) hideUnlessKept(sibling);
  // Elements the scene adds later beside the part or around it are hidden as well.
  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) hideUnlessKept(node);
  });
  for (const node of path) observer.observe(node.parentElement, { childList: true });
  return () => observer.disconnect();
}

/**
 * Marks `element` as the scene's part `name` (declared in the scene's registry entry); returns it.
 * @template {Element} E
 * @param {E} element @param {string} name
 * @returns {E}
 */
export function markPart(element, name) {
  element.setAttribute("data-part", name);
  return element;
}

/**
 * Marks each element of `parts` (part name → element, in page order) as that part; returns the
 * elements in that order (to append).
 * @param {Record<string, HTMLElement>} parts
 */
export function markParts(parts) {
  return Object.entries(parts).map(([name, element]) => markPart(element, name));
}
