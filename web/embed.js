// @ts-check
// `?embed=1`: the page is inside an iframe of a course page. The header, navigation and footer
// are hidden (class "embed" on <html>, see style.css), and the page posts its content height to
// the parent whenever it changes, so the host can size the iframe:
//   window.addEventListener("message", (e) => {
//     if (e.data?.type === "gradlab:height") iframe.style.height = e.data.height + "px";
//   });
import * as state from "./state.js";

export function isEmbedded() {
  return state.readGlobal("embed") === "1";
}

export function setupEmbed() {
  if (!isEmbedded()) return;
  document.documentElement.classList.add("embed");
  if (window.parent === window) return;
  let last = -1;
  const post = () => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "gradlab:height", height }, "*");
  };
  new ResizeObserver(post).observe(document.body);
  post();
}
