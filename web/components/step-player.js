// @ts-check
// The step player: plays the ordered steps of a core trace (forward, backward, update) one at a
// time, like a hand calculation — previous / next / play / pause / speed, a step list to jump
// to, keyboard shortcuts, and "show all steps", which lays the whole calculation out as a
// printable worked solution. Each step shows its formula with the numbers substituted and its
// result (see step-formulas.js); what a step shows is decided by the scene's `describe`.
//
//   const player = createStepPlayer(container, {
//     t,                                  // i18n
//     id: "dr-player",                    // prefix of element ids
//     steps: trace.steps,                 // any array; describe() turns one into a card
//     describe: (step, index) => describeStep(step, { t, notation, digits }),  // + { note, className }
//     index: 0, mode: "single" | "all", speed: 1,
//     onChange: ({ index, mode, speed }) => state.updateSoon({ ... }),
//   });
//   player.setSteps(newTrace.steps, { describe });  // after an edit: keeps the step index when it can
//   player.refreshCards();                          // same steps, new numbers: the list is kept
//   player.goTo(3); player.play(); player.setMode("all"); player.refresh(); player.destroy();
//
// Keyboard (anywhere in the player except text fields): → or N next, ← or P previous, Home and
// End first and last, Space play/pause, A all steps on/off. The toolbar's buttons are switched
// off with aria-disabled, not `disabled`: a disabled button drops the focus to <body> (End, or
// Enter on "Next" before the last step), after which the player's keys no longer reach it.
import { prefersReducedMotion } from "../theme.js";
import { el } from "./dom.js";
import { keepTallest } from "./steady-height.js";
import { PLAYER_SPEEDS } from "../scenes/registry.js";

/** The speeds the player offers (the URL's `speed` key takes the same, see the registry). */
export const SPEEDS = PLAYER_SPEEDS;
const BASE_INTERVAL_MS = 1800;

const ICONS = {
  first: "M6 5h2v14H6zM20 5v14L9 12z",
  prev: "M17 5v14L6 12z",
  next: "M7 5v14l11-7z",
  last: "M16 5h2v14h-2zM4 5v14l11-7z",
  play: "M7 5v14l11-7z",
  pause: "M6 5h4v14H6zM14 5h4v14h-4z",
};

/** A small inline SVG icon (no icon font: every glyph renders everywhere). */
function icon(name) {
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

function button(className, iconName, text, label) {
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
  card.append(head, formula);
  if (view.expansion?.length) {
    const list = el("ul", "sp-expansion");
    list.setAttribute("aria-label", t("player.expansion"));
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

export function createStepPlayer(container, { t, id = "player", steps = [], describe, index = 0, mode = "single", speed = 1, label, onChange }) {
  let current = Math.max(0, Math.min(steps.length - 1, index | 0));
  let showAll = mode === "all";
  let rate = SPEEDS.includes(speed) ? speed : 1;
  let timer = 0;
  let views = [];

  // --- markup -----------------------------------------------------------------------------
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
  for (const b of [first, prev, playBtn, next, last]) b.dataset.action = b.className.match(/sp-(\w+)/)[1];
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

  toolbar.append(first, prev, playBtn, next, last, counter, speedField, allField, printBtn);
  const keys = el("p", "sp-keys", t("player.keys"));
  keys.id = `${id}-keys`;

  const body = el("div", "sp-body");
  const nav = el("nav", "sp-list");
  nav.setAttribute("aria-label", t("player.list"));
  const list = el("ol");
  nav.append(list);
  const stage = el("div", "sp-stage");
  // One step's card at a time: the stage keeps the tallest card's height (no jumps below it).
  const stageHeight = keepTallest(stage);
  stage.id = `${id}-stage`;
  stage.tabIndex = 0;
  stage.setAttribute("role", "group");
  stage.setAttribute("aria-roledescription", t("player.stageRole"));
  stage.setAttribute("aria-describedby", keys.id);
  body.append(nav, stage);
  const status = el("p", "visually-hidden");
  status.setAttribute("aria-live", "polite");
  root.append(toolbar, keys, body, status);
  container.append(root);

  // --- rendering --------------------------------------------------------------------------
  function viewOf(i) {
    views[i] ??= describe(steps[i], i);
    return views[i];
  }

  function renderList() {
    list.replaceChildren();
    steps.forEach((step, i) => {
      const view = viewOf(i);
      const li = el("li", `phase-${step.phase}`);
      const b = button("sp-item");
      b.classList.remove("button");
      b.dataset.index = String(i);
      b.append(el("span", "sp-item-n", String(i + 1)), el("span", "sp-item-title", view.title));
      b.addEventListener("click", () => goTo(i));
      li.append(b);
      list.append(li);
    });
  }

  function cardFor(i) {
    const view = { phaseId: steps[i].phase, ...viewOf(i) };
    const card = renderStepCard(view, { index: i, total: steps.length, t, id: `${id}-step-${i + 1}` });
    card.dataset.op = steps[i].op;
    card.dataset.phase = steps[i].phase;
    card.dataset.layer = String(steps[i].layer + 1);
    card.dataset.result = `${steps[i].result.name}${steps[i].result.layer ?? ""}`;
    return card;
  }

  function renderStage() {
    stage.replaceChildren();
    if (!steps.length) {
      stage.append(el("p", "sp-empty", t("player.empty")));
      return;
    }
    if (showAll) {
      steps.forEach((_, i) => {
        const card = cardFor(i);
        if (i === current) card.classList.add("is-current");
        stage.append(card);
      });
    } else {
      stage.append(cardFor(current));
      stageHeight.measure();
    }
  }

  function syncControls() {
    const n = steps.length;
    counter.textContent = n ? t("player.counter", { n: current + 1, total: n }) : "";
    for (const b of [first, prev]) setUsable(b, current > 0);
    for (const b of [next, last]) setUsable(b, current < n - 1);
    const playing = timer !== 0;
    playBtn.replaceChildren(icon(playing ? "pause" : "play"), el("span", "", t(playing ? "player.pause" : "player.play")));
    playBtn.setAttribute("aria-pressed", String(playing));
    setUsable(playBtn, n >= 2 && !showAll);
    allBox.checked = showAll;
    printBtn.hidden = !showAll;
    root.classList.toggle("is-all", showAll);
    root.dataset.index = String(current);
    root.dataset.count = String(n);
    root.dataset.mode = showAll ? "all" : "single";
    for (const b of list.querySelectorAll(".sp-item")) {
      if (Number(b.dataset.index) === current) b.setAttribute("aria-current", "step");
      else b.removeAttribute("aria-current");
    }
  }

  /** Switches a toolbar button on or off; off, it keeps the focus (see the module docs). */
  function setUsable(b, usable) {
    if (usable) b.removeAttribute("aria-disabled");
    else b.setAttribute("aria-disabled", "true");
  }

  function emit() {
    onChange?.({ index: current, mode: showAll ? "all" : "single", speed: rate });
  }

  function announce() {
    if (!steps.length) return;
    status.textContent = t("player.announce", { n: current + 1, total: steps.length, title: viewOf(current).title });
  }

  function scrollToCurrent() {
    const card = stage.querySelector(`[data-index="${current}"]`);
    const item = list.querySelector(`[data-index="${current}"]`);
    const behavior = prefersReducedMotion() ? "auto" : "smooth";
    item?.scrollIntoView({ block: "nearest", behavior });
    if (showAll) card?.scrollIntoView({ block: "nearest", behavior });
  }

  /** @param {number} i @param {{ announce?: boolean }} [options] */
  function goTo(i, { announce: say = true } = {}) {
    if (!steps.length) return;
    const target = Math.max(0, Math.min(steps.length - 1, i));
    if (target === current && stage.childElementCount) {
      syncControls();
      return;
    }
    current = target;
    if (showAll) {
      for (const card of stage.querySelectorAll(".sp-card")) card.classList.toggle("is-current", Number(card.dataset.index) === current);
    } else {
      renderStage();
    }
    syncControls();
    scrollToCurrent();
    if (say) announce();
    emit();
  }

  function tick() {
    if (current >= steps.length - 1) {
      pause();
      return;
    }
    goTo(current + 1, { announce: false });
    if (current >= steps.length - 1) pause();
  }

  function play() {
    if (timer || steps.length < 2 || showAll) return;
    if (current >= steps.length - 1) goTo(0, { announce: false });
    timer = setInterval(tick, BASE_INTERVAL_MS / rate);
    syncControls();
  }

  function pause() {
    if (timer) clearInterval(timer);
    timer = 0;
    syncControls();
  }

  function setMode(m) {
    const all = m === "all";
    if (all === showAll) return;
    pause();
    showAll = all;
    stageHeight.reset();
    renderStage();
    syncControls();
    scrollToCurrent();
    emit();
  }

  // --- events -----------------------------------------------------------------------------
  first.addEventListener("click", () => goTo(0));
  prev.addEventListener("click", () => goTo(current - 1));
  next.addEventListener("click", () => goTo(current + 1));
  last.addEventListener("click", () => goTo(steps.length - 1));
  playBtn.addEventListener("click", () => (timer ? pause() : play()));
  speedSelect.addEventListener("change", () => {
    rate = Number(speedSelect.value);
    if (timer) {
      pause();
      play();
    }
    emit();
  });
  allBox.addEventListener("change", () => setMode(allBox.checked ? "all" : "single"));
  printBtn.addEventListener("click", () => window.print());

  root.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    const target = event.target;
    if (target.closest("input, select, textarea, [contenteditable]")) return;
    const onButton = target.closest("button, summary, a");
    const key = event.key;
    let handled = true;
    if (key === "ArrowRight" || key === "n" || key === "N") goTo(current + 1);
    else if (key === "ArrowLeft" || key === "p" || key === "P") goTo(current - 1);
    else if (key === "Home") goTo(0);
    else if (key === "End") goTo(steps.length - 1);
    else if ((key === " " || key === "Spacebar") && !onButton) timer ? pause() : play();
    else if (key === "a" || key === "A") setMode(showAll ? "single" : "all");
    else handled = false;
    if (handled) event.preventDefault();
  });

  /** @param {object[]} newSteps @param {{ index?: number, describe?: Function }} [options] */
  function setSteps(newSteps, { index: at, describe: newDescribe } = {}) {
    if (newSteps.length !== steps.length) stageHeight.reset(); // another calculation
    steps = newSteps;
    if (newDescribe) describe = newDescribe;
    views = [];
    if (at !== undefined) current = at;
    current = Math.max(0, Math.min(steps.length - 1, current));
    if (steps.length < 2) pause();
    renderList();
    renderStage();
    syncControls();
  }

  setSteps(steps);

  return {
    element: root,
    stage,
    setSteps,
    /** Re-renders every card (e.g. another number precision); keeps the position. */
    refresh() {
      setSteps(steps);
    },
    /**
     * The same steps with new numbers (titles unchanged): re-renders the shown card(s) only,
     * keeping the step list — cheap enough for a redraw every frame.
     */
    /** @param {{ describe?: Function }} [options] */
    refreshCards({ describe: newDescribe } = {}) {
      if (newDescribe) describe = newDescribe;
      views = [];
      renderStage();
    },
    goTo,
    next: () => goTo(current + 1),
    prev: () => goTo(current - 1),
    play,
    pause,
    setMode,
    get index() {
      return current;
    },
    get mode() {
      return showAll ? "all" : "single";
    },
    get playing() {
      return timer !== 0;
    },
    destroy() {
      pause();
      stageHeight.destroy();
      root.remove();
    },
  };
}
