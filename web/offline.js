// @ts-check
// Offline use after the first visit: only a build with a service worker (`cargo xtask dist`,
// not `serve`'s live pages nor the standalone file) names it in index.html's
// <meta name="gradlab-service-worker">; served over http(s), ./offline/register.js registers it.
// A page without it that no worker controls any more clears what an earlier dist's worker left
// on this address (its sw.js there retires that worker, xtask/src/offline/retire.js): a cache
// re-created while the worker was retiring would otherwise stay.

/** Starts offline use if this page can have it (app.js calls it once the app is up). */
export function startOffline() {
  if (!/^https?:$/.test(location.protocol) || !("serviceWorker" in navigator)) return;
  const script = document.querySelector('meta[name="gradlab-service-worker"]')?.getAttribute("content");
  if (script) import("./offline/register.js").then((offline) => offline.register(script), () => {});
  else clearLeftovers().catch(() => {});
}

async function clearLeftovers() {
  if (navigator.serviceWorker.controller || (await navigator.serviceWorker.getRegistrations()).length) return;
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith("gradlab-")).map((name) => caches.delete(name)));
}
