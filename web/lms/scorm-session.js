// @ts-check
// The SCORM 1.2 session, inside an LMS (./scorm.js found the run-time API):
// - LMSInitialize(""); cmi.core.lesson_status "incomplete", unless it is "completed" or
//   "passed" already;
// - the view (the URL hash: the scene and every control) in cmi.suspend_data, at most 4096
//   characters (./scorm-data.js fitView); at the next launch, if the launch URL has no hash,
//   the saved view is restored before the page reads the URL;
// - practice: when a practice set of a mission scene is finished (every question answered, the
//   "gradlab:practice-score" event of components/practice.js), its score in percent; the LMS
//   keeps the best set's: cmi.core.score.raw, with min 0 and max 100, and the status
//   "completed", or "passed"/"failed" against cmi.student_data.mastery_score when the LMS sets one;
// - LMSCommit("") a second after changes; on pagehide the last view, cmi.core.exit "suspend" (the
//   next launch resumes), cmi.core.session_time, LMSCommit("") and LMSFinish("").
// Every call is guarded: an API that throws, or answers "false" with an error code, never
// disturbs the page, and nothing is logged.
import { fitView, savedView, finishedScore, readScore, statusAfter, sessionTime } from "./scorm-data.js";

/**
 * The SCORM 1.2 run-time API an LMS puts on `window.API`.
 * @typedef {{
 *   LMSInitialize(arg: ""): unknown, LMSFinish(arg: ""): unknown, LMSCommit(arg: ""): unknown,
 *   LMSGetValue(element: string): unknown, LMSSetValue(element: string, value: string): unknown,
 *   LMSGetLastError(): unknown
 * }} Scorm12Api
 */

const COMMIT_DELAY_MS = 1000;
/** How often the view is compared with the saved one (controls change the URL without an event). */
const VIEW_CHECK_MS = 1000;

/** @param {Scorm12Api} api */
export function startSession(api) {
  /** Calls an API method; its answer as a string ("" if it threw). @param {keyof Scorm12Api} method @param {string[]} args */
  const call = (method, ...args) => {
    try {
      const answer = /** @type {(...a: string[]) => unknown} */ (api[method]).apply(api, args);
      return answer === undefined || answer === null ? "" : String(answer);
    } catch {
      return "";
    }
  };
  const get = (/** @type {string} */ element) => call("LMSGetValue", element);
  /** Sets an element; a refusal is read (LMSGetLastError) and let go. @param {string} element @param {string} value */
  const set = (element, value) => {
    if (call("LMSSetValue", element, value) !== "true") call("LMSGetLastError");
  };
  if (call("LMSInitialize", "") !== "true") return;

  const started = performance.now();
  let status = get("cmi.core.lesson_status");
  if (status !== "completed" && status !== "passed") {
    status = "incomplete";
    set("cmi.core.lesson_status", status);
  }
  let best = readScore(get("cmi.core.score.raw"));
  const mastery = readScore(get("cmi.student_data.mastery_score"));
  const restored = location.hash.length > 1 ? null : savedView(get("cmi.suspend_data"));
  if (restored) history.replaceState(history.state, "", `#${restored}`);

  let finished = false;
  let commitTimer = 0;
  const commitSoon = () => {
    clearTimeout(commitTimer);
    commitTimer = window.setTimeout(() => call("LMSCommit", ""), COMMIT_DELAY_MS);
  };

  let view = restored ?? "";
  /** Saves the view if it changed; true if it did. */
  const saveView = () => {
    const now = fitView(location.hash.replace(/^#/, ""));
    if (now === view || now === "") return false;
    view = now;
    set("cmi.suspend_data", now);
    return true;
  };
  const viewCheck = () => {
    if (saveView()) commitSoon();
  };
  const viewTimer = window.setInterval(viewCheck, VIEW_CHECK_MS);
  window.addEventListener("hashchange", viewCheck);

  document.addEventListener("gradlab:practice-score", (event) => {
    const score = finished ? null : finishedScore(/** @type {CustomEvent} */ (event).detail ?? {});
    if (score === null) return;
    if (best === null || score > best) {
      best = score;
      set("cmi.core.score.min", "0");
      set("cmi.core.score.max", "100");
      set("cmi.core.score.raw", String(score));
    }
    const next = statusAfter(status, best, mastery);
    if (next !== status) {
      status = next;
      set("cmi.core.lesson_status", status);
    }
    commitSoon();
  });

  commitSoon();
  window.addEventListener("pagehide", () => {
    if (finished) return;
    finished = true;
    clearInterval(viewTimer);
    clearTimeout(commitTimer);
    saveView();
    set("cmi.core.exit", "suspend");
    set("cmi.core.session_time", sessionTime(performance.now() - started));
    call("LMSCommit", "");
    call("LMSFinish", "");
  });
}
