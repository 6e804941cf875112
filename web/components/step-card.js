// @ts-check
// The step player's pieces that are not the player: its toolbar icons and buttons, and one step
// rendered as a card (`renderStepCard`, also used by scenes that show a single step elsewhere).
// A card shows the step's phase and title, its formula lines, the element-by-element expansion,
// the sentence saying what it does and the scene's note.
import { el } from "./dom.js";
import { fitFormulas } from "./formula-fit.js";
import { scrollFocus } from "./scroll-focus.js";

const ICONS = {
  first: "M6 5h2v14H6zM20 5v14L9 12z",
  prev: "M17 5v14L6 12z",
  next: "M7 5v14l11-7z",
  last: "M16 5h2v14h-2zM4 5v14l11-7z",
  play: "M7 5v14l11-7z",
  pause: "M6 5h4v14H6zM14 5h4v14h-4z",
};

/** A small inline SVG icon (no icon font: every glyph renders everywhere). */
export function icon(name) {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("width", "16");
  svg.setAttribute("height", "16");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("class", "icon");
  const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
  path.setAttribute("d", ICONS[name]);
  svg.append(path);
  return svg;
}

export function button(className, iconName, text, label) {
  const b = el("button", `button ${className}`);
  b.type = "button";
  if (iconName) b.append(icon(iconName));
  if (text) b.append(el("span", "", text));
  if (label) b.setAttribute("aria-label", label);
  return b;
}

/** One step as a card (also used by scenes that show a single step elsewhere). */
export function renderStepCard(view, { index, total, t, id }) {
  const card = el("article", `sp-card phase-${view.phaseId ?? ""} ${view.className ?? ""}`.trim());
  if (id) card.id = id;
  card.dataset.index = String(index);
  const head = el("header", "sp-card-head");
  const phase = el("span", "sp-phase", view.phase);
  const title = el("h3", "sp-title", t("player.stepTitle", { n: index + 1, total, title: view.title }));
  head.append(phase, title);
  const formula = el("div", "sp-formula");
  formula.append(...view.lines);
  scrollFocus(formula, t("player.formulaRegion", { title: view.title }));
  fitFormulas(formula);
  card.append(head, formula);
  if (view.expansion?.length) {
    const list = el("ul", "sp-expansion");
    list.setAttribute("aria-label", t("player.expansion"));
    scrollFocus(list, t("player.expansion"), { keepRole: true });
    for (const { node, className } of view.expansion) {
      const li = el("li", className || "");
      li.append(node);
      list.append(li);
    }
    card.append(list);
  }
  if (view.explanation) card.append(el("p", "sp-explain", view.explanation));
  if (view.note) {
    const note = el("p", "sp-note");
    if (typeof view.note === "string") note.textContent = view.note;
    else note.append(view.note);
    card.append(note);
  }
  return card;
}
