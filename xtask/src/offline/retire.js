// gradlab's retiring service worker, in a dist/ that `cargo xtask serve` assembled: there the
// page registers no worker (its index.html has no <meta name="gradlab-service-worker">), so that
// every reload shows the latest files. A browser that kept the worker of an earlier
// `cargo xtask dist` on this address finds this script at its next visit: it takes over, deletes
// gradlab's caches, unregisters itself and reloads the open pages from the network.
// Written by xtask/src/offline.rs from xtask/src/offline/retire.js; do not edit dist/sw.js.
self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name.startsWith("gradlab-")).map((name) => caches.delete(name)));
      await self.registration.unregister();
      for (const client of await self.clients.matchAll({ type: "window" })) client.navigate(client.url).catch(() => {});
    })()
  );
});
