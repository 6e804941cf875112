// Charts checked for what they show, not only that they are inked: the marker, tangent, x line
// and shaded bands of the activations chart, the bars of the chain chart and the points of the
// norm chart sit where the data say. Expected values are computed here (σ(2), σ′(2), the chain's
// powers of 0.1); the charts' own data → pixel mapping (the geometry the core returns, or the
// SVG's own decade ticks) only locates the pixels to look at. A chart whose marker were pinned to
// the left edge, whose bars were one decade off, or whose lines were drawn elsewhere fails here.
import { test, expect } from "./fixtures.mjs";
import { watchErrors, openApp, scrollToView } from "./helpers.mjs";

const sigmoid = (x) => 1 / (1 + Math.exp(-x));
const BLUE = [0, 114, 178]; // the first series' colour in the light theme (Okabe–Ito blue)

/**
 * The RGB colours (over white) of a canvas at data points of one of its panels (by the panel's mapping):
 * `points` are [x, y, dx, dy] — a data point and an offset in CSS pixels.
 */
async function coloursAt(page, canvas, panelId, points) {
  return page.locator(canvas).evaluate(
    (c, { panelId, points }) => {
      const geometry = JSON.parse(c.dataset.geometry ?? c.closest("figure").dataset.geometry);
      const panel = geometry.panels ? geometry.panels.find((p) => p.id === panelId) : geometry;
      const dpr = c.width / c.getBoundingClientRect().width;
      const ctx = c.getContext("2d");
      return points.map(([x, y, dx = 0, dy = 0]) => {
        const yFrac = panel.logY ? (Math.log(panel.yMax) - Math.log(y)) / (Math.log(panel.yMax) - Math.log(panel.yMin)) : (panel.yMax - y) / (panel.yMax - panel.yMin);
        const px = (panel.left + ((x - panel.xMin) / (panel.xMax - panel.xMin)) * panel.width + dx) * dpr;
        const py = (panel.top + yFrac * panel.height + dy) * dpr;
        // The canvas is transparent where nothing is drawn: composite over the white surface
        // of the light theme, as the student sees it.
        const [r, g, b, a] = ctx.getImageData(Math.round(px), Math.round(py), 1, 1).data;
        return [r, g, b].map((v) => Math.round((v * a) / 255 + 255 * (1 - a / 255)));
      });
    },
    { panelId, points }
  );
}

const near = (rgb, target, tolerance = 40) => rgb.every((v, i) => Math.abs(v - target[i]) <= tolerance);
const distance = (a, b) => Math.max(...a.map((v, i) => Math.abs(v - b[i])));

test("activations: the marker, tangent and x line sit at x = 2 on σ and σ′; the bands where |σ′| < ε", async ({ page }) => {
  const errors = watchErrors(page);
  await page.emulateMedia({ colorScheme: "light" });
  await openApp(page, "#scene=activations&act=sigmoid&x=2&lang=en&theme=light");
  const canvas = "#act-chart";
  await expect(page.locator(canvas)).toHaveAttribute("data-geometry", /fprime/);
  const [fx, dfx] = [sigmoid(2), sigmoid(2) * (1 - sigmoid(2))];
  // The dot (radius 4.5 px) on each panel: its fill 3 px above and below the centre — a curve
  // alone (about 2 px wide) is not there. Pinned anywhere else, the dot is not found here.
  const f = await coloursAt(page, canvas, "f", [[2, fx, 0, -3], [2, fx, 0, 3], [2, fx, -3, 0], [2, fx, 3, 0]]);
  const fp = await coloursAt(page, canvas, "fprime", [[2, dfx, 0, -3], [2, dfx, 0, 3], [2, dfx, -3, 0], [2, dfx, 3, 0]]);
  for (const rgb of [...f, ...fp]) expect(near(rgb, BLUE), JSON.stringify({ f, fp })).toBe(true);
  // No dot at the left edge of the f panel (where a pinned marker would sit).
  const xMin = await page.locator(canvas).evaluate((c) => JSON.parse(c.dataset.geometry).panels.find((p) => p.id === "f").xMin);
  const edge = await coloursAt(page, canvas, "f", [[xMin, sigmoid(xMin), 4, -3], [xMin, sigmoid(xMin), 4, 3]]);
  expect(edge.some((rgb) => near(rgb, BLUE)), JSON.stringify(edge)).toBe(false);
  // The tangent y = σ(2) + σ′(2)(t − 2) passes through t = −1 and t = 0.5: ink there, where
  // neither the curve (σ(−1) = 0.27, σ(0.5) = 0.62) nor the x line (at 2) is.
  const background = [255, 255, 255];
  const onTangent = await coloursAt(page, canvas, "f", [[-1, fx - 3 * dfx], [0.5, fx - 1.5 * dfx]]);
  for (const rgb of onTangent) expect(distance(rgb, background), JSON.stringify({ onTangent, background })).toBeGreaterThan(60);
  const offTangent = await coloursAt(page, canvas, "f", [[-1, fx - 3 * dfx - 0.15]]);
  expect(distance(offTangent[0], background)).toBeLessThan(25);
  // The dashed x line at x = 2: ink at some of the heights where nothing else is drawn.
  const column = await coloursAt(page, canvas, "f", Array.from({ length: 12 }, (_, i) => [2, 0.05 + i * 0.005]));
  expect(column.filter((rgb) => distance(rgb, background) > 40).length, JSON.stringify(column)).toBeGreaterThan(2);
  // Bands: σ′ < ε = 0.01 for |x| > 4.59 — shaded at x = 5.4 and −5.4, not at x = 0.7 or −3.5.
  const shaded = await coloursAt(page, canvas, "f", [[5.4, 0.3], [-5.4, 0.6]]);
  const plain = await coloursAt(page, canvas, "f", [[0.7, 0.3], [-3.5, 0.6]]);
  for (const rgb of plain) expect(distance(rgb, background), JSON.stringify(plain)).toBeLessThan(25);
  for (const rgb of shaded) expect(distance(rgb, background), JSON.stringify({ shaded, background })).toBeGreaterThan(6);
  expect(errors).toEqual([]);
});

test("activations: moving x to −1.5 moves the dot there", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=activations&act=sigmoid&x=2&lang=en&theme=light");
  await page.locator("#x-number").fill("-1.5");
  await page.locator("#x-number").press("Enter");
  await expect(page.locator("#act-chart")).toHaveAttribute("data-geometry", /fprime/);
  await expect
    .poll(async () => {
      const [a, b] = await coloursAt(page, "#act-chart", "f", [[-1.5, sigmoid(-1.5), 0, -3], [-1.5, sigmoid(-1.5), 0, 3]]);
      return near(a, BLUE) && near(b, BLUE);
    })
    .toBe(true);
  const [old] = await coloursAt(page, "#act-chart", "f", [[2, sigmoid(2), 0, -3]]);
  expect(near(old, BLUE)).toBe(false);
  expect(errors).toEqual([]);
});

test("the chain's bars: each layer one decade lower, each bar's top at its decade's tick", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=vanishing&lang=en");
  const svg = page.locator(".van-chain .lb-svg, #van-chain-bars svg").first();
  await expect(svg.locator(".lb-bar rect")).toHaveCount(6);
  const { bars, ticks } = await svg.evaluate((s) => ({
    bars: [...s.querySelectorAll(".lb-bar")].map((g) => ({ value: Number(g.dataset.value), top: Number(g.querySelector("rect").getAttribute("y")) })),
    ticks: [...s.querySelectorAll(".lb-axis text.lb-tick")].map((t) => ({ text: t.textContent, y: Number(t.getAttribute("y")) - 4 })),
  }));
  // The default chain: the 1 that leaves the output, then × 0.1 at each of five layers.
  const expected = [1, 1e-1, 1e-2, 1e-3, 1e-4, 1e-5];
  const values = bars.map((b) => b.value).sort((a, b) => b - a);
  values.forEach((v, i) => expect(Math.abs(v - expected[i]) / expected[i]).toBeLessThan(1e-12));
  const label = { 1: "1", 1e-1: "10⁻¹", 1e-2: "10⁻²", 1e-3: "10⁻³", 1e-4: "10⁻⁴", 1e-5: "10⁻⁵" };
  for (const bar of bars) {
    const decade = expected.find((v) => Math.abs(v - bar.value) / v < 1e-9);
    const tick = ticks.find((t) => t.text === label[decade]);
    expect(tick, JSON.stringify({ bar, ticks })).toBeDefined();
    expect(Math.abs(bar.top - tick.y), JSON.stringify({ bar, tick })).toBeLessThan(0.5);
  }
  expect(errors).toEqual([]);
});

test("the norm chart: the line passes through each layer's gradient norm", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=vanishing&depth=3&width=8&act=tanh&lang=en&theme=light");
  const figure = page.locator("figure.chart:has(#van-norm-chart)");
  // Its part is below the first screen: drawn once it is laid out, when the student scrolls to it.
  await scrollToView(figure);
  await expect(figure).toHaveAttribute("data-geometry", /series/);
  // The norms the page lists (the core's), and at each layer the line's colour at that height.
  const norms = await page.evaluate(async () => {
    const base = document.baseURI;
    const gradlab = await import(new URL("web/pkg/gradlab.js", base).href).then(async (g) => (await g.default(), g));
    const params = await import(new URL("web/scenes/vanishing/params.js", base).href);
    const trainer = new gradlab.Trainer(params.trainerConfig({ ...params.NET, depth: 3, width: 8, act: "tanh" }), gradlab.dataset({ id: "iris", standardize: true }));
    try {
      return trainer.gradientFlow(params.PROBE_ROWS).layers.map((l) => l.gradNorm);
    } finally {
      trainer.free();
    }
  });
  expect(norms).toHaveLength(4);
  // Halfway between layers k and k + 1 the line (straight on the log axis) is at √(n_k·n_{k+1}):
  // inside the plot, away from its frame.
  const middle = norms.slice(1).map((v, k) => [k + 1.5, Math.sqrt(norms[k] * v)]);
  // (The line is anti-aliased: the pixel at the point or one above or below it is the line's.)
  const around = (points) => points.flatMap(([x, y]) => [-1, 0, 1].map((dy) => [x, y, 0, dy]));
  const onLine = (colours) => Array.from({ length: colours.length / 3 }, (_, i) => colours.slice(3 * i, 3 * i + 3).some((rgb) => near(rgb, BLUE, 50)));
  const colours = await coloursAt(page, "#van-norm-chart", "series", around(middle));
  expect(onLine(colours), JSON.stringify({ middle, colours })).toEqual(middle.map(() => true));
  // And not a decade above (a line one decade off would be there).
  const off = await coloursAt(page, "#van-norm-chart", "series", around(middle.map(([x, y]) => [x, y * 10])));
  expect(onLine(off), JSON.stringify(off)).toEqual(middle.map(() => false));
  expect(errors).toEqual([]);
});
