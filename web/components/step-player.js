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
//     titleOf: (step) => stepTitle(step, t),  // optional: the list's titles without describing every step
//     index: 0, mode: "single" | "all", speed: 1,
//     check: gradlab.checkValues,         // optional: the student may do the last steps (step-fading.js)
//     cover: (index) => node | null,      // optional: a node shown instead of step `index`'s card
//     fade: "none" | "1" | "2" | "3" | "all",
//     onChange: ({ index, mode, speed, fade }) => state.updateSoon({ ... }),
//   });
//   player.setSteps(newTrace.steps, { describe });  // after an edit: keeps the step index when it can
//   player.refreshCards();                          // same steps, new numbers: the list is kept
//   player.goTo(3); player.play(); player.setMode("all"); player.refresh(); player.destroy();
//
// With `check` and a core trace's steps, a "You do" menu fades the last steps: their cards ask
// for the result instead of showing it (step-fading.js). "Save as JSON" saves the steps.
// The markup and the keys (→ ← N P Home End Space A) are in step-player-markup.js.
import { prefersReducedMotion } from "../theme.js";
import { el } from "./dom.js";
import { keepTallest } from "./steady-height.js";
import { icon, button, renderStepCard } from "./step-card.js";
import { playerMarkup, bindPlayerKeys } from "./step-player-markup.js";
import { createFading, fadedCount, fillFadeOptions, canFade, FADE_CHOICES } from "./step-fading.js";
import { downloadText } from "./download.js";
import { printPart } from "./print-part.js";
import { SPEEDS } from "./step-player-markup.js";

export { renderStepCard, SPEEDS };
const BASE_INTERVAL_MS = 1800;

export function createStepPlayer(container, { t, id = "player", steps = [], describe, titleOf = null, index = 0, mode = "single", speed = 1, check = null, fade = "none", cover = null, label, onChange }) {
  let current = Math.max(0, Math.min(steps.length - 1, index | 0));
  let showAll = mode === "all";
  let rate = SPEEDS.includes(speed) ? speed : 1;
  let faded = FADE_CHOICES.includes(/** @type {any} */ (fade)) ? fade : "none";
  const fading = check ? createFading({ t, check, id }) : null;
  let printing = false; // the worked solution is being printed: every result shown
  const setPrinting = (on) => ((printing = on), renderStage());
  let timer = 0;
  let views = [];

  const { root, first, prev, playBtn, next, last, counter, speedSelect, allBox, printBtn, jsonBtn, fadeField, fadeSelect, list, stage, status } = playerMarkup({ t, id, label, rate });
  // One step's card at a time: the stage keeps the tallest card's height (no jumps below it).
  const stageHeight = keepTallest(stage);
  container.append(root);

  // --- rendering --------------------------------------------------------------------------
  function viewOf(i) {
    views[i] ??= describe(steps[i], i);
    return views[i];
  }

  /** Step `i`'s title: from `titleOf` when given (no description built for the list), else its view's. */
  const titleAt = (i) => (titleOf ? titleOf(steps[i], i) : viewOf(i).title);

  function renderList() {
    list.replaceChildren();
    steps.forEach((step, i) => {
      const li = el("li", `phase-${step.phase}`);
      const b = button("sp-item");
      b.classList.remove("button");
      b.dataset.index = String(i);
      b.append(el("span", "sp-item-n", String(i + 1)), el("span", "sp-item-title", titleAt(i)));
      b.addEventListener("click", () => goTo(i));
      li.append(b);
      list.append(li);
    });
  }

  /** True when the student does step `i` (a faded step). */
  function isFaded(i) {
    return fading !== null && canFade(steps) && i >= steps.length - fadedCount(faded, steps.length);
  }

  function cardFor(i) {
    // A step the scene covers for now (a prediction not made yet): its node instead of the card.
    const covering = cover?.(i);
    if (covering) {
      const card = el("article", "sp-card is-covered");
      card.dataset.index = String(i);
      card.append(covering);
      return card;
    }
    const described = viewOf(i);
    let view = { phaseId: steps[i].phase, ...described };
    const asking = isFaded(i) && !fading.revealed(i) && !printing;
    // A faded step not done yet: its formula without the result, the expansion or the note
    // (they give the result away); the answer block takes the result's place.
    if (asking) view = { ...view, lines: view.lines.filter((line) => !line.classList.contains("step-result")), expansion: [], note: undefined };
    const card = renderStepCard(view, { index: i, total: steps.length, t, id: `${id}-step-${i + 1}` });
    if (isFaded(i)) {
      card.classList.add("is-faded");
      if (asking) card.querySelector(".sp-formula")?.after(fading.answerBlock(steps[i], i, described.resultSymbol?.() ?? null, revealed));
      else card.querySelector(".sp-formula")?.before(fading.outcomeNote(i) ?? "");
    }
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

  /** A faded step was solved or shown: its card is drawn again with the result. */
  function revealed() {
    renderStage();
    stage.focus();
    if (showAll) scrollToCurrent();
  }

  function fillFadeMenu() {
    const usable = fading !== null && canFade(steps);
    fadeField.hidden = !usable;
    if (usable) faded = fillFadeOptions(fadeSelect, steps.length, faded, t);
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
    onChange?.({ index: current, mode: showAll ? "all" : "single", speed: rate, fade: faded });
  }

  function announce() {
    if (!steps.length) return;
    status.textContent = t("player.announce", { n: current + 1, total: steps.length, title: titleAt(current) });
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
  // The worked solution printed whole: the faded steps with their results, no controls.
  printBtn.addEventListener("click", () => printPart(root, { before: () => setPrinting(true), after: () => setPrinting(false) }));
  jsonBtn.addEventListener("click", () => downloadText(`${JSON.stringify({ steps }, null, 2)}\n`, `gradlab-${id}-steps.json`, "application/json"));
  fadeSelect.addEventListener("change", () => {
    faded = fadeSelect.value;
    fading?.reset();
    renderStage();
    // The first step the student does, so the question is in view.
    const first = steps.length - fadedCount(faded, steps.length);
    if (first < steps.length && !showAll) goTo(first);
    emit();
  });

  bindPlayerKeys(root, {
    next: () => goTo(current + 1),
    prev: () => goTo(current - 1),
    first: () => goTo(0),
    last: () => goTo(steps.length - 1),
    playPause: () => (timer ? pause() : play()),
    toggleAll: () => setMode(showAll ? "single" : "all"),
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
    fading?.reset(); // another calculation: what was typed was for the old one
    fillFadeMenu();
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
    get fade() {
      return faded;
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
