// The vanishing scene's training (#scene=vanishing, part b): "train N steps" fills the heat map
// with the core's updateRatios and the URL replays it; while it trains, the diagram, the step
// card and the readouts follow the weights; reduced motion is honoured; a link with many steps
// on a large network replays in slices without freezing the page. No console errors anywhere (scene-test.mjs).
import { test, expect } from "./scene-test.mjs";
import { openApp, canvasStats, watchErrors } from "./helpers.mjs";
import { exposeScene, dataValue } from "./vanishing-helpers.mjs";

exposeScene(test);

test("train N steps fills the heat map with the core's ‖ΔW‖/‖W‖, and the URL replays it", async ({ page }) => {
  await openApp(page, "#scene=vanishing&lang=en");
  const heat = page.locator("#van-heat");
  await page.locator("#van-nsteps-number").fill("40");
  await page.locator("#van-train").click();
  await expect(page.locator("#van-trained")).toHaveAttribute("data-value", "40", { timeout: 15_000 });
  await expect(page.locator("#van-train")).toBeEnabled();
  const core = await page.evaluate(async () => {
    const { gradlab, params } = await window.__vanishing();
    const trainer = new gradlab.Trainer(params.trainerConfig(params.NET), gradlab.dataset({ id: "iris", standardize: true }));
    let last = null;
    for (let i = 0; i < 40; i++) last = trainer.step(1);
    const norms = trainer.trace(params.PROBE_ROWS).layers.map((l) => l.gradNorm);
    trainer.free();
    return { ratios: last.updateRatios, norms };
  });
  expect(await dataValue(page, "#van-up-first")).toBe(core.ratios[0]);
  expect(await dataValue(page, "#van-up-last")).toBe(core.ratios.at(-1));
  // Frozen first layer: its relative update is orders of magnitude below the last layer's.
  expect(core.ratios[0]).toBeLessThan(1e-3 * core.ratios.at(-1));
  await expect.poll(() => dataValue(page, "#van-ratio")).toBe(core.norms[0] / core.norms.at(-1));
  // The same network traced again: the step card shows the trained norm (the card is redrawn,
  // the step list kept).
  await expect.poll(() => dataValue(page, "#van-player .sp-card mn.van-norm-value")).toBe(core.norms.at(-1));
  await expect(page.locator("#van-player .sp-item")).toHaveCount(core.norms.length);
  const stats = await canvasStats(page, "#van-heat");
  expect(stats.colours).toBeGreaterThan(6);
  expect(stats.inked).toBeGreaterThan(0.3);
  await expect(heat).toHaveAttribute("aria-label", /40/);
  await expect(page).toHaveURL(/trained=40/);
  await expect(page).toHaveURL(/nsteps=40/);

  // The diagram as drawn at the end of the animation (its colour range is held only while the
  // training goes on): the same colours and legend as a link's drawing of the trained network.
  const drawing = () =>
    page.locator("#van-diagram").evaluate((svg) => ({
      strokes: [...svg.querySelectorAll(".gd-edge")].map((l) => `${l.getAttribute("stroke")} ${l.getAttribute("stroke-width")}`).join(),
      legend: svg.closest(".gradient-diagram").querySelector(".gd-legend-bar")?.textContent,
    }));
  const trainedDrawing = await drawing();
  expect(trainedDrawing.legend).toMatch(/10/);

  // A reload replays the 40 seeded steps: the same numbers.
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/\bready\b/);
  await expect(page.locator("#van-trained")).toHaveAttribute("data-value", "40");
  expect(await dataValue(page, "#van-up-first")).toBe(core.ratios[0]);
  await expect.poll(drawing).toEqual(trainedDrawing);
  await expect(page.locator("#van-nsteps-number")).toHaveValue("40");
  // Start over empties it.
  await page.locator("#van-train-reset").click();
  await expect(page.locator("#van-trained")).toHaveAttribute("data-value", "0");
  await expect(page).not.toHaveURL(/trained=/);
});

test("while it trains, the diagram, the step card and the loss follow the weights live", async ({ page }) => {
  await openApp(page, "#scene=vanishing&lang=en");
  const card = "#van-player .sp-card mn.van-norm-value";
  const before = await dataValue(page, card);
  const strokes = () => page.locator("#van-diagram .gd-edge").evaluateAll((lines) => lines.map((l) => l.getAttribute("stroke")).join());
  const strokesBefore = await strokes();
  await page.locator("#van-nsteps-number").fill("2000");
  await page.locator("#van-train").click();
  const lossBefore = await dataValue(page, "#van-loss");
  // Mid-run (the Train button is still disabled), the card and the loss already show new values.
  await expect
    .poll(async () => (await page.locator("#van-train").isDisabled()) && (await dataValue(page, card)) !== before && (await dataValue(page, "#van-loss")) !== lossBefore, { timeout: 15_000 })
    .toBe(true);
  await expect(page.locator("#van-trained")).toHaveAttribute("data-value", "2000", { timeout: 60_000 });
  expect(await strokes()).not.toBe(strokesBefore);
  // At the end the card is the core's norm at the trained weights.
  const norm = await page.evaluate(async () => {
    const { gradlab, params } = await window.__vanishing();
    const trainer = new gradlab.Trainer(params.trainerConfig(params.NET), gradlab.dataset({ id: "iris", standardize: true }));
    trainer.step(2000);
    const flow = trainer.gradientFlow(params.PROBE_ROWS);
    const { loss } = trainer.evaluate();
    trainer.free();
    return { norm: flow.layers.at(-1).gradNorm, loss };
  });
  await expect.poll(() => dataValue(page, card)).toBe(norm.norm);
  expect(await dataValue(page, "#van-loss")).toBe(norm.loss);
});

test.describe("with reduced motion", () => {
  test.use({ reducedMotion: "reduce" });
  test("training jumps to the end and the current layer does not flow", async ({ page }) => {
    await openApp(page, "#scene=vanishing&lang=en");
    // Moved to the next layer, where the student would see it flow.
    await page.locator("#van-player .sp-next").click();
    await expect(page.locator("#van-diagram")).toHaveAttribute("data-current", "10");
    const animation = await page
      .locator("#van-diagram .gd-layer.is-current .gd-edge:not(.is-zero)")
      .first()
      .evaluate((line) => getComputedStyle(line).animationName);
    expect(animation).toBe("none");
    const strokes = () => page.locator("#van-diagram .gd-edge").evaluateAll((lines) => lines.map((l) => l.getAttribute("stroke")).join());
    const before = await strokes();
    await page.locator("#van-train").click();
    // Not animated: a small job is done at once (a long one in slices with only a progress line).
    await expect(page.locator("#van-trained")).toHaveAttribute("data-value", "200");
    await expect(page.locator("#van-train")).toBeEnabled();
    expect(await strokes()).not.toBe(before);
  });
});

test("a link with many trained steps on a large network replays them without freezing the page", async ({ page }) => {
  await openApp(page, "#scene=vanishing&depth=30&width=32&trained=2000&lang=en");
  // The network part starts after the scene's first paint (start-soon.js); its replay then holds Train.
  await expect(page.locator("#van-train")).toBeDisabled();
  // The replay goes on after the page is ready, in slices: animation frames keep coming while it
  // runs, and the progress line moves through the steps in between (whatever the machine's speed:
  // no timing is measured, only that the page keeps drawing and says how far it got).
  const replay = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const button = document.getElementById("van-train");
        const status = document.getElementById("van-train-status");
        let frames = 0;
        const seen = new Set();
        const tick = () => {
          if (!button.disabled) return resolve({ frames, statuses: [...seen] });
          frames++;
          seen.add(status.textContent);
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      })
  );
  expect(replay.frames).toBeGreaterThan(5);
  const steps = replay.statuses.map((text) => Number(text.match(/^Training: step (\d+) of 2000… /)?.[1])).filter((n) => n > 0 && n < 2000);
  expect(steps.length).toBeGreaterThanOrEqual(2);
  expect(steps).toEqual([...steps].sort((a, b) => a - b));
  await expect(page.locator("#van-trained")).toHaveAttribute("data-value", "2000");
  await expect(page).toHaveURL(/trained=2000/);
  // The same seeded steps as the core's own: the last step's first-layer update ratio.
  const ratio = await page.evaluate(async () => {
    const { gradlab, params } = await window.__vanishing();
    const trainer = new gradlab.Trainer(params.trainerConfig({ ...params.NET, depth: 30, width: 32 }), gradlab.dataset({ id: "iris", standardize: true }));
    const last = trainer.step(2000);
    trainer.free();
    return last.updateRatios[0];
  });
  expect(await dataValue(page, "#van-up-first")).toBe(ratio);
});

test("a learning rate that blows the network up stops with the core's message, and the page keeps working", async ({ page }) => {
  await openApp(page, "#scene=vanishing&act=relu&init=he_normal&width=64&lr=5&lang=en");
  await page.locator("#van-train").click();
  // The core refuses step 4 (non-finite) and keeps the weights of step 3.
  await expect(page.locator("#van-train-status")).toContainText("step 4: the result is not finite");
  await expect(page.locator("#van-train-status")).toHaveAttribute("data-state", "dead");
  await expect(page.locator("#van-trained")).toHaveAttribute("data-value", "3");
  await expect(page.locator("#van-train")).toBeEnabled();
  await expect(page).toHaveURL(/trained=3/);
  // Every number still on screen is finite.
  const values = await page.locator("#scene-root [data-value]").evaluateAll((nodes) => nodes.map((n) => Number(n.dataset.value)));
  expect(values.length).toBeGreaterThan(10);
  expect(values.filter((v) => !Number.isFinite(v))).toEqual([]);
  // A sane learning rate trains again.
  await page.locator("#van-lr-number").fill("0.01");
  await page.locator("#van-lr-number").press("Enter");
  await expect(page.locator("#van-trained")).toHaveAttribute("data-value", "0");
  await page.locator("#van-train").click();
  await expect(page.locator("#van-trained")).toHaveAttribute("data-value", "200", { timeout: 15_000 });
  await expect(page.locator("#van-train-status")).toHaveAttribute("data-state", "active");
});

test("moving a network slider while it trains draws the old network until the new one is built", async ({ page }) => {
  // Found by a UI fuzz: the live redraw used the sliders' sizes with the old network's gradients.
  await openApp(page, "#scene=vanishing&nsteps=2000&lang=en");
  await expect(page.locator("#van-diagram")).toHaveAttribute("data-columns", "12");
  await page.locator("#van-train").click();
  await page.locator("#van-depth-slider").focus();
  await page.keyboard.press("ArrowLeft");
  // Still training the 10-layer network for a moment, then the 9-layer one is built.
  await expect(page.locator("#van-diagram")).toHaveAttribute("data-columns", "11");
  await expect(page.locator("#van-depth-number")).toHaveValue("9");
  await expect(page.locator("#van-trained")).toHaveAttribute("data-value", "0");
  await expect(page.locator("#error-panel")).toBeHidden();
});

// The scene warms its training frames in idle time on a throwaway copy of the network (so the
// first frames of Train are not slowed while V8 compiles): nothing shown changes, and training
// afterwards shows the numbers a page that trained before any rehearsal shows.
test("the rehearsal of Train in idle time changes nothing shown: training after it gives the same numbers", async ({ page, browser }) => {
  const link = "#scene=vanishing&nsteps=20&lang=en";
  const ids = ["#van-trained", "#van-loss", "#van-acc", "#van-up-first", "#van-up-last"];
  const shown = (p) => p.evaluate((ids) => ids.map((id) => document.querySelector(id)?.textContent ?? null), ids);
  await openApp(page, link);
  // The network part starts after the scene's first paint: its first numbers, then the rehearsal.
  await expect(page.locator("#van-trained")).toHaveAttribute("data-value", "0");
  await expect(page.locator("#van-loss")).not.toHaveText("");
  const before = await shown(page);
  expect(before.every((v) => v !== null && v !== "")).toBe(true);
  await expect(page.locator("#scene-root [data-rehearsed]")).toHaveAttribute("data-rehearsed", "true", { timeout: 30_000 });
  expect(await shown(page)).toEqual(before);
  await page.locator("#van-train").click();
  await expect(page.locator("#van-trained")).toHaveAttribute("data-value", "20", { timeout: 15_000 });
  await expect(page.locator("#van-train")).toBeEnabled();
  const rehearsed = await shown(page);
  // The same link in a page that trains at once, before any rehearsal could run.
  const fresh = await browser.newPage();
  const errors = watchErrors(fresh);
  await openApp(fresh, link);
  await fresh.locator("#van-train").click();
  await expect(fresh.locator("#van-trained")).toHaveAttribute("data-value", "20", { timeout: 15_000 });
  await expect(fresh.locator("#van-train")).toBeEnabled();
  expect(rehearsed).toEqual(await shown(fresh));
  expect(rehearsed[1]).not.toBe(before[1]); // training did change the loss shown
  await fresh.close();
  expect(errors).toEqual([]);
});

// The network part starts in two tasks: the data and the Trainer, then (a frame later) the
// backward pass and the views. A press of Train in between finishes the start first, so it
// trains the network the part built; the part stays marked as starting until then.
test("Train pressed between the two tasks of the network part's start trains that network", async ({ page }) => {
  await page.addInitScript(() => {
    new MutationObserver((records, observer) => {
      const part = document.querySelector("section.van-network");
      if (!part || !records.some((r) => r.target === part)) return;
      const before = records.filter((r) => r.target === part).map((r) => r.oldValue ?? "");
      // In one task: start-soon.js took the mark off (old value had it) and the first half put it
      // back (old value without it). Only then is the Trainer built and the pass not yet run.
      const between = part.classList.contains("starting") && before.some((v) => v.includes("starting")) && before.some((v) => !v.includes("starting"));
      if (!between) return;
      observer.disconnect();
      window.__pressedBetween = {
        ratioShown: document.getElementById("van-ratio")?.hasAttribute("data-value") ?? null,
        busy: part.getAttribute("aria-busy"),
      };
      document.getElementById("van-train").click();
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ["class"], attributeOldValue: true });
  });
  await openApp(page, "#scene=vanishing&nsteps=20&lang=en");
  // The press came before the pass was shown, while the part was still starting…
  expect(await page.evaluate(() => window.__pressedBetween)).toEqual({ ratioShown: false, busy: "true" });
  // …and trained: the 20 steps, then the pass at the trained weights.
  await expect(page.locator("#van-trained")).toHaveAttribute("data-value", "20", { timeout: 15_000 });
  await expect(page.locator("#van-train")).toBeEnabled();
  await expect(page.locator("#van-ratio")).toHaveAttribute("data-value", /\d/);
  await expect(page.locator("section.van-network")).not.toHaveClass(/\bstarting\b/);
});
