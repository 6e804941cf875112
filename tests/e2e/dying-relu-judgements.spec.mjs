// The dying-ReLU scene shows the core's judgements, not its own: the unit the cure follows is the
// core's `watchedUnit`, a row of the comparison (and a run of repeated SGD) is "frozen" exactly
// when the core finds that unit's gradient column zero (`zeroResidue`), the label's target is the
// core's `oneHot`, the parameterised inits are named with the core's catalogue (`inits`), and the
// activations carry the names of the i18n table (`act.name.*`). Expected values come from the
// page's own core, run directly.
import { test, expect } from "./fixtures.mjs";
import { vi, en } from "./strings.mjs";
import { watchErrors, openApp } from "./helpers.mjs";

/** Opens the scene with `query` (URL keys after the scene's) and starts collecting console errors. */
async function openScene(page, query = "&lang=en") {
  const errors = watchErrors(page);
  await openApp(page, `#scene=dying-relu${query}`);
  return errors;
}

const ACTIVATIONS = ["relu", "leaky_relu", "prelu", "elu", "gelu", "swish"];
const SUB = "₀₁₂₃₄₅₆₇₈₉";

/**
 * The core's verdicts for the preset with input `x` (or the article's): the watched unit, and for
 * each activation (α: the catalog's default) whether that unit's column of ∇M is zero.
 */
function coreCure(page, x) {
  return page.evaluate(
    async ({ x, ids }) => {
      const gradlab = await import(new URL("web/pkg/gradlab.js", document.baseURI).href).then(async (g) => (await g.default(), g));
      const spec = gradlab.preset("dying-relu");
      if (x) spec.inputs = [x];
      const unit = gradlab.watchedUnit(spec);
      const catalog = gradlab.activations();
      const frozen = {};
      for (const id of ids) {
        const alpha = catalog.find((a) => a.id === id).params.find((p) => p.name === "alpha")?.default;
        spec.layers[0].activation = alpha === undefined ? { id } : { id, alpha };
        const layer = gradlab.trace(spec).layers[0];
        const column = [layer.gradBias[unit], ...layer.gradWeights.map((row) => row[unit])];
        frozen[id] = gradlab.zeroResidue(column, [layer.gradBias, ...layer.gradWeights]).allZero;
      }
      return { unit, frozen };
    },
    { x, ids: ACTIVATIONS }
  );
}

for (const [x, query] of [
  [null, ""],
  [[-1, 0.2], "&x=-1,0.2"],
]) {
  test(`the cure follows the core's watched unit and marks frozen rows as the core finds them (x = ${x ?? "the article's"})`, async ({ page }) => {
    const errors = await openScene(page, `&lang=en${query}`);
    const core = await coreCure(page, x);
    expect(core.unit).not.toBeNull();
    await expect(page.locator("#dr-compare caption")).toHaveText(en["dr.compare.caption"].replace("{unit}", SUB[core.unit + 1]));
    const rows = page.locator("#dr-compare tbody tr");
    await expect(rows).toHaveCount(ACTIVATIONS.length);
    for (const id of ACTIVATIONS) {
      await expect(page.locator(`#dr-compare tr[data-act="${id}"]`), id).toHaveClass(core.frozen[id] ? /is-frozen/ : /is-moving/);
    }
    // Under ReLU the watched unit is dead, so its row is frozen; every other activation moves it.
    expect(core.frozen).toEqual({ relu: true, leaky_relu: false, prelu: false, elu: false, gelu: false, swish: false });
    expect(errors).toEqual([]);
  });
}

test("repeated SGD: a run is frozen exactly when the core finds no gradient for the unit at its trained weights", async ({ page }) => {
  const errors = await openScene(page, "&lang=en&k=30");
  const lines = page.locator("#dr-repeat-result [data-frozen]");
  await expect(lines).toHaveCount(2);
  const core = await page.evaluate(async () => {
    const gradlab = await import(new URL("web/pkg/gradlab.js", document.baseURI).href).then(async (g) => (await g.default(), g));
    const spec = gradlab.preset("dying-relu");
    const unit = gradlab.watchedUnit(spec);
    const out = {};
    for (const act of [{ id: "relu" }, { id: "leaky_relu", alpha: 0.01 }]) {
      spec.layers[0].activation = act;
      const trainer = new gradlab.Trainer({ layers: spec.layers, loss: spec.loss, reduction: "sum", optimizer: { id: "sgd", lr: spec.learningRate }, shuffle: false }, { inputs: spec.inputs, targets: spec.targets });
      trainer.step(30);
      const layer = trainer.trace([0]).layers[0];
      trainer.free();
      const column = [layer.gradBias[unit], ...layer.gradWeights.map((row) => row[unit])];
      out[act.id] = gradlab.zeroResidue(column, [layer.gradBias, ...layer.gradWeights]).allZero;
    }
    return out;
  });
  expect(core).toEqual({ relu: true, leaky_relu: false });
  for (const [id, frozen] of Object.entries(core)) {
    const line = page.locator(`#dr-repeat-result [data-act="${id}"]`);
    await expect(line, id).toHaveAttribute("data-frozen", String(frozen));
    await expect(line, id).toHaveAttribute("data-state", frozen ? "dead" : "active");
    await expect(line, id).toContainText(en["act.name." + id]);
  }
  expect(errors).toEqual([]);
});

test("the label's targets are the core's one-hot rows, and the inits are named from the core's catalogue", async ({ page }) => {
  const errors = await openScene(page);
  const core = await page.evaluate(async () => {
    const gradlab = await import(new URL("web/pkg/gradlab.js", document.baseURI).href).then(async (g) => (await g.default(), g));
    return { rows: gradlab.oneHot([0, 1, 2], 3), inits: gradlab.inits() };
  });
  const options = page.locator("#dr-label option");
  await expect(options).toHaveCount(3);
  expect(core.rows).toHaveLength(3);
  for (const [k, row] of core.rows.entries()) {
    await expect(options.nth(k)).toHaveText(en["dr.edit.labelOption"].replace("{k}", String(k)).replace("{y}", row.join(", ")));
  }
  for (const id of ["uniform", "normal"]) {
    const params = core.inits.find((init) => init.id === id).params;
    expect(params.length, id).toBe(1);
    const name = en[`dr.init.${id}`].replaceAll(`{${params[0].name}}`, String(params[0].default));
    await expect(page.locator(`#dr-init option[value="${id}"]`)).toHaveText(name);
  }
  expect(errors).toEqual([]);
});

for (const [lang, table] of [
  ["vi", vi],
  ["en", en],
]) {
  test(`${lang}: the activations are named as the i18n table names them`, async ({ page }) => {
    const errors = await openScene(page, `&lang=${lang}`);
    const choices = page.locator(".dr-act-choice");
    await expect(choices).toHaveCount(ACTIVATIONS.length);
    await expect(choices).toHaveText(ACTIVATIONS.map((id) => table[`act.name.${id}`]));
    for (const id of ACTIVATIONS) await expect(page.locator(`#dr-compare tr[data-act="${id}"] th`)).toContainText(table[`act.name.${id}`]);
    expect(errors).toEqual([]);
  });
}
