// The lab (#scene=lab) as a student uses it: every data set trains, XOR is learned well above
// chance, an own CSV file loads (file picker, paste) and trains, each bad file is named with its
// line and column while the data loaded before stay, a link restores every setting, the exports
// are real files (a PNG, the history as CSV rows, a network `trace` accepts), the monitors and
// the boundary draw, the gradient check reports per layer, and a phone shows it without
// sideways scrolling.
import fs from "node:fs";
import { test, expect } from "./fixtures.mjs";
import { watchErrors, openApp, canvasStats } from "./helpers.mjs";

const percent = async (page, id) => Number((await page.locator(id).textContent()).replace(/[^\d.]/g, ""));

/** Trains by pressing Train, waits for `steps` steps at least, then pauses. */
async function trainFor(page, steps, { lang = "en" } = {}) {
  const play = page.locator("#lab-play");
  await expect(play).toHaveText(lang === "en" ? "Train" : "Huấn luyện");
  await play.click();
  await expect(play).toHaveAttribute("aria-pressed", "true");
  await expect.poll(async () => Number(await page.locator("#lab-steps").textContent()), { timeout: 60_000 }).toBeGreaterThanOrEqual(steps);
  await play.click();
  await expect(play).toHaveAttribute("aria-pressed", "false");
}

test("XOR with two tanh layers learns well above chance, and every monitor draws", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=lab&data=xor&hidden=8,8&acts=tanh,tanh&lr=0.1&opt=adam&lr=0.03&spf=20&lang=en");
  await expect(page.locator("#lab-steps")).toHaveText("0");
  const before = await percent(page, "#lab-train-acc");
  await trainFor(page, 400);
  const after = await percent(page, "#lab-train-acc");
  expect(after).toBeGreaterThan(90);
  expect(after).toBeGreaterThan(before);
  expect(await percent(page, "#lab-test-acc")).toBeGreaterThan(85);
  // The monitors draw when they are on screen (as the student scrolls to them).
  for (const id of ["#lab-loss-chart", "#lab-acc-chart", "#lab-update-chart", "#lab-boundary", "#lab-hist"]) {
    await page.locator(id).scrollIntoViewIfNeeded();
    await expect.poll(async () => (await canvasStats(page, id)).inked, id).toBeGreaterThan(0.02);
  }
  await page.locator("#lab-norm-heat").scrollIntoViewIfNeeded();
  await expect(page.locator("figure.heat-map:has(#lab-norm-heat)")).toHaveAttribute("data-columns", /^[1-9]\d+$/);
  // One canvas, a panel per hidden layer, each named in its label and its caption.
  await expect(page.locator(".lab-histograms canvas")).toHaveCount(1);
  await expect(page.locator("#lab-hist")).toHaveAttribute("aria-label", /^Histogram of the pre-activations of layer 1 \(Tanh\) from −?\d[\d.]* to \d[\d.]*, under f′\. Histogram of the pre-activations of layer 2 \(Tanh\) from −?\d[\d.]* to \d[\d.]*, under f′\.$/);
  // Each layer's z over every training point: the same count for two layers of 8 units.
  const caption = await page.locator("figure:has(#lab-hist) figcaption").textContent();
  const [, each] = caption?.match(/^Each layer: (\d+) pre-activations \(every training point, every unit\)\.$/) ?? [];
  expect(Number(each)).toBeGreaterThan(0);
  expect(Number(each) % 8).toBe(0);
  expect(errors).toEqual([]);
});

// The boundary's cells: each the colour of its most probable class mixed with white, from 15 %
// (a guess among the classes) to 60 % (sure) of the class colour. The two class colours are
// lab.css's light theme (Okabe–Ito blue and vermilion), written here, not read from the page.
test("the decision boundary paints every cell in a class colour mixed with white, both XOR classes present", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=lab&data=xor&hidden=8,8&acts=tanh,tanh&opt=adam&lr=0.03&spf=20&lang=en");
  await trainFor(page, 200);
  await page.locator("#lab-boundary").scrollIntoViewIfNeeded();
  await expect.poll(async () => (await canvasStats(page, "#lab-boundary")).inked).toBeGreaterThan(0.02);
  const classes = [
    [0x00, 0x72, 0xb2],
    [0xd5, 0x5e, 0x00],
  ];
  const pixels = await page.locator("#lab-boundary").evaluate((canvas) => {
    const c = /** @type {HTMLCanvasElement} */ (canvas);
    const scale = c.width / c.clientWidth;
    // Inside the plot area (lab/boundary.js's margins: 44 left, 10 right and top, 36 bottom).
    const [x0, x1, y0, y1] = [44, c.clientWidth - 10, 10, c.clientHeight - 36].map((v) => Math.round(v * scale));
    const data = /** @type {CanvasRenderingContext2D} */ (c.getContext("2d")).getImageData(0, 0, c.width, c.height).data;
    const out = [];
    for (let y = y0 + 2; y < y1 - 2; y += 7) for (let x = x0 + 2; x < x1 - 2; x += 7) out.push([...data.slice((y * c.width + x) * 4, (y * c.width + x) * 4 + 4)]);
    return out;
  });
  expect(pixels.length).toBeGreaterThan(500);
  /** The class whose white-to-colour line the pixel lies on (share 0.15 … 0.6), or -1. */
  const classOf = ([r, g, b, a]) => {
    if (a !== 255) return -1;
    for (const [k, colour] of classes.entries()) {
      // The share from the channel that moves most, then every channel checked against it.
      const far = colour.reduce((best, v, i) => (Math.abs(255 - v) > Math.abs(255 - colour[best]) ? i : best), 0);
      const share = (255 - [r, g, b][far]) / (255 - colour[far]);
      if (share < 0.15 - 0.01 || share > 0.6 + 0.01) continue;
      if ([r, g, b].every((v, i) => Math.abs(v - (255 * (1 - share) + colour[i] * share)) <= 1.5)) return k;
    }
    return -1;
  };
  const counts = [0, 0, 0];
  for (const pixel of pixels) counts[classOf(pixel) + 1]++;
  const [other, blue, vermilion] = counts.map((n) => n / pixels.length);
  // The training points (full colour, outlined) and nothing else are off the lines.
  expect(other).toBeLessThan(0.3);
  expect(blue).toBeGreaterThan(0.15);
  expect(vermilion).toBeGreaterThan(0.15);
  expect(errors).toEqual([]);
});

// While training plays, the heat map writes only the new steps' pixels into the image it keeps
// (all of them again when the colour range or the theme changes): what it shows after a run drawn
// frame by frame must equal the same history drawn at once (a theme change and back repaints it).
test("the gradient heat map drawn frame by frame while training equals the same history drawn at once", async ({ page }) => {
  const errors = watchErrors(page);
  // Tall enough for the heat map to be on screen (and so drawn every frame) while it plays.
  await page.setViewportSize({ width: 1280, height: 4400 });
  await openApp(page, "#scene=lab&data=xor&hidden=8,8&acts=tanh,tanh&opt=adam&lr=0.05&spf=5&lang=en");
  const figure = page.locator("figure.heat-map:has(#lab-norm-heat)");
  const draws = async () => Number(await figure.getAttribute("data-drawn"));
  const before = await draws();
  await trainFor(page, 600);
  expect(await draws()).toBeGreaterThan(before + 10);
  const image = () => page.locator("#lab-norm-heat").evaluate((canvas) => /** @type {HTMLCanvasElement} */ (canvas).toDataURL());
  const played = await image();
  for (const pressed of ["true", "false"]) {
    const n = await draws();
    await page.locator("#theme-toggle").click();
    await expect(page.locator("#theme-toggle")).toHaveAttribute("aria-pressed", pressed);
    await expect.poll(draws).toBeGreaterThan(n);
  }
  expect(await image()).toBe(played);
  expect(errors).toEqual([]);
});

// A long run's line charts draw at most 150 points, each the mean of 2^k steps: the smallest
// power of two that keeps ⌈steps / 2^k⌉ ≤ 150 (written here, not asked of the page).
const stepsPerPoint = (steps) => {
  let per = 1;
  while (Math.ceil(steps / per) > 150) per *= 2;
  return per;
};

for (const [lang, words] of [["en", (n) => `Each point is the mean over ${n} steps.`], ["vi", (n) => `Mỗi điểm là trung bình của ${n} bước.`]]) {
  test(`${lang}: a long run's per-layer charts say how many steps a point averages`, async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page, `#scene=lab&data=xor&hidden=4&spf=50&lang=${lang}`);
    const caption = page.locator("figure:has(#lab-update-chart) figcaption");
    await expect(caption).not.toContainText(words(2).slice(0, 12));
    await trainFor(page, 700, { lang });
    const steps = Number(await page.locator("#lab-steps").textContent());
    const per = stepsPerPoint(steps);
    expect(per).toBeGreaterThanOrEqual(4);
    for (const id of ["#lab-update-chart", "#lab-dead-chart"]) {
      await expect(page.locator(`figure:has(${id}) figcaption`)).toContainText(words(per));
    }
    expect(errors).toEqual([]);
  });
}

for (const data of ["iris", "seed_samples", "circles", "spirals", "blobs"]) {
  test(`${data}: trains a few steps with no error`, async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page, `#scene=lab&data=${data}&lang=vi`);
    await trainFor(page, 20, { lang: "vi" });
    await expect(page.locator("#lab-status")).not.toHaveAttribute("data-state", "dead");
    expect(Number.isFinite(Number((await page.locator("#lab-train-loss").textContent()).replace("−", "-")))).toBe(true);
    expect(errors).toEqual([]);
  });
}

test("one step at a time (the heat map says “1 step”, then “2 steps”), and Start over returns to step 0", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=lab&data=circles&lang=en");
  const heatCaption = page.locator("figure:has(#lab-norm-heat) figcaption");
  await page.locator("#lab-step").click();
  await expect(page.locator("#lab-steps")).toHaveText("1");
  // One step, in the singular; the data set's 2 hidden layers and output make 3 weight layers.
  await expect(heatCaption).toHaveText(/^1 step × 3 layers\. /);
  await page.locator("#lab-step").click();
  await expect(page.locator("#lab-steps")).toHaveText("2");
  await expect(heatCaption).toHaveText(/^2 steps × 3 layers\. /);
  await page.locator("#lab-reset").click();
  await expect(page.locator("#lab-steps")).toHaveText("0");
  expect(errors).toEqual([]);
});

test("the rehearsal of Play in idle time changes nothing shown: the next step is the same as without it", async ({ page, browser }) => {
  const errors = watchErrors(page);
  const link = "#scene=lab&data=spirals&samples=200&hidden=6,6&acts=tanh,relu&opt=adam&lr=0.02&lang=en";
  const shown = () =>
    page.evaluate(() => ({
      text: ["#lab-steps", "#lab-train-loss", "#lab-train-acc", "#lab-test-loss", "#lab-test-acc"].map((id) => document.querySelector(id)?.textContent ?? null),
      boundary: /** @type {HTMLCanvasElement} */ (document.getElementById("lab-boundary")).toDataURL(),
    }));
  await openApp(page, link);
  const root = page.locator("#scene-root [data-rehearsed]");
  const before = await shown();
  expect(before.text[0]).toBe("0");
  expect(before.text.every((v) => v !== null && v.trim() !== "")).toBe(true);
  await expect(root).toHaveAttribute("data-rehearsed", "true", { timeout: 30_000 });
  expect(await shown()).toEqual(before);
  await page.locator("#lab-step").click();
  await expect(page.locator("#lab-steps")).toHaveText("1");
  const rehearsed = await shown();
  // The same link in a page where the step is taken before any rehearsal could run.
  const fresh = await browser.newPage();
  await openApp(fresh, link);
  await fresh.locator("#lab-step").click();
  await expect(fresh.locator("#lab-steps")).toHaveText("1");
  const cold = await fresh.evaluate(() => ["#lab-steps", "#lab-train-loss", "#lab-train-acc", "#lab-test-loss", "#lab-test-acc"].map((id) => document.querySelector(id)?.textContent ?? null));
  expect(rehearsed.text).toEqual(cold);
  expect(rehearsed.text[1]).not.toBe(before.text[1]); // the step did change the loss shown
  await fresh.close();
  expect(errors).toEqual([]);
});

test("changing the learning rate continues the run; changing a width restarts it", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=lab&data=xor&lang=en");
  for (let i = 0; i < 3; i++) await page.locator("#lab-step").click();
  await expect(page.locator("#lab-steps")).toHaveText("3");
  await page.locator("#lab-lr-number").fill("0.05");
  await page.locator("#lab-lr-number").press("Enter");
  await expect(page.locator("#lab-status")).toContainText("goes on from step 3");
  await page.locator("#lab-step").click();
  await expect(page.locator("#lab-steps")).toHaveText("4");
  await page.locator("#lab-width-1-number").fill("5");
  await page.locator("#lab-width-1-number").press("Enter");
  await expect(page.locator("#lab-steps")).toHaveText("0");
  await expect(page.locator("#lab-status")).toContainText("so the 4 steps trained are set aside");
  expect(errors).toEqual([]);
});

test("a link restores every setting it carries", async ({ page }) => {
  const errors = watchErrors(page);
  const link = "#scene=lab&data=blobs&samples=300&noise=0.3&dseed=7&classes=4&test=0.3&hidden=6,5,4&acts=relu,leaky_relu:0.2,gelu&init=he_normal&res=1&loss=mse&opt=momentum&lr=0.02&batch=32&l2=0.001&seed=9&spf=5&lang=en";
  await openApp(page, link);
  const values = {
    "#lab-data-set": "blobs",
    "#lab-samples-number": "300",
    "#lab-noise-number": "0.3",
    "#lab-dseed-number": "7",
    "#lab-classes-number": "4",
    "#lab-test-number": "0.3",
    "#lab-width-1-number": "6",
    "#lab-width-2-number": "5",
    "#lab-width-3-number": "4",
    "#lab-act-1": "relu",
    "#lab-act-2": "leaky_relu",
    "#lab-act-param-2-number": "0.2",
    "#lab-act-3": "gelu",
    "#lab-init": "he_normal",
    "#lab-loss": "mse",
    "#lab-opt": "momentum",
    "#lab-lr-number": "0.02",
    "#lab-batch-number": "32",
    "#lab-l2-number": "0.001",
    "#lab-seed-number": "9",
    "#lab-spf-number": "5",
  };
  for (const [selector, value] of Object.entries(values)) await expect(page.locator(selector), selector).toHaveValue(value);
  await expect(page.locator("#lab-res")).toBeChecked();
  await expect(page.locator(".url-notice")).toHaveCount(0);
  // 300 points in 4 blobs of 75; 30 % of each class held out: round(22.5) = 23 per class, so 92
  // to test and 208 to train.
  await expect(page.locator("#lab-status")).toContainText("208 training points and 92 test points");
  expect(errors).toEqual([]);
});

const GOOD_CSV = "x1,x2,kind\n0.1,0.2,a\n0.9,0.8,b\n0.2,0.1,a\n0.8,0.9,b\n0.15,0.25,a\n0.85,0.75,b\n0.05,0.1,a\n0.95,0.9,b\n";

test("an own CSV file (picker) loads, trains, and is never put in the link", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=lab&data=xor&test=0&lang=en");
  await page.locator(".lab-csv summary").click();
  await page.locator("#lab-csv-file").setInputFiles({ name: "mine.csv", mimeType: "text/csv", buffer: Buffer.from(GOOD_CSV) });
  await expect(page.locator("#lab-csv-status")).toHaveText("mine.csv: 8 rows, 2 features, 2 classes (labels in “kind”).");
  await expect(page.locator("#lab-status")).toContainText("8 training points and 0 test points");
  await expect(page.locator("#lab-data-set")).toBeDisabled();
  await trainFor(page, 30);
  await expect(page).not.toHaveURL(/x1|kind|mine/);
  await page.locator("#lab-csv-builtin").click();
  await expect(page.locator("#lab-data-set")).toBeEnabled();
  await expect(page.locator("#lab-status")).toContainText("200 training points");
  expect(errors).toEqual([]);
});

for (const [what, text, message] of [
  ["a short row", "x1,x2,y\n1,2,a\n3,b\n", 'line 3: expected 3 values, got 2'],
  ["a word in a number column", "x1,x2,y\n1,2,a\n3,4,b\n5,foo,a\n", 'line 4, column "x2": "foo" is not a number'],
  ["an empty file", "", "the file is empty"],
  ["a single class", "x1,x2,y\n1,2,a\n3,4,a\n", "only one class"],
  ["a NUL byte", "x1,x2,y\n1,\u00002,a\n", "NUL byte"],
]) {
  test(`a file with ${what} is named with its place, and the data loaded before stay`, async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page, "#scene=lab&data=xor&test=0&lang=en");
    await page.locator(".lab-csv summary").click();
    await page.locator("#lab-csv-paste").fill(GOOD_CSV);
    await page.locator("#lab-csv-load").click();
    await expect(page.locator("#lab-status")).toContainText("8 training points");
    await page.locator("#lab-csv-file").setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(text) });
    const alert = page.getByRole("alert").filter({ hasText: "bad.csv" });
    await expect(alert).toContainText(message);
    await expect(alert).toContainText("The data loaded before stay in use.");
    await expect(page.locator("#lab-status")).toContainText("8 training points");
    await page.locator("#lab-step").click();
    await expect(page.locator("#lab-steps")).toHaveText("1");
    expect(errors).toEqual([]);
  });
}

test("own data with three features: two menus choose the features the boundary is drawn over", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=lab&data=xor&test=0&lang=en");
  await page.locator(".lab-csv summary").click();
  await page.locator("#lab-csv-paste").fill("a,b,c,label\n1,2,3,x\n2,1,0,y\n3,3,1,x\n0,1,2,y\n");
  await page.locator("#lab-csv-load").click();
  await expect(page.locator("#lab-own-fx option")).toHaveText(["a", "b", "c"]);
  await expect(page.locator("#lab-own-fx")).toHaveValue("0");
  await expect(page.locator("#lab-own-fy")).toHaveValue("1");
  const figure = page.locator("figure.chart:has(#lab-boundary)");
  await figure.scrollIntoViewIfNeeded();
  await expect(figure).toHaveAttribute("data-drawn", /^[1-9]/);
  const before = Number(await figure.getAttribute("data-drawn"));
  await page.locator("#lab-own-fy").selectOption("2");
  await expect.poll(async () => Number(await figure.getAttribute("data-drawn"))).toBeGreaterThan(before);
  expect(errors).toEqual([]);
});

test("a 50 MB file and a file that is not text are refused with a message", async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=lab&lang=vi");
  await page.locator(".lab-csv summary").click();
  const big = testInfo.outputPath("big.csv");
  fs.writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 49));
  await page.locator("#lab-csv-file").setInputFiles(big);
  await expect(page.getByRole("alert")).toContainText("Tệp này nặng 50.0 MB");
  await page.locator("#lab-csv-file").setInputFiles({ name: "image.png", mimeType: "image/png", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00]) });
  await expect(page.getByRole("alert")).toContainText("Không dùng được image.png");
  expect(errors).toEqual([]);
});

test("exports: the history as CSV rows, the network as JSON that trace accepts, a chart as PNG", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=lab&data=xor&lang=en");
  for (let i = 0; i < 5; i++) await page.locator("#lab-step").click();
  await expect(page.locator("#lab-steps")).toHaveText("5");
  const [csv] = await Promise.all([page.waitForEvent("download"), page.locator("#lab-export-csv").click()]);
  const lines = fs.readFileSync(await csv.path(), "utf8").trim().split("\n");
  expect(lines[0].split(",").slice(0, 3)).toEqual(["step", "batch_loss", "batch_accuracy"]);
  expect(lines.length).toBe(6);
  expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(["1", "2", "3", "4", "5"]);
  const [json] = await Promise.all([page.waitForEvent("download"), page.locator("#lab-export-json").click()]);
  const spec = JSON.parse(fs.readFileSync(await json.path(), "utf8"));
  const traced = await page.evaluate(async (spec) => {
    const gradlab = await import(new URL("web/pkg/gradlab.js", document.baseURI).href).then(async (g) => (await g.default(), g));
    return gradlab.trace(spec).steps.length;
  }, spec);
  expect(traced).toBeGreaterThan(3);
  const figure = page.locator("figure.chart", { has: page.locator("#lab-loss-chart") });
  const [png] = await Promise.all([page.waitForEvent("download"), figure.getByRole("button", { name: "Download PNG" }).click()]);
  expect([...fs.readFileSync(await png.path()).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(errors).toEqual([]);
});

test("check gradients lists a relative error per layer", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=lab&data=xor&hidden=4&acts=tanh&lang=en");
  await page.locator("#lab-gc-run").click();
  await expect(page.locator("#lab-gc-table tbody tr")).toHaveCount(2);
  await expect(page.locator("#lab-gc-summary")).toContainText("Largest relative error over all layers");
  expect(errors).toEqual([]);
});

test("a learning rate that blows up stops with what to try, and Start over works", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=lab&data=xor&acts=relu,relu&init=he_normal&loss=mse&lr=10&lang=en");
  await page.locator("#lab-play").click();
  await expect(page.locator("#lab-status")).toHaveAttribute("data-state", "dead", { timeout: 30_000 });
  await expect(page.locator("#lab-status")).toContainText("Try a smaller learning rate");
  await expect(page.locator("#lab-play")).toHaveAttribute("aria-pressed", "false");
  await page.locator("#lab-reset").click();
  await expect(page.locator("#lab-steps")).toHaveText("0");
  expect(errors).toEqual([]);
});

test("on a 360 px phone nothing scrolls sideways, in both languages", async ({ browser }) => {
  for (const lang of ["vi", "en"]) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await openApp(page, `#scene=lab&data=iris&lang=${lang}`);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(wide, lang).toBeLessThanOrEqual(360);
    // With the own-data panel open too (its file picker was wider than the phone).
    const opened = await page.evaluate(() => [...document.querySelectorAll("#scene-root details")].map((d) => (d.open = true)).length);
    expect(opened).toBeGreaterThan(0);
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: lang }).toBeLessThanOrEqual(360);
    expect(errors).toEqual([]);
    await context.close();
  }
});

test("with reduced motion the lab still trains and draws", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  const errors = watchErrors(page);
  await openApp(page, "#scene=lab&data=circles&lang=en");
  await trainFor(page, 20);
  await page.locator("#lab-boundary").scrollIntoViewIfNeeded();
  await expect.poll(async () => (await canvasStats(page, "#lab-boundary")).inked).toBeGreaterThan(0.02);
  expect(errors).toEqual([]);
});

// Layers of different widths: the caption gives each its own count (training points × units),
// so layer 1's 6 units have twice the pre-activations of layer 2's 3.
test("the histograms' caption counts each layer's pre-activations", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=lab&data=xor&hidden=6,3&acts=tanh,relu&lang=en");
  await page.locator("#lab-hist").scrollIntoViewIfNeeded();
  const caption = page.locator("figure:has(#lab-hist) figcaption");
  await expect(caption).toHaveText(/^Layer 1, Tanh: \d+ pre-activations\. Layer 2, ReLU: \d+ pre-activations\.$/);
  const [first, second] = ((await caption.textContent()) ?? "").match(/\d+(?= pre)/g)?.map(Number) ?? [];
  expect(first).toBeGreaterThan(0);
  expect(first).toBe(2 * second);
  await expect.poll(async () => (await canvasStats(page, "#lab-hist")).inked).toBeGreaterThan(0.02);
  expect(errors).toEqual([]);
});
