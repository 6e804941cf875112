// @ts-check
// Registers the build's service worker (dist/sw.js, see xtask/src/offline.rs) and watches for
// updates; web/offline.js loads this module once the app is up, on a served build that has one.
// A page keeps the build it was loaded with. When the browser has installed a newer build
// meanwhile, a note says so (./update-note.js) and its Reload button lets the new build take
// over; every open page of the app then reloads, so no page ever runs one build's modules with
// another's. Any failure is silent: the app works online as before.

const MESSAGE_ACTIVATE = "gradlab:activate";
const MESSAGE_RETIRED = "gradlab:retired";

/** @param {string} script the worker's URL, relative to the page */
export function register(script) {
  const workers = navigator.serviceWorker;
  // A page of an older build: when a newer one takes over (this page's Reload or another tab's),
  // reload from it. A first visit is never taken over (sw.js does not claim pages).
  if (workers.controller) {
    let reloading = false;
    const reload = () => {
      if (reloading) return;
      reloading = true;
      location.reload();
    };
    workers.addEventListener("controllerchange", reload);
    // The retiring worker of `cargo xtask serve` (xtask/src/offline/retire.js) could not take over:
    // it has unregistered and deleted the caches, so a reload comes from the network.
    workers.addEventListener("message", (event) => {
      if (event.data === MESSAGE_RETIRED) reload();
    });
    workers.startMessages();
  }
  // Registered already: watch at once, and look for a new build now (the browser's own look, after
  // a navigation, waits until the worker has been idle for a while).
  workers
    .getRegistration()
    .then(async (registration) => {
      if (!registration) {
        watchForUpdates(await workers.register(script));
        return;
      }
      watchForUpdates(registration);
      if (navigator.onLine) await registration.update();
    })
    .catch(() => {});
}

/** @param {ServiceWorkerRegistration} registration */
function watchForUpdates(registration) {
  /** @param {ServiceWorker} worker a newer build, installed and waiting */
  const offer = (worker) => {
    if (!navigator.serviceWorker.controller) return;
    const activate = () => worker.postMessage(MESSAGE_ACTIVATE);
    import("./update-note.js").then((note) => note.showUpdateNote(activate), () => {});
  };
  /** @param {ServiceWorker | null} worker a build being installed */
  const follow = (worker) => {
    worker?.addEventListener("statechange", () => {
      if (worker.state === "installed") offer(worker);
    });
  };
  // The browser looks for a new build as the page loads: by now it may be waiting or installing.
  if (registration.waiting) offer(registration.waiting);
  follow(registration.installing);
  registration.addEventListener("updatefound", () => follow(registration.installing));
}
