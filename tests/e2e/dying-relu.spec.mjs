// The dying-ReLU scene (#scene=dying-relu): the article's worked example replayed by the step
// player shows the seed's numbers (read from tests/golden/seed.json), the keyboard walks every
// step, edits and the activation switch change exactly what the core says, the dead unit stays
// dead over 100 SGD steps, both languages render and the URL restores the state. The training
// view ("death at scale") is in dying-relu-training.spec.mjs.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { test, expect } from "./fixtures.mjs";
import { vi, en } from "./strings.mjs";
import { watchErrors, openApp, canvasStats, numberAttribute } from "./helpers.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const seed = JSON.parse(fs.readFileSync(path.join(root, "tests/golden/seed.json"), "utf8"));
const entries = seed.sections.dyingRelu.entries;
const close = (got, exp) => Math.abs(got - exp) <= seed.tolerance.atol + seed.tolerance.rtol * Math.abs(exp);
/** "−1.69" as shown → -1.69. */
const shown = (text) => Number(text.replace(/\u2212/g, "-"));

/**
 * Where the player shows the value at a trace path: the card of the step whose result it is
 * (`data-result`), the result cell (row, col), or an operand of that card. The hidden layer is
 * shown as the article writes it: M = [bias; W], so gradBias[j] is ∇M[0][j] and gradWeights[i][j]
 * is ∇M[i + 1][j].
 */
function locate(p) {
  const rules = [
    [/^layers\[0\]\.preActivation\[0\]\[(\d)\]$/, (j) => ({ result: "Z1", i: 0, j })],
    [/^layers\[0\]\.activation\[0\]\[(\d)\]$/, (j) => ({ result: "A1", i: 0, j })],
    [/^layers\[1\]\.preActivation\[0\]\[(\d)\]$/, (j) => ({ result: "Z2", i: 0, j })],
    [/^probabilities\[0\]\[(\d)\]$/, (j) => ({ result: "P", i: 0, j })],
    [/^loss$/, () => ({ result: "L", scalar: true })],
    [/^layers\[1\]\.gradPreActivation\[0\]\[(\d)\]$/, (j) => ({ result: "dZ2", i: 0, j })],
    [/^layers\[0\]\.gradActivation\[0\]\[(\d)\]$/, (j) => ({ result: "dA1", i: 0, j })],
    [/^layers\[0\]\.derivative\[0\]\[(\d)\]$/, (j) => ({ result: "dZ1", operand: "fprime1", i: 0, j })],
    [/^layers\[0\]\.gradPreActivation\[0\]\[(\d)\]$/, (j) => ({ result: "dZ1", i: 0, j })],
    [/^layers\[0\]\.gradBias\[(\d)\]$/, (j) => ({ result: "dM1", i: 0, j })],
    [/^layers\[0\]\.gradWeights\[(\d)\]\[(\d)\]$/, (i, j) => ({ result: "dM1", i: i + 1, j })],
  ];
  for (const [re, make] of rules) {
    const m = p.match(re);
    if (m) return make(...m.slice(1).map(Number));
  }
  return null;
}

/** Every shown cell of every card: { "Z1|result|0|1": { value, text, classes }, … } in one round trip. */
async function shownCells(page) {
  return page.locator("#dr-player .sp-card").evaluateAll((cards) => {
    const out = {};
    for (const card of cards) {
      const key = card.dataset.result;
      const hosts = [["result", card.querySelector(".step-result")], ...[...card.querySelectorAll("[data-operand][data-role=operand]")].map((n) => [n.dataset.operand, n])];
      for (const [role, host] of hosts) {
        if (!host) continue;
        const rows = host.querySelectorAll("mtr");
        if (!rows.length) {
          const mn = host.querySelector("mn[data-value]");
          if (mn) out[`${key}|${role}|s`] = { value: Number(mn.dataset.value), text: mn.textContent, classes: mn.getAttribute("class") ?? "" };
          continue;
        }
        rows.forEach((tr, i) =>
          tr.querySelectorAll("mtd").forEach((td, j) => {
            const mn = td.querySelector("mn");
            out[`${key}|${role}|${i}|${j}`] ??= { value: Number(mn.dataset.value), text: mn.textContent, classes: td.getAttribute("class") ?? "" };
          })
        );
      }
    }
    return out;
  });
}

const cellKey = (w) => `${w.result}|${w.operand ?? "result"}|${w.scalar ? "s" : `${w.i}|${w.j}`}`;

async function showAllSteps(page) {
  await page.locator("#dr-player-all").check();
  await expect(page.locator("#dr-player")).toHaveAttribute("data-mode", "all");
}

/**
 * The page's own core: trace(spec) for the preset with some changes
 * ({ x1, label, activation, learningRate }) — the expected values come from the core, not the test.
 */
async function coreTrace(page, changes) {
  return page.evaluate(async ({ x1, label, activation, learningRate }) => {
    const gradlab = await import(new URL("web/pkg/gradlab.js", document.baseURI).href).then(async (g) => (await g.default(), g));
    const spec = gradlab.preset("dying-relu");
    if (x1 !== undefined) spec.inputs[0][0] = x1;
    if (label !== undefined) spec.targets = [[0, 1, 2].map((k) => (k === label ? 1 : 0))];
    if (activation !== undefined) spec.layers[0].activation = activation;
    if (learningRate !== undefined) spec.learningRate = learningRate;
    return gradlab.trace(spec);
  }, changes);
}

test("in “show all steps” the player shows the seed's numbers from tests/golden/seed.json", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=dying-relu&lang=en");
  await showAllSteps(page);
  const cards = page.locator("#dr-player .sp-card");
  const total = await numberAttribute(page.locator("#dr-player"), "data-count");
  expect(total).toBeGreaterThanOrEqual(12);
  await expect(cards).toHaveCount(total);

  const cells = await shownCells(page);
  let checked = 0;
  const seen = new Set();
  for (const entry of entries) {
    const where = entry.compute.trace ? locate(entry.compute.path) : null;
    if (!where) continue;
    const cell = cells[cellKey(where)];
    expect(cell, `${entry.id} is shown`).toBeTruthy();
    expect(close(cell.value, entry.exact), `${entry.id}: page ${cell.value}, exact ${entry.exact}`).toBe(true);
    // What the student reads, rounded like the article, is the exact value rounded like the article.
    const rounded = shown(cell.text).toFixed(entry.decimals).replace(/^-(0\.?0*)$/, "$1");
    expect(rounded, `${entry.id} shows ${cell.text}`).toBe(entry.exactRounded);
    // Where the article's arithmetic is right, the page reads exactly as the article.
    if (entry.agrees) expect(rounded, `${entry.id} as printed`).toBe(Number(entry.printed).toFixed(entry.decimals));
    checked++;
    seen.add(entry.compute.path.replace(/(\[\d\])+$/, ""));
  }
  // The issue's list: h, ReLU(h), z, p, L, ∇z, ∇ReLU, ReLU′, ∇h, ∇M (bias row and weights).
  expect(checked).toBeGreaterThanOrEqual(26);
  for (const p of ["layers[0].preActivation", "layers[0].activation", "layers[1].preActivation", "probabilities", "loss", "layers[1].gradPreActivation", "layers[0].gradActivation", "layers[0].derivative", "layers[0].gradPreActivation", "layers[0].gradBias", "layers[0].gradWeights"]) {
    expect(seen.has(p), p).toBe(true);
  }

  // The article's rounding: L = 0.761 and p₃ = 0.178 are shown next to the exact values.
  const loss = entries.find((e) => e.id === "dyingRelu.loss");
  const p3 = entries.find((e) => e.id === "dyingRelu.p3");
  expect(loss.agrees).toBe(false);
  await expect(page.locator('.sp-card[data-result="L"] .sp-note')).toContainText(loss.printed);
  await expect(page.locator('.sp-card[data-result="L"] .sp-note')).toContainText(String(Number(loss.exact.toPrecision(4))));
  await expect(page.locator('.sp-card[data-result="P"] .sp-note')).toContainText(p3.printed);
  await expect(page.locator("#dr-rounding")).toContainText(loss.printed);
  await expect(page.locator("#dr-rounding")).toContainText(String(Number(p3.exact.toPrecision(4))));

  // The dead unit: column 2 of ∇M and row 2 of ∇W_out are exactly 0 and highlighted, and the
  // update leaves M's column 2 exactly as it was.
  for (let i = 0; i < 3; i++) {
    expect(cells[`dM1|result|${i}|1`]).toMatchObject({ value: 0 });
    expect(cells[`dM1|result|${i}|1`].classes).toContain("cell-dead");
    expect(cells[`dW2|result|1|${i}`]).toMatchObject({ value: 0 });
    expect(cells[`M_new1|result|${i}|1`].classes).toContain("cell-same");
    expect(cells[`M_new1|result|${i}|0`].classes).toContain("cell-changed");
  }
  await expect(page.locator("#dr-verdict .status[data-state=dead]")).toHaveCount(1);
  await expect(page.locator('#dr-net .net-unit[data-state="dead"]')).toHaveCount(1);
  await expect.poll(() => page.url()).toContain("all=1");
  expect(errors).toEqual([]);
});

test("the keyboard walks every step of the player, and the URL follows", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=dying-relu&lang=en");
  const player = page.locator("#dr-player");
  const n = await numberAttribute(player, "data-count");
  expect(n).toBeGreaterThanOrEqual(12);
  await page.locator("#dr-player-stage").focus();
  await page.keyboard.press("Home");
  const ops = [];
  for (let i = 0; i < n; i++) {
    if (i > 0) await page.keyboard.press("ArrowRight");
    await expect(player).toHaveAttribute("data-index", String(i));
    await expect(page.locator("#dr-player-counter")).toHaveText(`Step ${i + 1} of ${n}`);
    const card = page.locator("#dr-player-stage .sp-card");
    await expect(card).toHaveCount(1);
    await expect(card).toHaveAttribute("data-index", String(i));
    await expect(card.locator(".step-result")).toHaveCount(1);
    await expect(page.locator(`#dr-player .sp-item[data-index="${i}"]`)).toHaveAttribute("aria-current", "step");
    ops.push(await card.getAttribute("data-op"));
  }
  // Forward, backward and update, in that order, as in the article.
  expect(ops.slice(0, 5)).toEqual(["linear", "activation", "linear", "head", "loss"]);
  expect(ops).toContain("grad_pre_activation");
  expect(ops.at(-1)).toBe("update_weights");
  await page.keyboard.press("ArrowRight"); // past the end: stays
  await expect(player).toHaveAttribute("data-index", String(n - 1));
  await expect.poll(() => page.url()).toContain(`step=${n}`);
  await page.keyboard.press("ArrowLeft");
  await expect(player).toHaveAttribute("data-index", String(n - 2));
  await page.keyboard.press("Home");
  await expect(player).toHaveAttribute("data-index", "0");
  await page.keyboard.press("End");
  await expect(player).toHaveAttribute("data-index", String(n - 1));
  // A toggles "show all steps"; P goes back.
  await page.keyboard.press("a");
  await expect(player).toHaveAttribute("data-mode", "all");
  await expect(page.locator("#dr-player-stage .sp-card")).toHaveCount(n);
  await page.keyboard.press("a");
  await expect(player).toHaveAttribute("data-mode", "single");
  await page.keyboard.press("p");
  await expect(player).toHaveAttribute("data-index", String(n - 2));
  expect(errors).toEqual([]);
});

test("editing x₁ so that h₂ > 0 gives h₂ a nonzero gradient", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=dying-relu&lang=en&all=1");
  await expect(page.locator('.sp-card[data-result="dZ1"] .step-result mtr').first().locator("mtd").nth(1).locator("mn")).toHaveAttribute("data-value", "0");
  await page.locator("#dr-x-0-0").fill("-1");
  const expected = await coreTrace(page, { x1: -1 });
  expect(expected.layers[0].preActivation[0][1]).toBeGreaterThan(0);
  expect(expected.layers[0].gradPreActivation[0][1]).not.toBe(0);
  const dz = page.locator('.sp-card[data-result="dZ1"] .step-result mtr').first().locator("mtd");
  await expect(dz.nth(1).locator("mn")).toHaveAttribute("data-value", String(expected.layers[0].gradPreActivation[0][1]));
  await expect(dz.nth(1)).not.toHaveClass(/cell-dead/);
  await expect(page.locator('.sp-card[data-result="Z1"] .step-result mtd').nth(1).locator("mn")).toHaveAttribute("data-value", String(expected.layers[0].preActivation[0][1]));
  const dM = page.locator('.sp-card[data-result="dM1"] .step-result mtr');
  for (let i = 0; i < 3; i++) {
    const want = i === 0 ? expected.layers[0].gradBias[1] : expected.layers[0].gradWeights[i - 1][1];
    await expect(dM.nth(i).locator("mtd").nth(1).locator("mn")).toHaveAttribute("data-value", String(want));
  }
  // h₂ is alive now (with x₁ = −1 it is h₁'s turn to be negative: the core says which).
  await expect(page.locator("#dr-verdict .status[data-unit='2']")).toHaveCount(0);
  await expect(page.locator('#dr-net .net-unit[data-unit="1:1"]')).not.toHaveAttribute("data-state", "dead");
  const h1Dead = (expected.layers[0].deadUnits ?? []).includes(0);
  await expect(page.locator("#dr-verdict .status[data-unit='1']")).toHaveCount(h1Dead ? 1 : 0);
  await expect.poll(() => page.url()).toContain("x=-1,0.2");
  expect(errors).toEqual([]);
});

test("switching to LeakyReLU makes the second column of ∇M nonzero", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=dying-relu&lang=en&all=1");
  await page.locator('label:has(#dr-act-leaky_relu)').click();
  await expect(page.locator("#dr-act-leaky_relu")).toBeChecked();
  const expected = await coreTrace(page, { activation: { id: "leaky_relu", alpha: 0.01 } });
  const dM = page.locator('.sp-card[data-result="dM1"] .step-result mtr');
  for (let i = 0; i < 3; i++) {
    const want = i === 0 ? expected.layers[0].gradBias[1] : expected.layers[0].gradWeights[i - 1][1];
    expect(want).not.toBe(0);
    await expect(dM.nth(i).locator("mtd").nth(1).locator("mn")).toHaveAttribute("data-value", String(want));
    await expect(dM.nth(i).locator("mtd").nth(1)).toHaveClass(/cell-revived/);
  }
  await expect(page.locator("#dr-verdict .status[data-unit='2']")).toHaveAttribute("data-state", "active");
  // The update now changes M's second column.
  const update = page.locator('.sp-card[data-result="M_new1"] .step-result mtr');
  for (let i = 0; i < 3; i++) await expect(update.nth(i).locator("mtd").nth(1)).toHaveClass(/cell-changed/);
  await expect.poll(() => page.url()).toContain("act=leaky_relu");
  // The comparison table: ReLU's column is frozen, every other activation's moves.
  await expect(page.locator('#dr-compare tr[data-act="relu"]')).toHaveClass(/is-frozen/);
  for (const id of ["leaky_relu", "prelu", "elu", "gelu", "swish"]) {
    await expect(page.locator(`#dr-compare tr[data-act="${id}"]`)).toHaveClass(/is-moving/);
  }
  expect(errors).toEqual([]);
});

test("over 100 SGD steps the dead ReLU unit never moves and the LeakyReLU one does", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=dying-relu&lang=en");
  const result = (act) => page.locator(`#dr-repeat-result [data-act="${act}"]`);
  await expect(page.locator("#dr-k-number")).toHaveValue("100");
  await expect(result("relu")).toHaveAttribute("data-frozen", "true");
  await expect(result("leaky_relu")).toHaveAttribute("data-frozen", "false");
  await expect(result("relu")).toContainText("−1.69");
  // The same numbers straight from the core's Trainer.
  const run = await page.evaluate(async () => {
    const gradlab = await import(new URL("web/pkg/gradlab.js", document.baseURI).href).then(async (g) => (await g.default(), g));
    const spec = gradlab.preset("dying-relu");
    const out = {};
    for (const act of [{ id: "relu" }, { id: "leaky_relu", alpha: 0.01 }]) {
      spec.layers[0].activation = act;
      const t = new gradlab.Trainer({ layers: spec.layers, loss: spec.loss, reduction: "sum", optimizer: { id: "sgd", lr: 0.01 }, shuffle: false }, { inputs: spec.inputs, targets: spec.targets });
      const before = t.trace([0]).layers[0].preActivation[0][1];
      t.step(100);
      out[act.id] = { before, after: t.trace([0]).layers[0].preActivation[0][1] };
      t.free();
    }
    return out;
  });
  expect(run.relu.after).toBe(run.relu.before);
  expect(run.leaky_relu.after).not.toBe(run.leaky_relu.before);
  await expect(page.locator("figure.dr-h-chart")).toHaveAttribute("data-drawn", /^[1-9]\d*$/);
  const stats = await canvasStats(page, "#dr-h-chart");
  expect(stats.colours).toBeGreaterThanOrEqual(4);
  expect(stats.inked).toBeGreaterThan(0.01);
  await page.locator(".dr-plus-one").click();
  await expect(page.locator("#dr-k-number")).toHaveValue("101");
  await expect.poll(() => page.url()).toContain("k=101");
  expect(errors).toEqual([]);
});

/** Asserts that each selector shows the string `table[key]` (exactly, or contained with `contains`). */
async function expectStrings(page, table, pairs, { contains = false } = {}) {
  for (const [selector, key] of pairs) {
    const shown = expect(page.locator(selector).first(), `${selector} shows ${key}`);
    await (contains ? shown.toContainText(table[key]) : shown.toHaveText(table[key]));
  }
}

test("both languages render the scene, with no missing strings", async ({ page }) => {
  const warnings = [];
  page.on("console", (msg) => {
    if (msg.text().includes("gradlab i18n")) warnings.push(msg.text());
  });
  const errors = watchErrors(page);
  await openApp(page, "#scene=dying-relu&lang=vi&all=1&cmp=1");
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  const headings = [
    ["#scene-root h1", "scene.dying-relu.title"],
    ["#dr-worked-title", "dr.worked.title"],
    ["#dr-cure-title", "dr.cure.title"],
    ["#dr-train-title", "dr.train.title"],
    ['.sp-card[data-op="loss"] .sp-phase', "step.phase.forward"],
  ];
  const inside = [
    ['.sp-card[data-op="loss"] .sp-title', "step.op.loss"],
    ["#dr-player .sp-next", "player.next"],
  ];
  await expectStrings(page, vi, headings);
  await expectStrings(page, vi, inside, { contains: true });
  await expect(page.locator("#dr-verdict")).toContainText("ReLU′(h₂)");

  await page.locator('#lang-switch [data-lang="en"]').click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expectStrings(page, en, headings);
  await expectStrings(page, en, inside, { contains: true });
  await expect(page.locator("#dr-player")).toHaveAttribute("data-mode", "all"); // state survived
  await expect(page.locator("#dr-compare-box")).toBeChecked();
  expect(warnings).toEqual([]);
  expect(errors).toEqual([]);
});

test("the URL restores every setting, and a reload keeps what the student changed", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=dying-relu&x=-1,0.2&y=2&act=elu&alpha=0.5&eta=0.1&step=5&k=20&digits=6&lr=0.5&seed=7&n=100&cmp=1&lang=en");
  // Each control shows the link's value.
  const controls = { "#dr-x-0-0": "-1", "#dr-label": "2", "#dr-alpha-number": "0.5", "#dr-eta-number": "0.1", "#dr-digits": "6", "#dr-k-number": "20", "#dr-lr-number": "0.5", "#dr-seed-number": "7", "#dr-steps-number": "100" };
  for (const [selector, value] of Object.entries(controls)) await expect(page.locator(selector), selector).toHaveValue(value);
  for (const selector of ["#dr-act-elu", "#dr-compare-box"]) await expect(page.locator(selector), selector).toBeChecked();
  await expect(page.locator("#dr-player")).toHaveAttribute("data-index", "4");
  // The trace really uses these numbers: the core's loss for the same spec.
  const expected = await coreTrace(page, { x1: -1, label: 2, activation: { id: "elu", alpha: 0.5 }, learningRate: 0.1 });
  await expect(page.locator("#dr-loss")).toContainText(String(Number(expected.loss.toPrecision(4))));

  // Change a weight and the player's step, reload: both come back.
  await page.locator("#dr-m-2-1").fill("0.3");
  await page.locator("#dr-player .sp-next").click();
  await expect.poll(() => page.url()).toContain("m=0,0,0.86,-1.04,0.41,0.3");
  await expect.poll(() => page.url()).toContain("step=6");
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/\bready\b/);
  await expect(page.locator("#dr-m-2-1")).toHaveValue("0.3");
  await expect(page.locator("#dr-player")).toHaveAttribute("data-index", "5");
  await expect(page.locator("#dr-act-elu")).toBeChecked();
  // Back to the article's numbers: the URL drops the worked-example keys.
  await page.locator(".dr-reset").click();
  await expect(page.locator("#dr-x-0-0")).toHaveValue("1.5");
  await expect.poll(() => page.url()).not.toContain("m=");
  await expect.poll(() => page.url()).not.toContain("x=");
  expect(errors).toEqual([]);
});
