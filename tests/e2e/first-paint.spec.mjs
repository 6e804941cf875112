// The first paint does not wait for the wasm (issue 17): while the core is still on its way, the
// page shows the scene's own title and lead and the loading line under them; when the core
// arrives the scene takes over with the same header in the same place (nothing above it moves)
// and the loading line goes. The wasm's response is held back by the test until it lets it go.
// Expected words are written here, not read from the page's tables. Then the start in short
// tasks: the modules' compile hint, the activations scene's blocks shown a frame each after its
// chart and the lab's after its settings (staged-parts.js), the charts' warm-up at the page's pixel ratio, and no layout shift on
// a phone, where a part far below the first screen is laid out (and its chart drawn) only when
// scrolled to.
import { test, expect } from "./fixtures.mjs";
import { canvasStats, scrollThrough, watchErrors } from "./helpers.mjs";

/** Holds every request for the wasm until `release()`. */
async function holdWasm(page) {
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  let held = 0;
  await page.route("**/*.wasm", async (route) => {
    held++;
    await gate;
    await route.continue();
  });
  return { release, held: () => held };
}

const CASES = [
  { link: "#scene=vanishing&lang=en", title: "Vanishing gradients", lead: "Backpropagation multiplies: every layer the gradient passes", loading: "Loading" },
  { link: "#scene=lab&lang=vi", title: "Phòng thí nghiệm", lead: "Dựng một mạng nhỏ, chọn hoặc tự mang dữ liệu đến", loading: "Đang tải" },
];

for (const { link, title, lead, loading } of CASES) {
  test(`${link}: the title and lead show while the core loads, and stay where they are when the scene comes`, async ({ page }) => {
    const errors = watchErrors(page);
    // A word asked of a table that is not loaded yet is a console warning of the app's (i18n.js);
    // the browser's own warnings (e.g. a preload not used within 3 s on a loaded machine) are not.
    page.on("console", (msg) => msg.type() === "warning" && msg.text().startsWith("gradlab") && errors.push(`warning: ${msg.text()}`));
    const wasm = await holdWasm(page);
    await page.goto(`./${link}`);
    const heading = page.locator("#scene-root h1.scene-title");
    await expect(heading).toHaveText(title);
    await expect(page.locator("#scene-root .scene-header .lead")).toContainText(lead);
    await expect(page.locator("#loading")).toBeVisible();
    await expect(page.locator("#loading")).toContainText(loading);
    // The core's download starts after the first paint: wait for its request, then it is held.
    await expect.poll(() => wasm.held(), { message: "the core is requested and held back" }).toBeGreaterThan(0);
    await expect(page.locator("html")).not.toHaveClass(/\bready\b/);
    const before = await heading.boundingBox();
    expect(before).not.toBeNull();

    wasm.release();
    await expect(page.locator("html")).toHaveClass(/\bready\b/, { timeout: 30_000 });
    await expect(heading).toHaveCount(1);
    await expect(heading).toHaveText(title);
    await expect(page.locator("#scene-root [data-provisional]")).toHaveCount(0);
    await expect(page.locator("#loading")).toBeHidden();
    // The scene's own controls are there now (it mounted), under the same header.
    await expect(page.locator("#scene-root input, #scene-root button").first()).toBeVisible();
    const after = await heading.boundingBox();
    expect(Math.abs((after?.y ?? -1) - (before?.y ?? 0)), "the header did not move").toBeLessThan(1);
    expect(Math.abs((after?.x ?? -1) - (before?.x ?? 0))).toBeLessThan(1);
    expect(errors).toEqual([]);
  });
}

test("a link to one part shows no provisional header (its header has no lead): the loading line alone", async ({ page }) => {
  const errors = watchErrors(page);
  const wasm = await holdWasm(page);
  await page.goto("./#scene=vanishing&part=chain&lang=en");
  await expect(page.locator("#loading")).toBeVisible();
  await expect(page.locator("#scene-root h1")).toHaveCount(0);
  wasm.release();
  await expect(page.locator("html")).toHaveClass(/\bready\b/, { timeout: 30_000 });
  await expect(page.locator("#scene-root h1.scene-title")).toHaveText("Vanishing gradients");
  expect(errors).toEqual([]);
});

// dist's modules ask V8 to compile all their functions when the file loads, instead of function
// by function at the first call (xtask/js/minify.mjs): the hint is the file's first line.
test("every module a scene loads starts with V8's compile hint", async ({ page }) => {
  const errors = watchErrors(page);
  const modules = new Set();
  page.on("response", (response) => {
    if (new URL(response.url()).pathname.match(/^\/web\/.*\.js$/)) modules.add(response.url());
  });
  await page.goto("./#scene=vanishing&lang=vi");
  await expect(page.locator("html")).toHaveClass(/\bready\b/, { timeout: 30_000 });
  // The warm-up worker's script is among them (it reports "done" once it has run).
  await expect(page.locator("html")).toHaveAttribute("data-core-warm-up", "done");
  const unhinted = [];
  // Read again here: a response of the worker, ended by now, has no body left to read.
  for (const url of modules) {
    if (!(await (await page.request.get(url)).text()).startsWith("//# allFunctionsCalledOnLoad\n")) unhinted.push(url);
  }
  // The app shell, the scene, its components, the text, the wasm glue and the warm-up: dozens.
  expect(modules.size).toBeGreaterThan(40);
  expect([...modules].some((url) => url.endsWith("/web/pkg/training/gradlab.js"))).toBe(true);
  expect([...modules].some((url) => url.endsWith("/web/core-warm-up-worker.js"))).toBe(true);
  expect(unhinted).toEqual([]);
  expect(errors).toEqual([]);
});

/**
 * Records every change of `part-later` on a block a scene holds back, or on a part, and every part
 * built in place of its stand-in (`built`), with the frame it happened in (a counter of animation
 * frames), as it happens: `window.__staged`.
 * `names` are [selector, name] pairs naming the blocks; `first` is the selector of what the
 * first frame must already show (`firstShown` in each record).
 */
async function recordStaging(page, names, first) {
  await page.addInitScript(
    ({ names, first }) => {
      window.__staged = [];
      let frame = 0;
      const tick = () => {
        frame++;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      const name = (el) => names.find(([selector]) => el.matches(selector))?.[1] ?? (el.dataset.part ? `part ${el.dataset.part}` : el.className);
      new MutationObserver((records) => {
        for (const r of records) {
          // A part or a held-back block built at its turn (staged-parts.js buildLater) comes in
          // place of its stand-in (replaceWith: one node out, one in).
          const [out] = r.removedNodes;
          const [added] = r.addedNodes;
          const standIn = out instanceof HTMLElement && (out.dataset.part || out.hasAttribute("data-stage-later"));
          if (r.removedNodes.length === 1 && r.addedNodes.length === 1 && standIn && added instanceof HTMLElement) {
            const shown = document.querySelector(first);
            window.__staged.push({ name: name(added), hidden: added.classList.contains("part-later"), frame, built: true, firstShown: !!shown && !shown.closest(".part-later") });
          }
          if (r.type !== "attributes") continue;
          const el = r.target;
          const hidden = el.classList.contains("part-later");
          const was = /\bpart-later\b/.test(r.oldValue ?? "");
          if (hidden === was) continue;
          const shown = document.querySelector(first);
          window.__staged.push({ name: name(el), hidden, frame, firstShown: !!shown && shown.isConnected && !shown.closest(".part-later") });
        }
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["class"], attributeOldValue: true });
    },
    { names, first }
  );
}

/** Checks the log of `recordStaging`: each of `held` held back at first with the first block shown, then shown one a frame in `order`. */
function expectStaged(log, held, order) {
  for (const block of held) {
    const on = log.find((e) => e.name === block && e.hidden);
    const off = log.find((e) => e.name === block && !e.hidden);
    expect(on, `${block} is held back at first`).toBeTruthy();
    expect(on.firstShown, `the first block is in the page while ${block} is held back`).toBe(true);
    expect(off, `${block} is shown later`).toBeTruthy();
  }
  const shown = log.filter((e) => !e.hidden).map((e) => e.name);
  expect(shown).toEqual(order);
  const frames = log.filter((e) => !e.hidden).map((e) => e.frame);
  for (let i = 1; i < frames.length; i++) expect(frames[i], `${shown[i]} in a frame after ${shown[i - 1]}`).toBeGreaterThan(frames[i - 1]);
}

test("the activations scene's first frame has its chart; the formulas, the note and the side column join a frame each, then the other parts (the side column and the table built at their turn)", async ({ page }) => {
  const errors = watchErrors(page);
  await recordStaging(page, [[".side", "side"], [".formulas", "formulas"], [".about", "about"]], "#act-chart");
  await page.goto("./#scene=activations&lang=en");
  await expect(page.locator("html")).toHaveClass(/\bready\b/, { timeout: 30_000 });
  const held = ["formulas", "about", "side"];
  // Shown one a frame, in the page's order, before the parts after the first.
  const log = await page.evaluate(() => window.__staged);
  expectStaged(log, held, [...held, "part table", "part practice"]);
  // The side column and the table are built at their turn, not in the mount's task: a stand-in
  // holds each one's place until then.
  for (const name of ["side", "part table"]) {
    expect(log.filter((e) => e.name === name).map((e) => [e.hidden, Boolean(e.built)]), name).toEqual([[true, false], [false, true]]);
  }
  await expect(page.locator("#scene-root .side #x-slider")).toHaveCount(1);
  await expect(page.locator("#scene-root .side .seed-list button")).toHaveCount(6);
  // All of it visible once the page is ready.
  for (const selector of ["#scene-root .side", "#scene-root .formulas", "#scene-root .about", "#act-chart"]) await expect(page.locator(selector)).toBeVisible();
  await expect(page.locator("#scene-root .part-later")).toHaveCount(0);
  expect(errors).toEqual([]);
});

// `order`: what joins after the first frame, a frame each — blocks a part holds back (`blocks`:
// [selector, name]; the vanishing chain's controls and prediction) and the parts below the first.
for (const { link, first, blocks = [], built, order } of [
  {
    link: "#scene=vanishing&lang=vi",
    first: "#van-chain-title",
    blocks: [[".van-chain-grid", "chain controls"]],
    built: ["network"],
    order: ["chain controls", "part network", "part practice"],
  },
  { link: "#scene=dying-relu&lang=en", first: "#dr-worked-title", built: ["cure", "training"], order: ["part cure", "part training", "part practice"] },
  { link: "#scene=zero-init&lang=vi", first: "#zi-overview-title", built: ["symmetry"], order: ["part regressions", "part mlp", "part symmetry", "part practice"] },
]) {
  test(`${link}: what is held back and the parts below the first join a frame each (some built after the mount), and work`, async ({ page }) => {
    const errors = watchErrors(page);
    await recordStaging(page, blocks, first);
    await page.goto(`./${link}`);
    await expect(page.locator("html")).toHaveClass(/\bready\b/, { timeout: 30_000 });
    const log = await page.evaluate(() => window.__staged);
    expectStaged(log, order, order);
    for (const name of built) {
      // Held back as an empty stand-in at the mount, with the first part shown; then built.
      expect(log.filter((e) => e.name === `part ${name}`).map((e) => [e.hidden, Boolean(e.built)]), name).toEqual([[true, false], [false, true]]);
      const part = page.locator(`#scene-root [data-part="${name}"]`);
      await expect(part).toHaveCount(1);
      await expect(part.locator("h2")).toHaveCount(1);
    }
    // The built parts start and settle like the others (their trainings run once scrolled to).
    await scrollThrough(page);
    await expect(page.locator("#scene-root [aria-busy='true']")).toHaveCount(0, { timeout: 30_000 });
    await expect(page.locator("#scene-root .part-later")).toHaveCount(0);
    expect(errors).toEqual([]);
  });
}

test("the lab's first frame has its data panel; its network panel (built at its turn), its run panel, its views and then its monitors join a frame each", async ({ page }) => {
  const errors = watchErrors(page);
  const held = ["network", "run", "views", "monitors"];
  await recordStaging(page, [[".lab-network", "network"], [".lab-run", "run"], [".lab-views", "views"], [".lab-monitors", "monitors"]], ".lab-data");
  await page.goto("./#scene=lab&lang=en");
  await expect(page.locator("html")).toHaveClass(/\bready\b/, { timeout: 30_000 });
  const log = await page.evaluate(() => window.__staged);
  expectStaged(log, held, held);
  // The network panel is built at its turn, not in the mount's task: a stand-in holds its place.
  expect(log.filter((e) => e.name === "network").map((e) => [e.hidden, Boolean(e.built)])).toEqual([[true, false], [false, true]]);
  for (const selector of [".lab-data", ".lab-network", ".lab-run", ".lab-views", ".lab-monitors"]) await expect(page.locator(`#scene-root ${selector}`)).toBeVisible();
  await expect(page.locator("#scene-root .part-later")).toHaveCount(0);
  // The built panel works: a layer added (to the default two) is in the link.
  await expect(page.locator("#scene-root .lab-layer")).toHaveCount(2);
  await page.locator("#lab-add-layer").click();
  await expect(page.locator("#scene-root .lab-layer")).toHaveCount(3);
  await expect(page).toHaveURL(/[#&]hidden=8(,|%2C)8(,|%2C)8\b/);
  // The decision boundary, asked for while its view was still held back, draws once scrolled to.
  const boundary = page.locator("#scene-root .lab-views figure").first();
  await boundary.scrollIntoViewIfNeeded();
  await expect(boundary).toHaveAttribute("data-drawn", /^[1-9]/, { timeout: 15_000 });
  expect(errors).toEqual([]);
});

test.describe("at a pixel ratio of 2", () => {
  test.use({ deviceScaleFactor: 2 });
  // The core sizes a chart's fonts in device pixels; the first text at a size is slow, so the
  // charts' warm-up drawing (components/chart.js, in an idle callback) must set the sizes the
  // first paint (canvas-painter.js, in a frame) then uses. Each font set is told apart by the
  // page's modules on its call stack.
  for (const { link, chart, drawer } of [
    { link: "#scene=activations&lang=en", chart: "#act-chart", drawer: "scenes/activations/chart.js" },
    { link: "#scene=vanishing&lang=vi", chart: "#van-norm-chart", drawer: "components/series-chart.js" },
  ]) {
    test(`${link}: every font of the chart's first paint was set first by its warm-up`, async ({ page }) => {
      const errors = watchErrors(page);
      await page.addInitScript(() => {
        window.__fonts = [];
        Error.stackTraceLimit = 100;
        const font = Object.getOwnPropertyDescriptor(CanvasRenderingContext2D.prototype, "font");
        Object.defineProperty(CanvasRenderingContext2D.prototype, "font", {
          ...font,
          set(value) {
            window.__fonts.push({ value, stack: new Error().stack ?? "" });
            font.set.call(this, value);
          },
        });
      });
      await page.goto(`./${link}`);
      await expect(page.locator("html")).toHaveClass(/\bready\b/, { timeout: 30_000 });
      // Scrolled to (a chart in a part off screen is drawn when the part is laid out).
      await page.locator(chart).evaluate((canvas) => canvas.scrollIntoView({ block: "center" }));
      await expect(page.locator(chart).locator("xpath=ancestor::figure[1]")).toHaveAttribute("data-drawn", /^[1-9]/);
      const fonts = (await page.evaluate(() => window.__fonts)).filter((f) => f.stack.includes(drawer));
      const warmed = new Set(fonts.filter((f) => f.stack.includes("components/idle.js")).map((f) => f.value));
      const painted = fonts.filter((f) => f.stack.includes("components/canvas-painter.js")).map((f) => f.value);
      expect(warmed.size, "the warm-up set fonts").toBeGreaterThan(0);
      expect(painted.length, "the paint set fonts").toBeGreaterThan(0);
      // At a ratio of 2 a drawing at a ratio of 1 would have set other sizes.
      expect(painted.filter((f) => !warmed.has(f)), `warmed: ${[...warmed].join(" | ")}`).toEqual([]);
      expect(errors).toEqual([]);
    });
  }
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
  test("#scene=zero-init&lang=en: a part far below the first screen is not laid out while the scene starts; scrolled to, it is, and its chart draws", async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto("./#scene=zero-init&lang=en");
    await expect(page.locator("html")).toHaveClass(/\bready\b/, { timeout: 30_000 });
    await expect(page.locator("#scene-root .starting")).toHaveCount(0);
    // The symmetry part is the scene's last: content-visibility: auto skips its contents.
    const heading = page.locator("#zi-sym-title");
    const rendered = () => heading.evaluate((h) => h.checkVisibility({ contentVisibilityAuto: true }));
    expect(await rendered()).toBe(false);
    const figure = page.locator("figure:has(#zi-sym-chart)");
    expect(await figure.getAttribute("data-drawn")).toBeFalsy();
    await heading.evaluate((h) => h.scrollIntoView({ block: "start" }));
    await expect.poll(rendered).toBe(true);
    await figure.evaluate((f) => f.scrollIntoView({ block: "center" }));
    await expect(figure).toHaveAttribute("data-drawn", /^[1-9]/);
    expect((await canvasStats(page, "#zi-sym-chart")).inked).toBeGreaterThan(0.01);
    expect(errors).toEqual([]);
  });
  test("#scene=vanishing&lang=vi: the network's diagram, drawn as the scene starts, is not laid out until scrolled to, then is, at the phone's width", async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto("./#scene=vanishing&lang=vi");
    await expect(page.locator("html")).toHaveClass(/\bready\b/, { timeout: 30_000 });
    await expect(page.locator("#scene-root [aria-busy='true']")).toHaveCount(0, { timeout: 30_000 });
    const diagram = page.locator("#van-diagram");
    // Drawn (its layers are in the page) but skipped: four screens down on a phone.
    await expect(diagram).toHaveAttribute("data-columns", "12");
    const rendered = () => diagram.evaluate((d) => d.checkVisibility({ contentVisibilityAuto: true }));
    expect(await rendered()).toBe(false);
    // Skipped on its own, not only with its part (how near a part must be to be rendered is the
    // browser's choice), and printed like the rest.
    const figure = page.locator("#scene-root .gradient-diagram");
    expect(await figure.evaluate((f) => getComputedStyle(f).contentVisibility)).toBe("auto");
    await page.emulateMedia({ media: "print" });
    expect(await figure.evaluate((f) => getComputedStyle(f).contentVisibility)).toBe("visible");
    await page.emulateMedia({ media: "screen" });
    await diagram.evaluate((d) => d.scrollIntoView({ block: "center" }));
    await expect.poll(rendered).toBe(true);
    // Laid out at the phone's width.
    const box = await diagram.boundingBox();
    expect(box?.width).toBeGreaterThan(200);
    expect(box?.height).toBeGreaterThan(40);
    expect(errors).toEqual([]);
  });
  for (const link of ["#scene=activations&lang=en", "#scene=dying-relu&lang=en", "#scene=zero-init&lang=vi"]) {
    test(`${link}: nothing on screen moves while the page loads (layout shifts under 0.01)`, async ({ page }) => {
      const errors = watchErrors(page);
      await page.addInitScript(() => {
        window.__shifts = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) window.__shifts.push(entry.value);
        }).observe({ type: "layout-shift", buffered: true });
      });
      await page.goto(`./${link}`);
      await expect(page.locator("html")).toHaveClass(/\bready\b/, { timeout: 30_000 });
      // The observer is alive (an entry would be recorded): the scene's first frames have passed.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const shifts = await page.evaluate(() => window.__shifts);
      expect(Array.isArray(shifts)).toBe(true);
      expect(shifts.reduce((a, b) => a + b, 0)).toBeLessThan(0.01);
      expect(errors).toEqual([]);
    });
  }
});
