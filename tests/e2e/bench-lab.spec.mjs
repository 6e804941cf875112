// Benchmark, not a test: the lab training two spirals (500 points) on a 2-8-8-8-8-8-8-2 tanh
// network at 10 steps a frame, with the full redraw every frame — readouts, loss/accuracy charts,
// gradient-norm heat map, dead-fraction and update charts, the decision boundary (the core's
// 100 × 100 grid) and the six layers' histograms. Frame time: the main thread's task for the
// frame, from a Chromium performance trace (bench-helpers.mjs). Target (issue 14): p95 ≤ 16 ms.
// Every chart, the boundary and the histograms are redrawn every frame (see VIEW below for how,
// and the test checks each chart drew as often as the boundary).
// FRAMES=1 also prints every frame's time (the tail: the first frames, while the page's code
// warms up, and scattered slow ones). Play is pressed once the lab has rehearsed (a student reads
// the page first); COLD=1 presses it as soon as the scene is ready. Skipped unless GRADLAB_BENCH=1:
//
//   GRADLAB_BENCH=1 GRADLAB_BASE_URL=http://127.0.0.1:8100 npx playwright test tests/e2e/bench-lab --workers=1
import { test, expect } from "./fixtures.mjs";
import { openApp } from "./helpers.mjs";
import { benchAtBothClocks, mainThreadFrameTimes, summary } from "./bench-helpers.mjs";

test.skip(process.env.GRADLAB_BENCH !== "1", "benchmark: set GRADLAB_BENCH=1 to run it");
test.describe.configure({ mode: "serial" });

const LINK = "#scene=lab&data=spirals&samples=500&test=0&hidden=8,8,8,8,8,8&acts=tanh,tanh,tanh,tanh,tanh,tanh&opt=adam&lr=0.01&spf=10&lang=en";
const SECONDS = 4;

// VIEW (default "window"): a 1280 × 900 window scrolled to the boundary and histograms, with
// every other view drawn every frame too — the lazy charts are told they are on screen (the
// page's IntersectionObserver replaced before its scripts run), so each frame draws and
// rasterises all seven canvases, as the target asks, while the compositor puts together a
// window of a usual size. VIEW=all: a 1280 × 4400 window with every view on screen instead —
// there headless Chromium's software compositor redraws the whole 5.6-megapixel window every
// frame (8.3 ms of CPU a frame on another thread, 2.1 ms at 1280 × 2200, measured from its
// trace), which on a two-core machine takes CPU time from the main thread.
// VIEW=boundary|monitors: a 1280 × 900 window scrolled to the boundary and histograms, or to the
// monitors, the views off screen not drawn (what a student's own page does).
const VIEW = process.env.VIEW ?? "window";

/** Before the page's scripts: every observed element is reported on screen, at once. */
function everythingInSight() {
  window.IntersectionObserver = class {
    constructor(callback) {
      this.callback = callback;
    }
    observe(target) {
      queueMicrotask(() => this.callback([{ isIntersecting: true, target }], this));
    }
    unobserve() {}
    disconnect() {}
    takeRecords() {
      return [];
    }
  };
}

async function bench(page, clock) {
  await page.setViewportSize({ width: 1280, height: VIEW === "all" ? 4400 : 900 });
  if (VIEW === "window") await page.addInitScript(everythingInSight);
  await openApp(page, LINK);
  if (VIEW === "boundary" || VIEW === "window") await page.locator(".lab-views").evaluate((e) => e.scrollIntoView());
  if (VIEW === "monitors") await page.locator(".lab-monitors").evaluate((e) => e.scrollIntoView());
  // A student reads the page before pressing Play: the lab rehearses Play's frames in idle
  // time first (lab/warm-up.js). COLD=1 presses Play at once instead.
  if (!process.env.COLD) await page.locator("#scene-root [data-rehearsed]").waitFor({ state: "attached", timeout: 20_000 });
  const { result: steps, frameTimes, frameCpuTimes, stages } = await mainThreadFrameTimes(page, async () => {
    // Pressed from script: a click would scroll the button (at the top) into view.
    const press = () => page.evaluate(() => document.getElementById("lab-play")?.click());
    await press();
    await page.waitForTimeout(SECONDS * 1000);
    await press();
    return Number(await page.locator("#lab-steps").textContent());
  });
  expect(steps).toBeGreaterThan(0);
  const drawn = await page.locator("#lab-boundary").evaluate((c) => Number(c.closest("figure").dataset.drawn));
  // Every chart drew as often as the boundary (VIEW=window and all): a full redraw each frame.
  const draws = await page.locator("figure[data-drawn]").evaluateAll((figures) => figures.map((f) => Number(f.dataset.drawn)));
  if (VIEW === "window" || VIEW === "all") {
    expect(draws.length).toBeGreaterThanOrEqual(7);
    for (const n of draws) expect(n).toBeGreaterThanOrEqual(drawn - 2);
  }
  if (process.env.FRAMES) console.log("FRAMES " + JSON.stringify(frameTimes.map((t) => Math.round(t * 10) / 10)));
  const report = { clock, view: VIEW, link: LINK, seconds: SECONDS, steps, stepsPerSecond: Math.round(steps / SECONDS), boundaryDraws: drawn, chartDraws: draws, frameTime: summary(frameTimes), frameCpuTime: summary(frameCpuTimes), stages };
  console.log(JSON.stringify(report));
  return report;
}

benchAtBothClocks({
  file: "bench-lab.json",
  timeout: 120_000,
  titles: ["lab frame time at 60 Hz (spirals 500, 2-8×6-2 tanh, 10 steps a frame)", "lab frame time with frames on demand"],
  bench,
});
