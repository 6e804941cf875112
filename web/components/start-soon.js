// @ts-check
// Starting a part of a scene that is not on screen yet after the scene's first paint, not in the
// task that mounts the scene: `start()` runs once, when the part comes near the viewport or at
// the page's next idle period, whichever is first — so a long scene's start is several short
// tasks instead of one long one (a task over 50 ms delays the student's first input). A press or
// a focus inside the part before then starts it first, so the control pressed finds it started.
// Until it starts, the part is marked aria-busy (its content is still to come; a waiter for a
// settled scene waits for it too) with the class `starting` (not dimmed like results redone).
//
//   const soon = startSoon(part.element, () => part.start());   soon.cancel();   // on destroy
import { cancelIdle, whenIdle } from "./idle.js";

/**
 * @param {Element} element the part
 * @param {() => void} start
 * @returns {{ cancel: () => void }}
 */
export function startSoon(element, start) {
  let done = false;
  const stop = () => {
    done = true;
    element.removeAttribute("aria-busy");
    element.classList.remove("starting");
    sight.disconnect();
    cancelIdle(handle);
    for (const type of ["pointerdown", "focusin"]) element.removeEventListener(type, go, true);
  };
  const go = () => {
    if (done) return;
    stop();
    start();
  };
  element.setAttribute("aria-busy", "true");
  element.classList.add("starting");
  const sight = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && go(), { rootMargin: "400px" });
  sight.observe(element);
  const handle = whenIdle(go, 1000);
  for (const type of ["pointerdown", "focusin"]) element.addEventListener(type, go, true);
  return { cancel: stop };
}
