// @ts-check
// How much training the page does at once, shared by every training session on the page: at most
// SYNC_BUDGET_MS of steps in one go (so a small job finishes at once and the view simply jumps to
// the end), and after that at most FRAME_BUDGET_MS per animation frame (less after frames that
// ran long: `frameBudget`). The budget belongs to the piece of script that runs, not to a
// session: sessions that start runs in the same event handler or scene mount share one
// SYNC_BUDGET_MS, and the slices of every running job are taken in one animation-frame callback
// that shares one FRAME_BUDGET_MS (the jobs left once it is spent go first in the next frame). SYNC_BUDGET_MS leaves about 30 ms of the 50 ms a task may take for
// the view to draw the results and the browser to lay them out in the same task. While a scene
// starts (`sceneStarting()`, which the app calls as it mounts one), the work done at once is
// smaller still, START_BUDGET_MS: the start's task already lays out and draws the scene, and on a
// phone (a CPU several times slower than a laptop's) a training slice of its own would make that
// task long; the rest comes in animation frames.

/** Training work done at once before the browser gets control back (see above; 30 ms left the
 * dying-ReLU worked example's edits at 51–58 ms in bench-long-tasks). */
export const SYNC_BUDGET_MS = 20;
/** Training work per animation frame once a job runs in slices (at most; see `frameBudget`). */
export const FRAME_BUDGET_MS = 12;
/** The least training work per frame, however slow the frames. */
const MIN_FRAME_BUDGET_MS = 2;
/** A frame that began this long after the previous one (ms) ran long: a task over 50 ms. */
const LONG_FRAME_MS = 50;

/** Training work done at once while a scene starts. */
export const START_BUDGET_MS = 4;
/** How long after a scene's mount begins its start lasts (ms): its parts below the fold start
 * in idle time (start-soon.js, within a second). */
const SCENE_START_MS = 1500;

let windowStart = null;
let startingUntil = -Infinity;

/** Marks the start of a scene: for SCENE_START_MS, `syncBudget()` is START_BUDGET_MS. */
export function sceneStarting() {
  startingUntil = performance.now() + SCENE_START_MS;
}

/** The training work a job may do at once now (ms): SYNC_BUDGET_MS, less while a scene starts. */
export function syncBudget() {
  return performance.now() < startingUntil ? START_BUDGET_MS : SYNC_BUDGET_MS;
}

/**
 * The time (performance.now()) by which a slice of training must stop: `ms` after the first
 * slice of the running script began. The first call marks that start; a microtask clears it
 * when the script (the event handler, the frame callback) returns.
 */
export function sliceDeadline(ms) {
  if (windowStart === null) {
    windowStart = performance.now();
    queueMicrotask(() => {
      windowStart = null;
    });
  }
  return windowStart + ms;
}

/** How long (ms) the running script has been training so far (0 if it has not). */
export function taskElapsed() {
  return windowStart === null ? 0 : performance.now() - windowStart;
}

const waiting = new Set();
let frame = 0;
/** The training work of the coming frame (ms): see `frameBudget`. */
let budgetMs = FRAME_BUDGET_MS;
/** When the running sequence of frames' last frame began (rAF time), 0 before its first. */
let lastFrameAt = 0;
/** True while `runFrame` runs: a `nextFrame` then continues the sequence. */
let inFrame = false;

/**
 * The training work a job may do in this animation frame (ms): FRAME_BUDGET_MS, halved after each
 * frame that came more than LONG_FRAME_MS after the one before (down to MIN_FRAME_BUDGET_MS) and
 * grown back by 1 ms after each that did not. On a phone, where the views' drawing and the layout
 * after it take several times a laptop's, a frame's training is what the budget can still give up;
 * where frames are short nothing changes.
 */
export function frameBudget() {
  return budgetMs;
}

/** @param {number} now the frame's time */
function runFrame(now) {
  frame = 0;
  if (lastFrameAt > 0 && now - lastFrameAt > LONG_FRAME_MS) budgetMs = Math.max(MIN_FRAME_BUDGET_MS, budgetMs / 2);
  else budgetMs = Math.min(FRAME_BUDGET_MS, budgetMs + 1);
  lastFrameAt = now;
  inFrame = true;
  try {
    runTicks();
  } finally {
    inFrame = false;
  }
}

function runTicks() {
  const ticks = [...waiting];
  waiting.clear();
  const started = performance.now();
  // One job's failure must not stall the others: they run, then the first error goes on.
  let failure = null;
  for (const [i, tick] of ticks.entries()) {
    if (i > 0 && performance.now() - started >= FRAME_BUDGET_MS) {
      // The frame's budget is spent (finishing jobs draw their results): the jobs left take
      // their turn first in the next frame, so that no frame does every job's drawing at once.
      const next = [...ticks.slice(i), ...waiting];
      waiting.clear();
      for (const later of next) waiting.add(later);
      frame ||= requestAnimationFrame(runFrame);
      break;
    }
    try {
      tick();
    } catch (error) {
      failure ??= { error };
    }
  }
  if (failure) throw failure.error;
}

/** Calls `tick()` in the next animation frame, with every other job's tick of that frame. */
export function nextFrame(tick) {
  // Asked outside a frame: a new sequence of frames, whose first follows no frame of its own.
  if (!inFrame && !frame) lastFrameAt = 0;
  waiting.add(tick);
  if (!frame) frame = requestAnimationFrame(runFrame);
}

/** Drops a tick `nextFrame` was given, if it has not run yet. */
export function cancelFrame(tick) {
  waiting.delete(tick);
  if (!waiting.size && frame) {
    cancelAnimationFrame(frame);
    frame = 0;
  }
}
