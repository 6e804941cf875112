// Shared by the opt-in benchmark specs (GRADLAB_BENCH=1): percentile summaries, the two frame
// clocks each benchmark runs under, and where the figures are written.
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
    const browser = await playwright.chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--disable-gpu-vsync",
        "--disable-frame-rate-limit",
      ],
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
