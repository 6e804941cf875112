// Every parameter of every scene survives the URL: for seeded random values within each
// declaration of the scene registry, the page's own state.js writes them (writeParams) and reads
// them back (readParams) unchanged, with nothing rejected; and values at their defaults leave
// the URL (only keys declared `always` are written).
import { test, expect } from "./fixtures.mjs";
import { watchErrors, openApp } from "./helpers.mjs";
import { SCENES_WITH_PARAMS, generator, pageContext, randomValues } from "./schema-values.mjs";
import { findScene } from "../../web/scenes/registry.js";

const ROUNDS = 25;

/** In the page: clear the hash, write `values`, read them back; returns what the URL said and read. */
function roundTrip(page, scene, ctx, values) {
  return page.evaluate(
    async ({ scene, ctx, values }) => {
      const state = await import(new URL("web/state.js", document.baseURI).href);
      state.flush();
      history.replaceState(history.state, "", "#scene=lab");
      state.takeRejected();
      state.writeParams(scene, values, ctx);
      state.flush();
      const hash = location.hash;
      const read = state.readParams(scene, ctx);
      const rejected = state.takeRejected();
      history.replaceState(history.state, "", "#scene=lab");
      return { hash, read, rejected };
    },
    { scene, ctx, values }
  );
}

for (const [index, scene] of SCENES_WITH_PARAMS.entries()) {
  test(`${scene}: random values within the registry's ranges read back unchanged from the URL`, async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page, "#scene=lab&lang=en");
    const ctx = await pageContext(page, scene);
    const g = generator(7001 + index);
    for (let i = 0; i < ROUNDS; i++) {
      const values = randomValues(scene, ctx, g);
      expect(Object.keys(values).length).toBeGreaterThan(0);
      const { hash, read, rejected } = await roundTrip(page, scene, ctx, values);
      expect(rejected, hash).toEqual([]);
      expect(read, hash).toEqual(values);
    }
    expect(errors).toEqual([]);
  });

  test(`${scene}: the defaults leave the URL`, async ({ page }) => {
    await openApp(page, "#scene=lab&lang=en");
    const ctx = await pageContext(page, scene);
    const defaults = await page.evaluate(
      async ({ scene, ctx }) => (await import(new URL("web/state.js", document.baseURI).href)).defaultParams(scene, ctx),
      { scene, ctx }
    );
    const { hash, read, rejected } = await roundTrip(page, scene, ctx, defaults);
    const written = [...new URLSearchParams(hash.slice(1)).keys()].filter((key) => key !== "scene");
    const always = Object.entries(findScene(scene).params).filter(([, p]) => p.always).map(([key]) => key);
    expect(written.sort()).toEqual(always.sort());
    expect(rejected).toEqual([]);
    expect(read).toEqual(defaults);
  });
}

// A scene's coalesced URL write (updateSoon) that comes due after the user navigated but before
// the browser's hashchange event ran (a task of its own) must not put the old state back into the
// new URL: the page would then show the old state for the new link.
test("a pending URL write does not overwrite a navigation whose hashchange has not run yet", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=activations&act=tanh&x=2&lang=en");
  const hash = await page.evaluate(async () => {
    const state = await import(new URL("web/state.js", document.baseURI).href);
    state.updateSoon({ x: 1.5 });
    location.hash = "#scene=activations&act=relu&x=-2&lang=en"; // hashchange is queued, not run
    state.flush(); // the write's timer, firing first
    return location.hash;
  });
  expect(hash).toBe("#scene=activations&act=relu&x=-2&lang=en");
  await expect(page.locator(".act-readouts h2")).toContainText("x = −2");
  // A write with no navigation in between still lands.
  const written = await page.evaluate(async () => {
    const state = await import(new URL("web/state.js", document.baseURI).href);
    state.updateSoon({ x: 1.5 });
    state.flush();
    return new URLSearchParams(location.hash.slice(1)).get("x");
  });
  expect(written).toBe("1.5");
  expect(errors).toEqual([]);
});

// While a slider moves, the URL is not rewritten at every step (writing it costs the main thread a
// few ms, the moment a slider's frame waits for): it is written once the steps pause, or at most
// about once a second while they go on, and then holds the last value.
test("a slider's steps write the URL once they pause, not at every step", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=activations&act=tanh&x=0&lang=en");
  await page.evaluate(() => {
    const replace = history.replaceState.bind(history);
    window.__urlWrites = 0;
    history.replaceState = (...args) => {
      window.__urlWrites++;
      return replace(...args);
    };
  });
  const slider = page.locator("#x-slider");
  await slider.focus();
  const started = Date.now();
  for (let k = 0; k < 40; k++) await page.keyboard.press("ArrowRight"); // 40 steps of 0.01
  const elapsed = Date.now() - started;
  await expect(page.locator("#x-number")).toHaveValue("0.4");
  await expect.poll(() => page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get("x"))).toBe("0.4");
  const writes = await page.evaluate(() => window.__urlWrites);
  // One write after the pause, plus at most one a second during the steps.
  expect(writes).toBeGreaterThanOrEqual(1);
  expect(writes).toBeLessThanOrEqual(1 + Math.ceil(elapsed / 1000));
  expect(errors).toEqual([]);
});
