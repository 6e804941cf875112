// Benchmark, not a test: the longest main-thread task while a student moves a control of a
// training view at its largest setting — dying-ReLU training at 3 000 steps with the LeakyReLU
// comparison, the cure at k = 500, zero-init with 2 000 steps everywhere and every init ticked,
// and the vanishing network at depth 30 × width 64 training 2 000 steps. Each case drives real
// controls (keys on a slider, a typed number, a click) under a Chromium performance trace and
// reports the longest `RunTask` of the renderer's main thread (a task over 50 ms is one the
// student can feel), in wall time and in the thread's CPU time. Skipped unless GRADLAB_BENCH=1:
//
//   GRADLAB_BENCH=1 GRADLAB_BASE_URL=http://127.0.0.1:8000 npx playwright test tests/e2e/bench-training --workers=1
//
// Figures go to the console and test-results/bench-training.json. Timings depend on the machine
// (and on whatever else it runs), so nothing here passes or fails on a number. To compare two
// builds under the same load, serve the other one in a folder beside it and name both:
// GRADLAB_BENCH_BUILDS="old/," runs every case on <base>/old/ and on <base>/, one after the other.
import fs from "node:fs";
import { test, expect } from "./fixtures.mjs";
import { openApp } from "./helpers.mjs";

test.skip(process.env.GRADLAB_BENCH !== "1", "benchmark: set GRADLAB_BENCH=1 to run it");
test.describe.configure({ mode: "serial" });

/** Runs `body()` under a trace; the longest main-thread task (ms) of the page's renderer and how many took over 50 ms. */
async function longestTask(page, body) {
  const browser = page.context().browser();
  await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] });
  let buffer;
  try {
    await body();
  } finally {
    buffer = await browser.stopTracing();
  }
  const events = JSON.parse(buffer.toString()).traceEvents;
  const main = new Set(events.filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`));
  const onMain = (e) => e.ph === "X" && main.has(`${e.pid}:${e.tid}`);
  const runs = events.filter((e) => onMain(e) && e.name === "RunTask");
  const tasks = runs.map((e) => e.dur / 1000);
  const round = (v) => Math.round(v * 10) / 10;
  // Where the longest task's time (CPU) went: its events by name, wall time (nested ones counted
  // in their parents too).
  const top = runs.reduce((a, b) => ((b.tdur ?? b.dur) > (a?.tdur ?? a?.dur ?? -1) ? b : a), null);
  const inside = {};
  for (const e of events) {
    if (!top || !onMain(e) || e === top || e.ts < top.ts || e.ts + e.dur > top.ts + top.dur) continue;
    if (["FunctionCall", "FireAnimationFrame", "EventDispatch", "UpdateLayoutTree", "Layout", "Paint", "PrePaint", "Commit", "Layerize", "TimerFire", "v8.callFunction", "MajorGC", "MinorGC", "V8.GC_MC_BACKGROUND_MARKING"].includes(e.name)) inside[e.name] = round((inside[e.name] ?? 0) + e.dur / 1000);
  }
  // The thread's CPU time in each task (tdur): what the task itself cost, whatever else the
  // machine ran meanwhile (on a busy shared machine the wall time also counts the waits).
  const cpu = runs.map((e) => (e.tdur ?? e.dur) / 1000);
  return {
    longest: round(Math.max(0, ...tasks)),
    over50: tasks.filter((d) => d > 50).length,
    longestCpu: round(Math.max(0, ...cpu)),
    over50Cpu: cpu.filter((d) => d > 50).length,
    tasks: tasks.length,
    longestTask: inside,
  };
}

/** Presses `key` `times` times on a focused control, a short pause between (a slow drag). */
async function press(page, selector, key, times) {
  await page.locator(selector).focus();
  for (let i = 0; i < times; i++) {
    await page.keyboard.press(key);
    await page.waitForTimeout(30);
  }
}

const INITS = "zeros,constant,uniform,normal,xavier_uniform,xavier_normal,he_uniform,he_normal,lecun_normal";
const ZERO_INIT = `#scene=zero-init&lin-n=2000&log-n=2000&sm-n=2000&mlp-n=2000&sym-n=2000&sym-inits=${INITS}&lang=en`;

/** [scene link, case name, drive the control, wait until the view has settled]. */
const CASES = [
  ["#scene=dying-relu&n=3000&cmp=1&lang=en", "dying-relu (c): learning-rate slider, 3 000 steps × 2 runs", async (page) => press(page, "#dr-lr-slider", "ArrowLeft", 5), async (page) => {
    await expect(page.locator('#dr-train-summary [data-act="leaky_relu"]')).toHaveAttribute("data-dead2", /\d+/, { timeout: 60_000 });
  }],
  ["#scene=dying-relu&n=3000&cmp=1&lang=en", "dying-relu (c): Train button (animated), 3 000 steps × 2 runs", async (page) => page.locator(".dr-train-button").click(), async (page) => {
    await expect(page.locator('#dr-train-summary [data-act="leaky_relu"]')).toHaveAttribute("data-dead2", /\d+/, { timeout: 60_000 });
  }],
  ["#scene=dying-relu&k=500&lang=en", "dying-relu (b): k slider at 500, 2 activations", async (page) => press(page, "#dr-k-slider", "ArrowLeft", 5), async (page) => {
    await expect(page.locator('#dr-repeat-result [data-act="relu"]')).toContainText("495", { timeout: 60_000 });
  }],
  ["#scene=dying-relu&k=500&lang=en", "dying-relu (a→b): editing x₁ re-runs the cure at k = 500", async (page) => {
    await page.locator("#dr-x-0-0").fill("1.4");
  }, async (page) => {
    await expect(page.locator('#dr-repeat-result [data-act="relu"]')).toContainText("500", { timeout: 60_000 });
  }],
  [ZERO_INIT, "zero-init (c): learning-rate slider, 9 inits × 2 000 steps", async (page) => press(page, "#zi-sym-lr-slider", "ArrowRight", 3), async (page) => {
    await expect(page.locator("#zi-sym-summary tbody tr")).toHaveCount(9, { timeout: 60_000 });
  }],
  [ZERO_INIT, "zero-init (a): editing x₁ of the linear regression, 2 000 steps", async (page) => {
    await page.locator("#zi-linear-x-0-0").fill("2.5");
  }, async (page) => {
    await expect(page.locator("#zi-reg-loss-end")).toBeVisible({ timeout: 60_000 });
  }],
  [ZERO_INIT, "zero-init (b): a label of the MLP, 2 000 steps", async (page) => {
    await page.locator("#zi-mlp-y3").selectOption("0");
  }, async (page) => {
    await expect(page.locator("#zi-mlp-loss-end")).toBeVisible({ timeout: 60_000 });
  }],
  ["#scene=vanishing&depth=30&width=64&nsteps=2000&lang=en", "vanishing: Train 2 000 steps on 30 × 64 (animated)", async (page) => page.locator("#van-train").click(), async (page) => {
    await expect(page.locator("#van-trained")).toHaveAttribute("data-value", "2000", { timeout: 120_000 });
  }],
  ["#scene=vanishing&depth=30&width=64&nsteps=2000&lang=en", "vanishing: learning-rate slider on 30 × 64", async (page) => press(page, "#van-lr-slider", "ArrowRight", 5), async (page) => {
    await expect(page.locator("#van-trained")).toHaveAttribute("data-value", "0", { timeout: 60_000 });
  }],
];

const BUILDS = (process.env.GRADLAB_BENCH_BUILDS ?? "").split(",");
const results = [];
for (const [link, caseName, drive, settle] of CASES) for (const build of BUILDS) {
  const name = build ? `${caseName} [${build}]` : caseName;
  test(name, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1280, height: 900 });
    await openApp(page, `${build}${link}`);
    await page.waitForTimeout(1500); // whatever the link started finishes first
    const figures = await longestTask(page, async () => {
      await drive(page);
      await settle(page);
      // Runs still in slices have a progress line (or, in the vanishing scene, a busy Train button).
      await expect(page.locator(".training-progress:not([hidden])")).toHaveCount(0, { timeout: 120_000 });
      await expect(page.locator("#van-train[aria-busy=true]")).toHaveCount(0, { timeout: 120_000 });
      await page.waitForTimeout(500);
    });
    results.push({ case: name, ...figures });
    console.log(
      `${name}: longest main-thread task ${figures.longest} ms wall (${figures.over50} over 50 ms of ${figures.tasks}), ${figures.longestCpu} ms CPU (${figures.over50Cpu} over 50 ms); in the longest: ${JSON.stringify(figures.longestTask)}`
    );
    fs.mkdirSync("test-results", { recursive: true });
    fs.writeFileSync("test-results/bench-training.json", JSON.stringify({ userAgent: await page.evaluate(() => navigator.userAgent), results }, null, 2));
  });
}
