// The training session every training view uses (web/components/training-session.js), seen
// from the page: a run started while another runs cancels it (only the last settings' numbers
// end up on screen), Stop keeps the steps trained so far (the counter, the heat map, its caption
// and the readouts agree with the core's own Trainer at that step, at every frame of the run),
// a diverging run shows the core's message as a divergence, a configuration the core refuses is
// reported as such, and a wasm trap reaches the app's crash panel. Expected numbers come from the
// page's own core, run directly. No console errors anywhere.
import { test, expect } from "./fixtures.mjs";
import { watchErrors, openApp, coreRefusal } from "./helpers.mjs";
import { dataValue } from "./vanishing-helpers.mjs";

/** The core's dead units (on all 150 flowers) after `steps` steps of the dying-ReLU view's network. */
function coreDeath(page, settings, steps) {
  return page.evaluate(
    async ({ settings, steps }) => {
      const url = (p) => new URL(p, document.baseURI).href;
      const gradlab = await import(url("web/pkg/gradlab.js")).then(async (g) => (await g.default(), g));
      const { trainerConfig } = await import(url("web/scenes/dying-relu/training.js"));
      const { KILLER } = await import(url("web/scenes/dying-relu/training-controls.js"));
      const data = gradlab.dataset({ id: "iris", standardize: true });
      const out = {};
      for (const act of ["relu", "leaky_relu"]) {
        const trainer = new gradlab.Trainer(trainerConfig({ ...KILLER, ...settings }, act), data);
        try {
          trainer.step(steps);
          const flow = trainer.gradientFlow(data.inputs.map((_, i) => i));
          out[act] = flow.layers.slice(0, -1).map((l) => (l.deadUnits ?? []).length);
        } finally {
          trainer.free();
        }
      }
      return out;
    },
    { settings, steps }
  );
}

const summaryLine = (page, act) => page.locator(`#dr-train-summary [data-act="${act}"]`);

test("dragging the learning rate cancels each run it starts: only the last settings' numbers are drawn", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=dying-relu&n=3000&cmp=1&lang=en");
  await expect(summaryLine(page, "relu")).toHaveAttribute("data-dead2", /\d+/, { timeout: 30_000 });
  await expect(page.locator("#dr-train-progress")).toBeHidden();
  // Every final summary drawn from now on.
  await page.evaluate(() => {
    window.__finals = [];
    new MutationObserver(() => {
      const line = document.querySelector('#dr-train-summary [data-act="relu"][data-dead2]');
      if (line) window.__finals.push(line.textContent);
    }).observe(document.getElementById("dr-train-summary"), { childList: true, subtree: true });
  });
  // Five positions of the slider in one task, each a new run of 2 × 3 000 steps that the next
  // one cancels (five key presses could be slower than a run on a loaded machine, and a run that
  // ends before the next press is rightly drawn).
  await page.locator("#dr-lr-slider").evaluate((slider) => {
    for (const value of ["1.499", "1.498", "1.497", "1.496", "1.495"]) {
      slider.value = value;
      slider.dispatchEvent(new Event("input", { bubbles: true }));
    }
  });
  await expect(page.locator("#dr-lr-number")).toHaveValue("1.495");
  // While the last run trains, the previous results stay, marked as being recomputed.
  await expect(page.locator("#dr-train-progress")).toBeHidden({ timeout: 60_000 });
  await expect(page.locator(".dr-train-view")).not.toHaveAttribute("aria-busy", "true");
  await expect(summaryLine(page, "leaky_relu")).toHaveAttribute("data-dead2", /\d+/);
  const core = await coreDeath(page, { lr: 1.495, steps: 3000 }, 3000);
  for (const act of ["relu", "leaky_relu"]) {
    await expect(summaryLine(page, act), act).toHaveAttribute("data-dead1", String(core[act][0]));
    await expect(summaryLine(page, act), act).toHaveAttribute("data-dead2", String(core[act][1]));
  }
  const finals = await page.evaluate(() => [...new Set(window.__finals)]);
  expect(finals).toHaveLength(1); // nothing of the four cancelled runs was drawn
  expect(finals[0]).toContain("after 3000 steps");
  await expect.poll(() => page.url()).toContain("lr=1.495");
  expect(errors).toEqual([]);
});

test("dying ReLU: Stop keeps the steps trained; the summary and the diagram are the core's at that step", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=dying-relu&n=3000&lang=en");
  await expect(summaryLine(page, "relu")).toHaveAttribute("data-dead2", /\d+/, { timeout: 30_000 });
  await page.locator(".dr-train-button").click();
  await expect(page.locator(".dr-train-button")).toBeDisabled();
  // Animated: the summary follows the run; stop it somewhere in the middle.
  await expect(summaryLine(page, "relu")).toContainText(/step \d+\/3000/);
  await page.locator("#dr-train-progress-stop").click();
  await expect(page.locator("#dr-train-progress")).toBeHidden();
  await expect(page.locator(".dr-train-button")).toBeEnabled();
  const text = await summaryLine(page, "relu").textContent();
  const steps = Number(text.match(/after (\d+) steps/)?.[1]);
  expect(steps).toBeGreaterThan(0);
  expect(steps).toBeLessThan(3000);
  const core = await coreDeath(page, { steps: 3000 }, steps);
  await expect(summaryLine(page, "relu")).toHaveAttribute("data-dead1", String(core.relu[0]));
  await expect(summaryLine(page, "relu")).toHaveAttribute("data-dead2", String(core.relu[1]));
  await expect(page.locator('#dr-train-net-relu .net-unit[data-state="dead"]')).toHaveCount(core.relu[0] + core.relu[1]);
  expect(errors).toEqual([]);
});

test.describe("with reduced motion", () => {
  test.use({ reducedMotion: "reduce" });
  test("dying ReLU: Train is not animated but still sliced — a progress line, then the whole result at once", async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page, "#scene=dying-relu&n=3000&cmp=1&lang=en");
    await expect(summaryLine(page, "relu")).toHaveAttribute("data-dead2", /\d+/, { timeout: 30_000 });
    await page.evaluate(() => {
      window.__lines = [];
      new MutationObserver(() => window.__lines.push(document.getElementById("dr-train-summary").textContent)).observe(document.getElementById("dr-train-summary"), { childList: true, subtree: true });
      // Whether the progress line was ever shown: on a fast machine it may come and go between
      // two polls of the test.
      const progress = /** @type {HTMLElement} */ (document.getElementById("dr-train-progress"));
      window.__progressShown = !progress.hidden;
      new MutationObserver(() => (window.__progressShown ||= !progress.hidden)).observe(progress, { attributes: true, attributeFilter: ["hidden"] });
    });
    await page.locator("#dr-lr-number").fill("1.2");
    await page.locator(".dr-train-button").click();
    await expect.poll(() => page.evaluate(() => window.__progressShown)).toBe(true);
    await expect(page.locator("#dr-train-progress")).toBeHidden({ timeout: 60_000 });
    await expect(summaryLine(page, "leaky_relu")).toHaveAttribute("data-dead2", /\d+/);
    const lines = await page.evaluate(() => window.__lines);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((l) => /step \d+\/3000/.test(l))).toEqual([]); // no frame-by-frame summary
    expect(errors).toEqual([]);
  });
});

/** "1 step", "2 steps": English as a student reads it. */
const stepsText = (n) => `${n} ${n === 1 ? "step" : "steps"}`;

test("vanishing: at every frame of a run the counter, the heat map and its caption name the same step, and Stop keeps them", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=vanishing&depth=30&width=64&nsteps=2000&lang=en");
  await page.locator("#van-train").click();
  // Sample what a student sees at every frame until Stop is pressed (after a few frames of steps).
  const samples = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const seen = [];
        const tick = () => {
          const n = Number(document.getElementById("van-trained").dataset.value);
          const heat = document.querySelector("figure.heat-map:has(#van-heat)");
          seen.push({ n, columns: Number(heat.dataset.columns), caption: heat.querySelector("figcaption").textContent, label: document.getElementById("van-heat").getAttribute("aria-label") });
          if (seen.filter((s) => s.n > 0).length >= 5) {
            document.getElementById("van-train-stop").click();
            resolve(seen);
          } else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      })
  );
  expect(samples.filter((s) => s.n > 0).length).toBeGreaterThanOrEqual(5);
  for (const s of samples) {
    expect(s.columns, JSON.stringify(s)).toBe(s.n);
    if (s.n) {
      expect(s.caption.startsWith(`${stepsText(s.n)} × 31 layers`), s.caption).toBe(true);
      expect(s.label, s.label).toContain(`over ${stepsText(s.n)}`);
    }
  }
  await expect(page.locator("#van-train")).toBeEnabled();
  await expect(page.locator("#van-train-stop")).toBeHidden();
  const n = await dataValue(page, "#van-trained");
  expect(n).toBeGreaterThanOrEqual(samples.at(-1).n);
  expect(n).toBeLessThan(2000);
  await expect(page.locator("#van-train-status")).toHaveText(new RegExp(`^${stepsText(n)} trained\\.`));
  await expect(page.locator("figure.heat-map:has(#van-heat)")).toHaveAttribute("data-columns", String(n));
  await expect(page).toHaveURL(new RegExp(`trained=${n}(&|$)`));
  // The readouts are the core's own numbers after n steps.
  const core = await page.evaluate(async (n) => {
    const url = (p) => new URL(p, document.baseURI).href;
    const gradlab = await import(url("web/pkg/gradlab.js")).then(async (g) => (await g.default(), g));
    const params = await import(url("web/scenes/vanishing/params.js"));
    const trainer = new gradlab.Trainer(params.trainerConfig({ ...params.NET, depth: 30, width: 64 }), gradlab.dataset({ id: "iris", standardize: true }));
    try {
      const last = trainer.step(n);
      return { first: last.updateRatios[0], last: last.updateRatios.at(-1), loss: trainer.evaluate().loss };
    } finally {
      trainer.free();
    }
  }, n);
  expect(await dataValue(page, "#van-up-first")).toBe(core.first);
  expect(await dataValue(page, "#van-up-last")).toBe(core.last);
  expect(await dataValue(page, "#van-loss")).toBe(core.loss);
  // Train goes on from there.
  await page.locator("#van-nsteps-number").fill("3");
  await page.locator("#van-train").click();
  await expect(page.locator("#van-trained")).toHaveAttribute("data-value", String(n + 3), { timeout: 30_000 });
  expect(errors).toEqual([]);
});

test("zero-init: a diverging regression shows the core's message as a divergence", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=zero-init&lin-x=100,100,100&lin-eta=1&lin-n=50&lang=en");
  const spec = await page.evaluate(async () => (await import(new URL("web/pkg/gradlab.js", document.baseURI).href).then(async (g) => (await g.default(), g))).preset("linear-regression-zero"));
  const inputs = [[100, 100, 100]];
  const config = { layers: spec.layers, loss: spec.loss, reduction: "sum", optimizer: { id: "sgd", lr: 1 }, shuffle: false };
  const core = await coreRefusal(page, { config, data: { inputs, targets: spec.targets }, steps: 50 });
  expect(core).not.toBeNull();
  await expect(page.locator("#zi-reg-train-result .zi-error")).toHaveText(`Training diverged at step ${core.step}. The core says: ${core.message}`);
  await expect(page.locator("#error-panel")).toBeHidden();
  expect(errors).toEqual([]);
});

test("a configuration the core refuses is reported as invalid, naming the field, and nothing trains", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=vanishing&lang=en");
  const outcome = await page.evaluate(async () => {
    const url = (p) => new URL(p, document.baseURI).href;
    const gradlab = await import(url("web/pkg/gradlab.js")).then(async (g) => (await g.default(), g));
    const { createTrainingSession } = await import(url("web/components/training-session.js"));
    const { sizedSgdConfig } = await import(url("web/components/trainer-config.js"));
    const reported = [];
    const session = createTrainingSession({ gradlab, reportError: (e) => reported.push(String(e)) });
    const collected = [];
    return new Promise((resolve) => {
      session.run({
        runs: [{ config: sizedSgdConfig({ sizes: [4, 0, 3], activation: "relu", init: "he_normal", seed: 1, lr: 0.1 }), data: gradlab.dataset({ id: "iris", standardize: true }) }],
        steps: 10,
        collect: (_, stats) => collected.push(stats.step),
        onDone: ({ runs, error }) => resolve({ error, runError: runs[0].error, collected, reported, busy: session.busy }),
      });
    });
  });
  expect(outcome.error).toMatchObject({ kind: "invalid", step: 0 });
  expect(outcome.error.message).toContain("sizes[1]");
  expect(outcome.runError).toEqual(outcome.error);
  expect(outcome.collected).toEqual([]);
  expect(outcome.reported).toEqual([]);
  expect(outcome.busy).toBe(false);
  expect(errors).toEqual([]);
});

// The adapter's error contract (error.kind on every Error of the core) is simulated here by a
// step that throws such an Error, so that each kind is checked in a view whatever the build.
async function failingStep(page, make) {
  // After the scene's rehearsal of Train in idle time (vanishing/network.js), whose throwaway
  // trainer also steps: the calls counted here are the run's own.
  await page.locator("#scene-root [data-rehearsed]").waitFor({ state: "attached", timeout: 30_000 });
  await page.evaluate(async (make) => {
    // The page's own instance: the vanishing scene runs on the training core (web/wasm.js).
    const gradlab = await import(new URL("web/pkg/training/gradlab.js", document.baseURI).href);
    const original = gradlab.Trainer.prototype.step;
    let calls = 0;
    gradlab.Trainer.prototype.step = function (n) {
      if (++calls <= 3) return original.call(this, n);
      if (make === "trap") throw new WebAssembly.RuntimeError("unreachable");
      throw Object.assign(new Error(make === "invalid" ? "optimizer.lr: expected a positive number" : "step 4: the result is not finite"), {
        kind: make === "invalid" ? "invalid" : "nonFinite",
        field: make === "invalid" ? "optimizer.lr" : "",
      });
    };
  }, make);
}

for (const [kind, shown] of [
  ["invalid", "The core does not accept these settings: optimizer.lr: expected a positive number"],
  ["nonFinite", "Training stopped after 3 good steps. The core says: step 4: the result is not finite"],
]) {
  test(`an Error of kind "${kind}" from a step is shown as ${kind === "invalid" ? "a refusal" : "a divergence"}, keeping the good steps`, async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page, "#scene=vanishing&lang=en");
    await failingStep(page, kind);
    await page.locator("#van-train").click();
    await expect(page.locator("#van-train-status")).toHaveText(shown);
    await expect(page.locator("#van-train-status")).toHaveAttribute("data-error", kind === "invalid" ? "invalid" : "diverged");
    await expect(page.locator("#van-trained")).toHaveAttribute("data-value", "3");
    await expect(page.locator("#van-train")).toBeEnabled();
    await expect(page.locator("#error-panel")).toBeHidden();
    expect(errors).toEqual([]);
  });
}

test("a wasm trap during training goes to the app's crash panel, not into the view", async ({ page }) => {
  await openApp(page, "#scene=vanishing&lang=en");
  await failingStep(page, "trap");
  await page.locator("#van-train").click();
  await expect(page.locator("#error-panel")).toBeVisible();
  await expect(page.locator("#error-panel")).toHaveAttribute("data-kind", "crash");
  await expect(page.locator("#error-panel .error-text")).toContainText("unreachable");
});
