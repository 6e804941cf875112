// The logarithmic colour scale's ranges (web/components/log-color.js), in Node: the decades that
// cover a set of values, and the range a live redraw keeps while the values still fit it. Every
// expectation is a literal written by hand.
import { test } from "node:test";
import assert from "node:assert/strict";
import { heldRange, logRange, position } from "../../web/components/log-color.js";

test("logRange: whole decades around the positive finite values, at most `span` below the top", () => {
  assert.deepEqual(logRange([0.05, 2e-17], { span: 10 }), { loExp: -11, hiExp: -1 });
  assert.deepEqual(logRange([0.0056, 2e-17], { span: 10 }), { loExp: -12, hiExp: -2 });
  assert.deepEqual(logRange([0.005, 3e-4], { span: 10 }), { loExp: -4, hiExp: -2 });
  assert.deepEqual(logRange([0.1], { span: 10 }), { loExp: -2, hiExp: -1 });
  assert.equal(logRange([0, NaN, -0], { span: 10 }), null);
});

test("heldRange: the range drawn last stays while the largest value is in its top two decades", () => {
  const held = { loExp: -11, hiExp: -1 };
  const fresh = { loExp: -12, hiExp: -2 };
  // 0.0056 is in [10⁻³, 10⁻¹]: held (a noisy batch dipped under 10⁻²; no recolouring).
  assert.equal(heldRange(held, fresh, 0.0056), held);
  assert.equal(heldRange(held, fresh, 0.1), held);
  // Above the top, or two decades below it: the fresh range.
  const above = { loExp: -10, hiExp: 0 };
  assert.equal(heldRange(held, above, 0.11), above);
  assert.equal(heldRange(held, fresh, 0.001), fresh);
  assert.equal(heldRange(held, fresh, 0.0009), fresh);
  // Nothing drawn yet, or nothing to draw now: the fresh range.
  assert.equal(heldRange(null, fresh, 0.05), fresh);
  assert.equal(heldRange(held, null, 0), null);
});

test("position: where |v| sits on a range, clamped to its ends; null for 0 and non-finite values", () => {
  const range = { loExp: -11, hiExp: -1 };
  assert.equal(position(0.1, range), 1);
  assert.equal(position(-1e-6, range), 0.5);
  assert.equal(position(1e-20, range), 0);
  assert.equal(position(1, range), 1);
  assert.equal(position(0, range), null);
  assert.equal(position(Infinity, range), null);
});
