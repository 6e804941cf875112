// Playwright end-to-end tests for gradlab (tests/e2e/*.spec.mjs).
//
// Run them with `cargo xtask test` (or `cargo xtask test --only e2e` after `cargo xtask dist`):
// xtask serves dist/ on a free 127.0.0.1 port and passes its URL in GRADLAB_BASE_URL, and the
// file:// URL of dist/gradlab-standalone.html in GRADLAB_STANDALONE_URL (by hand, the standalone
// spec opens dist/gradlab-standalone.html itself, and fails when it is missing).
//
// The browser is Debian's Chromium at /usr/bin/chromium; Playwright never downloads one here
// (never run `npx playwright install`). The flags keep a sandboxed, offline, root CI happy:
// --no-sandbox (root in a container), and no background networking, component updates, sync
// or QUIC, which would otherwise try to reach Google hosts that this machine cannot reach.
import { defineConfig } from "@playwright/test";

// Without GRADLAB_BASE_URL (running `npx playwright test` by hand) the tests go to the
// default address of `cargo xtask serve`.
const baseURL = process.env.GRADLAB_BASE_URL || "http://127.0.0.1:8000";

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: /.*\.spec\.(m?js|ts)$/,
  outputDir: "test-results",
  fullyParallel: false,
  // In CI (.ci/run sets CI=true) a committed test.only fails the run.
  forbidOnly: !!process.env.CI,
  // No retries: a test that passes only on a second try is a failure, not a pass. Should anyone
  // turn retries on, a flaky test still fails the run (and xtask's summary counts it as failed).
  retries: 0,
  failOnFlakyTests: true,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: "list",
  use: {
    baseURL,
    headless: true,
    screenshot: "only-on-failure",
    trace: "off",
    video: "off",
  },
  projects: [
    {
      name: "chromium",
      use: {
        browserName: "chromium",
        launchOptions: {
          executablePath: "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--no-first-run",
          ],
        },
      },
    },
  ],
});
