// @ts-check
// Offline use after the first visit: only a build with a service worker (`cargo xtask dist`,
// not `serve`'s live pages nor the standalone file) names it in index.html's
// <meta name="gradlab-service-worker">; served over http(s), ./offline/register.js registers it.

/** Starts offline use if this page can have it (app.js calls it once the app is up). */
export function startOffline() {
  const script = document.querySelector('meta[name="gradlab-service-worker"]')?.getAttribute("content");
  if (!script || !/^https?:$/.test(location.protocol) || !("serviceWorker" in navigator)) return;
  import("./offline/register.js").then((offline) => offline.register(script), () => {});
}
