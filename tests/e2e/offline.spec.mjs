// Offline use after the first visit (issue 16, part 4): dist/sw.js, which `cargo xtask dist`
// writes. The first visit registers the worker and it controls the page from the next load; with
// the network off a reload loads and draws the scene, and the language switch works (the other
// language's text was cached too). A new build at the same address installs on the next visit
// and the page says so (vi and en) while it keeps running its own build; Reload brings the new
// build. A page without dist's mark (what `cargo xtask serve` assembles) registers nothing, and
// its sw.js retires a worker an earlier dist left behind, also when Chromium keeps it waiting behind
// the old worker. The standalone file has no worker.
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { test, expect } from "@playwright/test";
import { canvasStats, openApp, watchErrors } from "./helpers.mjs";
import { serveFolder, copyOf, rewrite } from "./offline-server.mjs";
import { vi, en } from "./strings.mjs";

const TEXT = { vi, en };
const DIST = fileURLToPath(new URL("../../dist/", import.meta.url));
const RETIRING_WORKER = fileURLToPath(new URL("../../xtask/src/offline/retire.js", import.meta.url));
/** The tagline's entry in a language table, as written in web/ or as dist minifies it. */
const TAGLINE = /"app\.tagline":\s*"/;
const MARK = '<meta name="gradlab-service-worker" content="sw.js">';
// Installing a build downloads the whole app (about 160 files) in the background, and the browser
// looks for a new build only after the page has loaded: on a busy machine each takes seconds.
const INSTALL = { timeout: 60_000 };

/** The state of the page's registration's active worker ("activated" …), or null. */
function activeWorker(page) {
  return page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state ?? null);
}

/** The script URL of the worker that controls the page, or null. */
function controller(page) {
  return page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);
}

/** The registration's workers (state and script) and whether the "updated" note shows. */
function registrationState(page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    const worker = (w) => (w ? `${w.state} ${w.scriptURL.split("/").pop()}` : null);
    return {
      installing: worker(registration?.installing),
      waiting: worker(registration?.waiting),
      active: worker(registration?.active),
      note: document.querySelector("#update-note") !== null,
    };
  });
}

function cacheNames(page) {
  return page.evaluate(() => caches.keys());
}

/** Opens `url` (absolute, or a hash on the test server), waits until the worker is active, and reloads: the page is then the worker's. */
async function visitTwice(page, url) {
  if (url.startsWith("#")) await openApp(page, url);
  else {
    await page.goto(url);
    await expect(page.locator("html")).toHaveClass(/\bready\b/);
  }
  await expect.poll(() => activeWorker(page), { message: "the worker is installed and active", ...INSTALL }).toBe("activated");
  expect(await controller(page), "a first visit is not taken over").toBeNull();
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/\bready\b/);
  expect(await controller(page)).toMatch(/\/sw\.js$/);
}

for (const [lang, other] of [
  ["vi", "en"],
  ["en", "vi"],
]) {
  test(`${lang}: after one visit the scene loads and draws with the network off, and switches to ${other}`, async ({ page, context }) => {
    test.setTimeout(120_000);
    const errors = watchErrors(page);
    await visitTwice(page, `#scene=activations&act=sigmoid&x=0&lang=${lang}`);
    const [cache] = await cacheNames(page);
    expect(cache).toMatch(/^gradlab-[0-9a-f]{16}$/);

    await context.setOffline(true);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await page.reload();
    await expect(page.locator("html")).toHaveClass(/\bready\b/);
    await expect(page.locator("#error-panel")).toBeHidden();
    await expect(page.locator("#scene-root h1")).toHaveText(TEXT[lang]["scene.activations.title"]);
    await expect(page.locator("figure.chart")).toHaveAttribute("data-drawn", /^[1-9]\d*$/);
    const stats = await canvasStats(page, "#act-chart");
    expect(stats.colours).toBeGreaterThanOrEqual(4);
    expect(stats.inked).toBeGreaterThan(0.01);
    // σ(0) = 1/2 and σ′(0) = 1/4: the readouts, computed by the cached core.
    await expect(page.locator("#readout-f")).toHaveAttribute("data-value", "0.5");
    await expect(page.locator("#readout-f")).toHaveText("0.5");
    await expect(page.locator("#readout-fprime")).toHaveText("0.25");

    // The other language, never loaded by this page, comes from the cache; so does another scene.
    await page.locator(`#lang-switch [data-lang="${other}"]`).click();
    await expect(page.locator("html")).toHaveAttribute("lang", other);
    await expect(page.locator("#scene-root h1")).toHaveText(TEXT[other]["scene.activations.title"]);
    await expect(page.locator('#scene-nav a[data-scene="dying-relu"]')).toHaveText(TEXT[other]["scene.dying-relu.nav"]);
    await page.locator('#scene-nav a[data-scene="dying-relu"]').click();
    await expect(page.locator("#scene-root h1")).toHaveText(TEXT[other]["scene.dying-relu.title"]);
    await expect(page.locator('#scene-root .scene[data-scene="dying-relu"]')).toHaveCSS("display", "grid");
    await page.locator(`#lang-switch [data-lang="${lang}"]`).click();
    await expect(page.locator("#scene-root h1")).toHaveText(TEXT[lang]["scene.dying-relu.title"]);
    await expect(page.locator("#error-panel")).toBeHidden();
    expect(errors).toEqual([]);
  });
}

test("a new build: the page says it was updated (vi, en) and keeps its own build until Reload", async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  const tagline = (text) => text["app.tagline"];
  // The next build: changed text in both languages and another cache version in sw.js.
  const next = copyOf(DIST, (copy) => {
    for (const lang of ["vi", "en"]) rewrite(copy, `web/i18n/${lang}.js`, TAGLINE, `"app.tagline":"[2] `);
    rewrite(copy, "sw.js", /const VERSION = "([0-9a-f]+)";/, 'const VERSION = "$1-2";');
  });
  const server = await serveFolder(DIST);
  try {
    await visitTwice(page, `${server.url}/#scene=vanishing&lang=en`);
    const [first] = await cacheNames(page);
    await expect(page.locator(".brand-tagline")).toHaveText(tagline(en));

    server.use(next);
    await page.reload();
    await expect(page.locator("html")).toHaveClass(/\bready\b/);
    const note = page.locator("#update-note");
    await expect(note).toBeVisible(INSTALL);
    await expect(note).toHaveAttribute("role", "status");
    await expect(note.locator("p")).toHaveText(en["offline.updated"]);
    await expect(note.getByRole("button")).toHaveText(en["offline.reload"]);
    // Still the page's own build, in both languages (the other one loads from its cache).
    await expect(page.locator(".brand-tagline")).toHaveText(tagline(en));
    await page.locator('#lang-switch [data-lang="vi"]').click();
    await expect(page.locator(".brand-tagline")).toHaveText(tagline(vi));
    await expect(note.locator("p")).toHaveText(vi["offline.updated"]);
    await expect(note.getByRole("button")).toHaveText(vi["offline.reload"]);
    await expect(page.locator("#scene-root h1")).toHaveText(vi["scene.vanishing.title"]);

    await note.getByRole("button").click();
    await expect(page.locator(".brand-tagline")).toHaveText(`[2] ${tagline(vi)}`, INSTALL);
    await expect(page.locator("html")).toHaveClass(/\bready\b/);
    await expect(page.locator("#update-note")).toHaveCount(0);
    await expect(page.locator("#scene-root h1")).toHaveText(vi["scene.vanishing.title"]);
    await expect.poll(() => cacheNames(page), { message: "only the new build's cache is left" }).toEqual([`${first}-2`]);
    await page.locator('#lang-switch [data-lang="en"]').click();
    await expect(page.locator(".brand-tagline")).toHaveText(`[2] ${tagline(en)}`);
    expect(errors).toEqual([]);
  } finally {
    await server.close();
    fs.rmSync(next, { recursive: true, force: true });
  }
});

/** What `cargo xtask serve` assembles, copied from dist: index.html without the mark, the retiring worker as sw.js. */
function serveCopy() {
  return copyOf(DIST, (copy) => {
    rewrite(copy, "index.html", `${MARK}\n`, "");
    fs.copyFileSync(RETIRING_WORKER, `${copy}/sw.js`);
  });
}

/**
 * Waits until the page in front is the network's (no mark, no controller) and ready, with no
 * worker registered and no cache left. The retiring worker reloads the page (perhaps twice: it
 * takes over, then it leaves), so the state is read once it has settled.
 */
async function expectRetired(page) {
  const settled = () =>
    page
      .evaluate(async () => ({
        ready: document.documentElement.classList.contains("ready"),
        mark: document.querySelector('meta[name="gradlab-service-worker"]') !== null,
        controlled: navigator.serviceWorker.controller !== null,
        registrations: (await navigator.serviceWorker.getRegistrations()).length,
        caches: await caches.keys(),
      }))
      .catch(() => "navigating");
  await expect
    .poll(settled, { message: "the worker and its cache are gone, the page is the network's", ...INSTALL })
    .toEqual({ ready: true, mark: false, controlled: false, registrations: 0, caches: [] })
    .catch(async (error) => {
      // Where it stopped: which workers the registration holds, and whether the note is up.
      console.log("registration at the timeout:", JSON.stringify(await registrationState(page).catch(String)));
      throw error;
    });
}

/**
 * Serves dist, visits it twice (the page is then its worker's), and runs `body` with the server and
 * a copy of what `cargo xtask serve` assembles; no console error, and both are gone after.
 */
async function afterDistVisit(page, body) {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  const serve = serveCopy();
  const server = await serveFolder(DIST);
  try {
    await visitTwice(page, `${server.url}/#scene=activations&lang=en`);
    await body({ server, serve });
    expect(errors).toEqual([]);
  } finally {
    await server.close();
    fs.rmSync(serve, { recursive: true, force: true });
  }
}

test("cargo xtask serve's page registers no worker, and its sw.js retires the one an earlier dist left", ({ page }) =>
  afterDistVisit(page, async ({ server, serve }) => {
    expect(await cacheNames(page)).toHaveLength(1);
    server.use(serve);
    await page.reload();
    await expectRetired(page);

    // An edit shows at the next reload, and nothing registers again.
    rewrite(serve, "web/i18n/en.js", TAGLINE, `"app.tagline":"[edited] `);
    await page.reload();
    await expect(page.locator(".brand-tagline")).toHaveText(`[edited] ${en["app.tagline"]}`);
    await expect(page.locator("html")).toHaveClass(/\bready\b/); // offline.js decides as the app is up
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
  }));

test("the retiring worker retires, and reloads the page, while a download of the old worker keeps it waiting", ({ page }) =>
  afterDistVisit(page, async ({ server, serve }) => {
    // A file the old worker no longer has and the server does not answer: the old worker's fetch
    // stays on its way, and Chromium keeps a new worker waiting until it ends (skipWaiting or not).
    server.hold("/web/favicon.png");
    await page.evaluate(async () => {
      const url = new URL("web/favicon.png", document.baseURI).href;
      for (const name of await caches.keys()) await (await caches.open(name)).delete(url);
      fetch(url).catch(() => {});
    });
    server.use(serve);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect
      .poll(() => registrationState(page).catch(() => "navigating"), { message: "the retiring worker waits behind the old one", ...INSTALL })
      .toMatchObject({ waiting: "installed sw.js", active: "activated sw.js" });
    await expectRetired(page);
  }));

test("a page without a worker clears a gradlab cache an earlier dist left, and only gradlab's", async ({ page }) => {
  const errors = watchErrors(page);
  const serve = copyOf(DIST, (copy) => rewrite(copy, "index.html", `${MARK}\n`, ""));
  const server = await serveFolder(serve);
  try {
    await page.goto(`${server.url}/#scene=summary&lang=en`);
    await expect(page.locator("html")).toHaveClass(/\bready\b/);
    await page.evaluate(async () => {
      await caches.open("gradlab-0123456789abcdef");
      await caches.open("someone-else");
    });
    await page.reload();
    await expect(page.locator("html")).toHaveClass(/\bready\b/);
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual(["someone-else"]);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
    expect(errors).toEqual([]);
  } finally {
    await server.close();
    fs.rmSync(serve, { recursive: true, force: true });
  }
});

test("the standalone file and the SCORM package's page carry no service worker; dist's page does", () => {
  expect(fs.readFileSync(`${DIST}/index.html`, "utf8")).toContain(MARK);
  expect(fs.readFileSync(`${DIST}/gradlab-standalone.html`, "utf8")).not.toContain("gradlab-service-worker");
  const worker = fs.readFileSync(`${DIST}/sw.js`, "utf8");
  for (const file of ["index.html", "web/app.js", "web/i18n/vi.js", "web/i18n/en.js", "web/i18n/vi/offline.js", "web/i18n/en/offline.js", "web/pkg/gradlab.js", "web/pkg/gradlab_bg.wasm", "web/styles/offline.css", "web/favicon.png"]) {
    expect(worker, file).toContain(`"${file}"`);
  }
  // Only the full core: a page the worker controls runs every scene on it (web/wasm.js).
  expect(worker).not.toContain("web/pkg/lite/");
  expect(worker).not.toContain("web/pkg/facts/");
  expect(worker).not.toContain("web/pkg/training/");
  expect(worker).not.toContain("web/pkg/lab/");
  expect(worker).not.toMatch(/\.gz"|\.br"|standalone|scorm12\.zip|"sw\.js"/);
});
