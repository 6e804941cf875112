// @ts-check
// Small DOM builders shared by every scene and component: an element with a class and text,
// a labelled <select>, a section table of contents, a scene header, a section labelled by its
// heading, a button, a fieldset, a live region, and table headers and number cells; a box's size
// and what a part holds watched as it is laid out. Markup only — no state.

import { t } from "../i18n.js";
import { findScene } from "../scenes/registry.js";

/** `<tag class=className>text</tag>`; `text` null or undefined leaves the element empty. */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

/**
 * A labelled <select>: `options` is a list of `{ value, label }`; `onChange(value)` runs when the
 * student picks one. Returns `{ element, select }`; `className` styles the wrapper (".field").
 */
export function selectField({ id, label, options, value, onChange, className = "field" }) {
  const element = el("div", className);
  const caption = el("label", "field-label", label);
  caption.htmlFor = id;
  const select = el("select", "select");
  select.id = id;
  for (const o of options) {
    const option = el("option", "", o.label);
    option.value = String(o.value);
    select.append(option);
  }
  select.value = String(value);
  if (onChange) select.addEventListener("change", () => onChange(select.value));
  element.append(caption, select);
  return { element, select };
}

/**
 * A scene's <header>: its h1 title (focusable, for the router) and its lead paragraph, as the
 * registry declares them — the same header app.js shows while the core loads.
 * @param {string} id the scene's id
 */
export function sceneHeader(id) {
  const scene = findScene(id);
  if (!scene) throw new Error(`sceneHeader: no scene "${id}"`);
  const header = el("header", "scene-header");
  const title = el("h1", "scene-title", t(scene.title));
  title.tabIndex = -1;
  header.append(title, el("p", "lead", t(scene.lead)));
  return { header, title };
}

/**
 * A row of buttons that jump to the scene's parts: `sections` is a list of [heading id, i18n
 * key]. Buttons (not links) because the URL hash holds the scene state.
 */
export function sectionToc(labelKey, sections) {
  const toc = el("nav", "scene-toc");
  toc.setAttribute("aria-label", t(labelKey));
  const list = el("ol");
  for (const [target, key] of sections) {
    const li = el("li");
    const link = el("button", "scene-toc-link", t(key));
    link.type = "button";
    link.addEventListener("click", () => {
      const heading = document.getElementById(target);
      heading?.scrollIntoView({ block: "start" });
      heading?.setAttribute("tabindex", "-1");
      heading?.focus({ preventScroll: true });
    });
    li.append(link);
    list.append(li);
  }
  toc.append(list);
  return toc;
}

/**
 * Calls `onChange({ width, height })` (the box's clientWidth and clientHeight) when `box` changes
 * its CSS size or the device pixel ratio changes (a ResizeObserver that ignores notifications
 * with the same size). Returns the observer, so the caller can `disconnect()` it.
 * @param {HTMLElement} box @param {(size: { width: number, height: number }) => void} onChange
 */
export function watchSize(box, onChange) {
  let last = "";
  const observer = new ResizeObserver(() => {
    const [width, height] = [box.clientWidth, box.clientHeight];
    const size = `${width}x${height}x${window.devicePixelRatio}`;
    if (size === last) return;
    last = size;
    onChange({ width, height });
  });
  observer.observe(box);
  return observer;
}

/** @type {[string, (element: HTMLElement) => void][]} */
const shownWatches = [];

/**
 * Calls `callback(element)` for each element matching `selector` in (or being) a part, panel or
 * step player that has just started being rendered. One off screen is not laid out until it comes
 * near the viewport (content-visibility: auto, styles/scene-shared.css), so a measurement taken
 * while it was skipped is no measurement: what fits a box to its layout (formula-fit.js,
 * scroll-focus.js) measures again. Elements inside a panel of the part that is still skipped wait
 * for that panel's own turn. The browser's event does not bubble; one listener on the document
 * catches it on its way down.
 * @param {string} selector @param {(element: HTMLElement) => void} callback
 */
export function whenShown(selector, callback) {
  if (shownWatches.length === 0) {
    document.addEventListener(
      "contentvisibilityautostatechange",
      (event) => {
        if (/** @type {Event & { skipped?: boolean }} */ (event).skipped) return;
        const shown = /** @type {Element} */ (event.target);
        for (const [watched, call] of shownWatches) {
          const inside = [...shown.querySelectorAll(watched)].filter((e) => e.checkVisibility({ contentVisibilityAuto: true }));
          for (const element of shown.matches(watched) ? [shown, ...inside] : inside) call(/** @type {HTMLElement} */ (element));
        }
      },
      { capture: true },
    );
  }
  shownWatches.push([selector, callback]);
}

/**
 * A `<section>` (or another `tag`) whose accessible name is its heading: the heading (`level`,
 * class `headingClass`) with id `id` and text `title`, first inside it.
 * @param {{ tag?: string, className: string, level?: "h2" | "h3", headingClass?: string, id: string, title: string }} options
 * @returns {{ element: HTMLElement, heading: HTMLElement }}
 */
export function headedSection({ tag = "section", className, level = "h2", headingClass = "", id, title }) {
  const element = el(tag, className);
  const heading = el(level, headingClass, title);
  heading.id = id;
  element.setAttribute("aria-labelledby", id);
  element.append(heading);
  return { element, heading };
}

/**
 * A part of a scene: `<section id>` labelled by its h2 (id `${id}-title`, focusable from script,
 * as the table of contents and the overview's links do) and an intro paragraph.
 * @param {{ id: string, className: string, title: string, intro?: string, introClass?: string }} options
 */
export function section({ id, className, title, intro, introClass }) {
  const { element, heading } = headedSection({ className, id: `${id}-title`, title });
  element.id = id;
  heading.tabIndex = -1;
  if (intro) element.append(el("p", introClass, intro));
  return element;
}

/**
 * A `<button type="button">` with the page's button style.
 * @param {string} text
 * @param {{ id?: string, className?: string, onClick?: () => void }} [options]
 */
export function button(text, { id, className = "", onClick } = {}) {
  const b = /** @type {HTMLButtonElement} */ (el("button", `button ${className}`.trim(), text));
  b.type = "button";
  if (id) b.id = id;
  if (onClick) b.addEventListener("click", onClick);
  return b;
}

/**
 * A `<fieldset>` with its legend and contents.
 * @param {string} className
 * @param {string} legend
 * @param {...Node} children
 */
export function fieldset(className, legend, ...children) {
  const f = el("fieldset", className);
  f.append(el("legend", "", legend), ...children);
  return f;
}

/**
 * A polite live region (a verdict, a run's result): read out when its content changes.
 * @param {string} tag
 * @param {string} className
 * @param {string} id
 */
export function liveRegion(tag, className, id) {
  const region = el(tag, className);
  region.id = id;
  region.setAttribute("aria-live", "polite");
  return region;
}

/**
 * A `<thead>` of one row of column headers.
 * @param {string[]} labels
 */
export function columnHeads(labels) {
  const head = el("thead");
  const row = el("tr");
  for (const label of labels) {
    const th = el("th", "", label);
    th.setAttribute("scope", "col");
    row.append(th);
  }
  head.append(row);
  return head;
}

/**
 * A row header `<th scope="row">` with `text` (or empty, to fill).
 * @param {string} [text]
 */
export function rowHead(text) {
  const th = el("th", "", text);
  th.setAttribute("scope", "row");
  return th;
}

/**
 * A `<td>` showing `text`, with the raw number in data-value.
 * @param {string} className
 * @param {number} value
 * @param {string} text
 */
export function valueCell(className, value, text) {
  const td = el("td", className, text);
  td.dataset.value = String(value);
  return td;
}

/**
 * A `<p class="status">` (or `className`) whose changes screen readers announce.
 * @param {string} id @param {string} [className]
 */
export const liveLine = (id, className = "status") => /** @type {HTMLParagraphElement} */ (liveRegion("p", className, id));
