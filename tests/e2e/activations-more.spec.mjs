// The activations scene, part 2: the article's points (printed vs exact, the note, jumping
// there), the table of every activation, the MathML formulas, GELU against its approximations,
// the α/β/ε/n/range controls, dark mode, and both languages. Every test fails on a console
// error or a missing translation (scene-test.mjs).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { test, expect, coreCall, expectTexts } from "./scene-test.mjs";
import { vi, en } from "./strings.mjs";
import { openApp, canvasStats, chartGeometry } from "./helpers.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const seed = JSON.parse(fs.readFileSync(path.join(root, "tests/golden/seed.json"), "utf8"));

// The article's derivative points of section 1 (σ′ at 0, ±5; tanh′ at 0, 2, 3).
const points = seed.sections.activations.entries.filter(
  (e) => e.compute.of === "derivative" && ["sigmoid", "tanh"].includes(e.compute.activation)
);

test("the article's points: exact values from the core, the printed numbers, the notes, and a jump there", async ({ page }) => {
  await openApp(page, "#scene=activations&act=relu&x=1&lang=en");
  const buttons = page.locator(".seed-point");
  await expect(buttons).toHaveCount(points.length);
  expect(points).toHaveLength(6);
  const { rtol, atol } = seed.tolerance;
  for (const entry of points) {
    const { activation, x } = entry.compute;
    const button = page.locator(`.seed-point[data-act="${activation}"][data-x="${x}"]`);
    const core = (await coreCall(page, "activation", activation, x)).derivative;
    await expect(button).toHaveAttribute("data-value", String(core));
    expect(Math.abs(core - entry.exact)).toBeLessThanOrEqual(atol + rtol * Math.abs(entry.exact));
    await expect(button.locator(".seed-printed")).toContainText(entry.printed);
  }
  // σ′(5): the article printed 0.0069; the page shows the exact 0.0066481 and says why.
  const five = page.locator('.seed-point[data-act="sigmoid"][data-x="5"]');
  await expect(five.locator(".seed-symbol")).toHaveText("σ′(5) ≈ 0.0066");
  const note = page.locator("#act-seed-note-sigmoid-5");
  await expect(note).toContainText("0.0069");
  await expect(note).toContainText("0.0066481");
  const discrepancy = seed.discrepancies.find((d) => d.id === "activations.sigmoid_prime_5");
  expect(discrepancy.printed).toBe("0.0069");
  expect(discrepancy.exactRounded).toBe("0.0066");
  await expect(page.locator("#act-seed-note-tanh-3")).toContainText("0.0099");

  await five.click();
  await expect(page.locator("#act-select")).toHaveValue("sigmoid");
  await expect(page.locator("#x-number")).toHaveValue("5");
  const sigma5 = (await coreCall(page, "activation", "sigmoid", 5)).derivative;
  await expect(page.locator("#readout-fprime")).toHaveAttribute("data-value", String(sigma5));
  await expect(five).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("#act-status")).toHaveAttribute("data-state", "saturated");
  await expect.poll(() => page.url()).toContain("act=sigmoid,relu&x=5");

  // tanh′(3) from a narrower range widens it to include x = 3.
  await page.locator("#xmin").fill("-1");
  await page.locator("#xmax").fill("1");
  await page.locator("#xmax").press("Enter");
  await expect(page.locator("#x-slider")).toHaveAttribute("max", "1");
  await page.locator('.seed-point[data-act="tanh"][data-x="3"]').click();
  await expect(page.locator("#x-slider")).toHaveAttribute("max", "3");
  const tanh3 = (await coreCall(page, "activation", "tanh", 3)).derivative;
  await expect(page.locator("#readout-fprime")).toHaveAttribute("data-value", String(tanh3));
});

test("the chart marks the article's points and pressing one jumps there", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page, "#scene=activations&act=tanh&x=-1");
  const geometry = await chartGeometry(page);
  expect(geometry.points.map((p) => p.x).sort()).toEqual([0, 2, 3]);
  const two = geometry.points.find((p) => p.x === 2);
  await page.locator("#act-chart").click({ position: { x: two.left, y: two.top } });
  await expect(page.locator("#x-number")).toHaveValue("2");
  const tanh2 = await page.evaluate(async () => {
    const gradlab = await import(new URL("web/pkg/gradlab.js", document.baseURI).href).then(async (g) => (await g.default(), g));
    return gradlab.activation("tanh", 2).derivative;
  });
  await expect(page.locator("#readout-fprime")).toHaveAttribute("data-value", String(tanh2));
});

test("the table lists every activation's largest derivative and non-saturated interval(s) from the core", async ({ page }) => {
  await openApp(page, "#scene=activations&act=sigmoid&lang=en");
  const catalog = await coreCall(page, "activations");
  expect(catalog).toHaveLength(14);
  const rows = page.locator("#act-facts tbody tr");
  await expect(rows).toHaveCount(14);
  for (const info of catalog) {
    const row = page.locator(`#act-facts tr[data-id="${info.id}"]`);
    await expect(row.locator("td.num")).toHaveAttribute("data-value", String(info.maxDerivative.value));
    const facts = await coreCall(page, "activationFacts", info.id, 0.01);
    await expect(row.locator("td.intervals").first()).toHaveAttribute("data-count", String(facts.active.length));
  }
  // Two intervals where f′ changes sign; relu is active on (0, ∞) (relu′(0) = 0) and dead on (−∞, 0].
  for (const id of ["swish", "gelu", "mish"]) {
    await expect(page.locator(`#act-facts tr[data-id="${id}"] td.intervals`).first()).toHaveAttribute("data-count", "2");
  }
  await expect(page.locator('#act-facts tr[data-id="relu"] td.intervals').first()).toHaveText("(0, ∞)");
  await expect(page.locator('#act-facts tr[data-id="relu"] td.intervals').nth(1)).toHaveText("(−∞, 0]");
  await expect(page.locator('#act-facts tr[data-id="sigmoid"] td.intervals').first()).toHaveText("[−4.585, 4.585]");

  // ε changes the intervals; a row's name explores that activation.
  await page.locator("#eps-number").fill("0.1");
  await expect(page.locator('#act-facts tr[data-id="sigmoid"] td.intervals').first()).toHaveText("[−2.063, 2.063]");
  await page.locator('#act-facts tr[data-id="mish"] button').click();
  await expect(page.locator("#act-select")).toHaveValue("mish");
  await expect(page.locator('#act-facts tr[data-id="mish"]')).toHaveClass(/is-primary/);
});

test("formulas in MathML with x substituted end in the core's values", async ({ page }) => {
  await openApp(page, "#scene=activations&act=sigmoid&x=2&lang=en");
  const f = page.locator("#act-formula-f math");
  await expect(f).toHaveCount(2);
  const lastNumber = (loc) => loc.locator("mn[data-value]").last().getAttribute("data-value");
  const at2 = await coreCall(page, "activation", "sigmoid", 2);
  expect(await lastNumber(f.nth(1))).toBe(String(at2.value));
  const fp = page.locator("#act-formula-fprime math");
  expect(await lastNumber(fp.nth(1))).toBe(String(at2.derivative));
  await expect(fp.nth(1)).toContainText("0.880797"); // σ′(2) = σ(2)(1 − σ(2)) with σ(2) substituted

  // A piecewise function shows the branch that applies, with the current α. (Off screen, the
  // formulas follow x once they are seen: the student scrolls to them.)
  await page.locator("#act-select").selectOption("leaky_relu");
  await page.locator("#x-number").fill("-2");
  const leaky = await coreCall(page, "activation", { id: "leaky_relu", alpha: 0.01 }, -2);
  await page.locator("#act-formula-f").scrollIntoViewIfNeeded();
  await expect.poll(() => lastNumber(page.locator("#act-formula-f math").nth(1))).toBe(String(leaky.value));
  await expect(page.locator("#act-formula-fprime math").nth(1)).toContainText("−2 ≤ 0");
});

test("GELU against its approximations: overlaid, a difference panel, and the core's maximum errors", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 1000 });
  await openApp(page, "#scene=activations&act=gelu,relu&x=1&lang=en");
  await expect(page.locator(".gelu-compare")).toBeHidden();
  await page.locator("#gelu-compare").check();
  await expect.poll(() => page.url()).toContain("cmp=1");
  await expect(page.locator(".gelu-compare")).toBeVisible();
  await expect(page.locator('#act-overlay input[data-id="relu"]')).toBeDisabled();
  for (const id of ["gelu_tanh", "gelu_sigmoid"]) {
    const d = await coreCall(page, "activationDifference", id, "gelu", -6, 6);
    const cells = page.locator(`#act-compare tr[data-id="${id}"] output`);
    await expect(cells.nth(0)).toHaveAttribute("data-value", String(d.value.maxAbs));
    await expect(cells.nth(1)).toHaveAttribute("data-value", String(d.derivative.maxAbs));
  }
  const tanh = await coreCall(page, "activationDifference", "gelu_tanh", "gelu", -6, 6);
  expect(tanh.value.maxAbs).toBeCloseTo(4.7323552e-4, 10); // mpmath: 4.7323552068728488e-4
  const geometry = await chartGeometry(page, /"difference"/);
  expect(geometry.panels.map((p) => p.id)).toEqual(["f", "fprime", "difference"]);
  expect(geometry.differences.map((d) => d.maxAbs)).toEqual([
    tanh.value.maxAbs,
    (await coreCall(page, "activationDifference", "gelu_sigmoid", "gelu", -6, 6)).value.maxAbs,
  ]);
  await expect(page.locator(".act-readouts tbody")).toHaveCount(3);
  // Off again: the relu overlay comes back.
  await page.locator("#gelu-compare").uncheck();
  await expect(page.locator(".act-readouts tbody")).toHaveCount(2);
});

test("α, β, ε, n and the range drive the readouts and the URL", async ({ page }) => {
  await openApp(page, "#scene=activations&act=leaky_relu,swish&x=-2&lang=en");
  await page.locator("#param-leaky_relu-alpha-number").fill("0.2");
  const leaky = await coreCall(page, "activation", { id: "leaky_relu", alpha: 0.2 }, -2);
  await expect(page.locator("#readout-f")).toHaveAttribute("data-value", String(leaky.value));
  await expect.poll(() => page.url()).toContain("leaky_relu.alpha=0.2");

  // β on a log slider, by keyboard: ten steps of 0.01 decades up from 1.
  const beta = page.locator("#param-swish-beta-slider");
  await beta.focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press("ArrowRight");
  await expect(page.locator("#param-swish-beta-number")).toHaveValue("1.26");
  const swish = await coreCall(page, "activation", { id: "swish", beta: 1.26 }, -2);
  await expect(page.locator(".act-readouts tbody").nth(1).locator("output").first()).toHaveAttribute(
    "data-value",
    String(swish.value)
  );
  await expect.poll(() => page.url()).toContain("swish.beta=1.26");

  // n layers: f′(x)ⁿ from the core's chain.
  await page.locator("#layers-number").fill("20");
  const chain = await coreCall(page, "chain", 1, leaky.derivative, 20, 1);
  await expect(page.locator("#readout-power")).toHaveAttribute("data-value", String(chain.gradients[19]));

  // ε above |f′| = 0.2 makes x = −2 saturated.
  await expect(page.locator("#act-status")).toHaveAttribute("data-state", "active");
  await page.locator("#eps-number").fill("0.3");
  await expect(page.locator("#act-status")).toHaveAttribute("data-state", "saturated");
  await expect.poll(() => page.url()).toContain("eps=0.3");

  // The range: invalid input is explained, a valid one moves the slider's ends.
  await page.locator("#xmin").fill("7");
  await page.locator("#xmin").press("Enter");
  await expect(page.locator("#range-message")).toBeVisible();
  await page.locator("#xmin").fill("-20");
  await page.locator("#xmax").fill("20");
  await page.locator("#xmax").press("Enter");
  await expect(page.locator("#range-message")).toBeHidden();
  await expect(page.locator("#x-slider")).toHaveAttribute("min", "-20");
  await expect.poll(() => page.url()).toContain("xmin=-20&xmax=20");
  await page.locator("#range-reset").click();
  await expect(page.locator("#x-slider")).toHaveAttribute("min", "-6");
});

test("dark mode draws a readable chart and the same numbers", async ({ page }) => {
  await openApp(page, "#scene=activations&act=relu,sigmoid&x=-1&theme=dark");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  const stats = await canvasStats(page, "#act-chart");
  expect(stats.colours).toBeGreaterThanOrEqual(6);
  // Text and lines are light on the dark page: the brightest inked pixels are near white.
  const light = await page.locator("#act-chart").evaluate((c) => {
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 200 && d[i] > 200 && d[i + 1] > 200 && d[i + 2] > 200) n++;
    return n;
  });
  expect(light).toBeGreaterThan(200);
  await expect(page.locator("#act-status")).toHaveAttribute("data-state", "dead");
});

for (const [lang, table] of [
  ["vi", vi],
  ["en", en],
]) {
  test(`the scene renders completely in ${lang}`, async ({ page }) => {
    await openApp(page, `#scene=activations&act=sigmoid,relu&x=5&cmp=1&lang=${lang}`);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expectTexts(page, table, {
      "#scene-root h1": "scene.activations.title",
      ".scene-activations .lead": "act.intro",
      "#act-seed-title": "act.seed.title",
      "#act-table-title": "act.table.title",
      "#act-formula-title": "act.formula.title",
      ".about .note": "act.note.sigmoid",
      "#act-select option:checked": "act.name.sigmoid",
    });
    await expect(page.locator("#act-status")).toContainText(table["act.status.saturated"].split(":")[0]);
    // Switch to GELU to see the comparison panel in this language.
    await page.locator("#act-select").selectOption("gelu");
    await expect(page.locator("#act-compare-title")).toHaveText(table["act.compare.title"]);
  });
}
