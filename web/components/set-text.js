// @ts-check
// Text and attributes that change at every step of a slider (readouts, the sentences under them,
// a field's message and state), written without replacing a node, and only when they differ.

/**
 * Sets the text of `node` as `textContent` does, but edits its one text node in place (and does
 * nothing when the text is already that): a readout updated at every slider step then changes a
 * text, instead of replacing a node (a new layout object to build and lay out, every frame).
 * @param {Node} node @param {string} text
 */
export function setText(node, text) {
  const only = node.firstChild;
  if (only && only === node.lastChild && only.nodeType === Node.TEXT_NODE) {
    const textNode = /** @type {Text} */ (only);
    if (textNode.data !== text) textNode.data = text;
  } else if (node.textContent !== text) {
    node.textContent = text;
  }
}

/**
 * Sets attribute `name` of `element` to `value` only when it differs: the browser treats writing
 * the same value as a change (style invalidation, a mutation record), at every slider step.
 * @param {Element} element @param {string} name @param {string} value
 */
export function setAttr(element, name, value) {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

/**
 * `element.hidden = hidden`, written only when it changes (see `setAttr`).
 * @param {HTMLElement} element @param {boolean} hidden
 */
export function setHidden(element, hidden) {
  if (element.hidden !== hidden) element.hidden = hidden;
}
