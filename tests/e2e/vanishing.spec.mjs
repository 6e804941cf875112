// The vanishing-gradient scene (#scene=vanishing): the default chain shows the course's
// 1 → 0.00001 table and Δw = 0.0000001 (tests/golden/seed.json), edits follow the core's `chain`
// and `activation`; the presets' first/last gradient-norm ratios equal what the core's Trainer
// and trace give in the page (sigmoid < 10⁻³, residual > 10⁻¹); the backward pass advances one
// layer per step (button, keyboard, play); the diagram and every chart are drawn; "train N
// steps" is in vanishing-training.spec.mjs; both languages; the URL restores everything; no
// console errors or missing translations anywhere (scene-test.mjs).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { test, expect, expectTexts, expectValues } from "./scene-test.mjs";
import { vi, en } from "./strings.mjs";
import { openApp, canvasStats, numberAttribute, seeChart } from "./helpers.mjs";
import { exposeScene, coreNorms, dataValue } from "./vanishing-helpers.mjs";

exposeScene(test);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const seed = JSON.parse(fs.readFileSync(path.join(root, "tests/golden/seed.json"), "utf8"));
const section = seed.sections.vanishingChain;

test("the default chain is the course's table: 1 → 0.00001 and Δw = 0.0000001, from the core", async ({ page }) => {
  await openApp(page, "#scene=vanishing&lang=en");
  const { start, local, depth, learningRate } = section.chain;
  const chain = await page.evaluate(async (c) => {
    const { gradlab } = await window.__vanishing();
    return gradlab.chain(c.start, c.local, c.depth, c.learningRate);
  }, section.chain);
  const table = page.locator("#van-chain-table");
  // The gradient column, from the output down to layer 1, exactly as the course prints it.
  const gradTexts = await table.locator("tbody .van-grad").allTextContents();
  expect(gradTexts).toEqual(["1", "0.1", "0.01", "0.001", "0.0001", "0.00001"]);
  await expect(table.locator('tr[data-layer="1"] .van-upd')).toHaveText("0.0000001");
  // Every raw value is the core's, and every one agrees with the golden file.
  expect(await dataValue(page, '#van-chain-table tr[data-layer="output"] .van-grad')).toBe(start);
  for (let k = 0; k < depth; k++) {
    const row = `#van-chain-table tr[data-layer="${depth - k}"]`;
    expect(await dataValue(page, `${row} .van-grad`)).toBe(chain.gradients[k]);
    expect(await dataValue(page, `${row} .van-upd`)).toBe(chain.updates[k]);
  }
  const printed = section.entries.filter((e) => e.compute.chain);
  expect(printed.length, "the article's chain entries").toBeGreaterThan(0);
  for (const entry of printed) {
    const [, key, k] = entry.compute.path.match(/^(gradients|updates)\[(\d)\]$/);
    const cell = `#van-chain-table tr[data-layer="${depth - Number(k)}"] .${key === "gradients" ? "van-grad" : "van-upd"}`;
    await expect(page.locator(cell), entry.id).toHaveText(entry.printed);
    expect(Math.abs((await dataValue(page, cell)) - entry.exact), entry.id).toBeLessThanOrEqual(seed.tolerance.atol + seed.tolerance.rtol * Math.abs(entry.exact));
  }
  await expect(page.locator("#van-local")).toHaveAttribute("data-value", String(local));
  await expect(page.locator("#van-chain-verdict")).toHaveAttribute("data-verdict", "vanishing");
  await expect(page.locator("#van-chain-verdict")).toContainText("0.0000001");
  expect(learningRate).toBe(0.01);
  // The bar chart: one bar per row, each carrying the core's value.
  const bars = page.locator("#van-chain-bars .lb-bar");
  await expect(bars).toHaveCount(depth + 1);
  expect(await numberAttribute(bars.nth(depth), "data-value")).toBe(chain.gradients[depth - 1]);
  expect(await page.locator("#van-chain-bars .lb-bar rect").count()).toBe(depth + 1);
});

test("an activation's f′(x) drives the chain, and the comparison follows the core", async ({ page }) => {
  await openApp(page, "#scene=vanishing&lang=en");
  await page.locator("#van-src-act").check();
  await page.locator("#van-cact").selectOption("tanh");
  await page.locator("#van-x-number").fill("3");
  await page.locator("#van-n-number").fill("8");
  await expect(page.locator("#van-chain-table tbody tr")).toHaveCount(9);
  const core = await page.evaluate(async () => {
    const { gradlab } = await window.__vanishing();
    const d = gradlab.activation("tanh", 3).derivative;
    return { d, chain: gradlab.chain(1, d, 8, 0.01) };
  });
  expect(await dataValue(page, "#van-local")).toBe(core.d);
  expect(await dataValue(page, '#van-chain-table tr[data-layer="1"] .van-grad')).toBe(core.chain.gradients[7]);
  await expect(page).toHaveURL(/src=act/);
  await expect(page).toHaveURL(/cact=tanh/);

  // Comparison at x = −1: sigmoid, tanh, ReLU, GELU, each with the core's f′(−1); ReLU is dead.
  await page.locator("#van-x-number").fill("-1");
  const rows = page.locator("#van-compare-table tbody tr");
  await expect(rows).toHaveCount(4);
  const expected = await page.evaluate(async () => {
    const { gradlab } = await window.__vanishing();
    return ["tanh", "sigmoid", "relu", "gelu"].map((id) => {
      const d = gradlab.activation(id, -1).derivative;
      return { id, d, g: gradlab.chain(1, d, 8, 0.01).gradients[7] };
    });
  });
  for (const e of expected) {
    const row = page.locator(`#van-compare-table tr[data-act="${e.id}"]`);
    expect(await numberAttribute(row.locator(".van-d"), "data-value")).toBe(e.d);
    expect(await numberAttribute(row.locator(".van-grad"), "data-value")).toBe(e.g);
  }
  await expect(page.locator('#van-compare-table tr[data-act="relu"] .van-verdict')).toHaveClass(/is-zero/);
  await expect(page.locator('#van-compare-table tr[data-act="tanh"]')).toHaveClass(/is-chosen/);
  await expect(page.locator("#van-compare-chart").locator("xpath=ancestor::figure")).toHaveAttribute("data-drawn", /\d+/);
  const stats = await canvasStats(page, "#van-compare-chart");
  expect(stats.colours).toBeGreaterThan(4);
  expect(stats.inked).toBeGreaterThan(0.02);
});

test("presets: the first/last gradient-norm ratio shown is the core's (sigmoid < 10⁻³, residual > 10⁻¹)", async ({ page }) => {
  await openApp(page, "#scene=vanishing&lang=en");
  const presets = await page.evaluate(async () => (await window.__vanishing()).params.PRESETS);
  // What the presets are (the story the page tells).
  expect(presets.sigmoid).toMatchObject({ depth: 10, act: "sigmoid", init: "xavier_uniform", res: false });
  expect(presets.residual).toMatchObject({ depth: 10, res: true });
  for (const id of ["sigmoid", "tanh", "relu", "gelu", "residual"]) {
    await page.locator(`[data-preset="${id}"]`).click();
    await expect(page.locator(`[data-preset="${id}"]`)).toHaveAttribute("aria-pressed", "true");
    await expect(page.locator("#van-preset-note")).toHaveAttribute("data-match", id);
    await expect(page.locator("#van-depth-number")).toHaveValue(String(presets[id].depth));
    await expect(page.locator("#van-act")).toHaveValue(presets[id].act);
    const norms = await coreNorms(page, presets[id]);
    const ratio = norms[0] / norms.at(-1);
    await expect.poll(() => dataValue(page, "#van-ratio"), { message: id }).toBe(ratio);
    expect(await dataValue(page, "#van-norm-first")).toBe(norms[0]);
    expect(await dataValue(page, "#van-norm-last")).toBe(norms.at(-1));
    // The norm chart was drawn for this trace, and the diagram has one layer group per W.
    await expect(page.locator("#van-diagram .gd-layer")).toHaveCount(norms.length);
    if (id === "sigmoid") {
      expect(ratio).toBeLessThan(1e-3);
      await expect(page.locator("#van-norms-verdict")).toHaveAttribute("data-verdict", "vanishing");
    }
    if (id === "residual") {
      expect(ratio).toBeGreaterThan(1e-1);
      await expect(page.locator("#van-norms-verdict")).toHaveAttribute("data-verdict", "steady");
    }
  }
});

test("the backward pass advances one layer per step; the diagram and the norm chart are drawn", async ({ page }) => {
  await openApp(page, "#scene=vanishing&lang=en");
  const svg = page.locator("#van-diagram");
  await expect(svg).toHaveAttribute("data-current", "11");
  expect(await numberAttribute(svg, "data-edges")).toBeGreaterThan(100);
  expect(await svg.locator("circle").count()).toBeGreaterThan(50);
  await expect(svg.locator(".gd-layer.is-current")).toHaveCount(1);
  await expect(svg.locator(".gd-layer.is-waiting")).toHaveCount(10);
  // Only the layer the pass has reached has coloured edges (5 units shown × 3 outputs); a layer is
  // drawn when the pass reaches it.
  await expect(svg.locator(".gd-edge")).toHaveCount(15);
  await expect(page.locator("#van-player .sp-card")).toHaveAttribute("data-layer", "11");

  await page.locator("#van-player .sp-next").click();
  await expect(svg).toHaveAttribute("data-current", "10");
  await expect(svg.locator('.gd-layer[data-layer="10"]')).toHaveClass(/is-current/);
  await expect(svg.locator('.gd-layer[data-layer="11"]')).toHaveClass(/is-reached/);
  await expect(svg.locator(".gd-layer.is-waiting")).toHaveCount(9);
  await expect(svg.locator(".gd-edge")).toHaveCount(15 + 25);
  await expect(page.locator("#van-player .sp-card")).toHaveAttribute("data-layer", "10");
  await expect(page).toHaveURL(/step=2/);
  // The card's norm is the trace's.
  const norms = await coreNorms(page, {});
  const shown = await page.locator("#van-player .sp-card mn.van-norm-value").getAttribute("data-value");
  expect(Number(shown)).toBe(norms[9]);

  // Keyboard: → steps on.
  await page.locator("#van-player-stage").focus();
  await page.keyboard.press("ArrowRight");
  await expect(svg).toHaveAttribute("data-current", "9");
  // Play moves on by itself (fastest speed), one layer at a time.
  await page.locator("#van-player-speed").selectOption("4");
  await page.locator("#van-player .sp-play").click();
  await expect.poll(async () => Number(await svg.getAttribute("data-current"))).toBeLessThan(9);
  await page.locator("#van-player .sp-last").click();
  await expect(svg).toHaveAttribute("data-current", "1");
  await expect(svg.locator(".gd-layer.is-waiting")).toHaveCount(0);
  // "Show all steps" shows the whole diagram.
  await page.locator("#van-player-all").check();
  await expect(svg).toHaveAttribute("data-current", "");
  await expect(svg.locator(".gd-edge")).toHaveCount(await numberAttribute(svg, "data-edges"));
  // The edges carry colours from the ramp, not a single flat colour.
  const strokes = await svg.locator(".gd-edge").evaluateAll((lines) => new Set(lines.map((l) => l.getAttribute("stroke"))).size);
  expect(strokes).toBeGreaterThan(20);

  const stats = await canvasStats(page, "#van-norm-chart");
  expect(stats.colours).toBeGreaterThan(4);
  expect(stats.inked).toBeGreaterThan(0.02);

  // The dark theme recolours the edges (same sizes), and the charts redraw.
  const strokeOf = () => svg.locator(".gd-edge:not(.is-zero)").first().getAttribute("stroke");
  const widthOf = () => svg.locator(".gd-edge:not(.is-zero)").first().getAttribute("stroke-width");
  const [before, width] = [await strokeOf(), await widthOf()];
  await page.locator("#theme-toggle").click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect.poll(strokeOf).not.toBe(before);
  expect(await widthOf()).toBe(width);
});

test("the diagram's first drawing already shows the link's step: its layers are styled once, not all reached and then restyled", async ({ page }) => {
  // Every value the diagram's step takes, from the page's start (the scene draws it a frame
  // before the player's steps: they once came one frame later, every layer and edge restyled).
  await page.addInitScript(() => {
    window.__steps = [];
    new MutationObserver((records) => {
      for (const r of records) if (r.target.id === "van-diagram") window.__steps.push(r.target.getAttribute("data-current"));
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-current"] });
  });
  await openApp(page, "#scene=vanishing&step=3&lang=en");
  const svg = page.locator("#van-diagram");
  await expect(svg).toHaveAttribute("data-current", "9");
  await expect(page.locator("#van-player .sp-card")).toHaveAttribute("data-layer", "9");
  expect(new Set(await page.evaluate(() => window.__steps))).toEqual(new Set(["9"]));
  await expect(svg.locator(".gd-layer.is-reached")).toHaveCount(2);
});

test("the current layer's edges flow a few times when the student moves to it, then rest: an idle page animates nothing", async ({ page }) => {
  await openApp(page, "#scene=vanishing&lang=en");
  const svg = page.locator("#van-diagram");
  const flowing = () =>
    page.evaluate(() =>
      document
        .getAnimations()
        .filter((a) => a.playState === "running" && a.effect?.target?.closest?.("#van-diagram .gd-layer.is-current"))
        .map((a) => a.effect.getComputedTiming().iterations)
    );
  // The first drawing does not flow (the scene's start has enough to draw): the current layer is dashed, still.
  await expect(svg.locator(".gd-layer.is-current")).toHaveCount(1);
  expect(await flowing()).toEqual([]);
  await page.locator("#van-player .sp-next").click();
  await expect(svg).toHaveAttribute("data-current", "10");
  // The new current layer flows towards the input, a finite number of times (under WCAG's 5 s)…
  const iterations = await flowing();
  expect(iterations.length).toBeGreaterThan(0);
  for (const n of iterations) expect(Number.isFinite(n)).toBe(true);
  // …then nothing on the page runs an animation: no frame is drawn while the student reads.
  await expect.poll(() => page.evaluate(() => document.getAnimations().filter((a) => a.playState === "running").length), { timeout: 8_000 }).toBe(0);
  // Its edges still say which layer is current: dashed, as drawn.
  const dash = await svg.locator(".gd-layer.is-current .gd-edge:not(.is-zero)").first().evaluate((line) => getComputedStyle(line).strokeDasharray);
  expect(dash).not.toBe("none");
});

test("the URL restores every setting", async ({ page }) => {
  const hash = "#scene=vanishing&n=7&src=act&cact=gelu&x=-0.5&eta=0.1&depth=4&width=8&act=elu&init=normal&ip=0.3&res=1&seed=7&lr=0.05&step=3&lang=en";
  await openApp(page, hash);
  await expect(page.locator("#van-src-act")).toBeChecked();
  await expectValues(page, { "#van-n-number": "7", "#van-cact": "gelu", "#van-x-number": "-0.5", "#van-eta-number": "0.1" });
  await expect(page.locator("#van-chain-table tbody tr")).toHaveCount(8);
  await expectValues(page, {
    "#van-depth-number": "4",
    "#van-width-number": "8",
    "#van-act": "elu",
    "#van-init": "normal",
    "#van-ip-number": "0.3",
    "#van-seed-number": "7",
    "#van-lr-number": "0.05",
  });
  await expect(page.locator("#van-res")).toBeChecked();
  await expect(page.locator("#van-player")).toHaveAttribute("data-index", "2");
  await expect(page.locator("#van-diagram")).toHaveAttribute("data-current", "3");
  await expect(page.locator("#van-diagram .gd-skip")).toHaveCount(3);
  const norms = await coreNorms(page, { depth: 4, width: 8, act: "elu", init: "normal", ip: 0.3, res: true, seed: 7, lr: 0.05 });
  await expect.poll(() => dataValue(page, "#van-ratio")).toBe(norms[0] / norms.at(-1));
  // A change is written back (replaceState, no reload).
  await page.locator("#van-width-number").fill("12");
  await expect(page).toHaveURL(/width=12/);
});

for (const [lang, table] of [
  ["vi", vi],
  ["en", en],
]) {
  test(`${lang}: every string of the scene is translated`, async ({ page }) => {
    // A string missing from the table warns in the console, which fails the test (scene-test.mjs).
    await openApp(page, `#scene=vanishing&lang=${lang}`);
    await expectTexts(page, table, {
      "#scene-root h1": "scene.vanishing.title",
      "#van-chain-title": "van.chain.title",
      "#van-net-title": "van.net.title",
      "#van-train-title": "van.train.title",
      '[data-preset="residual"] .van-preset-name': "van.preset.residual",
      "#van-chain-table th": "van.chain.col.layer",
    });
    await page.locator("#van-train").click();
    await expect(page.locator("#van-trained")).toHaveAttribute("data-value", "200", { timeout: 15_000 });
  });
}

test("zero init: every hidden gradient is exactly 0 and drawn as such", async ({ page }) => {
  await openApp(page, "#scene=vanishing&init=zeros&lang=en");
  // Zero init: every hidden gradient is exactly 0 — drawn dashed, ratio 0.
  await expect(page.locator("#van-init")).toHaveValue("zeros");
  expect(await dataValue(page, "#van-norm-first")).toBe(0);
  // The legend explains the dashed edges from the first step, before the pass reaches them.
  await expect(page.locator("#van-diagram").locator("xpath=..").locator(".gd-swatch.is-zero")).toBeVisible();
  await page.locator("#van-player-all").check();
  expect(await page.locator("#van-diagram .gd-edge.is-zero").count()).toBeGreaterThan(50);
});

test("gradients that underflow to subnormal numbers still draw on the log charts (no core trap)", async ({ page }) => {
  // Found by fuzzing the URL: the comparison chain at x = −8.28 reaches subnormal values, whose
  // ratio to 1 overflows; the log axis used to trap the core (plotters divided by zero).
  await openApp(page, "#scene=vanishing&n=26&src=d&x=-8.27756&eta=0&width=1&act=swish&res=1&seed=0&lr=5&trained=91&speed=0.5&all=1&lang=en");
  const smallest = await page.evaluate(async () => {
    const { gradlab } = await window.__vanishing();
    const gelu = gradlab.chain(1, gradlab.activation("gelu", -8.27756).derivative, 26, 0).gradients;
    return Math.min(...gelu.map(Math.abs).filter((v) => v > 0));
  });
  expect(smallest).toBeLessThan(2.2250738585072014e-308); // subnormal: 1 / smallest overflows
  expect(1 / smallest).toBe(Infinity);
  for (const id of ["#van-compare-chart", "#van-norm-chart"]) {
    await seeChart(page, id);
    expect((await canvasStats(page, id)).inked, id).toBeGreaterThan(0.01);
  }
  await expect(page.locator("#error-panel")).toBeHidden();
});
