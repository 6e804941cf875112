// @ts-check
// The values gradlab writes to a SCORM 1.2 run-time, as pure functions (no window, no API:
// Node's unit tests import them): the view kept in cmi.suspend_data, the score of a practice
// set, the lesson status and the session time. Used by ./scorm-session.js.

/** The most cmi.suspend_data holds in SCORM 1.2 (CMIString4096). */
export const SUSPEND_LIMIT = 4096;

/**
 * The view (a URL hash without "#": "scene=…&…&lang=…") cut to `limit` characters without
 * cutting a setting: the settings that fit are kept, in order, and the others left out (they read
 * as their defaults). A view whose first setting does not fit is not kept at all ("").
 * @param {string} view @param {number} [limit]
 */
export function fitView(view, limit = SUSPEND_LIMIT) {
  if (view.length <= limit) return view;
  const [first, ...rest] = view.split("&");
  if (first.length > limit) return "";
  let kept = first;
  for (const part of rest) {
    if (kept.length + 1 + part.length <= limit) kept += `&${part}`;
  }
  return kept;
}

/**
 * The view saved at an earlier launch, if `saved` reads as one of gradlab's (its scene first,
 * no "#" or white space, within the limit), else null. The page checks its values as it does
 * for any link.
 * @param {string} saved
 */
export function savedView(saved) {
  return typeof saved === "string" && saved.length <= SUSPEND_LIMIT && /^scene=[^\s#]*$/.test(saved) ? saved : null;
}

/**
 * The score of a finished practice set in percent (0–100, whole), or null while the set is not
 * finished or the numbers do not make sense.
 * @param {{ right: number, answered: number, total: number }} score
 */
export function finishedScore({ right, answered, total }) {
  const counts = [right, answered, total].every((n) => Number.isInteger(n) && n >= 0);
  if (!counts || total === 0 || answered !== total || right > total) return null;
  return Math.round((100 * right) / total);
}

/**
 * A score the LMS gave (cmi.core.score.raw, cmi.student_data.mastery_score) as a number from 0
 * to 100, or null when it gave none or something else.
 * @param {string} text
 */
export function readScore(text) {
  if (typeof text !== "string" || text.trim() === "") return null;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 && value <= 100 ? value : null;
}

/**
 * The lesson status once a practice set is finished with `best` the best score so far:
 * "passed" or "failed" against the LMS's mastery score, or "completed" when it has none; a
 * "passed" is never taken back.
 * @param {string} previous @param {number} best @param {number | null} mastery
 */
export function statusAfter(previous, best, mastery) {
  if (previous === "passed") return "passed";
  if (mastery === null) return "completed";
  return best >= mastery ? "passed" : "failed";
}

/**
 * A duration as SCORM 1.2's CMITimespan, HHHH:MM:SS.SS.
 * @param {number} ms
 */
export function sessionTime(ms) {
  const centis = Math.max(0, Math.round(ms / 10));
  const two = (/** @type {number} */ n) => String(n).padStart(2, "0");
  const hours = Math.min(9999, Math.floor(centis / 360000));
  const minutes = Math.floor(centis / 6000) % 60;
  const seconds = Math.floor(centis / 100) % 60;
  return `${String(hours).padStart(4, "0")}:${two(minutes)}:${two(seconds)}.${two(centis % 100)}`;
}
