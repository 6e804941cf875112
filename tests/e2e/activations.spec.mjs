// The activations scene: the x slider and number box drive f(x), f′(x) readouts that equal the
// core's values; the URL holds the state; every activation draws a chart.
import { test, expect } from "@playwright/test";
import en from "../../web/i18n/en.js";
import { watchErrors, openApp, canvasStats } from "./helpers.mjs";

/** gradlab.activation(act, x) evaluated by the page's own core instance. */
async function core(page, act, x) {
  return page.evaluate(
    async ({ act, x }) => {
      const gradlab = await import(new URL("web/pkg/gradlab.js", document.baseURI).href);
      return gradlab.activation(act, x);
    },
    { act, x }
  );
}

/** The readouts show exactly the core's numbers for (act, x). */
async function expectReadouts(page, act, x) {
  const expected = await core(page, act, x);
  await expect(page.locator("#readout-f")).toHaveAttribute("data-value", String(expected.value));
  await expect(page.locator("#readout-fprime")).toHaveAttribute("data-value", String(expected.derivative));
  return expected;
}

test("keyboard on the slider (Home, End, arrows) moves x and the readouts follow the core", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=activations&act=sigmoid&x=0");
  const slider = page.locator("#x-slider");
  await slider.focus();
  await expect(slider).toBeFocused();

  await page.keyboard.press("Home");
  await expect(slider).toHaveValue("-6");
  await expect(page.locator("#x-number")).toHaveValue("-6");
  await expectReadouts(page, "sigmoid", -6);

  await page.keyboard.press("End");
  await expect(slider).toHaveValue("6");
  await expectReadouts(page, "sigmoid", 6);

  await page.keyboard.press("ArrowLeft");
  await expect(slider).toHaveValue("5.99");
  await expect(page.locator("#x-number")).toHaveValue("5.99");
  await expectReadouts(page, "sigmoid", 5.99);
  await expect(page.locator("#act-status")).toHaveAttribute("data-state", "saturated");

  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowRight");
  await expect(slider).toHaveValue("-5.99");
  await expectReadouts(page, "sigmoid", -5.99);

  // The URL follows (replaceState: no history entry per step).
  await expect.poll(() => page.url()).toContain("x=-5.99");
  expect(page.url()).toContain("act=sigmoid");
  expect(errors).toEqual([]);
});

test("typing 0 in the number box gives sigmoid(0) = 0.5 and sigmoid′(0) = 0.25", async ({ page }) => {
  await openApp(page, "#scene=activations&act=sigmoid&x=3");
  await page.locator("#x-number").fill("0");
  await expect(page.locator("#readout-f")).toHaveAttribute("data-value", "0.5");
  await expect(page.locator("#readout-fprime")).toHaveAttribute("data-value", "0.25");
  await expect(page.locator("#readout-f")).toHaveText("0.5");
  await expect(page.locator("#readout-fprime")).toHaveText("0.25");
  await expect(page.locator("#x-slider")).toHaveValue("0");
  const expected = await expectReadouts(page, "sigmoid", 0);
  expect(expected).toEqual({ value: 0.5, derivative: 0.25 });
});

const CASES = [
  { act: "sigmoid", x: 5, state: "saturated" },
  { act: "tanh", x: 2, state: "active" },
  { act: "tanh", x: 3, state: "saturated" },
  { act: "relu", x: -1.5, state: "dead" },
  { act: "relu", x: 0, state: "dead" },
  { act: "gelu", x: 0.7, state: "active" },
];

for (const { act, x, state } of CASES) {
  test(`${act} at x = ${x} through the select and the number box`, async ({ page }) => {
    await openApp(page, "#scene=activations");
    await page.locator("#act-select").selectOption(act);
    await page.locator("#x-number").fill(String(x));
    await expectReadouts(page, act, x);
    await expect(page.locator("#act-status")).toHaveAttribute("data-state", state);
    await expect.poll(() => page.url()).toContain(`act=${act}`);
  });
}

test("invalid text in the number box shows a message instead of failing, and out-of-range values are clamped", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=activations&act=tanh&x=1&lang=en");
  const number = page.locator("#x-number");
  const message = page.locator("#x-message");
  await expect(message).toBeHidden();

  await number.fill("abc");
  await expect(message).toBeVisible();
  await expect(message).toContainText("abc");
  await expect(number).toHaveAttribute("aria-invalid", "true");
  await expectReadouts(page, "tanh", 1); // unchanged

  await number.fill("7");
  await expect(message).toBeVisible();
  await expect(number).toHaveAttribute("aria-invalid", "false");
  await expect(page.locator("#x-slider")).toHaveValue("6");
  await expectReadouts(page, "tanh", 6);

  await number.fill("-0,5"); // decimal comma accepted
  await expect(message).toBeHidden();
  await expectReadouts(page, "tanh", -0.5);

  await number.fill("1.25");
  await number.press("ArrowUp");
  await expect(number).toHaveValue("1.26");
  await expectReadouts(page, "tanh", 1.26);
  expect(errors).toEqual([]);
});

test("a URL with state restores it", async ({ page }) => {
  await openApp(page, "#scene=activations&act=tanh&x=2&fprime=0&lang=en");
  await expect(page.locator("#act-select")).toHaveValue("tanh");
  await expect(page.locator("#x-slider")).toHaveValue("2");
  await expect(page.locator("#x-number")).toHaveValue("2");
  await expect(page.locator("#show-derivative")).not.toBeChecked();
  await expectReadouts(page, "tanh", 2);
  await expect(page.locator("figure.chart figcaption")).toContainText(en["act.name.tanh"]);

  // Invalid values in a link fall back to defaults instead of breaking the page.
  await openApp(page, "#scene=activations&act=bogus&x=abc");
  await expect(page.locator("#act-select")).toHaveValue("sigmoid");
  await expectReadouts(page, "sigmoid", 0);
});

test("every activation draws a non-blank chart", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=activations&x=1");
  const ids = await page.evaluate(async () => {
    const gradlab = await import(new URL("web/pkg/gradlab.js", document.baseURI).href);
    return gradlab.activations().map((a) => a.id);
  });
  expect(ids).toHaveLength(14);
  await expect(page.locator("#act-select option")).toHaveCount(14);
  const chart = page.locator("figure.chart");
  for (const id of ids) {
    const before = Number((await chart.getAttribute("data-drawn")) || 0);
    await page.locator("#act-select").selectOption(id);
    await expect.poll(async () => Number(await chart.getAttribute("data-drawn"))).toBeGreaterThan(before);
    const stats = await canvasStats(page, "#act-chart");
    expect(stats.colours, `${id}: distinct colours`).toBeGreaterThanOrEqual(4);
    expect(stats.inked, `${id}: inked share`).toBeGreaterThan(0.01);
    await expectReadouts(page, id, 1);
  }
  expect(errors).toEqual([]);
});

test("without plotActivation in the core the chart area explains itself instead of staying blank", async ({ page }) => {
  // Serve a glue module that shadows plotActivation with undefined (a local export wins over
  // `export *`) and re-exports the real glue from another URL in the same folder.
  await page.route("**/web/pkg/gradlab.js", async (route) => {
    await route.fulfill({
      contentType: "text/javascript",
      body:
        'export * from "./gradlab-real.js";\n' +
        'export { default } from "./gradlab-real.js";\n' +
        "export const plotActivation = undefined;\n",
    });
  });
  await page.route("**/web/pkg/gradlab-real.js", async (route) => {
    const response = await route.fetch({ url: route.request().url().replace("gradlab-real.js", "gradlab.js") });
    await route.fulfill({ response });
  });
  await openApp(page, "#scene=activations&lang=en");
  await expect(page.locator(".chart-message")).toBeVisible();
  await expect(page.locator(".chart-message")).toHaveText(en["chart.unavailable"]);
  await page.locator("#x-number").fill("0");
  await expect(page.locator("#readout-fprime")).toHaveAttribute("data-value", "0.25");
});
