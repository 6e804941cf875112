// @ts-check
// `?embed=1`: the page is inside an iframe of a course page. The header, navigation and footer
// are hidden (class "embed" on <html>, see style.css), and the page posts its content height to
// the parent so the host can size the iframe:
//   window.addEventListener("message", (e) => {
//     if (e.data?.type === "gradlab:height") iframe.style.height = e.data.height + "px";
//   });
// The first height is posted once the scene has rendered (`embedReady`, not the loading shell's
// height), then only when the height has changed and stayed put for SETTLE_MS — a burst of
// layout changes (a chart's first draw, a step of the player) makes one message, not several.
import * as state from "./state.js";

const SETTLE_MS = 200;

let poster = null;

export function isEmbedded() {
  return state.readGlobal("embed") === "1";
}

export function setupEmbed() {
  if (!isEmbedded()) return;
  document.documentElement.classList.add("embed");
  if (window.parent === window) return;
  let last = -1;
  let timer = 0;
  let ready = false;
  const post = () => {
    timer = 0;
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "gradlab:height", height }, "*");
  };
  new ResizeObserver(() => {
    if (!ready) return;
    clearTimeout(timer);
    timer = window.setTimeout(post, SETTLE_MS);
  }).observe(document.body);
  poster = () => {
    ready = true;
    clearTimeout(timer);
    post();
  };
}

/** The scene (or the message that replaces it) is on screen: post its height now. */
export function embedReady() {
  poster?.();
}
