// The zero-init scene, parts (a) and (b): the article's numbers in the step players (read from
// tests/golden/seed.json), "train 50 steps" (the regression learns, the zero MLP stays at ln 3),
// and the output-bias gradient that is zero only while the labels are balanced
// (tests/golden/reference/zero_init.json).
import fs from "node:fs";
import { test, expect } from "./fixtures.mjs";
import { watchErrors, openApp, canvasStats, numberAttribute } from "./helpers.mjs";

const seed = JSON.parse(fs.readFileSync(new URL("../golden/seed.json", import.meta.url), "utf8"));
const reference = JSON.parse(fs.readFileSync(new URL("../golden/reference/zero_init.json", import.meta.url), "utf8"));
const { rtol, atol } = seed.tolerance;
const close = (got, exact) => Math.abs(got - exact) <= atol + rtol * Math.abs(exact);
const refCase = (name) => reference.cases.find((c) => c.name === name);
const printedNumber = (text) => Number(text.replace(/\u2212/g, "-"));

/**
 * Where the page shows a trace path: the step card (op, 1-based layer), the operand key in it,
 * whether it is the card's result, and the cell. `augmented`: layer 1's bias is row 0 of ∇M.
 */
function routeOf(path, { loss, augmented = false }) {
  const n = path.match(/\d+/g)?.map(Number) ?? [];
  const rules = [
    [/^layers\[0\]\.preActivation\[\d+\]\[\d+\]$/, () => ["linear", 1, "Z1", true, n[1], n[2]]],
    [/^layers\[0\]\.activation\[\d+\]\[\d+\]$/, () => ["activation", 1, "A1", true, n[1], n[2]]],
    [/^layers\[1\]\.preActivation\[\d+\]\[\d+\]$/, () => ["linear", 2, "Z2", true, n[1], n[2]]],
    [/^probabilities\[\d+\]\[\d+\]$/, () => (loss === "mse" ? ["linear", 1, "Z1", true, n[0], n[1]] : ["head", augmented ? 2 : 1, "P", true, n[0], n[1]])],
    [/^layers\[0\]\.gradPreActivation\[\d+\]\[\d+\]$/, () => (augmented ? ["grad_pre_activation", 1, "dZ1", true, n[1], n[2]] : ["output_grad", 1, "dZ1", true, n[1], n[2]])],
    [/^layers\[1\]\.gradPreActivation\[\d+\]\[\d+\]$/, () => ["output_grad", 2, "dZ2", true, n[1], n[2]]],
    [/^layers\[0\]\.gradWeights\[\d+\]\[\d+\]$/, () => (augmented ? ["grad_weights", 1, "dM1", true, n[1] + 1, n[2]] : ["grad_weights", 1, "dW1", true, n[1], n[2]])],
    [/^layers\[1\]\.gradWeights\[\d+\]\[\d+\]$/, () => ["grad_weights", 2, "dW2", true, n[1], n[2]]],
    [/^layers\[0\]\.gradBias\[\d+\]$/, () => (augmented ? ["grad_weights", 1, "dM1", true, 0, n[1]] : ["grad_bias", 1, "db1", true, 0, n[1]])],
    [/^layers\[0\]\.gradActivation\[\d+\]\[\d+\]$/, () => ["grad_activation", 2, "dA1", true, n[1], n[2]]],
    [/^layers\[0\]\.derivative\[\d+\]\[\d+\]$/, () => ["grad_pre_activation", 1, "fprime1", false, n[1], n[2]]],
    [/^updated\[0\]\.weights\[\d+\]\[\d+\]$/, () => ["update_weights", 1, "W_new1", true, n[1], n[2]]],
    [/^updated\[0\]\.bias\[\d+\]$/, () => ["update_bias", 1, "b_new1", true, 0, n[1]]],
  ];
  for (const [re, make] of rules) if (re.test(path)) return make();
  return null;
}

/** The number shown in one cell of a step card (`{ text, value, raw }`) or null. */
async function shownCell(page, player, [op, layer, key, isResult, i, j]) {
  const card = page.locator(`#${player}-stage .sp-card[data-op="${op}"][data-layer="${layer}"]`).first();
  return card.evaluate(
    (node, { key, isResult, i, j }) => {
      const where = isResult ? `.step-result [data-operand="${key}"]` : `[data-role="operand"][data-operand="${key}"]`;
      const host = node.querySelector(where);
      if (!host) return null;
      const transposed = host.getAttribute("data-transposed") === "true";
      const rows = [...host.querySelector("mtable").children];
      const td = (transposed ? rows[j]?.children[i] : rows[i]?.children[j]) ?? null;
      const mn = td?.querySelector("mn");
      return mn ? { text: mn.textContent, value: Number(mn.getAttribute("data-value")), raw: td.getAttribute("data-raw") } : null;
    },
    { key, isResult, i, j }
  );
}

async function showAllSteps(page, player) {
  await page.locator(`#${player}-all`).check();
  await expect(page.locator(`#${player}`)).toHaveAttribute("data-mode", "all");
}

const REGRESSIONS = [
  ["linear", "zeroInitLinear", "mse"],
  ["logistic", "zeroInitLogistic", "sigmoid_binary_cross_entropy"],
  ["softmax", "zeroInitSoftmax", "softmax_cross_entropy"],
];

for (const [kind, section, loss] of REGRESSIONS) {
  test(`${kind} regression from zero: with "show all steps" every number of the article appears`, async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page, "#scene=zero-init&lang=en");
    await page.locator(`#zi-tab-${kind}`).click();
    await expect(page.locator(`#zi-tab-${kind}`)).toHaveAttribute("aria-pressed", "true");
    await showAllSteps(page, "zi-reg-player");
    const entries = seed.sections[section].entries.filter((e) => e.role === "result");
    let checked = 0;
    for (const entry of entries) {
      const route = routeOf(entry.compute.path, { loss });
      expect(route, `${entry.id}: ${entry.compute.path} has a place on the page`).not.toBeNull();
      const cell = await shownCell(page, "zi-reg-player", route);
      expect(cell, `${entry.id} is shown`).not.toBeNull();
      expect(close(cell.value, entry.exact), `${entry.id}: ${cell.value} vs ${entry.exact}`).toBe(true);
      if (entry.agrees) expect(printedNumber(cell.text), `${entry.id} reads as the article prints it`).toBe(Number(entry.printed));
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(8);
    // The article's rounding slips are explained where they occur.
    for (const d of seed.discrepancies.filter((x) => x.id.startsWith(`${section}.`))) {
      await expect(page.locator('#zi-reg-player-stage .sp-card[data-op="grad_weights"] .sp-note')).toContainText(d.printed.replace("-", "\u2212"));
    }
    // The one-update table says the same: column 3 holds the weights after one step.
    // (The article prints the weights after one update for the linear and logistic cases only.)
    const after = entries.filter((e) => e.compute.path.startsWith("updated[0]"));
    expect(after.length > 0, "the article's updated weights").toBe(kind !== "softmax");
    const column = await page.locator("#zi-reg-update tbody td[data-col='2']").evaluateAll((tds) => tds.map((td) => Number(td.dataset.value)));
    expect(column.length, "rows of the one-update table").toBeGreaterThan(0);
    for (const e of after) expect(column.some((v) => close(v, e.exact)), e.id).toBe(true);
    expect(errors).toEqual([]);
  });
}

test("the numbers the issue lists appear as the article prints them", async ({ page }) => {
  await openApp(page, "#scene=zero-init&lang=en&reg-all=1");
  const stage = page.locator("#zi-reg-player-stage");
  await expect(stage).toContainText("0.15");
  for (const text of ["0.1", "0.15", "0.05"]) await expect(stage.locator("mn", { hasText: new RegExp(`^${text}$`) }).first()).toBeVisible();
  await page.locator("#zi-tab-logistic").click();
  for (const text of ["0.0075", "0.01", "0.005"]) await expect(stage.locator("mn", { hasText: new RegExp(`^${text}$`) }).first()).toBeVisible();
  await page.locator("#zi-tab-softmax").click();
  for (const text of ["\u22120.667", "0.333"]) await expect(stage.locator("mn", { hasText: new RegExp(`^${text}$`) }).first()).toBeVisible();
  await expect(stage.locator('.sp-card[data-op="loss"] .sp-note')).toContainText("1.0986");
  await page.locator("#zi-mlp-player-all").check();
  await expect(page.locator('#zi-mlp-player-stage .sp-card[data-op="loss"] .sp-note')).toContainText("ln 3 ≈ 1.0986");
});

test("the 2-2-3 MLP from zero: every activation and gradient is zero, as the article computes", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=zero-init&lang=en");
  await showAllSteps(page, "zi-mlp-player");
  const entries = seed.sections.zeroInitMlp.entries.filter((e) => e.role === "result" && !e.compute.path.startsWith("perSampleLoss"));
  expect(entries.length, "the article's MLP results").toBeGreaterThanOrEqual(8);
  for (const entry of entries) {
    const route = routeOf(entry.compute.path, { loss: "softmax_cross_entropy", augmented: true });
    expect(route, `${entry.id}: ${entry.compute.path}`).not.toBeNull();
    const cell = await shownCell(page, "zi-mlp-player", route);
    expect(cell, `${entry.id} is shown`).not.toBeNull();
    expect(close(cell.value, entry.exact), `${entry.id}: ${cell.value} vs ${entry.exact}`).toBe(true);
    expect(printedNumber(cell.text), entry.id).toBe(Number(entry.printed));
  }
  // ln 3 per sample, from the core.
  const perSample = seed.sections.zeroInitMlp.entries.find((e) => e.id === "zeroInitMlp.loss1").exact;
  expect(close(await numberAttribute(page.locator("#zi-mlp-loss-sample"), "data-value"), perSample)).toBe(true);
  await expect(page.locator("#zi-mlp-loss-sample")).toHaveText("1.0986");
  // Both gradient norms are exactly zero and both hidden units are drawn dead.
  await expect(page.locator("#zi-mlp-gradnorm-1")).toHaveAttribute("data-raw", "0");
  await expect(page.locator("#zi-mlp-gradnorm-2")).toHaveAttribute("data-raw", "0");
  await expect(page.locator('#zi-mlp-net .net-unit[data-state="dead"]')).toHaveCount(2);
  expect(errors).toEqual([]);
});

test("train 50 steps: the linear regression's loss drops, the zero-init MLP's stays at ln 3", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=zero-init&lang=en");
  const linear = refCase("linear_regression_zero_init");
  await page.locator("#zi-reg-train").click();
  await expect(page.locator("#zi-reg-loss-end")).toBeVisible();
  const start = await numberAttribute(page.locator("#zi-reg-loss-start"), "data-value");
  const end = await numberAttribute(page.locator("#zi-reg-loss-end"), "data-value");
  expect(close(start, linear.forward.loss_mean)).toBe(true);
  expect(end).toBeLessThan(start / 1000);
  await expect(page.locator("#zi-reg-chart").locator("xpath=ancestor::figure")).toHaveAttribute("data-drawn", /^[1-9]\d*$/);
  const regStats = await canvasStats(page, "#zi-reg-chart");
  expect(regStats.colours).toBeGreaterThanOrEqual(3);
  expect(regStats.inked).toBeGreaterThan(0.01);

  const mlp = refCase("mlp_2_2_3_zero_init_relu_balanced");
  await page.locator("#zi-mlp-train").click();
  await expect(page.locator("#zi-mlp-loss-end")).toBeVisible();
  await expect(page.locator("#zi-mlp-train-result")).toContainText("50");
  const mlpEnd = await numberAttribute(page.locator("#zi-mlp-loss-end"), "data-value");
  expect(close(mlpEnd, mlp.forward.loss_mean), `${mlpEnd} is ln 3`).toBe(true);
  expect(close(mlpEnd, Math.log(3))).toBe(true);
  // Not one parameter moved (the output bias's float64 residue is shown as 0).
  const moved = await page.locator("#zi-mlp-hidden-after tbody td, #zi-mlp-bias-after tbody td").evaluateAll((tds) => tds.map((td) => Number(td.dataset.value)));
  expect(moved.length, "parameters shown after training").toBeGreaterThan(0);
  expect(moved.filter((v) => v !== 0)).toEqual([]);
  await expect(page.locator("#zi-mlp-dead")).toHaveAttribute("data-value", "1");
  const mlpStats = await canvasStats(page, "#zi-mlp-chart");
  expect(mlpStats.inked).toBeGreaterThan(0.01);
  // Again: 100 steps, still ln 3, and the URL remembers it.
  await page.locator("#zi-mlp-train").click();
  await expect(page.locator("#zi-mlp-train-result")).toContainText("100");
  expect(close(await numberAttribute(page.locator("#zi-mlp-loss-end"), "data-value"), Math.log(3))).toBe(true);
  await expect.poll(() => page.url()).toContain("mlp-n=100");
  expect(errors).toEqual([]);
});

test("unbalancing the labels gives the output bias a gradient; the hidden layer stays dead", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=zero-init&lang=en");
  const sums = () => page.locator("#zi-mlp-dz tbody tr:last-child td").evaluateAll((tds) => tds.map((td) => ({ value: Number(td.dataset.value), raw: Number(td.dataset.raw), title: td.title })));

  // Balanced: Σ(p − y) is exactly 0; float64 leaves ±1.1e-16, shown as 0 with an explanation.
  const balanced = refCase("mlp_2_2_3_zero_init_relu_balanced").backward.sum.layers[1].dL_db;
  const before = await sums();
  expect(before.map((c) => c.value)).toEqual(balanced);
  for (const c of before) {
    expect(Math.abs(c.raw)).toBeLessThan(1e-15);
    if (c.raw !== 0) expect(c.title).toContain("0");
  }
  await expect(page.locator("#zi-mlp-bias")).toHaveAttribute("data-zero", "true");

  await page.locator("#zi-mlp-unbalance").click();
  await expect(page.locator("#zi-mlp-unbalance")).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("#zi-mlp-bias")).toHaveAttribute("data-zero", "false");
  const unbalanced = refCase("mlp_2_2_3_zero_init_relu_unbalanced");
  const after = await sums();
  after.forEach((c, k) => expect(close(c.value, unbalanced.backward.sum.layers[1].dL_db[k]), `db[${k}] = ${c.value}`).toBe(true));
  expect(after.some((c) => c.value !== 0)).toBe(true);
  // The hidden layer still gets nothing.
  await expect(page.locator("#zi-mlp-gradnorm-1")).toHaveAttribute("data-raw", "0");
  await expect(page.locator("#zi-mlp-gradnorm-2")).toHaveAttribute("data-raw", "0");
  // In the player, the update moves the output bias by −η·Σ(p − y) (the reference's update).
  await page.locator("#zi-mlp-player-all").check();
  const expected = unbalanced.backward.sum.updated[1].b;
  for (let k = 0; k < 3; k++) {
    const cell = await shownCell(page, "zi-mlp-player", ["update_bias", 2, "b_new2", true, 0, k]);
    expect(close(cell.value, expected[k]), `b_w${k + 1}′ = ${cell.value}`).toBe(true);
  }
  // Training: the loss falls (only through the bias), the hidden weights stay zero.
  await page.locator("#zi-mlp-train").click();
  await expect(page.locator("#zi-mlp-loss-end")).toBeVisible();
  expect(await numberAttribute(page.locator("#zi-mlp-loss-end"), "data-value")).toBeLessThan(Math.log(3) - 0.01);
  const bias = await page.locator("#zi-mlp-bias-after tbody td").evaluateAll((tds) => tds.map((td) => Number(td.dataset.value)));
  expect(bias.some((v) => v !== 0)).toBe(true);
  const hidden = await page.locator("#zi-mlp-hidden-after tbody td").evaluateAll((tds) => tds.map((td) => Number(td.dataset.value)));
  expect(hidden.length, "hidden weights shown after training").toBeGreaterThan(0);
  expect(hidden.filter((v) => v !== 0)).toEqual([]);
  await expect(page.locator('#zi-overview .zi-card[data-case="mlp"]')).toHaveAttribute("data-verdict", "bias");
  // And back.
  await page.locator("#zi-mlp-balanced").click();
  await expect(page.locator("#zi-mlp-bias")).toHaveAttribute("data-zero", "true");
  await expect(page.locator('#zi-overview .zi-card[data-case="mlp"]')).toHaveAttribute("data-verdict", "stuck");
  expect(errors).toEqual([]);
});

test("the overview shows the four cases side by side: three learn, the MLP is stuck", async ({ page }) => {
  await openApp(page, "#scene=zero-init&lang=en");
  const verdicts = await page.locator("#zi-overview .zi-card").evaluateAll((cards) => cards.map((c) => [c.dataset.case, c.dataset.verdict]));
  expect(verdicts).toEqual([
    ["linear", "learns"],
    ["logistic", "learns"],
    ["softmax", "learns"],
    ["mlp", "stuck"],
  ]);
  // "See the calculation" opens the softmax tab.
  await page.locator('#zi-overview .zi-card[data-case="softmax"] .zi-link').click();
  await expect(page.locator("#zi-tab-softmax")).toHaveAttribute("aria-pressed", "true");
});
