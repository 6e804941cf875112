// @ts-check
// A scene's stylesheets (web/scenes/registry.js `styles`), loaded the first time the scene is
// routed to: app.js waits for them before mounting, so a scene never shows unstyled. index.html
// links only the shared sheets. A sheet already in the page — `<link href>`, or the
// `<style data-href>` the standalone build inlines in its place — is not loaded again.

const loading = new Map(); // href → Promise

function present(href) {
  return [...document.querySelectorAll(/** @type {"style"} */ ('link[rel~="stylesheet"], style[data-href]'))].some(
    (node) => (node.localName === "link" ? node.getAttribute("href") : node.dataset.href) === href
  );
}

function load(href) {
  return new Promise((resolve) => {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    // A sheet that fails to load leaves the scene plain but usable: mount it all the same.
    link.addEventListener("load", () => resolve(), { once: true });
    link.addEventListener("error", () => resolve(), { once: true });
    document.head.append(link);
  });
}

/** Resolves once every sheet of `hrefs` is in the page and loaded (or failed to load). */
export function ensureStyles(hrefs) {
  return Promise.all(
    hrefs.map((href) => {
      if (!loading.has(href)) loading.set(href, present(href) ? Promise.resolve() : load(href));
      return loading.get(href);
    })
  );
}
