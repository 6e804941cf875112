// The zero-init scene shows the core's judgements, not its own: which numbers are float64 residue
// of an exact 0 and whether the output-bias gradient is zero (`zeroResidue`), whether each model
// learns, learns through a bias only or is stuck (`learningOutcome`, with the counts it rests
// on), the one-hot targets of a class (`oneHot`) and the constant init's range (`inits`).
// Expected values come from the page's own core, run directly.
import { test, expect } from "./fixtures.mjs";
import { en } from "./strings.mjs";
import { watchErrors, openApp, numberAttribute } from "./helpers.mjs";

/** Opens the scene with `query` (URL keys after the scene's) and starts collecting console errors. */
async function openScene(page, query = "&lang=en") {
  const errors = watchErrors(page);
  await openApp(page, `#scene=zero-init${query}`);
  return errors;
}

/** The page's own instance of the core (inside page.evaluate): zero-init runs on the training core. */
const GLUE = "web/pkg/training/gradlab.js";

/** The cells of a table's body: { value (shown), raw (computed), residue (marked) } by row. */
const tableCells = (page, id) =>
  page.locator(`#${id} tbody tr`).evaluateAll((rows) =>
    rows.map((tr) => [...tr.querySelectorAll("td")].map((td) => ({ value: Number(td.dataset.value), raw: Number(td.dataset.raw), residue: td.classList.contains("is-residue") })))
  );

for (const labels of [
  [0, 1, 2],
  [0, 0, 1],
  [2, 2, 2],
]) {
  test(`labels ${labels}: Σ(p − y) shows 0 where the core's zeroResidue says so, and "zero" as its allZero says`, async ({ page }) => {
    const errors = await openScene(page, `&lang=en&mlp-y=${labels.join(",")}`);
    const judged = await page.evaluate(
      async ({ glue, labels }) => {
        const gradlab = await import(new URL(glue, document.baseURI).href);
        const spec = gradlab.preset("mlp-zero-init");
        spec.targets = gradlab.oneHot(labels, 3);
        const { gradPreActivation: dZ, gradBias: db } = gradlab.trace(spec).layers[1];
        return { table: gradlab.zeroResidue([...dZ, db], dZ), bias: gradlab.zeroResidue(db, dZ) };
      },
      { glue: GLUE, labels }
    );
    const cells = await tableCells(page, "zi-mlp-dz");
    expect(cells).toHaveLength(4); // three samples and their sum
    expect(cells.map((row) => row.map((c) => c.value))).toEqual(judged.table.shown);
    expect(cells.map((row) => row.map((c) => c.residue))).toEqual(judged.table.residue);
    // The article's point: only balanced labels make the output-bias gradient zero.
    expect(judged.bias.allZero).toBe(new Set(labels).size === 3);
    await expect(page.locator("#zi-mlp-bias")).toHaveAttribute("data-zero", String(judged.bias.allZero));
    await expect(page.locator("#zi-mlp-bias-verdict")).toHaveText(en[judged.bias.allZero ? "zi.mlp.bias.zero" : "zi.mlp.bias.nonzero"]);
    expect(errors).toEqual([]);
  });
}

test("the balanced MLP's player marks as residue exactly the cells the core calls residue", async ({ page }) => {
  const errors = await openScene(page, "&lang=en&mlp-all=1");
  const card = page.locator('#zi-mlp-player-stage .sp-card[data-op="grad_bias"][data-layer="2"]');
  await expect(card).toHaveCount(1);
  const marked = await card.locator(".step-result mtd").evaluateAll((tds) => tds.map((td) => td.classList.contains("zi-residue")));
  const judged = await page.evaluate(async (glue) => {
    const gradlab = await import(new URL(glue, document.baseURI).href);
    const step = gradlab.trace(gradlab.preset("mlp-zero-init")).steps.find((s) => s.op === "grad_bias" && s.layer === 1);
    const from = [...step.operands, step.result].filter((o) => o.name !== "eta" && o.name !== "N").flatMap((o) => [o.value].flat(2));
    return gradlab.zeroResidue(step.result.value, from).residue;
  }, GLUE);
  expect(marked).toHaveLength(3);
  expect(marked).toEqual(judged);
  expect(errors).toEqual([]);
});

test("the overview's verdicts and counts are the core's learningOutcome, balanced and unbalanced", async ({ page }) => {
  const errors = await openScene(page);
  const PRESETS = { linear: "linear-regression-zero", logistic: "logistic-regression-zero", softmax: "softmax-regression-zero", mlp: "mlp-zero-init" };
  const cards = page.locator("#zi-overview .zi-card[data-verdict]");
  for (const labels of [null, [0, 0, 1]]) {
    if (labels) await page.locator("#zi-mlp-unbalance").click();
    await expect(page.locator('#zi-overview .zi-card[data-case="mlp"]')).toHaveAttribute("data-verdict", labels ? "bias" : "stuck");
    await expect(cards).toHaveCount(4);
    const shown = await cards.evaluateAll((list) =>
      list.map((c) => {
        const grads = c.querySelector("[data-nonzero]");
        const loss = c.querySelector("[data-start]");
        return { id: c.dataset.case, verdict: c.dataset.verdict, grads: grads.textContent, start: Number(loss.dataset.start), end: Number(loss.dataset.end), badge: c.querySelector(".zi-badge").textContent };
      })
    );
    const judged = await page.evaluate(
      async ({ glue, shown, presets, labels }) => {
        const gradlab = await import(new URL(glue, document.baseURI).href);
        return shown.map((c) => {
          const spec = gradlab.preset(presets[c.id]);
          if (c.id === "mlp" && labels) spec.targets = gradlab.oneHot(labels, 3);
          return gradlab.learningOutcome(spec, c.start, c.end);
        });
      },
      { glue: GLUE, shown, presets: PRESETS, labels }
    );
    shown.forEach((c, i) => {
      const o = judged[i];
      expect(c.verdict, c.id).toBe(o.outcome);
      expect(c.badge, c.id).toBe(en[`zi.overview.${o.outcome}`]);
      expect(c.grads, c.id).toBe(en["zi.overview.grads"].replace("{k}", String(o.nonzeroWeightGradients)).replace("{n}", String(o.weightGradients)));
    });
    expect(judged.map((o) => o.outcome)).toEqual(["learns", "learns", "learns", labels ? "bias" : "stuck"]);
  }
  expect(errors).toEqual([]);
});

test("after training, the MLP's verdict is the core's learningOutcome of the run shown", async ({ page }) => {
  const errors = watchErrors(page);
  for (const [labels, outcome] of [
    ["0,1,2", "stuck"],
    ["0,0,1", "bias"],
  ]) {
    await openApp(page, `#scene=zero-init&lang=en&mlp-y=${labels}&mlp-n=50`);
    const verdict = page.locator("#zi-mlp-train-result .status[data-outcome]");
    await expect(verdict).toHaveCount(1);
    const start = await numberAttribute(page.locator("#zi-mlp-loss-start"), "data-value");
    const end = await numberAttribute(page.locator("#zi-mlp-loss-end"), "data-value");
    const judged = await page.evaluate(
      async ({ glue, labels, start, end }) => {
        const gradlab = await import(new URL(glue, document.baseURI).href);
        const spec = gradlab.preset("mlp-zero-init");
        spec.targets = gradlab.oneHot(labels, 3);
        return gradlab.learningOutcome(spec, start, end).outcome;
      },
      { glue: GLUE, labels: labels.split(",").map(Number), start, end }
    );
    expect(judged).toBe(outcome);
    await expect(verdict).toHaveAttribute("data-outcome", judged);
    await expect(verdict).toHaveText(en[`zi.mlp.outcome.${judged}`]);
  }
  expect(errors).toEqual([]);
});

test("softmax's class options are the core's one-hot rows; the constant's range is the core's init catalogue", async ({ page }) => {
  const errors = await openScene(page, "&lang=en&reg=softmax");
  const facts = await page.evaluate(async (glue) => {
    const gradlab = await import(new URL(glue, document.baseURI).href);
    return { rows: gradlab.oneHot([0, 1, 2], 3), constant: gradlab.inits().find((i) => i.id === "constant").params[0] };
  }, GLUE);
  const options = page.locator("#zi-softmax-y option");
  await expect(options).toHaveCount(3);
  await expect(options).toHaveText(facts.rows.map((row, k) => en["zi.edit.labelOption.softmax"].replace("{y}", String(k)).replace("{vec}", row.join(", "))));
  const slider = page.locator("#zi-sym-c-slider");
  await expect(slider).toHaveAttribute("min", String(facts.constant.min));
  await expect(slider).toHaveAttribute("max", String(facts.constant.max));
  await expect(page.locator("#zi-sym-c-number")).toHaveValue(String(facts.constant.default));
  expect(errors).toEqual([]);
});
