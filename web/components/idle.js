// @ts-check
// Work for later: in the page's next idle period, where the browser has idle callbacks, or else
// after a short timer (Safari has none): `whenIdle(work, timeout)` calls `work(timeLeft)` —
// `timeLeft()` is the ms left of the period, 0 after a timer — at the latest `timeout` ms later,
// and returns the handle `cancelIdle` takes. And once the next frame is painted: `afterFrame`.
// And once requests pause, then in an idle period: `whenSettled` (a URL write, an unseen view).
//
//   const handle = whenIdle((timeLeft) => { while (timeLeft() > 2) …; }, 500);   cancelIdle(handle);
//   const cancel = afterFrame(() => …);

/** Without idle callbacks: the wait before `work` runs (ms). */
const FALLBACK_MS = 40;

/**
 * @param {(timeLeft: () => number) => void} work
 * @param {number} timeout the longest wait (ms)
 * @returns {number}
 */
export function whenIdle(work, timeout) {
  if (typeof requestIdleCallback === "function") return requestIdleCallback((deadline) => work(() => deadline.timeRemaining()), { timeout });
  return Number(setTimeout(() => work(() => 0), FALLBACK_MS));
}

/** @param {number} handle what `whenIdle` returned */
export function cancelIdle(handle) {
  if (typeof cancelIdleCallback === "function") cancelIdleCallback(handle);
  else clearTimeout(handle);
}

/**
 * Runs `next` once the frame in which the page's current state is drawn has been painted (a task
 * after that frame's callbacks), or after 100 ms where no frames come (a background tab, an iframe
 * out of view). Returns the function that cancels it.
 * @param {() => void} next
 * @returns {() => void}
 */
export function afterFrame(next) {
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    next();
  };
  requestAnimationFrame(() => setTimeout(go, 0));
  setTimeout(go, 100);
  return () => {
    done = true;
  };
}

/**
 * `work` once a stream of requests settles: `at(time)` asks for it at `time` (performance.now()
 * ms) or later — each request of a drag moves the time on — and then in an idle period (at the
 * latest `idleTimeout` ms after). One timer serves the whole stream: it is not cleared and set
 * again at every request (a slider's input events), and when it fires early it waits the rest.
 * @param {() => void} work
 * @param {number} idleTimeout
 * @returns {{ at: (time: number) => void, cancel: () => void }}
 */
export function whenSettled(work, idleTimeout) {
  let timer = 0;
  let idle = 0;
  let due = 0;
  /** When the timer set fires (performance.now() ms). */
  let firesAt = 0;
  /** @param {number} now */
  const arm = (now) => {
    firesAt = due;
    timer = Number(
      setTimeout(() => {
        timer = 0;
        const later = performance.now();
        if (due - later > 1) arm(later);
        else
          idle = whenIdle(() => {
            idle = 0;
            work();
          }, idleTimeout);
      }, Math.max(0, due - now))
    );
  };
  return {
    at(time) {
      due = time;
      if (idle || (timer && firesAt <= due)) return;
      clearTimeout(timer);
      arm(performance.now());
    },
    cancel() {
      clearTimeout(timer);
      timer = 0;
      if (idle) cancelIdle(idle);
      idle = 0;
    },
  };
}
