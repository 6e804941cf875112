// @ts-check
// The content side of H5P's iframe resizer protocol, as the host script `h5p-resizer.js` (in
// Moodle and WordPress pages with H5P) speaks it. Every message is `{ context: "h5p", action, … }`
// posted to the parent with target "*":
//
//   content → host  hello                                    "can you size my iframe?"
//   host → content  hello                                    yes (the host set the width to 100%)
//   content → host  prepareResize { scrollHeight, clientHeight }   (of document.body)
//   host → content  resizePrepared                           (only when the size must change)
//   content → host  resize { scrollHeight }                  the host sets the iframe's height
//   host → content  resize                                   the host window was resized
//   host → content  ready                                    the host script has just loaded
//
// Until the host has answered `hello`, each new height sends `hello` again (the host script may
// load after the iframe). `prepareResize` goes out only for a scrollHeight other than the last
// one sent (or given in a `resize`), and `resize` once per `prepareResize` the host will answer
// (as its script decides: the frame's height must change), so a repeated or unasked
// `resizePrepared` sends nothing. Messages that are not from the parent window or not of
// that shape are ignored; reading a hostile message never throws.

const HOST_ACTIONS = new Set(["hello", "resizePrepared", "resize", "ready"]);

/**
 * The host's action if `event` is an H5P message from the parent window, else null.
 * @param {MessageEvent} event
 * @returns {string | null}
 */
function hostAction(event) {
  try {
    if (event.source !== window.parent) return null;
    const data = event.data;
    if (typeof data !== "object" || data === null || data.context !== "h5p") return null;
    const action = data.action;
    return typeof action === "string" && HOST_ACTIONS.has(action) ? action : null;
  } catch {
    return null; // a getter that throws, a revoked proxy: not a message for us
  }
}

/**
 * @param {string} action
 * @param {Record<string, number>} [fields]
 */
function send(action, fields = {}) {
  window.parent.postMessage({ ...fields, context: "h5p", action }, "*");
}

/**
 * Starts the handshake (sends `hello`) and answers the host.
 * @param {{ onHostResize: () => void }} options  called when the host window was resized
 * @returns {{ report: () => void }}  report(): the content height changed (after the scene is drawn)
 */
export function startH5pResizer({ onHostResize }) {
  let hostAnswered = false;
  let drawn = false;
  let awaitingPrepared = false;
  let lastPrepared = -1;
  const prepareResize = () => {
    if (!hostAnswered) {
      send("hello");
      return;
    }
    const { scrollHeight, clientHeight } = document.body;
    if (scrollHeight === lastPrepared) return; // a sub-pixel change of height: same whole pixels
    lastPrepared = scrollHeight;
    // The host answers only when the frame must change: not when it is already that tall (our
    // viewport is the iframe) and the content does not scroll. Then no answer is awaited, and a
    // later stray resizePrepared finds nothing to answer.
    awaitingPrepared = window.innerHeight !== scrollHeight || scrollHeight !== clientHeight;
    send("prepareResize", { scrollHeight, clientHeight });
  };
  window.addEventListener("message", (event) => {
    const action = hostAction(event);
    if (action === "hello") {
      const first = !hostAnswered;
      hostAnswered = true;
      if (first && drawn) prepareResize();
    } else if (action === "resizePrepared") {
      if (!awaitingPrepared) return;
      awaitingPrepared = false;
      // The height now, which may have changed since prepareResize: the host takes it, so the
      // settled report of that same height need not ask again.
      lastPrepared = document.body.scrollHeight;
      send("resize", { scrollHeight: lastPrepared });
    } else if (action === "resize") {
      onHostResize();
    } else if (action === "ready") {
      if (!hostAnswered) send("hello");
    }
  });
  send("hello");
  return {
    report() {
      drawn = true;
      prepareResize();
    },
  };
}
