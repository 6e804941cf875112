// How much training the page does at once (web/components/training-budget.js), in Node with a
// hand-driven clock: while a scene starts, both the work done at once and the work of each
// animation frame are the start's small budgets; 1.5 s after the start they are the usual ones.
// The budgets are literals written here, not read from the module.
import { test } from "node:test";
import assert from "node:assert/strict";

let now = 1000;
globalThis.performance = { now: () => now };
const budget = await import("../../web/components/training-budget.js");

test("outside a scene's start: 20 ms at once, 12 ms a frame", () => {
  now = 1000;
  assert.equal(budget.syncBudget(), 20);
  assert.equal(budget.frameBudget(), 12);
});

test("while a scene starts: 4 ms at once and 4 ms a frame, for 1.5 s", () => {
  now = 5000;
  budget.sceneStarting();
  assert.equal(budget.syncBudget(), 4);
  assert.equal(budget.frameBudget(), 4);
  now = 6499;
  assert.equal(budget.syncBudget(), 4);
  assert.equal(budget.frameBudget(), 4);
  now = 6500;
  assert.equal(budget.syncBudget(), 20);
  assert.equal(budget.frameBudget(), 12);
});
