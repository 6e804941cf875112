// The training budget per animation frame (web/components/training-budget.js), in Node with a
// hand-driven requestAnimationFrame: FRAME_BUDGET_MS while frames come on time, halved after each
// frame that began more than 50 ms after the previous one (not below 2 ms), grown back by 1 ms a
// frame, and a new sequence of frames (a job started outside a frame) not judged by the pause
// before it. Every expectation is a literal written by hand.
import { test } from "node:test";
import assert from "node:assert/strict";

/** @type {((now: number) => void)[]} */
let pending = [];
globalThis.requestAnimationFrame = (callback) => pending.push(callback);
globalThis.cancelAnimationFrame = () => {
  pending = [];
};
const { FRAME_BUDGET_MS, frameBudget, nextFrame } = await import("../../web/components/training-budget.js");

/** Runs the animation frame the module asked for, at time `now`; returns the budget its ticks saw. */
function frameAt(now) {
  const callbacks = pending;
  pending = [];
  assert.equal(callbacks.length, 1, "one frame asked for");
  callbacks[0](now);
  return seen.at(-1);
}

/** @type {number[]} */
const seen = [];
/** A job's tick: it records the budget and asks for the next frame while `running`. */
let running = true;
const tick = () => {
  seen.push(frameBudget());
  if (running) nextFrame(tick);
};

test("frames on time keep the whole budget; long ones halve it down to 2 ms; it grows back 1 ms a frame", () => {
  assert.equal(FRAME_BUDGET_MS, 12);
  nextFrame(tick);
  assert.equal(frameAt(1000), 12); // the first frame of a sequence follows no frame
  assert.equal(frameAt(1016), 12);
  assert.equal(frameAt(1033), 12);
  assert.equal(frameAt(1113), 6); // 80 ms after the last: a long frame
  assert.equal(frameAt(1183), 3);
  assert.equal(frameAt(1250), 2);
  assert.equal(frameAt(1320), 2); // not below 2 ms
  assert.equal(frameAt(1340), 3); // on time again: +1 ms a frame
  assert.equal(frameAt(1356), 4);
  assert.equal(frameAt(1406), 5); // exactly 50 ms is not long
  for (let t = 1420; t < 1600; t += 16) frameAt(t);
  assert.equal(seen.at(-1), 12); // back to the whole budget, not past it
  running = false;
  frameAt(1610);
});

test("a job started outside a frame after a pause starts a new sequence: the pause is not a long frame", () => {
  running = true;
  nextFrame(tick); // e.g. a click, seconds after the last frame
  assert.equal(frameAt(9000), 12);
  assert.equal(frameAt(9016), 12);
  running = false;
  frameAt(9032);
});
