// Shared by the opt-in benchmark specs (GRADLAB_BENCH=1): percentile summaries, the two frame
// clocks each benchmark runs under, the main thread's time per frame from a Chromium trace, and
// where the figures are written.
import fs from "node:fs";
import { test } from "@playwright/test";

/** { n, p50, p95, max } of a list of milliseconds, rounded to 0.01 ms. */
export function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const percentile = (p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  const r = (v) => Math.round(v * 100) / 100;
  return { n: sorted.length, p50: r(percentile(50)), p95: r(percentile(95)), max: r(sorted.at(-1)) };
}

/**
 * Registers the benchmark twice: at Chromium's default 60 Hz frame clock, and with frames on
 * demand (no vsync wait, no frame-rate limit), so the page's own latency shows apart from the
 * wait for the next refresh. `bench(page, clockLabel)` returns a report; both reports are
 * written to test-results/<file>.
 */
export function benchAtBothClocks({ file, timeout, titles, bench }) {
  const results = {};
  const save = () => {
    fs.mkdirSync("test-results", { recursive: true });
    fs.writeFileSync(`test-results/${file}`, JSON.stringify(results, null, 2));
  };
  test(titles[0], async ({ page }) => {
    test.setTimeout(timeout);
    results.vsync = await bench(page, "60 Hz frames");
    save();
  });
  test(titles[1], async ({ playwright, baseURL }) => {
    test.setTimeout(timeout);
    // The project's own Chromium and flags (playwright.config.mjs), plus frames on demand.
    const { launchOptions } = test.info().project.use;
    const browser = await playwright.chromium.launch({
      ...launchOptions,
      args: [...launchOptions.args, "--disable-gpu-vsync", "--disable-frame-rate-limit"],
    });
    try {
      const page = await browser.newPage({ baseURL });
      results.unthrottled = await bench(page, "frames on demand");
      save();
    } finally {
      await browser.close();
    }
  });
}

/**
 * Runs `body()` under a Chromium performance trace and returns, for every animation frame it
 * ran, the duration in ms of the main-thread task that ran it: the frame's animation-frame
 * callbacks, then style, layout, paint and commit — the frame's whole main-thread cost, as the
 * DevTools performance panel shows it (raster and compositing run on other threads).
 */
const STAGES = ["FireAnimationFrame", "UpdateLayoutTree", "Layout", "PrePaint", "Paint", "Layerize", "Commit"];

export async function mainThreadFrameTimes(page, body) {
  const browser = page.context().browser();
  await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] });
  let result;
  let buffer;
  try {
    result = await body();
  } finally {
    buffer = await browser.stopTracing();
  }
  const events = JSON.parse(buffer.toString()).traceEvents.filter((e) => e.ph === "X");
  const frames = events.filter((e) => e.name === "FireAnimationFrame");
  const tasks = new Set();
  for (const f of frames) {
    const task = events.find((e) => e.name === "RunTask" && e.pid === f.pid && e.tid === f.tid && e.ts <= f.ts && e.ts + e.dur >= f.ts + f.dur);
    if (task) tasks.add(task);
  }
  const sorted = [...tasks].sort((a, b) => a.ts - b.ts);
  // Where the frames' time goes: mean ms per frame of each stage inside those tasks.
  const stages = {};
  for (const e of events) {
    if (!STAGES.includes(e.name)) continue;
    if (sorted.some((t) => t.pid === e.pid && t.tid === e.tid && t.ts <= e.ts && t.ts + t.dur >= e.ts + e.dur)) stages[e.name] = (stages[e.name] ?? 0) + e.dur / 1000 / Math.max(1, sorted.length);
  }
  for (const k of Object.keys(stages)) stages[k] = Math.round(stages[k] * 100) / 100;
  return { result, frameTimes: sorted.map((t) => t.dur / 1000), stages };
}
