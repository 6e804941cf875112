// @ts-check
// Which elements of a scene set which URL keys — so that a course author's link can lock
// (components/lock.js) or hide (`hideParams`) the controls of a few keys. A scene marks
//   - the element that shows a key's control — the labelled field, or a group of controls — with
//     `markParam(element, key)` (data-param="key"; a control that sets several keys lists them
//     all, space-separated): `lock=key` switches off the controls inside it, `hide=key` removes it;
//   - any other control that also sets the key — a preset, a jump button, a chart dragged — with
//     `markChanges(element, key)` (data-changes): `lock=key` switches it off, `hide` leaves it.
// The keys are the scene's URL keys of web/scenes/registry.js (its one list of them).

/** The form controls a lock switches off. */
const CONTROLS = "input, select, textarea, button";

/**
 * Marks `element` as the control (the labelled field) of the URL keys `keys`; returns it.
 * @template {Element} E
 * @param {E} element @param {...string} keys
 * @returns {E}
 */
export function markParam(element, ...keys) {
  element.setAttribute("data-param", keys.join(" "));
  return element;
}

/**
 * Marks each field of `fields` (URL key → its element) with its key.
 * @param {Record<string, Element>} fields
 */
export function markParams(fields) {
  for (const [key, element] of Object.entries(fields)) markParam(element, key);
}

/**
 * Marks `element` as another control that sets the URL keys `keys` (locked with them, never hidden); returns it.
 * @template {Element} E
 * @param {E} element @param {...string} keys
 * @returns {E}
 */
export function markChanges(element, ...keys) {
  element.setAttribute("data-changes", keys.join(" "));
  return element;
}

/**
 * A selector of the elements whose attribute `name` lists one of `keys`.
 * @param {string} name @param {string[]} keys
 */
const listing = (name, keys) => keys.map((key) => `[${name}~="${CSS.escape(key)}"]`).join(", ");

/**
 * The controls under `root` (itself included) that set one of `keys`: the form controls inside a
 * marked field or changer, and a marked changer itself (a form control, or a canvas dragged).
 * `root` may be a node just added inside a marked field (a rebuilt slider).
 * @param {Element} root @param {string[]} keys
 * @returns {Element[]}
 */
export function controlsOf(root, keys) {
  if (!keys.length) return [];
  const marked = `${listing("data-param", keys)}, ${listing("data-changes", keys)}`;
  /** @type {Set<Element>} */
  const found = new Set();
  /** @param {Element} element */
  const take = (element) => {
    if (element.matches(CONTROLS) || (element.matches("canvas") && element.matches(marked))) found.add(element);
    for (const control of element.querySelectorAll(CONTROLS)) found.add(control);
  };
  if (root.closest(marked)) take(root);
  else for (const element of root.querySelectorAll(marked)) take(element);
  return [...found];
}

/**
 * The name a reader sees for a marked field: its aria-label, the element its aria-labelledby
 * names, its first legend, label or caption, or the legend of the fieldset it is in.
 * @param {Element} field
 * @returns {string}
 */
function labelOf(field) {
  const own = field.getAttribute("aria-label");
  if (own) return own.trim();
  const by = field.getAttribute("aria-labelledby");
  const named = by ? document.getElementById(by.split(" ")[0]) : null;
  const text = named ?? field.querySelector("legend, .field-label, caption, label") ?? field.closest("fieldset")?.querySelector(":scope > legend");
  return text?.textContent.trim() ?? "";
}

/**
 * The labels of the fields of `keys` under `root`, in the keys' order, each once (a key whose
 * control is not on the page now has none).
 * @param {ParentNode} root @param {string[]} keys
 */
export function fieldLabels(root, keys) {
  const labels = keys.flatMap((key) => [...root.querySelectorAll(listing("data-param", [key]))].map(labelOf));
  return [...new Set(labels.filter((label) => label !== ""))];
}

/**
 * Calls `onAdded(element)` for every element added under `container` from now on (the top of
 * each added subtree); returns the function that stops watching.
 * @param {HTMLElement} container @param {(element: Element) => void} onAdded
 */
export function watchAdded(container, onAdded) {
  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) onAdded(node);
  });
  observer.observe(container, { childList: true, subtree: true });
  return () => observer.disconnect();
}

/**
 * A course author's `hide=key,…`: removes the fields of `keys` from `container` (styles:
 * [data-param-hidden]), now and when the scene builds them again; their URL values still apply.
 * Returns the function that stops watching.
 * @param {HTMLElement} container @param {string[]} keys
 */
export function hideParams(container, keys) {
  const selector = listing("data-param", keys);
  /** @param {Element} root */
  const hide = (root) => {
    if (root.matches(selector)) root.setAttribute("data-param-hidden", "");
    for (const field of root.querySelectorAll(selector)) field.setAttribute("data-param-hidden", "");
  };
  hide(container);
  return watchAdded(container, hide);
}
