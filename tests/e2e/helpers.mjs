// Shared helpers for the Playwright specs (not a spec itself).
import { expect } from "@playwright/test";

/** Collects console errors and uncaught page errors; assert `errors` is empty at the end. */
export function watchErrors(page) {
  const errors = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`console.error: ${msg.text()}`);
  });
  page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
  return errors;
}

/**
 * Opens the app at `path` (query + hash, relative to baseURL) and waits until a scene is up and
 * its parts have started: a lesson's parts start after its first paint (components/start-soon.js
 * marks them `starting` until then, within a second), so a spec that reads a part at once reads
 * its content, not the moment before it comes.
 */
export async function openApp(page, path = "#scene=activations") {
  await page.goto(path.startsWith("/") ? path : `/${path}`);
  await expect(page.locator("html")).toHaveClass(/\bready\b/);
  await expect(page.locator("#scene-root .starting")).toHaveCount(0);
}

/**
 * Waits until nothing in `scope` (a page or a frame) is training or being recomputed: no element
 * marked aria-busy (results dimmed while a run goes on, a busy Train button) and every training
 * progress line hidden. A scene that trains as it opens (dying-ReLU's repeated SGD) shows, dims
 * and hides those for a while, and a slow machine can still be there when a test looks.
 */
export async function expectIdle(scope) {
  await expect(scope.locator('[aria-busy="true"]')).toHaveCount(0);
  await expect(scope.locator(".training-progress:not([hidden])")).toHaveCount(0);
}

/**
 * Scrolls through the scene from top to bottom and back, as a student reading it does, waiting two
 * frames at each stop. A part off screen is not laid out (content-visibility: auto in
 * scene-shared.css): what depends on layout — a formula fitted to the width, a box that scrolls
 * sideways made focusable, innerText — is there once the part has been on screen.
 */
export async function scrollThrough(page) {
  await page.evaluate(async () => {
    const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const step = Math.max(200, Math.floor(window.innerHeight / 2));
    for (let y = 0; y <= document.scrollingElement.scrollHeight; y += step) {
      window.scrollTo(0, y);
      await frames();
    }
    window.scrollTo(0, 0);
    await frames();
  });
}

/**
 * Scrolls `locator`'s element to the middle of the screen, as a student scrolls to what they read.
 * It uses the element's own scrollIntoView, as the page's links do: the browser lays out a part
 * that was off screen before scrolling to it, where Playwright's scrollIntoViewIfNeeded aims at
 * the part's stand-in size. Retried if the element is redrawn meanwhile.
 */
export async function scrollToView(locator) {
  await expect(async () => {
    await locator.evaluate((element) => element.scrollIntoView({ block: "center" }), undefined, { timeout: 2000 });
  }).toPass();
}

/**
 * Scrolls to a chart's canvas, as the student does, and waits until its figure reports a drawing
 * (data-drawn): a chart in a part off screen is drawn once the part is laid out.
 */
export async function seeChart(page, selector) {
  await scrollToView(page.locator(selector));
  await expect(page.locator(`figure:has(${selector})`)).toHaveAttribute("data-drawn", /^[1-9]\d*$/);
}

// Inside page.evaluate, the specs reach the full core with
//   const gradlab = await import(new URL("web/pkg/gradlab.js", document.baseURI).href).then(async (g) => (await g.default(), g));
// On a scene that trains that is the page's own, already initialised instance (init returns at
// once); on a scene that runs on the lite core (web/wasm.js) it is a second, independent one.

/**
 * Distinct colours (quantised to 4 bits per channel) on a grid of samples of a canvas, and the
 * share of samples that differ from the most common one (the background).
 */
export async function canvasStats(page, selector) {
  return page.locator(selector).evaluate((canvas) => {
    const ctx = canvas.getContext("2d");
    const { width, height } = canvas;
    if (!ctx || width === 0 || height === 0) return { width, height, colours: 0, inked: 0 };
    const data = ctx.getImageData(0, 0, width, height).data;
    const counts = new Map();
    let samples = 0;
    const stepX = Math.max(1, Math.floor(width / 200));
    const stepY = Math.max(1, Math.floor(height / 150));
    for (let y = 0; y < height; y += stepY) {
      for (let x = 0; x < width; x += stepX) {
        const i = (y * width + x) * 4;
        const key = `${data[i] >> 4},${data[i + 1] >> 4},${data[i + 2] >> 4},${data[i + 3] >> 4}`;
        counts.set(key, (counts.get(key) || 0) + 1);
        samples++;
      }
    }
    const top = Math.max(...counts.values());
    return { width, height, colours: counts.size, inked: (samples - top) / samples };
  });
}

/** A number as the page writes it into an attribute (String of a number). */
const NUMBER_TEXT = /^-?(Infinity|(\d+\.?\d*|\.\d+)(e[-+]?\d+)?)$/;

/**
 * The number in attribute `name` of `locator`, once the attribute is there and reads as a number:
 * a missing attribute fails here instead of reading as Number(null) = 0, which many an
 * assertion (x < start, x ≥ 0, a loop over 0 items) would let pass.
 */
/**
 * The activations chart's geometry (`#act-chart`'s data-geometry) once a drawing matching `drawn`
 * is there: the chart draws in the frame after the scene shows, and again after a change.
 */
export async function chartGeometry(page, drawn = /"panels"/) {
  const chart = page.locator("#act-chart");
  await expect(chart).toHaveAttribute("data-geometry", drawn);
  return JSON.parse(await chart.getAttribute("data-geometry"));
}

export async function numberAttribute(locator, name) {
  await expect(locator, `${name} holds a number`).toHaveAttribute(name, NUMBER_TEXT);
  return Number(await locator.getAttribute(name));
}

/** The raw number a readout exposes in data-value. */
export function readoutValue(page, id) {
  return numberAttribute(page.locator(`#${id}`), "data-value");
}

/**
 * The first step at which the page's own core refuses to train `config` on `data` (a data set
 * id, standardised, or `{ inputs, targets }`) within `steps` steps: `{ step, message }`, or null.
 */
export function coreRefusal(page, { config, data, steps }) {
  return page.evaluate(
    async ({ config, data, steps }) => {
      const gradlab = await import(new URL("web/pkg/gradlab.js", document.baseURI).href).then(async (g) => (await g.default(), g));
      const trainer = new gradlab.Trainer(config, typeof data === "string" ? gradlab.dataset({ id: data, standardize: true }) : data);
      try {
        for (let step = 1; step <= steps; step++) {
          try {
            trainer.step(1);
          } catch (error) {
            return { step, message: error.message };
          }
        }
        return null;
      } finally {
        trainer.free();
      }
    },
    { config, data, steps }
  );
}
