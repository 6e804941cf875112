// The JS API called inside the page: the seed's numbers (tests/golden/seed.json), and readable
// errors for malformed input that leave the page working.
import { test, expect } from "./fixtures.mjs";
import { watchErrors, openApp } from "./helpers.mjs";
import { seed, close, evaluateEntries, expectAllClose } from "./seed-helpers.mjs";

test("trace(preset('dying-relu')) in the page reproduces the seed's dying-ReLU numbers", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=activations");
  const entries = seed.sections.dyingRelu.entries;
  expect(entries.length).toBeGreaterThan(50);
  const results = await evaluateEntries(page, entries);
  expectAllClose(results, entries);

  // The story of the example: h₂ is dead, so its whole gradient column is exactly zero.
  const trace = await page.evaluate(async () => {
    const gradlab = await import(new URL("web/pkg/gradlab.js", document.baseURI).href).then(async (g) => (await g.default(), g));
    return gradlab.trace(gradlab.preset("dying-relu"));
  });
  expect(trace.layers[0].deadUnits).toEqual([1]);
  expect(trace.layers[0].gradWeights.map((row) => row[1])).toEqual([0, 0]);
  expect(trace.layers[0].gradBias[1]).toBe(0);
  expect(close(trace.loss, 0.7620983404357212)).toBe(true);
  expect(Array.isArray(trace.steps) && trace.steps.length).toBeTruthy();
  expect(errors).toEqual([]);
});

for (const [key, section] of Object.entries(seed.sections)) {
  if (key === "dyingRelu") continue;
  test(`the page's core reproduces seed.json section "${key}"`, async ({ page }) => {
    await openApp(page, "#scene=activations");
    const results = await evaluateEntries(page, section.entries);
    expectAllClose(results, section.entries);
  });
}

/** Calls trace(spec) on a mutated dying-relu preset and returns what was thrown. */
async function traceError(page, mutation) {
  return page.evaluate(async (mutation) => {
    const gradlab = await import(new URL("web/pkg/gradlab.js", document.baseURI).href).then(async (g) => (await g.default(), g));
    const spec = gradlab.preset("dying-relu");
    switch (mutation) {
      case "wrong-rows":
        spec.layers[1].weights.push([0.1, 0.2, 0.3]); // 3 rows for 2 hidden units
        break;
      case "not-an-array":
        spec.layers[0].weights = "oops";
        break;
      case "ragged":
        spec.layers[1].weights[1] = [0.1];
        break;
      case "bad-activation":
        spec.layers[0].activation = "relu6";
        break;
      case "missing-loss":
        delete spec.loss;
        break;
      case "nan-input":
        spec.inputs[0][1] = Number.NaN;
        break;
    }
    try {
      gradlab.trace(spec);
      return { threw: false };
    } catch (error) {
      return { threw: true, isError: error instanceof Error, message: String(error && error.message) };
    }
  }, mutation);
}

const MALFORMED = [
  { mutation: "wrong-rows", names: "layers[1].weights" },
  { mutation: "not-an-array", names: "layers[0].weights" },
  { mutation: "ragged", names: "layers[1].weights" },
  { mutation: "bad-activation", names: "layers[0].activation" },
  { mutation: "missing-loss", names: "loss" },
  { mutation: "nan-input", names: "inputs" },
];

test("a malformed spec throws an Error naming the field, and the page keeps working", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=activations&act=sigmoid&x=2");
  for (const { mutation, names } of MALFORMED) {
    const result = await traceError(page, mutation);
    expect(result.threw, `${mutation} should throw`).toBe(true);
    expect(result.isError, `${mutation} should throw an Error`).toBe(true);
    expect(result.message, `${mutation}: "${result.message}"`).toContain(names);
  }
  // The instance is intact: the slider still drives the readouts, no error panel.
  await page.locator("#x-number").fill("0");
  await expect(page.locator("#readout-f")).toHaveAttribute("data-value", "0.5");
  await expect(page.locator("#readout-fprime")).toHaveAttribute("data-value", "0.25");
  await page.locator("#x-slider").focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.locator("#x-number")).toHaveValue("0.01");
  await expect(page.locator("#error-panel")).toBeHidden();
  expect(errors).toEqual([]);
});

test("activation() rejects an unknown id with a readable Error", async ({ page }) => {
  await openApp(page, "#scene=activations");
  const message = await page.evaluate(async () => {
    const gradlab = await import(new URL("web/pkg/gradlab.js", document.baseURI).href).then(async (g) => (await g.default(), g));
    try {
      gradlab.activation("relu6", 0);
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : `not an Error: ${error}`;
    }
  });
  expect(message).toContain("relu6");
});
