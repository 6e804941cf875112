// @ts-check
// Starting a part of a scene that is not on screen yet after the scene's first paint, not in the
// task that mounts the scene: `start()` runs once, when the part comes near the viewport or at
// the page's next idle period, whichever is first — so a long scene's start is several short
// tasks instead of one long one (a task over 50 ms delays the student's first input). A press or
// a focus inside the part before then starts it first, so the control pressed finds it started.
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
    sight.disconnect();
    cancelIdle(handle);
    for (const type of ["pointerdown", "focusin"]) element.removeEventListener(type, go, true);
  };
  const go = () => {
    if (done) return;
    stop();
    start();
  };
  const sight = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && go(), { rootMargin: "400px" });
  sight.observe(element);
  const handle = whenIdle(go, 1000);
  for (const type of ["pointerdown", "focusin"]) element.addEventListener(type, go, true);
  return { cancel: stop };
}
