// The zero-init scene, part (c): a constant init keeps the hidden units identical through
// training, a seeded random init does not; the trajectory matches the independent reference
// (tests/golden/reference/zero_init.json, the constant-0.5 symmetry cases).
import fs from "node:fs";
import { test, expect } from "./fixtures.mjs";
import { watchErrors, openApp, canvasStats, numberAttribute, scrollThrough, seeChart } from "./helpers.mjs";

const reference = JSON.parse(fs.readFileSync(new URL("../golden/reference/zero_init.json", import.meta.url), "utf8"));
const close = (got, exact) => Math.abs(got - exact) <= 1e-12 + 1e-9 * Math.abs(exact);

/** A table's body cells as rows of raw numbers (data-raw: the core's value, unrounded). */
const tableRows = (page, id) =>
  page.locator(`#${id} tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => Number(td.dataset.raw))));

test("constant init: hidden units identical after training; Xavier: not", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=zero-init&lang=en");
  await expect(page.locator("#zi-sym-show")).toHaveValue("constant");
  await expect(page.locator("#zi-sym-verdict")).toHaveAttribute("data-identical", "true");
  await expect(page.locator("#zi-sym-hidden-end")).toHaveAttribute("data-identical", "true");
  await expect(page.locator("#zi-sym-out-end")).toHaveAttribute("data-identical", "true");
  // The identical columns are highlighted, and they did move during training.
  const start = await tableRows(page, "zi-sym-hidden-start");
  const end = await tableRows(page, "zi-sym-hidden-end");
  expect(end.map((r) => r.length)).toEqual([2, 2, 2]);
  for (const row of end) expect(row[0]).toBe(row[1]);
  expect(end).not.toEqual(start);
  expect(await page.locator("#zi-sym-hidden-end td.zi-same").count()).toBe(6);

  // The table of all runs agrees.
  const identical = (id) => page.locator(`#zi-sym-summary tr[data-init="${id}"] td[data-identical]`);
  await expect(identical("constant")).toHaveAttribute("data-identical", "true");
  await expect(identical("zeros")).toHaveAttribute("data-identical", "true");
  await expect(identical("xavier_uniform")).toHaveAttribute("data-identical", "false");
  await expect(identical("he_normal")).toHaveAttribute("data-identical", "false");

  // Xavier up close: the columns differ from the start and stay different.
  await page.locator("#zi-sym-show").selectOption("xavier_uniform");
  await expect(page.locator("#zi-sym-verdict")).toHaveAttribute("data-identical", "false");
  await expect(page.locator("#zi-sym-hidden-end")).toHaveAttribute("data-identical", "false");
  expect(await page.locator("#zi-sym-hidden-end td.zi-same").count()).toBe(0);
  const xavier = await tableRows(page, "zi-sym-hidden-end");
  expect(xavier.some((row) => row[0] !== row[1])).toBe(true);
  await expect.poll(() => page.url()).toContain("sym-show=xavier_uniform");

  // The charts are drawn: one curve per init, one per hidden unit.
  for (const id of ["zi-sym-chart", "zi-sym-units-chart"]) {
    await seeChart(page, `#${id}`);
    const stats = await canvasStats(page, `#${id}`);
    expect(stats.width, id).toBeGreaterThan(200);
    expect(stats.colours, id).toBeGreaterThanOrEqual(4);
    expect(stats.inked, id).toBeGreaterThan(0.01);
  }
  expect(errors).toEqual([]);
});

for (const act of ["sigmoid", "relu"]) {
  test(`constant 0.5 with ${act}: two steps of SGD match the reference trajectory`, async ({ page }) => {
    await openApp(page, `#scene=zero-init&lang=en&sym-act=${act}&sym-n=2&sym-inits=constant,xavier_uniform&sym-show=constant`);
    const expected = reference.cases.find((c) => c.name === `mlp_2_2_3_const05_${act}_step2`);
    expect(expected.trajectory.step).toBe(2);
    await expect(page.locator("#zi-sym-verdict")).toHaveAttribute("data-identical", String(expected.symmetry_check.hidden_weights_identical_columns));
    const hidden = await tableRows(page, "zi-sym-hidden-end");
    expect(hidden.map((r) => r.length)).toEqual([2, 2, 2]);
    const wantHidden = [expected.model.layers[0].b, ...expected.model.layers[0].W];
    hidden.forEach((row, i) => row.forEach((v, j) => expect(close(v, wantHidden[i][j]), `hidden[${i}][${j}] = ${v} vs ${wantHidden[i][j]}`).toBe(true)));
    const out = await tableRows(page, "zi-sym-out-end");
    expect(out.map((r) => r.length)).toEqual([3, 3]);
    out.forEach((row, i) => row.forEach((v, j) => expect(close(v, expected.model.layers[1].W[i][j]), `out[${i}][${j}]`).toBe(true)));
    // The loss after two updates is the reference's loss at step 2 (its mean per sample).
    const loss = await numberAttribute(page.locator("#zi-sym-detail-loss"), "data-raw");
    expect(close(loss, expected.forward.loss_mean), `${loss} vs ${expected.forward.loss_mean}`).toBe(true);
  });
}

test("zeros with tanh and balanced labels never move; with unbalanced labels and sigmoid the units move but stay twins", async ({ page }) => {
  await openApp(page, "#scene=zero-init&lang=en&sym-inits=zeros&sym-show=zeros");
  // Part (c) trains after the scene's first paint (start-soon.js): wait for its tables.
  await expect(page.locator("#zi-sym-hidden-end tbody tr")).toHaveCount(3);
  const rows = await tableRows(page, "zi-sym-hidden-end");
  expect(rows.flat()).toHaveLength(6);
  for (const row of rows) for (const v of row) expect(v).toBe(0);
  const zerosRow = page.locator('#zi-sym-summary tr[data-init="zeros"] td[data-value]');
  const [start, end] = await zerosRow.evaluateAll((tds) => tds.slice(0, 2).map((td) => Number(td.dataset.value)));
  expect(end).toBe(start);

  await page.locator("#zi-sym-act").selectOption("sigmoid");
  await page.locator("#zi-sym-labels").selectOption("unbalanced");
  await expect(page.locator("#zi-sym-verdict")).toHaveAttribute("data-identical", "true");
  await expect.poll(async () => (await tableRows(page, "zi-sym-out-end")).flat().some((v) => v !== 0)).toBe(true);
  const out = await tableRows(page, "zi-sym-out-end");
  expect(out[0]).toEqual(out[1]);
});

test("the init choices, activation, width and steps are controls that re-run the core", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=zero-init&lang=en");
  // Read down to the controls first (their part is laid out as it comes near the screen).
  await scrollThrough(page);
  await page.locator("#zi-sym-width").selectOption("4");
  await expect(page.locator("#zi-sym-hidden-end thead th")).toHaveCount(4);
  await expect(page.locator("#zi-sym-verdict")).toHaveAttribute("data-identical", "true");
  await page.locator("#zi-sym-init-lecun_normal").check();
  await expect(page.locator('#zi-sym-summary tr[data-init="lecun_normal"] td[data-identical]')).toHaveAttribute("data-identical", "false");
  await page.locator("#zi-sym-init-zeros").uncheck();
  await expect(page.locator('#zi-sym-summary tr[data-init="zeros"]')).toHaveCount(0);
  await page.locator("#zi-sym-n-number").fill("120");
  await expect(page.locator("#zi-sym-summary caption")).toContainText("120");
  await expect.poll(() => page.url()).toMatch(/sym-width=4.*sym-n=120|sym-n=120.*sym-width=4/);
  expect(errors).toEqual([]);
});

test("unticking every init gives a link the page reads back as it was, with no notice", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=zero-init&lang=en");
  const boxes = page.locator(".zi-init-choices input[type=checkbox]");
  expect(await boxes.count()).toBeGreaterThan(3);
  const ticked = await page.locator(".zi-init-choices input[type=checkbox]:checked").evaluateAll((inputs) => inputs.map((input) => input.id));
  expect(ticked.length).toBeGreaterThan(0);
  for (const id of ticked) await page.locator(`#${id}`).uncheck();
  await expect(page.locator(".zi-init-choices input[type=checkbox]:checked")).toHaveCount(0);
  await expect.poll(() => page.url()).toContain("sym-inits=none");

  await page.reload();
  await expect(page.locator("html")).toHaveClass(/\bready\b/);
  await expect(page.locator("#scene-root .scene-zero-init")).toBeVisible();
  await expect(page.locator(".url-notice")).toHaveCount(0);
  expect(await boxes.count()).toBeGreaterThan(3);
  await expect(page.locator(".zi-init-choices input[type=checkbox]:checked")).toHaveCount(0);
  await expect.poll(() => page.url()).toContain("sym-inits=none");
  expect(errors).toEqual([]);
});
