// @ts-check
// SCORM 1.2 (the page launched by an LMS from dist/gradlab-scorm12.zip): finds the run-time API
// as ADL advises — `API` on this window or a parent (up to 7 frames up), then on the opener and
// its parents — and starts ./scorm-session.js. Outside an LMS (another origin's frame included)
// it does nothing and logs nothing.

const MAX_FRAMES_UP = 7;

/** @typedef {import("./scorm-session.js").Scorm12Api} Scorm12Api */

/** The API on `win`, if it is reachable (same origin) and looks like SCORM 1.2's. @returns {Scorm12Api | null} */
function apiOn(win) {
  try {
    const api = win.API;
    return api && typeof api.LMSInitialize === "function" ? api : null;
  } catch {
    return null; // another origin's window
  }
}

/** @param {Window | null} start @returns {Scorm12Api | null} */
function findApi(start) {
  let win = start;
  for (let up = 0; win && up <= MAX_FRAMES_UP; up++) {
    const api = apiOn(win);
    if (api) return api;
    if (win.parent === win) return null;
    win = win.parent;
  }
  return null;
}

/**
 * Starts the SCORM session if an LMS launched the page; resolves once it has started (it may
 * have restored the view saved at the last launch into the URL, so call this before anything
 * reads the URL). Never rejects.
 */
export async function startLms() {
  const api = findApi(window) ?? findApi(window.opener);
  if (!api) return;
  try {
    const { startSession } = await import("./scorm-session.js");
    startSession(api);
  } catch {
    // The session could not start: the page works as outside an LMS.
  }
}
