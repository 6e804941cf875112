// The shared widget kit as a student meets it: every chart redraws itself when the theme
// changes (components subscribe to theme.js; no scene passes the change down), and every chart
// can be saved as a real PNG file.
import fs from "node:fs";
import { test, expect } from "./fixtures.mjs";
import { watchErrors, openApp, scrollThrough } from "./helpers.mjs";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

test("switching the theme redraws every chart and recolours the diagram of the scene", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=vanishing&lang=en&theme=light");
  // Every chart is drawn once its part has been on screen; the theme then changes with most of
  // them off screen again.
  await scrollThrough(page);
  const charts = page.locator("#scene-root figure.chart[data-drawn]");
  await expect(charts.first()).toBeVisible();
  const count = await charts.count();
  expect(count).toBeGreaterThanOrEqual(2);
  const before = await charts.evaluateAll((nodes) => nodes.map((n) => Number(n.dataset.drawn)));
  const edge = page.locator("#van-diagram line[stroke]").first();
  const strokeBefore = await edge.getAttribute("stroke");
  await page.locator("#theme-toggle").click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect
    .poll(async () => {
      const after = await charts.evaluateAll((nodes) => nodes.map((n) => Number(n.dataset.drawn)));
      return after.every((n, i) => n > before[i]);
    })
    .toBe(true);
  expect(await edge.getAttribute("stroke")).not.toBe(strokeBefore);
  expect(errors).toEqual([]);
});

for (const lang of ["en", "vi"]) {
  test(`${lang}: a chart's PNG button saves the chart as a PNG file`, async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page, `#scene=vanishing&lang=${lang}`);
    const figure = page.locator("figure.chart", { has: page.locator("#van-norm-chart") });
    const button = figure.getByRole("button", { name: /PNG/ });
    await expect(button).toHaveText(lang === "en" ? "Download PNG" : "Tải ảnh PNG");
    const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
    expect(download.suggestedFilename()).toBe("gradlab-van-norm-chart.png");
    const bytes = fs.readFileSync(await download.path());
    expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    // As drawn: the file has the canvas's device-pixel size.
    const size = await page.locator("#van-norm-chart").evaluate((c) => [c.width, c.height]);
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual(size);
    expect(errors).toEqual([]);
  });
}

// A chart's PNG button clicked before the chart's first paint (a part just built: its box not
// measured yet, its first paint waiting for a frame) saves the chart drawn at its box's size,
// not the canvas's blank 300 × 150 default (CI on 5664dd5 saved one from vanishing's norms).
test("a PNG saved before the chart's first paint is the chart drawn at its size", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=summary&lang=en");
  const downloaded = page.waitForEvent("download");
  const expected = await page.evaluate(async () => {
    const { createChart } = await import(new URL("web/components/chart.js", document.baseURI).href);
    const chart = createChart({
      id: "kit-unpainted",
      label: "test",
      draw: ({ canvas }) => {
        const context = /** @type {CanvasRenderingContext2D} */ (canvas.getContext("2d"));
        context.fillStyle = "#ff0000";
        context.fillRect(0, 0, canvas.width, canvas.height);
        return null;
      },
    });
    const box = /** @type {HTMLElement} */ (chart.element.querySelector(".chart-box"));
    document.body.append(chart.element);
    // In the same task: no size report, no frame, no paint has come yet.
    chart.element.querySelector("button.chart-png").click();
    // The box's size as the page lays it out (what a paint at this moment draws at).
    const dpr = window.devicePixelRatio || 1;
    return { width: Math.round(box.clientWidth * dpr), height: Math.round(box.clientHeight * dpr) };
  });
  const download = await downloaded;
  const bytes = fs.readFileSync(await download.path());
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(expected.width).toBeGreaterThan(300);
  expect(expected.height).not.toBe(150);
  expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([expected.width, expected.height]);
  // Drawn, not blank: the pixels the draw function painted are in the file.
  const red = await page.evaluate(async (data) => {
    const bitmap = await createImageBitmap(new Blob([new Uint8Array(data)], { type: "image/png" }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = /** @type {OffscreenCanvasRenderingContext2D} */ (canvas.getContext("2d"));
    context.drawImage(bitmap, 0, 0);
    return [...context.getImageData(bitmap.width >> 1, bitmap.height >> 1, 1, 1).data];
  }, [...bytes]);
  expect(red).toEqual([255, 0, 0, 255]);
  expect(errors).toEqual([]);
});

// morph.js, which the activations scene's formulas go through at every slider step: the
// nodes of the same shape stay (texts and attributes rewritten), the rest is replaced, and the
// result reads as the new tree.
test("morph keeps the nodes of the same shape and rewrites only what differs", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=activations&lang=en");
  const { sameShape, moreChildren, otherTag } = await page.evaluate(async () => {
    const { morph } = await import(new URL("web/components/morph.js", document.baseURI).href);
    /** Morphs `from` (put in a host) into `to`; returns the host's HTML and what stayed. */
    const run = (from, to) => {
      const host = document.createElement("div");
      host.innerHTML = from;
      const shown = /** @type {Element} */ (host.firstElementChild);
      const before = [...shown.childNodes];
      const texts = before.map((node) => node.firstChild);
      const result = morph(shown, document.createRange().createContextualFragment(to).firstElementChild);
      return {
        html: host.innerHTML,
        kept: result === shown,
        // For each child before: still in place (same node), and its first child too.
        children: before.map((node, i) => shown.childNodes[i] === node && node.firstChild === texts[i]),
      };
    };
    return {
      // The child replaced comes first: the ones after it must still be compared.
      sameShape: run('<p class="a" data-v="1" title="t"><span>old</span><b>1.5</b> = <i>x</i></p>', '<p class="a" data-v="2"><em>new</em><b>2.25</b> = <i>y</i></p>'),
      moreChildren: run('<p class="a"><b>1.5</b> = <i>x</i></p>', '<p class="a"><b>2.25</b> = <i>x</i><u>more</u></p>'),
      otherTag: run("<p>1</p>", "<section>1</section>"),
    };
  });
  // Same tag and as many children: kept, its attributes and texts rewritten; <span> → <em>.
  expect(sameShape.html).toBe('<p class="a" data-v="2"><em>new</em><b>2.25</b> = <i>y</i></p>');
  expect(sameShape.kept).toBe(true);
  expect(sameShape.children).toEqual([false, true, true, true]);
  // Another number of children, or another tag: replaced as a whole.
  expect(moreChildren.html).toBe('<p class="a"><b>2.25</b> = <i>x</i><u>more</u></p>');
  expect(moreChildren.kept).toBe(false);
  expect(otherTag.html).toBe("<section>1</section>");
  expect(otherTag.kept).toBe(false);
  expect(errors).toEqual([]);
});
