// Benchmark, not a test: the main thread's long tasks while each scene starts on a school phone
// (issue 17: no main-thread task over 50 ms while a scene starts). Skipped unless
// GRADLAB_BENCH=1; run it alone (nothing else on the machine: two runs at once double every
// figure):
//
//   GRADLAB_BENCH=1 GRADLAB_BASE_URL=http://127.0.0.1:8000 npx playwright test tests/e2e/bench-start --workers=1
//
// Each scene is opened GRADLAB_BENCH_RUNS times (default 5), each time in a new browser context
// (nothing cached: a first visit) the size of a phone (412 × 823 CSS px, pixel ratio 1.75, touch)
// with the CPU slowed 4× (Lighthouse's mobile preset), from navigation until the scene has
// settled (the page is ready, no part is still starting: asked through the DevTools protocol, so
// that no script of Playwright's runs in the page) and 3 s more. It records the long tasks
// (PerformanceObserver "longtask": every task over 50 ms) and the long animation frames with the
// scripts in them. Per scene: the median over the runs of the blocking time (the sum of each long
// task's time past 50 ms, as Lighthouse counts it), of the longest task and of the number of long
// tasks; and, from the run with the median blocking time, each long task and the scripts of the
// frame it ran in. In the console and in test-results/bench-start.json.
//
// Run it against `cargo xtask dist`'s files (a static server on dist/): `cargo xtask serve`
// builds faster and serves unminified modules without V8's compile hint, which start slower.
import fs from "node:fs";
import { test, expect } from "./fixtures.mjs";
import { watchErrors } from "./helpers.mjs";

test.skip(process.env.GRADLAB_BENCH !== "1", "benchmark: set GRADLAB_BENCH=1 to run it");
test.describe.configure({ mode: "serial" });

const RUNS = Math.max(1, Number(process.env.GRADLAB_BENCH_RUNS) || 5);
const CPU_SLOWDOWN = 4;
const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };
const LONG_TASK_MS = 50;
/** Each scene in the language Lighthouse's runs of the stop notes used. */
const LINKS = ["#scene=activations&lang=en", "#scene=vanishing&lang=vi", "#scene=dying-relu&lang=en", "#scene=zero-init&lang=vi", "#scene=lab&lang=en", "#scene=summary&lang=vi"];

/** Installed before the page's own scripts: collects long tasks and long animation frames. */
function observeStart() {
  window.__benchStart = { tasks: [], frames: [] };
  const round = (v) => Math.round(v);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__benchStart.tasks.push({ start: round(e.startTime), duration: round(e.duration) });
  }).observe({ type: "longtask", buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__benchStart.frames.push({
        start: round(e.startTime),
        duration: round(e.duration),
        styleAndLayout: e.styleAndLayoutStart ? round(e.startTime + e.duration - e.styleAndLayoutStart) : 0,
        scripts: e.scripts.map((s) => `${s.sourceURL.split("/").slice(-2).join("/") || s.invokerType}${s.sourceFunctionName ? `:${s.sourceFunctionName}` : ""} (${s.invokerType}) ${round(s.duration)} ms`),
      });
    }
  }).observe({ type: "long-animation-frame", buffered: true });
}

/** A first visit has settled: the page is ready and no part is still starting. */
const SETTLED = 'document.documentElement.classList.contains("ready") && !document.querySelector("#scene-root .starting")';

/**
 * The value of `expression` in the page, asked through the DevTools protocol. Not with Playwright's
 * locators, waitForFunction or evaluate: their first use evaluates Playwright's own script in the
 * page, one main-thread task of 45–60 ms at 4× CPU that the long-task observer counted as the
 * scene's (scratch measurements: the summary's start 1–2 long tasks that way, 0–1 without).
 */
async function valueOf(cdp, expression) {
  const { result, exceptionDetails } = await cdp.send("Runtime.evaluate", { expression, returnByValue: true });
  if (exceptionDetails) throw new Error(`${expression}: ${exceptionDetails.text}`);
  return result.value;
}

/** Polls `expression` every 100 ms until it is true (or fails after `timeout` ms). */
async function untilTrue(cdp, expression, timeout) {
  const end = Date.now() + timeout;
  while (!(await valueOf(cdp, expression))) {
    if (Date.now() > end) throw new Error(`not true after ${timeout} ms: ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[(values.length - 1) >> 1];

/** One first visit of `link`: its long tasks and long frames. */
async function startOnce(browser, baseURL, link) {
  const context = await browser.newContext({ ...PHONE, baseURL });
  try {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.addInitScript(observeStart);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
    await page.goto(`./${link}`);
    await untilTrue(cdp, SETTLED, 90_000);
    await page.waitForTimeout(3000);
    const { tasks, frames } = await valueOf(cdp, "window.__benchStart");
    expect(errors).toEqual([]);
    const blocking = tasks.reduce((sum, t) => sum + Math.max(0, t.duration - LONG_TASK_MS), 0);
    const longest = Math.max(0, ...tasks.map((t) => t.duration));
    // Each long task with the long frame it ran in (a frame starts with its first task).
    const detail = tasks.map((t) => {
      const frame = frames.find((f) => t.start >= f.start && t.start < f.start + f.duration);
      return { ...t, frame: frame ? { duration: frame.duration, styleAndLayout: frame.styleAndLayout, scripts: frame.scripts } : null };
    });
    return { blocking, longest, count: tasks.length, tasks: detail };
  } finally {
    await context.close();
  }
}

const results = {};

for (const link of LINKS) {
  test(`${link}: long tasks while the scene starts on a phone at ${CPU_SLOWDOWN}× CPU`, async ({ browser, baseURL }) => {
    test.setTimeout(RUNS * 90_000);
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await startOnce(browser, baseURL, link));
    const typical = runs.find((r) => r.blocking === median(runs.map((x) => x.blocking)));
    results[link] = {
      runs: RUNS,
      blockingMs: { median: typical.blocking, all: runs.map((r) => r.blocking) },
      longestMs: { median: median(runs.map((r) => r.longest)), all: runs.map((r) => r.longest) },
      longTasks: { median: median(runs.map((r) => r.count)), all: runs.map((r) => r.count) },
      typicalRun: typical.tasks,
    };
    console.log(
      `${link}: blocking ${typical.blocking} ms (median of ${RUNS}: ${results[link].blockingMs.all.join(", ")}), ` +
        `longest task ${results[link].longestMs.median} ms, ${results[link].longTasks.median} tasks over ${LONG_TASK_MS} ms`
    );
    for (const t of typical.tasks) {
      const where = t.frame ? ` — frame ${t.frame.duration} ms, style and layout ${t.frame.styleAndLayout} ms; ${t.frame.scripts.join("; ") || "no script"}` : "";
      console.log(`    at ${t.start} ms: ${t.duration} ms${where}`);
    }
    fs.mkdirSync("test-results", { recursive: true });
    fs.writeFileSync("test-results/bench-start.json", JSON.stringify({ cpuSlowdown: CPU_SLOWDOWN, phone: PHONE, results }, null, 2));
    expect(runs.length).toBe(RUNS);
  });
}
