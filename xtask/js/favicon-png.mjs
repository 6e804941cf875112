// Draws docs/favicon.svg (the icon's source) into web/favicon.png, 32 × 32 with transparency,
// in headless Chromium. Run it by hand when the icon changes: node xtask/js/favicon-png.mjs
//
// The page links the PNG, not the SVG: Chromium fetches a page's icon through the page's own
// renderer, and an SVG icon there is a whole SVG document built on the main thread while the
// scene starts (a task of 16–65 ms at 4× CPU in traces of a first visit). With the PNG, the same
// traces show no such task; and every browser shows a PNG icon.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";

const SIZE = 32;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const svg = fs.readFileSync(path.join(root, "docs/favicon.svg"));
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium", // Debian's, as in playwright.config.mjs
  args: ["--no-sandbox"],
});
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  const source = `data:image/svg+xml;base64,${svg.toString("base64")}`;
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style><img width="${SIZE}" height="${SIZE}" src="${source}">`);
  await page.locator("img").evaluate((img) => /** @type {HTMLImageElement} */ (img).decode());
  const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: SIZE, height: SIZE } });
  fs.writeFileSync(path.join(root, "web/favicon.png"), png);
  console.log(`web/favicon.png: ${SIZE} × ${SIZE}, ${png.length} bytes`);
} finally {
  await browser.close();
}
