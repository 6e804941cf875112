// @ts-check
// Building SVG markup (the diagrams and the log-scale bar chart): one element factory and unique
// ids for the elements a figure's accessible text points to.

const SVG_NS = "http://www.w3.org/2000/svg";
let counter = 0;

/**
 * `<tag …attrs>text</tag>` in the SVG namespace; attributes that are null or undefined are left out.
 * @param {string} tag @param {Record<string, unknown>} [attrs] @param {string} [text]
 * @returns {SVGElement}
 */
export function svg(tag, attrs = {}, text) {
  const node = /** @type {SVGElement} */ (document.createElementNS(SVG_NS, tag));
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** `id`, or a fresh one made from `prefix` (for a figure's `aria-labelledby` and `<desc>`). */
export function uniqueId(id, prefix) {
  return id || `${prefix}-${++counter}`;
}
