// What gradlab writes to a SCORM 1.2 run-time (web/lms/scorm-data.js), in Node: the view kept in
// cmi.suspend_data within 4096 characters, the saved view read back, a practice set's score,
// the lesson status and the session time. Every expectation is a literal written by hand.
import { test } from "node:test";
import assert from "node:assert/strict";
import { SUSPEND_LIMIT, fitView, savedView, finishedScore, readScore, statusAfter, sessionTime } from "../../web/lms/scorm-data.js";

test("fitView: a view within the limit is kept as it is", () => {
  assert.equal(SUSPEND_LIMIT, 4096);
  assert.equal(fitView("scene=activations&act=tanh&x=2&lang=en"), "scene=activations&act=tanh&x=2&lang=en");
  const exact = `scene=lab&w=${"1".repeat(4096 - 12)}`;
  assert.equal(exact.length, 4096);
  assert.equal(fitView(exact), exact);
});

test("fitView: a longer view keeps the settings that fit, in order, never cutting one", () => {
  const long = `scene=lab&w=${"9,".repeat(3000)}9&depth=3&lang=vi`;
  assert.equal(fitView(long), "scene=lab&depth=3&lang=vi");
  assert.equal(fitView("scene=a&bb=1&c=2", 10), "scene=a");
  assert.equal(fitView("scene=a&bb=1&c=2", 11), "scene=a&c=2");
  assert.equal(fitView("scene=abcdef&x=1", 5), "", "the scene itself does not fit: nothing is kept");
  for (const limit of [5, 10, 11, 15]) assert.ok(fitView("scene=a&bb=1&c=2", limit).length <= limit);
});

test("savedView: only a view of gradlab's, its scene first, within the limit", () => {
  assert.equal(savedView("scene=dying-relu&lang=en"), "scene=dying-relu&lang=en");
  assert.equal(savedView(""), null);
  assert.equal(savedView("lang=en&scene=x"), null);
  assert.equal(savedView("scene=x#y"), null);
  assert.equal(savedView("scene=x y"), null);
  assert.equal(savedView(`scene=${"a".repeat(4091)}`), null, "4097 characters");
  assert.equal(savedView(undefined), null);
});

test("finishedScore: a percent once every question of the set is answered", () => {
  assert.equal(finishedScore({ right: 2, answered: 3, total: 3 }), 67);
  assert.equal(finishedScore({ right: 3, answered: 3, total: 3 }), 100);
  assert.equal(finishedScore({ right: 0, answered: 3, total: 3 }), 0);
  assert.equal(finishedScore({ right: 1, answered: 2, total: 3 }), null, "not finished");
  assert.equal(finishedScore({ right: 0, answered: 0, total: 0 }), null);
  assert.equal(finishedScore({ right: 4, answered: 3, total: 3 }), null);
  assert.equal(finishedScore({ right: 1.5, answered: 3, total: 3 }), null);
  assert.equal(finishedScore({}), null);
});

test("readScore: a number from 0 to 100, else null", () => {
  assert.equal(readScore("80"), 80);
  assert.equal(readScore("0"), 0);
  assert.equal(readScore("67.5"), 67.5);
  assert.equal(readScore(""), null);
  assert.equal(readScore(" "), null);
  assert.equal(readScore("101"), null);
  assert.equal(readScore("-1"), null);
  assert.equal(readScore("abc"), null);
});

test("statusAfter: completed without a mastery score, else passed or failed; passed stays", () => {
  assert.equal(statusAfter("incomplete", 67, null), "completed");
  assert.equal(statusAfter("incomplete", 67, 80), "failed");
  assert.equal(statusAfter("failed", 80, 80), "passed");
  assert.equal(statusAfter("incomplete", 100, 80), "passed");
  assert.equal(statusAfter("passed", 0, 80), "passed");
  assert.equal(statusAfter("completed", 33, null), "completed");
});

test("sessionTime: HHHH:MM:SS.SS", () => {
  assert.equal(sessionTime(0), "0000:00:00.00");
  assert.equal(sessionTime(65_230), "0000:01:05.23");
  assert.equal(sessionTime(3_600_000 + 2 * 60_000 + 3_000 + 40), "0001:02:03.04");
  assert.equal(sessionTime(-5), "0000:00:00.00");
});
