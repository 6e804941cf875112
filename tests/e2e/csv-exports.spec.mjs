// Exports (issue 16, part 5): every training view's history as a CSV file and every chart as a
// PNG file. A CSV download is a real file: a header of English identifiers, one row per recorded
// step, numbers in full with a dot — equal to what the page shows (a readout's data-value, a
// table cell) and, for the dying-ReLU runs, to the same training redone here with the core. A
// view without a history offers no empty file. Every chart of every scene has a "Download PNG";
// the SVG charts' PNG is a real PNG as large as the chart drawn.
import { test, expect } from "./fixtures.mjs";
import { readFileSync } from "node:fs";
import { watchErrors, openApp, numberAttribute } from "./helpers.mjs";

/** Clicks `button` and returns the saved file: its name, lines and bytes. */
async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
  const bytes = readFileSync(await file.path());
  const text = bytes.toString("utf8");
  return { name: file.suggestedFilename(), bytes, lines: text.split("\n"), text };
}

/** A CSV file's header and rows (cells as text), after checking the file ends with a newline. */
function parseCsv({ text }) {
  expect(text.endsWith("\n")).toBe(true);
  const [header, ...rows] = text.trimEnd().split("\n").map((line) => line.split(","));
  return { header, rows };
}

/** A cell as the number it holds (an empty cell fails). */
function cellNumber(text) {
  expect(text, "a number, written with a dot").toMatch(/^-?\d+(\.\d+)?(e[-+]\d+)?$/);
  return Number(text);
}

test("vanishing: off with a note before training; after 5 steps one row per step, the last as the readouts show", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=vanishing&lang=en&depth=3&nsteps=5");
  const button = page.getByRole("button", { name: "Download CSV" });
  await expect(button).toBeDisabled();
  await expect(page.locator("#van-train-csv-note")).toHaveText("Nothing recorded yet: train first, then the file has one row per step.");
  await page.locator("#van-train").click();
  await expect(page.locator("#van-trained")).toHaveAttribute("data-value", "5");
  await expect(button).toBeEnabled();
  await expect(page.locator("#van-train-csv-note")).toBeHidden();
  const file = await download(page, button);
  expect(file.name).toBe("gradlab-vanishing-training.csv");
  const { header, rows } = parseCsv(file);
  const layers = ["1", "2", "3", "4"];
  expect(header).toEqual(["step", "batch_loss", "batch_accuracy", ...["grad_norm", "dead_fraction", "update_ratio"].flatMap((name) => layers.map((k) => `${name}_${k}`))]);
  expect(rows.map((r) => r[0])).toEqual(["1", "2", "3", "4", "5"]);
  const last = Object.fromEntries(header.map((name, i) => [name, rows.at(-1)[i]]));
  // The readouts of the last step: ‖ΔW₁‖/‖W₁‖ and ‖ΔW₄‖/‖W₄‖ (the output layer of 3 hidden).
  expect(cellNumber(last.update_ratio_1)).toBe(await numberAttribute(page.locator("#van-up-first"), "data-value"));
  expect(cellNumber(last.update_ratio_4)).toBe(await numberAttribute(page.locator("#van-up-last"), "data-value"));
  for (const row of rows) for (const cell of row.slice(1, 3)) cellNumber(cell);
  expect(errors).toEqual([]);
});

test("vi: the dying-ReLU runs as CSV equal the same training redone with the core, ReLU and LeakyReLU side by side", async ({ page }) => {
  const errors = watchErrors(page);
  // The "≥ 30 % dead" settings (lr 1.5, He normal, bias 0, seed 4) for 20 steps, with LeakyReLU beside.
  await openApp(page, "#scene=dying-relu&lang=vi&n=20&cmp=1");
  const button = page.locator("#dr-train-csv");
  await expect(button).toHaveText("Tải tệp CSV");
  await expect(page.locator("#dr-train-summary p")).toHaveCount(2);
  await expect(page.locator("#dr-train-summary")).toContainText("sau 20 bước");
  const { header, rows } = parseCsv(await download(page, button));
  expect(header).toEqual(["step", "batch_loss_relu", "dead_fraction_1_relu", "dead_fraction_2_relu", "batch_loss_leaky_relu", "dead_fraction_1_leaky_relu", "dead_fraction_2_leaky_relu"]);
  expect(rows).toHaveLength(20);
  const redone = await page.evaluate(async () => {
    const gradlab = await import(new URL("web/pkg/gradlab.js", document.baseURI).href).then(async (g) => (await g.default(), g));
    const data = gradlab.dataset({ id: "iris", standardize: true });
    return ["relu", "leaky_relu"].map((activation) => {
      const trainer = new gradlab.Trainer({ sizes: [4, 32, 32, 3], activation, init: "he_normal", biasInit: "zeros", seed: 4, optimizer: { id: "sgd", lr: 1.5 }, batchSize: 16 }, data);
      try {
        return Array.from({ length: 20 }, () => trainer.step(1));
      } finally {
        trainer.free();
      }
    });
  });
  rows.forEach((row, i) => {
    const [relu, leaky] = [redone[0][i], redone[1][i]];
    expect(row.map(Number)).toEqual([relu.step, relu.loss, relu.deadFraction[0], relu.deadFraction[1], leaky.loss, leaky.deadFraction[0], leaky.deadFraction[1]]);
  });
  expect(errors).toEqual([]);
});

test("dying-relu: the repeated SGD's h per step — constant under ReLU, ending where the page says under LeakyReLU", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=dying-relu&lang=en&k=5");
  const line = page.locator('#dr-repeat-result [data-act="leaky_relu"]');
  await expect(line).toContainText("after 5 steps");
  const { header, rows } = parseCsv(await download(page, page.locator("#dr-repeat-csv")));
  expect(header).toEqual(["step", "h2_relu", "h2_leaky_relu"]);
  expect(rows.map((r) => r[0])).toEqual(["0", "1", "2", "3", "4", "5"]);
  const relu = rows.map((r) => cellNumber(r[1]));
  expect(new Set(relu).size).toBe(1); // the dead unit never moves
  const end = cellNumber(rows.at(-1)[2]);
  expect(end).not.toBe(relu[0]);
  // The page writes h with 4 significant digits and a real minus sign.
  const shown = String(Number(end.toPrecision(4))).replace("-", "−");
  await expect(line).toContainText(`to ${shown}`);
  expect(errors).toEqual([]);
});

test("zero-init: the regression, MLP and symmetry curves as CSV, matching the losses the page shows", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=zero-init&lang=en&lin-n=50&mlp-n=50&sym-n=10");
  // Linear regression: 51 losses (after 0 … 50 updates), no accuracy.
  await expect(page.locator("#zi-reg-loss-end")).toHaveAttribute("data-raw", /\d/);
  const reg = parseCsv(await download(page, page.locator("#zi-reg-csv")));
  expect(reg.header).toEqual(["updates", "loss_linear", "accuracy_linear"]);
  expect(reg.rows).toHaveLength(51);
  expect(reg.rows.map((r) => r[2]).every((cell) => cell === "")).toBe(true);
  expect(cellNumber(reg.rows[0][1])).toBe(await numberAttribute(page.locator("#zi-reg-loss-start"), "data-raw"));
  expect(cellNumber(reg.rows.at(-1)[1])).toBe(await numberAttribute(page.locator("#zi-reg-loss-end"), "data-raw"));
  // The MLP from zero.
  const mlp = parseCsv(await download(page, page.locator("#zi-mlp-csv")));
  expect(mlp.header).toEqual(["updates", "loss_mlp", "accuracy_mlp"]);
  expect(mlp.rows.map((r) => r[0])).toEqual(Array.from({ length: 51 }, (_, i) => String(i)));
  expect(cellNumber(mlp.rows.at(-1)[1])).toBe(await numberAttribute(page.locator("#zi-mlp-loss-end"), "data-raw"));
  // Symmetry: a loss and an accuracy column per init ticked; the ends as in the summary table.
  const sym = parseCsv(await download(page, page.locator("#zi-sym-csv")));
  const inits = await page.locator("#zi-sym-summary tbody tr").evaluateAll((rows) => rows.map((r) => r.dataset.init));
  expect(inits.length).toBeGreaterThan(2);
  expect(sym.header).toEqual(["updates", ...inits.flatMap((id) => [`loss_${id}`, `accuracy_${id}`])]);
  expect(sym.rows).toHaveLength(11);
  for (const id of inits) {
    const row = page.locator(`#zi-sym-summary tr[data-init="${id}"] td`);
    expect(cellNumber(sym.rows[0][sym.header.indexOf(`loss_${id}`)])).toBe(await numberAttribute(row.nth(0), "data-value"));
    expect(cellNumber(sym.rows.at(-1)[sym.header.indexOf(`loss_${id}`)])).toBe(await numberAttribute(row.nth(1), "data-value"));
  }
  expect(errors).toEqual([]);
});

test("zero-init before training: no CSV of an empty history, the hint to train instead", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=zero-init&lang=en");
  await expect(page.locator("#zi-reg-train")).toBeVisible();
  await expect(page.locator("#zi-reg-csv")).toHaveCount(0);
  await expect(page.locator("#zi-mlp-csv")).toHaveCount(0);
  await expect(page.locator(".zi-train-hint").first()).toBeVisible();
  expect(errors).toEqual([]);
});

// --- PNG ------------------------------------------------------------------------------------

const FIGURES = "figure.chart, figure.heat-map, figure.log-bars, figure.gradient-diagram";

for (const scene of ["activations", "vanishing", "dying-relu", "zero-init", "lab"]) {
  test(`${scene}: every chart has a Download PNG button`, async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page, `#scene=${scene}&lang=en&lin-n=50&mlp-n=50`);
    const figures = page.locator(`.scene ${FIGURES}`);
    const count = await figures.count();
    expect(count).toBeGreaterThan(0);
    const missing = await figures.evaluateAll((list) => list.filter((f) => ![...f.querySelectorAll("button")].some((b) => b.textContent.includes("PNG"))).map((f) => f.className));
    expect(missing).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test("the SVG charts (log-scale bars, gradient diagram) save a real PNG as large as drawn, in both themes", async ({ page }) => {
  const errors = watchErrors(page);
  for (const theme of ["light", "dark"]) {
    await page.goto("about:blank");
    await openApp(page, `#scene=vanishing&lang=en&theme=${theme}`);
    for (const [figure, name] of [["figure.log-bars", "gradlab-van-chain-bars.png"], ["figure.gradient-diagram", "gradlab-van-diagram.png"]]) {
      const svg = page.locator(`${figure} svg`).first();
      const drawn = await svg.boundingBox();
      const file = await download(page, page.locator(figure).getByRole("button", { name: "Download PNG" }));
      expect(file.name).toBe(name);
      expect([...file.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      // IHDR: width and height, big-endian, at bytes 16 and 20 (device pixel ratio 1 here).
      expect(Math.abs(file.bytes.readUInt32BE(16) - drawn.width)).toBeLessThanOrEqual(1);
      expect(file.bytes.readUInt32BE(20)).toBeGreaterThanOrEqual(Math.floor(drawn.height));
      expect(file.bytes.length).toBeGreaterThan(5000);
    }
  }
  expect(errors).toEqual([]);
});
