// @ts-check
// Text that changes at every step of a slider (readouts, the sentences under them, a field's
// message), written without replacing its node.

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
