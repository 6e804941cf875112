// @ts-check
// `?embed=1` (or `#…&embed=1`): the page is inside an iframe of a course page. The header,
// navigation and footer are hidden (class "embed" on <html>, see style.css), and, inside a
// frame, the page tells the parent its content height so the host can size the iframe. Three
// kinds of host are served at once, each by the messages it already understands:
//   - any page: `{ type: "gradlab:height", height }`, e.g.
//       window.addEventListener("message", (e) => {
//         if (e.data?.type === "gradlab:height") iframe.style.height = e.data.height + "px";
//       });
//   - Canvas LMS: `{ subject: "lti.frameResize", height }` (Canvas's documented object form);
//   - Moodle / WordPress with H5P's `h5p-resizer.js` on the page: its handshake, see
//     embed/h5p-resizer.js.
// Heights go out once the scene has rendered (`embedReady`, not the loading shell's height),
// then only when the height has changed and settled (embed/height-watch.js); never the same
// height twice in a row. Outside a frame nothing is posted and nothing is listened to, and the
// two modules that do it (embed/) are not even loaded: only a page inside a frame imports them.
import * as state from "./state.js";

/** @type {(() => void) | null} */
let markReady = null;
/** `embedReady` came before the height watcher had loaded. */
let readyEarly = false;

export function isEmbedded() {
  return state.readGlobal("embed") === "1";
}

/** @param {number} height */
function postHeight(height) {
  window.parent.postMessage({ type: "gradlab:height", height }, "*");
  window.parent.postMessage({ subject: "lti.frameResize", height }, "*");
}

export function setupEmbed() {
  if (!isEmbedded()) return;
  document.documentElement.classList.add("embed");
  if (window.parent === window) return;
  Promise.all([import("./embed/h5p-resizer.js"), import("./embed/height-watch.js")]).then(
    ([{ startH5pResizer }, { watchContentHeight }]) => {
      /** @type {{ report: () => void } | null} */
      let h5p = null;
      const watch = watchContentHeight((height) => {
        postHeight(height);
        h5p?.report();
      });
      h5p = startH5pResizer({ onHostResize: watch.check });
      markReady = watch.start;
      if (readyEarly) watch.start();
    },
    (error) => console.warn("gradlab: the embed height watcher did not load", error)
  );
}

/** The scene (or the message that replaces it) is on screen: post its height now. */
export function embedReady() {
  if (markReady) markReady();
  else readyEarly = true;
}
