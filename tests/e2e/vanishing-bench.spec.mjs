// Benchmark, not a test: a 20 × 32 sigmoid network (20 hidden layers of 32 units, Xavier) in the
// vanishing scene's own components, with one core `trace` plus a full redraw per animation
// frame — the gradient diagram recoloured from the trace and moved one layer on, the step
// player's steps and card rebuilt, and the gradient-norm chart (plotSeries) repainted. Skipped unless
// GRADLAB_BENCH=1:
//
//   GRADLAB_BENCH=1 GRADLAB_BASE_URL=http://127.0.0.1:8014 npx playwright test tests/e2e/vanishing-bench
//
// Per frame it records the interval between animation-frame callbacks (the frame time: all of
// the page's work plus style, layout and paint), the scene's scripted work (trace + DOM update,
// and the chart's paint from its own frame callback), and the trace alone (the call to
// `Trainer.trace(rows)`, which includes building the JS objects of every intermediate). Runs:
// the scene's 30 probe rows and a single row; trace + redraw, and redraw only (a cached trace).
// Two clocks: Chromium's default 60 Hz frames, and frames on demand (no vsync, no frame-rate
// limit), where the interval is the real cost. Reports p50/p95/max in the console and in
// test-results/bench-vanishing.json. Target: frame time p95 ≤ 16 ms.
import { test } from "@playwright/test";
import { openApp } from "./helpers.mjs";
import { benchAtBothClocks, summary } from "./bench-helpers.mjs";

test.skip(process.env.GRADLAB_BENCH !== "1", "benchmark: set GRADLAB_BENCH=1 to run it");
test.describe.configure({ mode: "serial" });

const FRAMES = 120;
const RUNS = [
  { name: "30 probe rows, trace + redraw", rows: 30, trace: true },
  { name: "1 row, trace + redraw", rows: 1, trace: true },
  { name: "30 probe rows, redraw only (cached trace)", rows: 30, trace: false },
];

async function bench(page, clock) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page, "#scene=vanishing&depth=20&width=32&lang=en");
  const report = { clock, network: "4 → 20 × 32 sigmoid (Xavier, seed 1) → 3", frames: FRAMES, userAgent: await page.evaluate(() => navigator.userAgent), runs: [] };
  for (const run of RUNS) {
    const raw = await page.evaluate(
      async ({ run, frames }) => {
        const base = document.baseURI;
        const gradlab = await import(new URL("web/pkg/gradlab.js", base).href);
        const params = await import(new URL("web/scenes/vanishing/params.js", base).href);
        const { createBackward } = await import(new URL("web/scenes/vanishing/backward.js", base).href);
        const { createNorms } = await import(new URL("web/scenes/vanishing/norms.js", base).href);
        // A fresh copy of the scene's part (b) view, on top of the page so it is laid out and painted.
        document.getElementById("scene-root").replaceChildren();
        const host = document.createElement("div");
        host.className = "scene scene-vanishing";
        document.getElementById("scene-root").append(host);
        // The chart paints in its own frame callback: time it through the core's plotSeries.
        let chartMs = 0;
        const timed = {
          plotSeries(canvas, options) {
            const t = performance.now();
            const geometry = gradlab.plotSeries(canvas, options);
            chartMs += performance.now() - t;
            return geometry;
          },
        };
        const backward = createBackward();
        const norms = createNorms({ gradlab: timed });
        host.append(backward.element, norms.element);
        const s = { ...params.NET, depth: 20, width: 32, act: "sigmoid" };
        const sizes = [4, ...Array(s.depth).fill(s.width), 3];
        const trainer = new gradlab.Trainer(params.trainerConfig(s), gradlab.dataset({ id: "iris", standardize: true }));
        const rows = run.rows === 30 ? params.PROBE_ROWS : [0];
        const options = { ops: ["grad_weights"] }; // as the scene traces
        const cached = trainer.trace(rows, options);
        const initial = cached.layers.map((l) => l.gradNorm);
        const out = { frame: [], work: [], trace: [] };
        await new Promise((resolve) => {
          let n = 0;
          let last = null;
          const tick = (ts) => {
            if (last !== null) out.frame.push(ts - last);
            last = ts;
            const t0 = performance.now();
            const trace = run.trace ? trainer.trace(rows, options) : cached;
            const t1 = performance.now();
            backward.update({ trace, sizes, settings: s, rows: rows.length });
            backward.diagram.reveal(n % trace.layers.length);
            norms.update({ initial, current: trace.layers.map((l) => l.gradNorm), trained: 0, rows: rows.length });
            const t2 = performance.now();
            if (n > 0) {
              out.trace.push(t1 - t0);
              out.work.push(t2 - t0 + chartMs);
            }
            chartMs = 0;
            if (++n <= frames) requestAnimationFrame(tick);
            else resolve();
          };
          requestAnimationFrame(tick);
        });
        trainer.free();
        return out;
      },
      { run, frames: FRAMES }
    );
    const result = { name: run.name, frame: summary(raw.frame), work: summary(raw.work), ...(run.trace ? { trace: summary(raw.trace) } : {}) };
    report.runs.push(result);
    const line = (label, r) => `${label} p50 ${r.p50} ms, p95 ${r.p95} ms, max ${r.max} ms`;
    console.log(
      `[${clock}] ${run.name}: ${line("frame", result.frame)}; ${line("scripted work", result.work)}` + (result.trace ? `; ${line("trace alone", result.trace)}` : "")
    );
  }
  return report;
}

benchAtBothClocks({
  file: "bench-vanishing.json",
  timeout: 240_000,
  titles: [
    "at Chromium's default 60 Hz frame clock",
    "with frames on demand (no vsync wait)",
  ],
  bench,
});
