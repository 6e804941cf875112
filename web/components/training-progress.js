// @ts-check
// The progress line of a training run that does not finish at once: "Training: step n of
// total…" (the steps of each run of a group) with a <progress> bar and a Stop button that ends
// the run and keeps what it trained. Hidden while nothing runs. A view shows it from its training session's onProgress and hides
// it when the run is done; `setBusy` marks the results it stands next to as being recomputed.
import { t } from "../i18n.js";
import { el } from "./dom.js";

export function createTrainingProgress({ id, onStop, returnFocus }) {
  const element = el("div", "training-progress");
  element.id = id;
  element.hidden = true;
  const bar = el("progress", "training-progress-bar");
  bar.id = `${id}-bar`;
  const text = el("span", "training-progress-text");
  text.id = `${id}-text`;
  bar.setAttribute("aria-labelledby", text.id);
  const stop = el("button", "button training-stop", t("train.stop"));
  stop.type = "button";
  stop.id = `${id}-stop`;
  stop.title = t("train.stop.title");
  stop.addEventListener("click", () => onStop());
  element.append(bar, text, stop);

  return {
    element,
    /** Shows `done` of `total` steps. */
    show({ done, total }) {
      element.hidden = false;
      bar.max = Math.max(1, total);
      bar.value = Math.min(done, total);
      text.textContent = t("train.progress", { done, total });
    },
    /** Hides the line; if its Stop button had the focus, `returnFocus` gets it. */
    hide() {
      const focused = element.contains(document.activeElement);
      element.hidden = true;
      if (focused) returnFocus?.focus();
    },
  };
}

/** Marks `results` as being recomputed (dimmed, aria-busy) or current again. */
export function markBusy(results, busy) {
  if (busy) results.setAttribute("aria-busy", "true");
  else results.removeAttribute("aria-busy");
}
