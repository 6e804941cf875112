// The dying-ReLU scene's training view (#scene=dying-relu, part c, "death at scale"): the
// preset kills ≥ 30 % of layer 2 and draws its charts and diagrams, LeakyReLU keeps its units
// alive, and a learning rate that makes a run diverge is reported with the core's own message
// (no error panel, no console error).
import { test, expect } from "./fixtures.mjs";
import { en } from "./strings.mjs";
import { watchErrors, openApp, canvasStats, coreRefusal, numberAttribute, seeChart, scrollToView } from "./helpers.mjs";

test("death at scale with lr = 5: LeakyReLU's run diverges with the core's message, ReLU's finishes", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=dying-relu&lr=5&cmp=1&lang=en");
  const leaky = page.locator('#dr-train-summary [data-act="leaky_relu"]');
  // The core's own Trainer with the scene's settings refuses the same step, with the same words.
  const config = await page.evaluate(async () => {
    const url = (p) => new URL(p, document.baseURI).href;
    const { trainerConfig } = await import(url("web/scenes/dying-relu/training.js"));
    const { KILLER } = await import(url("web/scenes/dying-relu/training-controls.js"));
    return trainerConfig({ ...KILLER, lr: 5 }, "leaky_relu");
  });
  const core = await coreRefusal(page, { config, data: "iris", steps: 300 });
  expect(core).not.toBeNull();
  // The run is named as the activations table names it (i18n `act.name.*`).
  await expect(leaky).toHaveText(`${en["act.name.leaky_relu"]}: training diverged at step ${core.step}. The core says: ${core.message}`);
  await expect(page.locator('#dr-train-summary [data-act="relu"]')).toHaveAttribute("data-dead2", /\d+/);
  for (const id of ["#dr-dead-chart", "#dr-loss-chart"]) {
    await seeChart(page, id);
    expect((await canvasStats(page, id)).inked, id).toBeGreaterThan(0.01);
  }
  expect(errors).toEqual([]);
});

test("death at scale: the preset kills ≥ 30 % of layer 2, the dead-fraction chart draws, LeakyReLU keeps them alive", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=dying-relu&lang=en");
  const relu = page.locator('#dr-train-summary [data-act="relu"]');
  await expect(relu).toHaveAttribute("data-dead2", /\d+/);
  expect(await numberAttribute(relu, "data-dead2")).toBeGreaterThanOrEqual(10); // ≥ 30 % of 32
  for (const id of ["#dr-dead-chart", "#dr-loss-chart"]) {
    await seeChart(page, id);
    const stats = await canvasStats(page, id);
    expect(stats.width, id).toBeGreaterThan(200);
    expect(stats.colours, id).toBeGreaterThanOrEqual(4);
    expect(stats.inked, id).toBeGreaterThan(0.01);
  }
  const deadUnits = (await numberAttribute(relu, "data-dead1")) + (await numberAttribute(relu, "data-dead2"));
  await expect(page.locator('#dr-train-net-relu .net-unit[data-state="dead"]')).toHaveCount(deadUnits);

  // One click: ReLU and LeakyReLU side by side (animated training).
  await page.locator(".dr-one-click").click();
  const leaky = page.locator('#dr-train-summary [data-act="leaky_relu"]');
  await expect(leaky).toHaveAttribute("data-dead2", "0", { timeout: 20_000 });
  await expect(leaky).toHaveAttribute("data-dead1", "0");
  // The diagrams are built a frame after the summary: wait for LeakyReLU's before counting.
  await expect(page.locator("#dr-train-net-leaky_relu .net-unit")).toHaveCount(4 + 32 + 32 + 3);
  await expect(page.locator('#dr-train-net-leaky_relu .net-unit[data-state="dead"]')).toHaveCount(0);
  expect(await numberAttribute(relu, "data-dead2")).toBeGreaterThanOrEqual(10);
  await expect(page.locator(".dr-train-button")).toBeEnabled();
  await expect.poll(() => page.url()).toContain("cmp=1");
  expect(errors).toEqual([]);
});

test("every init in the list trains (the parameterised ones with the values their labels name)", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=dying-relu&n=20&lang=en");
  const options = await page.locator("#dr-init option").evaluateAll((list) => list.map((o) => [o.value, o.textContent]));
  expect(options.map(([id]) => id)).toEqual(expect.arrayContaining(["zeros", "uniform", "normal", "he_normal"]));
  expect(Object.fromEntries(options).uniform).toContain("0.5");
  const relu = page.locator('#dr-train-summary [data-act="relu"]');
  for (const [id] of options) {
    await page.locator("#dr-init").selectOption(id);
    await expect(page).toHaveURL(id === "he_normal" ? /scene=dying-relu/ : new RegExp(`init=${id}`));
    await expect(relu, id).toHaveAttribute("data-dead2", /\d+/);
    await expect(page.locator("#error-panel")).toBeHidden();
  }
  expect(errors).toEqual([]);
});

/** Resolves after `n` animation frames of the page. */
const frames = (page, n) => page.evaluate((count) => new Promise((resolve) => {
  const next = (left) => (left ? requestAnimationFrame(() => next(left - 1)) : resolve(undefined));
  next(count);
}), n);

test.describe("on a phone", () => {
  test.use({ viewport: { width: 412, height: 823 } });

  /**
   * Opens the scene and waits until the training part's run is summed up, and four frames more
   * (built at once, the diagram would be there two frames after the summary). Its summary line.
   */
  async function trained(page) {
    await openApp(page, "#scene=dying-relu&lang=en");
    const relu = page.locator('#dr-train-summary [data-act="relu"]');
    await expect(relu).toHaveAttribute("data-dead2", /\d+/, { timeout: 30_000 });
    await frames(page, 4);
    return relu;
  }

  test("the trained network's diagram is built when the student scrolls near it, not at the start", async ({ page }) => {
    const errors = watchErrors(page);
    const relu = await trained(page);
    // Screens away from the student, it is not built.
    await expect(page.locator(".dr-train-net")).toHaveCount(0);
    await expect(page.locator(".dr-train-diagrams")).not.toHaveAttribute("aria-busy", "true");
    await scrollToView(page.locator("#dr-train-summary"));
    const deadUnits = (await numberAttribute(relu, "data-dead1")) + (await numberAttribute(relu, "data-dead2"));
    await expect(page.locator("#dr-train-net-relu .net-unit")).toHaveCount(4 + 32 + 32 + 3);
    await expect(page.locator('#dr-train-net-relu .net-unit[data-state="dead"]')).toHaveCount(deadUnits);
    await expect(page.locator(".dr-train-diagrams")).not.toHaveAttribute("aria-busy", "true");
    expect(errors).toEqual([]);
  });

  test("printed, the page has the trained network's diagram even if the student never scrolled to it", async ({ page }) => {
    const errors = watchErrors(page);
    const relu = await trained(page);
    // What the browser's print does first, then the count in the same task.
    const built = await page.evaluate(() => {
      window.dispatchEvent(new Event("beforeprint"));
      return document.querySelectorAll("#dr-train-net-relu .net-unit").length;
    });
    expect(built).toBe(4 + 32 + 32 + 3);
    const deadUnits = (await numberAttribute(relu, "data-dead1")) + (await numberAttribute(relu, "data-dead2"));
    await expect(page.locator('#dr-train-net-relu .net-unit[data-state="dead"]')).toHaveCount(deadUnits);
    expect(errors).toEqual([]);
  });
});
