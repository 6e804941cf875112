// The shared widget kit as a student meets it: every chart redraws itself when the theme
// changes (components subscribe to theme.js; no scene passes the change down), and every chart
// can be saved as a real PNG file.
import fs from "node:fs";
import { test, expect } from "./fixtures.mjs";
import { watchErrors, openApp } from "./helpers.mjs";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

test("switching the theme redraws every chart and recolours the diagram of the scene", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=vanishing&lang=en&theme=light");
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
