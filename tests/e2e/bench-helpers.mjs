// Shared by the opt-in benchmark specs (GRADLAB_BENCH=1): percentile summaries, the two frame
// clocks each benchmark runs under, the main thread's time per frame and its long tasks from a
// Chromium trace, a probe that tells when the page has no work left, and where the figures are
// written.
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
 * DevTools performance panel shows it (raster and compositing run on other threads) — and each
 * task's CPU time on that thread (`frameCpuTimes`).
 */
const STAGES = ["FireAnimationFrame", "UpdateLayoutTree", "Layout", "PrePaint", "Paint", "Layerize", "Commit"];

export async function mainThreadFrameTimes(page, body) {
  const { result, events } = await traced(page, body);
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
  // The main thread's own CPU time in each of those tasks (the trace's thread time): what is left
  // when the wall time above also counts the time the thread waited for a core.
  const frameCpuTimes = sorted.filter((t) => t.tdur !== undefined).map((t) => t.tdur / 1000);
  return { result, frameTimes: sorted.map((t) => t.dur / 1000), frameCpuTimes, stages };
}

/**
 * Runs `body()` under a Chromium performance trace (the DevTools timeline categories) and
 * returns its result, the trace's complete events (ph "X") and the names of its threads
 * ("pid/tid" → name, from the trace's metadata).
 */
async function traced(page, body) {
  const browser = page.context().browser();
  await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] });
  let result;
  let buffer;
  try {
    result = await body();
  } finally {
    buffer = await browser.stopTracing();
  }
  const all = JSON.parse(buffer.toString()).traceEvents;
  const threads = new Map(all.filter((e) => e.ph === "M" && e.name === "thread_name").map((e) => [`${e.pid}/${e.tid}`, e.args.name]));
  return { result, events: all.filter((e) => e.ph === "X"), threads };
}

/**
 * Runs `body()` under a Chromium performance trace and returns the tasks of the renderer's main
 * thread (`RunTask` on CrRendererMain) that lasted at least `floorMs`, and the longest task of
 * all, each as { ms, start (µs, trace clock), cause } — cause is the task's outermost traced
 * event (e.g. "EventDispatch (input)", "FireAnimationFrame", "TimerFire"). A task over 50 ms is
 * a "long task": the page cannot answer input while it runs.
 */
export async function mainThreadLongTasks(page, body, { floorMs = 50 } = {}) {
  const { result, events, threads } = await traced(page, body);
  const onMain = (e) => threads.get(`${e.pid}/${e.tid}`) === "CrRendererMain";
  const main = events.filter(onMain);
  const describe = (task) => {
    // The longest event inside the task is its outermost one: what the task ran.
    let top = null;
    for (const e of main) {
      if (e === task || e.name === "RunTask" || e.pid !== task.pid || e.tid !== task.tid) continue;
      if (e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur && (!top || e.dur > top.dur)) top = e;
    }
    const type = top?.args?.data?.type;
    return { ms: Math.round(task.dur / 10) / 100, start: task.ts, cause: top ? `${top.name}${type ? ` (${type})` : ""}` : "" };
  };
  const tasks = main.filter((e) => e.name === "RunTask").sort((a, b) => b.dur - a.dur);
  return {
    result,
    tasks: tasks.filter((e) => e.dur / 1000 >= floorMs).map(describe),
    longest: tasks.length ? describe(tasks[0]) : null,
  };
}

/**
 * Installs (before any page script runs) a probe of the page's pending work: its animation-frame
 * callbacks, its timeouts of up to 5 s and its intervals. `waitForIdle` then waits for it.
 */
export async function installIdleProbe(page) {
  await page.addInitScript(() => {
    const frames = new Set();
    const timeouts = new Map(); // id → 0, until it fires
    const intervals = new Map(); // id → times it fired
    const raf = window.requestAnimationFrame.bind(window);
    const caf = window.cancelAnimationFrame.bind(window);
    window.requestAnimationFrame = (callback) => {
      const id = raf((ts) => {
        frames.delete(id);
        callback(ts);
      });
      frames.add(id);
      return id;
    };
    window.cancelAnimationFrame = (id) => {
      frames.delete(id);
      caf(id);
    };
    // setTimeout / setInterval, tracked in `pending` (a timeout leaves it when it fires).
    const track = (kind, pending, { once, maxDelay = Infinity }) => {
      const set = window[`set${kind}`].bind(window);
      const clear = window[`clear${kind}`].bind(window);
      window[`set${kind}`] = (callback, delay = 0, ...args) => {
        if (typeof callback !== "function") return set(callback, delay, ...args);
        const id = set(() => {
          if (once) pending.delete(id);
          else if (pending.has(id)) pending.set(id, pending.get(id) + 1);
          callback(...args);
        }, delay);
        if (delay <= maxDelay) pending.set(id, 0);
        return id;
      };
      window[`clear${kind}`] = (id) => {
        pending.delete(id);
        clear(id);
      };
    };
    track("Timeout", timeouts, { once: true, maxDelay: 5000 });
    track("Interval", intervals, { once: false });
    // Resolves once two animation frames in a row began with no frame callback or timeout of
    // the page pending, and every running interval has fired `ticks` times since the call.
    window.__benchIdle = (ticks) =>
      new Promise((resolve) => {
        const fired = new Map(intervals);
        let quiet = 0;
        const check = () => {
          const ticked = [...intervals].every(([id, n]) => n - (fired.get(id) ?? 0) >= ticks);
          quiet = frames.size === 0 && timeouts.size === 0 && ticked ? quiet + 1 : 0;
          if (quiet >= 2) resolve({ intervals: intervals.size });
          else raf(check);
        };
        raf(check);
      });
  });
}

/**
 * Waits until the page has no work left (see installIdleProbe): returns { settled, intervals },
 * intervals being how many of the page's intervals still run (after firing `intervalTicks`
 * times each); settled is false when that took longer than `timeoutMs`.
 */
export async function waitForIdle(page, { intervalTicks = 2, timeoutMs = 300_000 } = {}) {
  let timer;
  const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve({ settled: false, intervals: 0 }), timeoutMs)));
  const idle = page.evaluate((ticks) => window.__benchIdle(ticks), intervalTicks).then((r) => ({ settled: true, ...r }), () => ({ settled: false, intervals: 0 }));
  try {
    return await Promise.race([idle, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
