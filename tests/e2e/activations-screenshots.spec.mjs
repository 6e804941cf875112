// The README's screenshots of the activations scene, light (Vietnamese) and dark (English).
// Not a test: skipped unless GRADLAB_SCREENSHOTS=1, then it overwrites
// docs/screenshot-activations.png and docs/screenshot-activations-dark.png:
//
//   GRADLAB_SCREENSHOTS=1 GRADLAB_BASE_URL=http://127.0.0.1:8011 npx playwright test tests/e2e/activations-screenshots
import path from "node:path";
import { fileURLToPath } from "node:url";
import { test, expect } from "./scene-test.mjs";
import { openApp } from "./helpers.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

test.skip(process.env.GRADLAB_SCREENSHOTS !== "1", "screenshots: set GRADLAB_SCREENSHOTS=1 to take them");

const SHOTS = [
  {
    file: "docs/screenshot-activations.png",
    hash: "#scene=activations&act=sigmoid,tanh,relu&x=3.2&lang=vi&theme=light",
  },
  {
    file: "docs/screenshot-activations-dark.png",
    hash: "#scene=activations&act=gelu&x=2.3&n=8&cmp=1&lang=en&theme=dark",
  },
];

for (const shot of SHOTS) {
  test(`screenshot ${shot.file}`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 1000 });
    await openApp(page, shot.hash);
    await expect(page.locator("figure.chart")).toHaveAttribute("data-drawn", /\d+/);
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: path.join(root, shot.file) });
  });
}
