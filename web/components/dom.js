// @ts-check
// Small DOM builders shared by every scene and component: an element with a class and text,
// a labelled <select>, a section table of contents, and a scene header. Markup only — no state.

import { t } from "../i18n.js";

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

/** A scene's <header>: its h1 title (focusable, for the router) and a lead paragraph. */
export function sceneHeader(titleKey, leadKey) {
  const header = el("header", "scene-header");
  const title = el("h1", "scene-title", t(titleKey));
  title.tabIndex = -1;
  header.append(title, el("p", "lead", t(leadKey)));
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
 * Calls `onChange` when `box` changes its CSS size or the device pixel ratio changes (a
 * ResizeObserver that ignores notifications with the same size). Returns the observer, so the
 * caller can `disconnect()` it.
 */
export function watchSize(box, onChange) {
  let last = "";
  const observer = new ResizeObserver(() => {
    const size = `${box.clientWidth}x${box.clientHeight}x${window.devicePixelRatio}`;
    if (size === last) return;
    last = size;
    onChange();
  });
  observer.observe(box);
  return observer;
}
