// The shared step player (web/components/step-player.js) and step formulas (step-formulas.js) on
// their own, as the vanishing and zero-init scenes will use them: every preset's trace renders
// with the generic notation and shows exactly the core's numbers; the controls, the step list,
// play/pause/speed, the keyboard, setSteps and destroy behave.
import { test, expect } from "./fixtures.mjs";
import { watchErrors, openApp } from "./helpers.mjs";

/** Mounts a player in a fresh container of the running app (window.__player) from a preset's trace, its strings loaded. */
async function mountPlayer(page, { preset = "dying-relu", mode = "single", augment = false } = {}) {
  return page.evaluate(
    async ({ preset, mode, augment }) => {
      const base = document.baseURI;
      const gradlab = await import(new URL("web/pkg/gradlab.js", base).href).then(async (g) => (await g.default(), g));
      const { t, loadLang, getLang } = await import(new URL("web/i18n.js", base).href);
      // The player's words come with the table of a scene that has one (the lab has none).
      await loadLang(getLang(), ["dying-relu"]);
      const { createStepPlayer } = await import(new URL("web/components/step-player.js", base).href);
      const f = await import(new URL("web/components/step-formulas.js", base).href);
      window.__player?.destroy();
      document.getElementById("test-host")?.remove();
      const host = document.createElement("div");
      host.id = "test-host";
      document.getElementById("scene-root").prepend(host);
      const spec = gradlab.preset(preset);
      const trace = gradlab.trace(spec);
      const steps = augment ? f.augmentBias(trace.steps, 0) : trace.steps;
      const notation = f.createNotation({ functions: trace.layers.map((l) => l.function) });
      window.__changes = [];
      window.__player = createStepPlayer(host, {
        t,
        id: "tp",
        steps,
        describe: (step) => f.describeStep(step, { t, notation, loss: spec.loss }),
        mode,
        onChange: (change) => window.__changes.push(change),
      });
      window.__steps = steps;
      return { count: steps.length, results: steps.map((s) => s.result) };
    },
    { preset, mode, augment }
  );
}

const flat = (v) => (typeof v === "number" ? [v] : Array.isArray(v[0]) ? v.flat() : v);

for (const preset of ["dying-relu", "linear-regression-zero", "logistic-regression-zero", "softmax-regression-zero", "mlp-zero-init", "chain"]) {
  test(`every step of preset "${preset}" renders with the core's numbers`, async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page, "#scene=lab&lang=en");
    const { count, results } = await mountPlayer(page, { preset, mode: "all" });
    expect(count, "steps of the preset").toBeGreaterThan(0);
    expect(results).toHaveLength(count);
    const cards = page.locator("#tp .sp-card");
    await expect(cards).toHaveCount(count);
    const shownCards = await cards.evaluateAll((nodes) =>
      nodes.map((card) => ({
        lines: card.querySelectorAll(".sp-formula math").length,
        values: [...card.querySelectorAll(".step-result mn[data-value]")].map((n) => Number(n.dataset.value)),
        title: card.querySelector(".sp-title").textContent,
        explanation: card.querySelector(".sp-explain")?.textContent ?? "",
      }))
    );
    shownCards.forEach((card, i) => {
      expect(card.lines, `step ${i + 1}: symbolic, substituted, result`).toBe(3);
      expect(card.values, `step ${i + 1}`).toEqual(flat(results[i].value));
      expect(card.title).not.toContain("step.op");
      expect(card.explanation.length, `step ${i + 1} explains itself`).toBeGreaterThan(20);
    });
    // Zero gradients are marked (the zero-init MLP has whole matrices of them).
    if (preset === "mlp-zero-init") {
      await expect(page.locator('#tp .sp-card[data-result="dW1"] .step-result mtd.cell-zero').first()).toBeVisible();
    }
    expect(errors).toEqual([]);
  });
}

test("the bias can be folded into M = [b; W] without losing a number", async ({ page }) => {
  await openApp(page, "#scene=lab&lang=en");
  const { count } = await mountPlayer(page, { preset: "dying-relu", mode: "all", augment: true });
  expect(count).toBe(13); // 15 steps, with ∇b merged into ∇M and b′ into M′
  const dM = await page.locator('#tp .sp-card[data-result="dM1"] .step-result mn').evaluateAll((ns) => ns.map((n) => Number(n.dataset.value)));
  const trace = await page.evaluate(async () => {
    const gradlab = await import(new URL("web/pkg/gradlab.js", document.baseURI).href).then(async (g) => (await g.default(), g));
    return gradlab.trace(gradlab.preset("dying-relu"));
  });
  expect(dM).toEqual([trace.layers[0].gradBias, ...trace.layers[0].gradWeights].flat());
  await expect(page.locator('#tp .sp-card[data-op="linear"]').first().locator(".sp-expansion li")).toHaveCount(2);
});

test("buttons, step list, play/pause, speed, setSteps and destroy", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=lab&lang=en");
  const { count } = await mountPlayer(page);
  const player = page.locator("#tp");
  await expect(player).toHaveAttribute("data-index", "0");
  await expect(player.locator(".sp-prev")).toBeDisabled();
  await expect(player.locator(".sp-first")).toBeDisabled();
  await player.locator(".sp-next").click();
  await expect(player).toHaveAttribute("data-index", "1");
  await player.locator(".sp-last").click();
  await expect(player).toHaveAttribute("data-index", String(count - 1));
  await expect(player.locator(".sp-next")).toBeDisabled();
  await player.locator('.sp-item[data-index="4"]').click();
  await expect(player).toHaveAttribute("data-index", "4");
  await expect(player.locator('.sp-item[data-index="4"]')).toHaveAttribute("aria-current", "step");
  expect((await page.evaluate(() => window.__changes)).at(-1)).toEqual({ index: 4, mode: "single", speed: 1, fade: "none" });

  // Play at 4× walks on by itself and stops at the last step.
  await player.locator("#tp-speed").selectOption("4");
  await player.locator(".sp-play").click();
  await expect(player.locator(".sp-play")).toHaveAttribute("aria-pressed", "true");
  await expect(player).toHaveAttribute("data-index", String(count - 1), { timeout: 15_000 });
  await expect(player.locator(".sp-play")).toHaveAttribute("aria-pressed", "false");
  // Pause in the middle.
  await player.locator(".sp-first").click();
  await player.locator(".sp-play").click();
  await expect(player).not.toHaveAttribute("data-index", "0");
  await player.locator(".sp-play").click();
  const stopped = await player.getAttribute("data-index");
  // On purpose a timer: nothing is to happen (a paused player does not move on at speed 4).
  await page.waitForTimeout(800);
  await expect(player).toHaveAttribute("data-index", stopped);

  // Keys typed in the speed box are not shortcuts; keys in the stage are.
  await player.locator("#tp-speed").focus();
  await page.keyboard.press("ArrowLeft");
  await expect(player).toHaveAttribute("data-index", stopped);
  await page.locator("#tp-stage").focus();
  await page.keyboard.press("End");
  await expect(player).toHaveAttribute("data-index", String(count - 1));

  // New steps (an edit upstream) keep the position; fewer steps clamp it.
  await page.evaluate(() => window.__player.setSteps(window.__steps.slice(0, 5)));
  await expect(player).toHaveAttribute("data-count", "5");
  await expect(player).toHaveAttribute("data-index", "4");
  await page.evaluate(() => window.__player.setSteps([]));
  await expect(player.locator(".sp-empty")).toBeVisible();
  await page.evaluate(() => window.__player.destroy());
  await expect(page.locator("#tp")).toHaveCount(0);
  expect(errors).toEqual([]);
});

// The scenes' players give the step list its titles without describing every step (titleOf):
// each list title must still be the title its card shows.
for (const link of ["#scene=dying-relu&all=1&lang=en", "#scene=zero-init&mlp-all=1&lang=vi"]) {
  test(`${link}: every step list title is the title of its card`, async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page, link);
    const player = page.locator(".step-player.is-all").first();
    const items = player.locator(".sp-item-title");
    const cards = player.locator(".sp-card h3.sp-title");
    const n = await items.count();
    expect(n, "steps in the list").toBeGreaterThan(5);
    await expect(cards).toHaveCount(n);
    const listed = await items.allTextContents();
    const headed = await cards.allTextContents();
    listed.forEach((title, i) => {
      expect(title.length, `step ${i + 1}'s title`).toBeGreaterThan(3);
      expect(headed[i].endsWith(` · ${title}`), `card ${i + 1}: "${headed[i]}" ends with "${title}"`).toBe(true);
    });
    expect(errors).toEqual([]);
  });
}

test("walking the steps, the stage never gets shorter though its cards differ in height (Next stays put)", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=dying-relu&lang=en");
  const player = page.locator("#dr-player");
  const total = Number(await player.getAttribute("data-count"));
  expect(total, "steps").toBeGreaterThan(5);
  const frame = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const read = () =>
    player.evaluate((p) => ({
      stage: p.querySelector(".sp-stage").getBoundingClientRect().height,
      card: p.querySelector(".sp-card").getBoundingClientRect().height,
      next: p.querySelector(".sp-next").getBoundingClientRect().top,
    }));
  await frame();
  const seen = [await read()];
  for (let i = 1; i < total; i++) {
    await player.locator(".sp-next").click();
    await expect(player).toHaveAttribute("data-index", String(i));
    await frame();
    seen.push(await read());
  }
  const cards = seen.map((s) => s.card);
  expect(Math.max(...cards) - Math.min(...cards), "the cards differ in height").toBeGreaterThan(20);
  for (let i = 1; i < seen.length; i++) {
    expect(seen[i].stage, `stage at step ${i + 1}`).toBeGreaterThanOrEqual(seen[i - 1].stage - 0.5);
    expect(seen[i].stage, `stage holds card ${i + 1}`).toBeGreaterThanOrEqual(seen[i].card - 0.5);
  }
  expect(errors).toEqual([]);
});
