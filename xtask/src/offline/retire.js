// gradlab's retiring service worker, in a dist/ that `cargo xtask serve` assembled: there the
// page registers no worker (its index.html has no <meta name="gradlab-service-worker">), so that
// every reload shows the latest files. A browser that kept the worker of an earlier
// `cargo xtask dist` on this address finds this script at its next visit: it takes over, deletes
// gradlab's caches, unregisters itself and reloads the open pages from the network.
// Written by xtask/src/offline.rs from xtask/src/offline/retire.js; do not edit dist/sw.js.
// It must take over at once. A skipWaiting() during install alone left it waiting behind the old
// worker in Chromium 156 (tests/e2e/offline.spec.mjs); asked again once installed, it activates.
// A page of the old build may ask too: its "updated" note's Reload sends "gradlab:activate".
// Chromium also keeps it waiting, skipWaiting or not, while a fetch of the old worker is still on
// its way (CI saw one last over 60 s): after WAIT_MS waiting it retires without taking over, and
// asks the open pages to reload ("gradlab:retired", web/offline/register.js).
const WAIT_MS = 5000;
let asking = 0;
let waited = 0;
self.addEventListener("install", (event) => {
  event.waitUntil(self.skipWaiting());
  asking = setInterval(() => self.skipWaiting(), 250);
  waited = setTimeout(() => retireWaiting().catch(() => {}), WAIT_MS);
});
self.addEventListener("message", (event) => {
  if (event.data === "gradlab:activate") self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      await retire();
      for (const client of await self.clients.matchAll({ type: "window" })) client.navigate(client.url).catch(() => {});
    })()
  );
});

/** Still waiting: retire, and the pages of the old worker reload from the network. */
async function retireWaiting() {
  await retire();
  for (const client of await self.clients.matchAll({ type: "window", includeUncontrolled: true })) {
    client.postMessage("gradlab:retired");
  }
}

let retiring = null;
/** Deletes gradlab's caches and unregisters, once: the next load of a page comes from the network. */
function retire() {
  clearInterval(asking);
  clearTimeout(waited);
  retiring ??= (async () => {
    // Swept twice: an older worker's fetch still on its way may have opened (so re-created)
    // its cache after the first sweep.
    const sweep = async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name.startsWith("gradlab-")).map((name) => caches.delete(name)));
    };
    await sweep();
    await self.registration.unregister();
    await sweep();
  })();
  return retiring;
}
