// The zero-init scene as a page: edits flow through the core, both languages are complete, every
// control lives in the URL (a copied link restores the whole view), and the dark theme redraws.
import { test, expect } from "./fixtures.mjs";
import { vi, en } from "./strings.mjs";
import { watchErrors, openApp, canvasStats, scrollThrough, seeChart } from "./helpers.mjs";

/** Console warnings about a missing zero-init string. */
function watchMissing(page) {
  const missing = [];
  page.on("console", (msg) => {
    if (msg.type() === "warning" && /missing "zi\./.test(msg.text())) missing.push(msg.text());
  });
  return missing;
}

test("editing the linear example's numbers re-runs the core", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=zero-init&lang=en");
  const update = (row, col) => page.locator(`#zi-reg-update tbody tr:nth-child(${row}) td[data-col="${col}"]`);
  await expect(update(1, 1)).toHaveAttribute("data-value", "-10");
  await page.locator("#zi-linear-x-0-0").fill("4");
  await expect(update(1, 1)).toHaveAttribute("data-value", "-20");
  await expect(update(1, 2)).toHaveAttribute("data-value", "0.2");
  await expect.poll(() => page.url()).toContain("lin-x=4,3,1");
  // A nonzero start: ŷ = 1·4 = 4, so the error is 4 − 5 = −1.
  await page.locator("#zi-linear-w-0-0").fill("1");
  await expect(update(1, 1)).toHaveAttribute("data-value", "-4");
  await page.locator("#zi-linear-reset").click();
  await expect(update(1, 1)).toHaveAttribute("data-value", "-10");
  await expect.poll(() => page.url()).not.toContain("lin-x");
  expect(errors).toEqual([]);
});

test("both languages: every heading in Vietnamese and English, the switch keeps the state", async ({ page }) => {
  const errors = watchErrors(page);
  const missing = watchMissing(page);
  await openApp(page, "#scene=zero-init&lang=vi&reg=softmax&mlp-y=0,0,1");
  const headings = ["zi-reg-title", "zi-mlp-title", "zi-sym-title", "zi-overview-title"];
  const keys = ["zi.reg.title", "zi.mlp.title", "zi.sym.title", "zi.overview.title"];
  await expect(page.locator("#scene-root h1")).toHaveText(vi["scene.zero-init.title"]);
  for (const [i, id] of headings.entries()) await expect(page.locator(`#${id}`)).toHaveText(vi[keys[i]]);
  await expect(page.locator("#zi-mlp-bias-verdict")).toHaveText(vi["zi.mlp.bias.nonzero"]);
  await expect(page.locator("#zi-tab-softmax")).toHaveText(vi["zi.reg.softmax.name"]);

  await page.locator('#lang-switch [data-lang="en"]').click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("#scene-root h1")).toHaveText(en["scene.zero-init.title"]);
  for (const [i, id] of headings.entries()) await expect(page.locator(`#${id}`)).toHaveText(en[keys[i]]);
  await expect(page.locator("#zi-mlp-bias-verdict")).toHaveText(en["zi.mlp.bias.nonzero"]);
  await expect(page.locator("#zi-tab-softmax")).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("#zi-mlp-y2")).toHaveValue("0");
  expect(missing).toEqual([]);
  expect(errors).toEqual([]);
});

/** Everything a reader sees that a link must reproduce. */
async function snapshot(page) {
  return page.evaluate(() => {
    const q = (s) => document.querySelector(s);
    const values = (s) => [...document.querySelectorAll(s)].map((n) => n.dataset.value ?? n.value);
    return {
      tab: q(".zi-tabs [aria-pressed='true']")?.dataset.kind,
      x: values(".zi-editor .matrix-cell"),
      update: values("#zi-reg-update tbody td"),
      regLoss: q("#zi-reg-loss-end")?.dataset.value ?? null,
      regPlayer: [q("#zi-reg-player")?.dataset.mode, q("#zi-reg-player")?.dataset.index],
      labels: values(".zi-samples select"),
      mlpLoss: q("#zi-mlp-loss-end")?.dataset.value ?? null,
      mlpPlayer: [q("#zi-mlp-player")?.dataset.mode, q("#zi-mlp-player")?.dataset.index],
      sym: ["#zi-sym-act", "#zi-sym-width", "#zi-sym-labels", "#zi-sym-show", "#zi-sym-param", "#zi-sym-n-number", "#zi-sym-lr-number", "#zi-sym-seed-number", "#zi-digits"].map((s) => q(s)?.value),
      inits: [...document.querySelectorAll(".zi-inits input[type=checkbox]")].map((b) => b.checked),
      symTable: values("#zi-sym-summary td[data-value]"),
      verdict: q("#zi-sym-verdict")?.dataset.identical,
    };
  });
}

test("every control is in the URL, and the URL restores the whole view", async ({ page, browser }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=zero-init&lang=en");
  // Read down to the controls first (each part is laid out as it comes near the screen).
  await scrollThrough(page);
  const before = await snapshot(page);
  await page.locator("#zi-tab-logistic").click();
  await page.locator("#zi-logistic-x-0-1").fill("3");
  await page.locator("#zi-reg-train").click();
  await page.locator("#zi-reg-train").click();
  await page.locator("#zi-reg-player-all").check();
  await page.locator("#zi-mlp-y3").selectOption("0");
  await page.locator("#zi-mlp-train").click();
  await page.locator("#zi-mlp-player .sp-next").click();
  await page.locator("#zi-mlp-player .sp-next").click();
  await page.locator("#zi-sym-act").selectOption("sigmoid");
  await page.locator("#zi-sym-seed-number").fill("7");
  await page.locator("#zi-sym-init-normal").check();
  await page.locator("#zi-sym-show").selectOption("normal");
  await page.locator("#zi-sym-param").selectOption("out");
  await page.locator("#zi-digits").selectOption("6");
  // The coalesced URL writes have landed when the link has every key the changes wrote.
  const written = ["reg=logistic", "log-x=1.5,3", "log-n=100", "reg-all=1", "mlp-y=0,1,0", "mlp-n=50", "mlp-step=3", "sym-act=sigmoid", "sym-seed=7", "sym-show=normal", "sym-param=out", "digits=6"];
  await expect.poll(() => written.filter((key) => !page.url().includes(key)), { message: "keys missing from the URL" }).toEqual([]);
  const after = await snapshot(page);
  expect(after).not.toEqual(before);
  const url = page.url();

  const fresh = await browser.newPage();
  const freshErrors = watchErrors(fresh);
  await fresh.goto(url);
  await expect(fresh.locator("html")).toHaveClass(/\bready\b/);
  // A new page asks its prediction again (this test's page skipped it): the runs' results are
  // drawn once it is answered.
  await fresh.locator("#predict-zero-init-units .predict-skip").click();
  await expect(fresh.locator("#zi-sym-show")).toHaveValue("normal");
  expect(await snapshot(fresh)).toEqual(after);
  expect(freshErrors).toEqual([]);
  await fresh.close();
  expect(errors).toEqual([]);
});

test("dark theme: the charts redraw in dark colours and nothing errors", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=zero-init&lang=en&lin-n=50&theme=dark");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  // Sampled once the trained curve is drawn.
  await seeChart(page, "#zi-reg-chart");
  await expect(page.locator("#zi-reg-loss-end")).toBeVisible();
  const stats = await canvasStats(page, "#zi-reg-chart");
  expect(stats.inked).toBeGreaterThan(0.01);
  // The opaque pixels of the chart (its plot area and ink) are dark in the dark theme and light
  // in the light one.
  const inkLuminance = () =>
    page.locator("#zi-reg-chart").evaluate((c) => {
      const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
      // Every fourth pixel that is (nearly) opaque, as its relative luminance.
      const opaque = [];
      for (let i = 0; i < d.length; i += 16) if (d[i + 3] >= 200) opaque.push(0.2126 * d[i] + 0.7152 * d[i + 1] + 0.0722 * d[i + 2]);
      return opaque.length ? opaque.reduce((a, b) => a + b) / opaque.length : -1;
    });
  const darkInk = await inkLuminance();
  expect(darkInk).toBeGreaterThanOrEqual(0);
  await page.locator("#theme-toggle").click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await expect.poll(inkLuminance).toBeGreaterThan(darkInk + 40);
  expect(errors).toEqual([]);
});
