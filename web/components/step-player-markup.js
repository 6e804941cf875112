// @ts-check
// The step player's markup and keys (step-player.js owns what they do): the toolbar (first,
// previous, play/pause, next, last, the counter, speed, "show all steps", the "You do" menu,
// print, JSON), the key list, the step list and the stage a card is shown on, and a live region.
//
// Keyboard (anywhere in the player except text fields): → or N next, ← or P previous, Home and
// End first and last, Space play/pause, A all steps on/off. The toolbar's buttons are switched
// off with aria-disabled, not `disabled`: a disabled button drops the focus to <body> (End, or
// Enter on "Next" before the last step), after which the player's keys no longer reach it.
import { el } from "./dom.js";
import { icon, button } from "./step-card.js";
import { PLAYER_SPEEDS } from "../scenes/registry.js";

/** The speeds the player offers (the URL's `speed` key takes the same, see the registry). */
export const SPEEDS = PLAYER_SPEEDS;

/**
 * The player's elements, assembled under `root` (not yet in the page).
 * @param {{ t: Function, id: string, label?: string, rate: number }} options
 */
export function playerMarkup({ t, id, label, rate }) {
  const root = el("section", "step-player");
  root.id = id;
  root.setAttribute("aria-label", label ?? t("player.label"));

  const toolbar = el("div", "sp-toolbar");
  toolbar.setAttribute("role", "toolbar");
  toolbar.setAttribute("aria-label", t("player.controls"));
  const first = button("sp-first", "first", "", t("player.first"));
  const prev = button("sp-prev", "prev", t("player.prev"));
  const playBtn = button("sp-play primary", "play", t("player.play"));
  const next = button("sp-next", null, t("player.next"));
  next.append(icon("next"));
  const last = button("sp-last", "last", "", t("player.last"));
  for (const b of [first, prev, playBtn, next, last]) b.dataset.action = b.className.match(/sp-(\w+)/)?.[1] ?? "";
  const counter = el("span", "sp-counter");
  counter.id = `${id}-counter`;

  const speedField = el("label", "sp-speed");
  const speedSelect = el("select", "select");
  speedSelect.id = `${id}-speed`;
  for (const s of SPEEDS) {
    const option = el("option", "", t("player.speedValue", { speed: String(s) }));
    option.value = String(s);
    speedSelect.append(option);
  }
  speedSelect.value = String(rate);
  speedField.append(el("span", "", t("player.speed")), speedSelect);

  const allField = el("label", "sp-all checkbox-field");
  const allBox = el("input");
  allBox.type = "checkbox";
  allBox.id = `${id}-all`;
  allField.append(allBox, el("span", "", t("player.showAll")));
  const printBtn = button("sp-print", null, t("player.print"));
  printBtn.dataset.action = "print";
  const jsonBtn = button("sp-json", null, t("player.json"));
  jsonBtn.dataset.action = "json";

  const fadeField = el("label", "sp-fade");
  const fadeSelect = el("select", "select");
  fadeSelect.id = `${id}-fade`;
  fadeField.append(el("span", "", t("fade.label")), fadeSelect);
  fadeField.hidden = true;

  toolbar.append(first, prev, playBtn, next, last, counter, speedField, allField, fadeField, printBtn, jsonBtn);
  const keys = el("p", "sp-keys", t("player.keys"));
  keys.id = `${id}-keys`;

  const body = el("div", "sp-body");
  const nav = el("nav", "sp-list");
  nav.setAttribute("aria-label", t("player.list"));
  const list = el("ol");
  nav.append(list);
  const stage = el("div", "sp-stage");
  stage.id = `${id}-stage`;
  stage.tabIndex = 0;
  stage.setAttribute("role", "group");
  stage.setAttribute("aria-roledescription", t("player.stageRole"));
  stage.setAttribute("aria-describedby", keys.id);
  body.append(nav, stage);
  const status = el("p", "visually-hidden");
  status.setAttribute("aria-live", "polite");
  root.append(toolbar, keys, body, status);
  return { root, first, prev, playBtn, next, last, counter, speedSelect, allBox, printBtn, jsonBtn, fadeField, fadeSelect, list, stage, status };
}

/**
 * The player's keys (see the module docs), on `root`: each calls its action and is taken from
 * the page (preventDefault); Space does not play or pause on a focused button, which it presses.
 * @param {HTMLElement} root
 * @param {{ next: Function, prev: Function, first: Function, last: Function, playPause: Function, toggleAll: Function }} actions
 */
export function bindPlayerKeys(root, { next, prev, first, last, playPause, toggleAll }) {
  root.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    const target = /** @type {HTMLElement} */ (event.target);
    if (target.closest("input, select, textarea, [contenteditable]")) return;
    const onButton = target.closest("button, summary, a");
    const key = event.key;
    let handled = true;
    if (key === "ArrowRight" || key === "n" || key === "N") next();
    else if (key === "ArrowLeft" || key === "p" || key === "P") prev();
    else if (key === "Home") first();
    else if (key === "End") last();
    else if ((key === " " || key === "Spacebar") && !onButton) playPause();
    else if (key === "a" || key === "A") toggleAll();
    else handled = false;
    if (handled) event.preventDefault();
  });
}
