// @ts-check
// `morph`: an element already in the page brought in line with a freshly built one, changing
// only what differs — for views rebuilt at every slider step (the activations scene's
// formulas), so the browser lays out the changed numbers instead of a new subtree. Its own
// module: only the scenes that use it load it.

/**
 * Makes `current` (in the page) look like `next` (built, not in the page) with the fewest DOM
 * changes: where both have the same element (namespace and tag) with as many children, it is
 * kept, its attributes set to `next`'s and its children compared in turn; texts that differ are
 * rewritten; anywhere else that part of `current` is replaced by `next`'s. A formula redrawn at
 * every slider step keeps its nodes, so the browser lays out the changed numbers instead of a
 * new subtree. Returns the node now shown.
 * @param {Node} current @param {Node} next
 * @returns {Node}
 */
export function morph(current, next) {
  if (current.nodeType === Node.TEXT_NODE && next.nodeType === Node.TEXT_NODE) {
    if (current.nodeValue !== next.nodeValue) current.nodeValue = next.nodeValue;
    return current;
  }
  if (!(current instanceof Element && next instanceof Element) || !sameShape(current, next)) {
    /** @type {ChildNode} */ (current).replaceWith(next);
    return next;
  }
  if (current.hasAttributes() || next.hasAttributes()) syncAttributes(current, next);
  // Walked sibling by sibling (no copies of the child lists: this runs for every node of a
  // formula at every slider step); each next sibling is taken before a replacement moves a
  // child out of `next`.
  let shown = current.firstChild;
  let fresh = next.firstChild;
  while (shown && fresh) {
    const shownAfter = shown.nextSibling;
    const freshAfter = fresh.nextSibling;
    morph(shown, fresh);
    shown = shownAfter;
    fresh = freshAfter;
  }
  return current;
}

/** `current`'s attributes set to `next`'s. @param {Element} current @param {Element} next */
function syncAttributes(current, next) {
  for (const name of next.getAttributeNames()) {
    const value = /** @type {string} */ (next.getAttribute(name));
    if (current.getAttribute(name) !== value) current.setAttribute(name, value);
  }
  if (current.attributes.length === next.attributes.length) return;
  for (const name of current.getAttributeNames()) if (!next.hasAttribute(name)) current.removeAttribute(name);
}

/** @param {Element} a @param {Element} b */
function sameShape(a, b) {
  return a.namespaceURI === b.namespaceURI && a.localName === b.localName && a.childNodes.length === b.childNodes.length;
}
