// The builds of the core (web/wasm.js; the registry's `core`): the activations scene downloads
// the lite core only, the summary the facts core (no chart, no exercises), the lessons that
// train the training core, the lab its own (the full one without the activation chart), and
// every core has what its scenes call;
// a navigation loads a missing one once — with the scene's header and the loading line while it
// comes, and the page's load error if it cannot. Needs `cargo xtask dist` (a serve build has
// only the full core).
import { test, expect } from "@playwright/test";
import { en } from "./strings.mjs";
import { openApp, watchErrors } from "./helpers.mjs";
import { sceneUses, glueExports } from "./core-exports.mjs";

const LITE = /\/web\/pkg\/lite\/gradlab_bg\.wasm$/;
const FACTS = /\/web\/pkg\/facts\/gradlab_bg\.wasm$/;
const TRAINING = /\/web\/pkg\/training\/gradlab_bg\.wasm$/;
const LAB = /\/web\/pkg\/lab\/gradlab_bg\.wasm$/;
const FULL = /\/web\/pkg\/gradlab_bg\.wasm$/;

/** The wasm files the page requests from now on. */
function wasmRequests(page) {
  const urls = [];
  page.on("request", (request) => {
    if (request.url().endsWith(".wasm")) urls.push(new URL(request.url()).pathname);
  });
  return urls;
}

test("each scene downloads its own core once: lite, facts, training, lab (never the full one)", async ({ page }) => {
  const errors = watchErrors(page);
  const wasm = wasmRequests(page);
  const count = (pattern) => wasm.filter((u) => pattern.test(u)).length;
  const counts = () => [count(LITE), count(FACTS), count(TRAINING), count(LAB), count(FULL)];
  await openApp(page, "#scene=activations&lang=en");
  await expect(page.locator("#readout-fprime")).toHaveAttribute("data-value", /\d/);
  expect(counts()).toEqual([1, 0, 0, 0, 0]);

  await page.locator('#scene-nav a[data-scene="summary"]').click();
  await expect(page.locator("#scene-root h1")).toHaveText(en["scene.summary.title"]);
  // The summary's derivative column comes from the facts core: σ′ is at most 0.25.
  await expect(page.locator("#summary-table")).toContainText("Sigmoid: largest f′ = 0.25");
  expect(counts()).toEqual([1, 1, 0, 0, 0]);

  await page.locator('#scene-nav a[data-scene="vanishing"]').click();
  await expect(page.locator('#scene-root .scene[data-scene="vanishing"]')).toBeVisible();
  await expect(page.locator("#scene-root h1")).toHaveText(en["scene.vanishing.title"]);
  await page.locator('#scene-nav a[data-scene="zero-init"]').click();
  await expect(page.locator('#scene-root .scene[data-scene="zero-init"]')).toBeVisible();
  expect(counts()).toEqual([1, 1, 1, 0, 0]);

  await page.locator('#scene-nav a[data-scene="lab"]').click();
  await expect(page.locator('#scene-root .scene[data-scene="lab"]')).toBeVisible();
  await page.locator('#scene-nav a[data-scene="activations"]').click();
  await expect(page.locator("#readout-fprime")).toHaveAttribute("data-value", /\d/);
  await page.locator('#scene-nav a[data-scene="summary"]').click();
  await expect(page.locator("#scene-root h1")).toHaveText(en["scene.summary.title"]);
  expect(counts()).toEqual([1, 1, 1, 1, 0]);
  expect(errors).toEqual([]);
});

test("a first visit to the summary downloads the facts core alone", async ({ page }) => {
  const errors = watchErrors(page);
  const wasm = wasmRequests(page);
  await openApp(page, "#scene=summary&lang=en");
  await expect(page.locator("#summary-table")).toContainText("Sigmoid: largest f′ = 0.25");
  expect(wasm.map((u) => u.replace(/^.*\/web\/pkg\//, ""))).toEqual(["facts/gradlab_bg.wasm"]);
  expect(errors).toEqual([]);
});

test("while a scene's core downloads, its header and the loading line are shown", async ({ page }) => {
  const errors = watchErrors(page);
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(TRAINING, async (route) => {
    await held;
    await route.continue();
  });
  await openApp(page, "#scene=activations&lang=en");
  await page.locator('#scene-nav a[data-scene="dying-relu"]').click();
  const provisional = page.locator("#scene-root .scene-dying-relu[data-provisional]");
  await expect(provisional.locator("h1")).toHaveText(en["scene.dying-relu.title"]);
  await expect(page.locator("#loading")).toBeVisible();
  await expect(page.locator("#act-chart")).toHaveCount(0);
  // Share works meanwhile, for the scene being opened.
  await page.getByRole("button", { name: en["share.button"], exact: true }).click();
  await expect(page.locator("dialog.share-dialog")).toBeVisible();
  await expect(page.locator("#share-link")).toHaveValue(/scene=dying-relu/);
  await expect(page.locator("#share-snippet")).toHaveValue(new RegExp(`title="${en["scene.dying-relu.title"]}`));
  await page.keyboard.press("Escape");
  release();
  await expect(page.locator('#scene-root .scene[data-scene="dying-relu"]:not([data-provisional])')).toBeVisible();
  await expect(provisional).toHaveCount(0);
  await expect(page.locator("#loading")).toBeHidden();
  expect(errors).toEqual([]);
});

test("a core that cannot be loaded, nor the full one in its place, shows the page's load error, not a half scene", async ({ page }) => {
  await page.route(TRAINING, (route) => route.abort());
  await page.route(FULL, (route) => route.abort());
  await openApp(page, "#scene=activations&lang=en");
  await page.locator('#scene-nav a[data-scene="zero-init"]').click();
  await expect(page.locator("html")).toHaveClass(/\bcore-failed\b/);
  await expect(page.locator("#error-panel")).toBeVisible();
  await expect(page.locator("#error-panel .error-title")).toHaveText(en["error.load.title"]);
  await expect(page.locator("#loading")).toBeHidden();
  await expect(page.locator('#scene-root .scene[data-scene="zero-init"]:not([data-provisional])')).toHaveCount(0);
});

test("a smaller core that cannot be loaded (offline, the worker keeps only the full one): the full core runs the scene", async ({ page }) => {
  await page.route(LITE, (route) => route.abort());
  const wasm = wasmRequests(page);
  await openApp(page, "#scene=activations&act=sigmoid&x=3&lang=en");
  await page.locator("#x-number").fill("0");
  await expect(page.locator("#readout-f")).toHaveText("0.5");
  await expect(page.locator("#readout-fprime")).toHaveText("0.25");
  await expect(page.locator("#error-panel")).toBeHidden();
  expect(wasm.filter((u) => FULL.test(u))).toHaveLength(1);
});

test("every core exports what the scenes that run on it call (read from the page's sources)", async ({ request }) => {
  const uses = await sceneUses();
  const byId = Object.fromEntries(uses.map((u) => [u.id, u]));
  // The scan finds what each scene is known to call, and not what it is known not to.
  expect(byId.activations.names).toEqual(expect.arrayContaining(["plotActivation", "practiceSet", "activationPoints"]));
  expect(byId.activations.names).not.toContain("Trainer");
  expect(byId.summary.names).toEqual(expect.arrayContaining(["activationFacts", "preset", "inits"]));
  expect(byId["dying-relu"].names).toEqual(expect.arrayContaining(["Trainer", "trace", "watchedUnit", "plotSeries"]));
  expect(byId.lab.names).toEqual(expect.arrayContaining(["parseCsv", "StepBins", "activationCurve"]));
  expect(byId.lab.names).not.toContain("plotActivation");
  for (const { id, core, names } of uses) {
    const glue = core === "full" ? "web/pkg/gradlab.js" : `web/pkg/${core}/gradlab.js`;
    const response = await request.get(glue);
    expect(response.ok(), glue).toBe(true);
    const exported = glueExports(await response.text());
    expect(exported.size, glue).toBeGreaterThan(5);
    expect(names.filter((n) => !exported.has(n)), `${id} on the ${core} core`).toEqual([]);
  }
});
