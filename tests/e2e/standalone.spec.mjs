// The one-file build (dist/gradlab-standalone.html) opened from disk with the network off:
// it must start, draw the chart and compute the readouts. xtask passes its file:// URL in
// GRADLAB_STANDALONE_URL; run by hand, the spec opens this checkout's dist/gradlab-standalone.html.
// `cargo xtask dist` always writes the file, so a missing file is a failure
// (never a skip): rebuild with `cargo xtask dist`.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { test, expect } from "./fixtures.mjs";
import { canvasStats } from "./helpers.mjs";

const url = process.env.GRADLAB_STANDALONE_URL || new URL("../../dist/gradlab-standalone.html", import.meta.url).href;

test("the standalone file works from file:// with no network", async ({ browser }) => {
  expect(url, "GRADLAB_STANDALONE_URL must be a file:// URL").toMatch(/^file:\/\//);
  expect(existsSync(fileURLToPath(url)), `${fileURLToPath(url)} is missing: run \`cargo xtask dist\``).toBe(true);
  const context = await browser.newContext({ offline: true });
  const page = await context.newPage();
  const requests = [];
  page.on("request", (request) => {
    if (!/^(file|data|blob):/.test(request.url())) requests.push(request.url());
  });
  const errors = [];
  page.on("pageerror", (err) => errors.push(err.message));
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });

  await page.goto(`${url}#scene=activations&act=sigmoid&x=1&lang=en`);
  await expect(page.locator("html")).toHaveClass(/\bready\b/);
  await expect(page.locator("#error-panel")).toBeHidden();
  await expect(page.locator("figure.chart")).toHaveAttribute("data-drawn", /^[1-9]\d*$/);
  const stats = await canvasStats(page, "#act-chart");
  expect(stats.colours).toBeGreaterThanOrEqual(4);
  expect(stats.inked).toBeGreaterThan(0.01);

  await page.locator("#x-number").fill("0");
  await expect(page.locator("#readout-f")).toHaveAttribute("data-value", "0.5");
  await expect(page.locator("#readout-fprime")).toHaveAttribute("data-value", "0.25");

  await page.locator('#lang-switch [data-lang="vi"]').click();
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await page.locator('#scene-nav a[data-scene="lab"]').click();
  await expect(page.locator('#scene-root .scene[data-scene="lab"]')).toBeVisible();
  // A scene's own stylesheet is inside the file too: the scene is styled and nothing is linked.
  await page.locator('#scene-nav a[data-scene="vanishing"]').click();
  await expect(page.locator('#scene-root .scene[data-scene="vanishing"]')).toHaveCSS("display", "grid");
  await expect(page.locator('link[rel="stylesheet"]')).toHaveCount(0);

  expect(requests).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
