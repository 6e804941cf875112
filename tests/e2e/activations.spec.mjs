// The activations scene, part 1: the x slider and number box drive readouts that equal the
// core's values (three activations each), the URL holds the whole state and restores it, every
// activation draws a non-blank chart, the chart is crisp at dpr 2 and re-laid-out on resize,
// dragging on the chart moves x, moving x repaints the marker as a fresh drawing would, and the
// page never logs an error.
// (Part 2, activations-more.spec.mjs: the article's points, the table, formulas, GELU, α/β/ε/n.)
import { test, expect, coreCall, expectValues } from "./scene-test.mjs";
import { en } from "./strings.mjs";
import { openApp, canvasStats, chartGeometry } from "./helpers.mjs";


/** The readouts of the explored activation show exactly the core's numbers for (act, x, n). */
async function expectReadouts(page, act, x, n = 5) {
  const expected = await coreCall(page, "activation", act, x);
  await expect(page.locator("#readout-f")).toHaveAttribute("data-value", String(expected.value));
  await expect(page.locator("#readout-fprime")).toHaveAttribute("data-value", String(expected.derivative));
  const chain = await coreCall(page, "chain", 1, expected.derivative, n, 1);
  await expect(page.locator("#readout-power")).toHaveAttribute("data-value", String(chain.gradients[n - 1]));
  return expected;
}

const geometry = (page) => chartGeometry(page);

for (const act of ["sigmoid", "tanh", "relu"]) {
  test(`${act}: the keyboard on the slider moves x and the readouts follow the core`, async ({ page }) => {
    await openApp(page, `#scene=activations&act=${act}&x=0`);
    const slider = page.locator("#x-slider");
    await slider.focus();
    await expect(slider).toBeFocused();

    await page.keyboard.press("Home");
    await expect(slider).toHaveValue("-6");
    await expect(page.locator("#x-number")).toHaveValue("-6");
    await expectReadouts(page, act, -6);

    await page.keyboard.press("End");
    await expect(slider).toHaveValue("6");
    await expectReadouts(page, act, 6);

    await page.keyboard.press("ArrowLeft");
    await expect(slider).toHaveValue("5.99");
    await expect(page.locator("#x-number")).toHaveValue("5.99");
    await expectReadouts(page, act, 5.99);

    await page.keyboard.press("Home");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect(slider).toHaveValue("-5.98");
    await expectReadouts(page, act, -5.98);

    // The URL follows (replaceState: no history entry per step).
    await expect.poll(() => page.url()).toContain("x=-5.98");
    await expect.poll(() => page.url()).toContain(`act=${act}`);
  });
}

const CASES = [
  { act: "sigmoid", x: 5, state: "saturated" },
  { act: "sigmoid", x: 0, state: "active" },
  { act: "tanh", x: 2, state: "active" },
  { act: "tanh", x: 3, state: "saturated" },
  { act: "relu", x: -1.5, state: "dead" },
  { act: "relu", x: 0, state: "dead" },
  { act: "relu", x: 0.25, state: "active" },
  { act: "gelu", x: 0.7, state: "active" },
];

for (const { act, x, state } of CASES) {
  test(`${act} at x = ${x} through the select and the number box`, async ({ page }) => {
    await openApp(page, "#scene=activations");
    await page.locator("#act-select").selectOption(act);
    await page.locator("#x-number").fill(String(x));
    await expect(page.locator("#x-slider")).toHaveValue(String(x));
    await expectReadouts(page, act, x);
    await expect(page.locator("#act-status")).toHaveAttribute("data-state", state);
    await expect.poll(() => page.url()).toContain(`act=${act}`);
  });
}

test("typing 0 gives sigmoid(0) = 0.5 and sigmoid′(0) = 0.25, shown as such", async ({ page }) => {
  await openApp(page, "#scene=activations&act=sigmoid&x=3");
  await page.locator("#x-number").fill("0");
  await expect(page.locator("#readout-f")).toHaveText("0.5");
  await expect(page.locator("#readout-fprime")).toHaveText("0.25");
  const expected = await expectReadouts(page, "sigmoid", 0);
  expect(expected).toEqual({ value: 0.5, derivative: 0.25 });
});

test("invalid text in the number box shows a message instead of failing; out-of-range values are clamped", async ({ page }) => {
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
});

const STATE =
  "#scene=activations&act=elu,tanh,leaky_relu&x=-2.5&xmin=-4&xmax=8&n=12&eps=0.05" +
  "&leaky_relu.alpha=0.2&elu.alpha=1.5&fprime=0&lang=en";

test("a URL with state restores every control, the readouts and the chart", async ({ page }) => {
  await openApp(page, STATE);
  await expect(page.locator('#act-overlay input[data-id="tanh"]')).toBeChecked();
  await expect(page.locator('#act-overlay input[data-id="leaky_relu"]')).toBeChecked();
  await expect(page.locator('#act-overlay input[data-id="sigmoid"]')).not.toBeChecked();
  await expect(page.locator("#x-slider")).toHaveAttribute("min", "-4");
  await expect(page.locator("#x-slider")).toHaveAttribute("max", "8");
  await expectValues(page, {
    "#act-select": "elu",
    "#x-number": "-2.5",
    "#xmin": "-4",
    "#xmax": "8",
    "#layers-number": "12",
    "#eps-number": "0.05",
    "#param-elu-alpha-number": "1.5",
    "#param-leaky_relu-alpha-number": "0.2",
  });
  await expect(page.locator("#show-derivative")).not.toBeChecked();
  await expectReadouts(page, { id: "elu", alpha: 1.5 }, -2.5, 12);
  await expect(page.locator("#act-status")).toHaveAttribute("data-state", "active");
  await expect(page.locator("figure.chart figcaption")).toContainText(en["act.name.elu"]);

  const g = await geometry(page);
  expect(g.panels.map((p) => p.id)).toEqual(["f"]);
  expect([g.panels[0].xMin, g.panels[0].xMax]).toEqual([-4, 8]);

  // The page writes the same state back (nothing lost, nothing added).
  await page.locator("#x-number").fill("-2.5");
  await expect.poll(() => new URL(page.url()).hash).toBe(STATE);
});

test("invalid values in a link fall back to defaults instead of breaking the page", async ({ page }) => {
  // xmin = 5 can be used; xmax = 1 cannot (it must lie above xmin): 6, the default, is used.
  await openApp(page, "#scene=activations&act=bogus,relu,relu&x=abc&xmin=5&xmax=1&n=0&eps=-1&elu.alpha=99");
  await expectValues(page, { "#act-select": "relu", "#xmin": "5", "#xmax": "6", "#layers-number": "5", "#eps-number": "0.01" });
  await expectReadouts(page, "relu", 5);
});

test("every activation draws a non-blank chart", async ({ page }) => {
  await openApp(page, "#scene=activations&x=1");
  const ids = (await coreCall(page, "activations")).map((a) => a.id);
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
});

test("overlays: up to six activations, each listed with the core's values", async ({ page }) => {
  await openApp(page, "#scene=activations&act=sigmoid&x=0.5");
  for (const id of ["tanh", "relu", "gelu", "swish", "mish"]) {
    await page.locator(`#act-overlay input[data-id="${id}"]`).check();
  }
  await expect(page.locator('#act-overlay input[data-id="elu"]')).toBeDisabled();
  await expect.poll(() => page.url()).toContain("act=sigmoid,tanh,relu,gelu,swish,mish");
  const rows = page.locator(".act-readouts tbody");
  await expect(rows).toHaveCount(6);
  const gelu = await coreCall(page, "activation", "gelu", 0.5);
  await expect(rows.nth(3).locator("output").nth(1)).toHaveAttribute("data-value", String(gelu.derivative));
  const stats = await canvasStats(page, "#act-chart");
  expect(stats.colours).toBeGreaterThanOrEqual(8);
});

test.describe("on a high-DPI screen", () => {
  test.use({ deviceScaleFactor: 2 });
  test("the canvas has two device pixels per CSS pixel and is re-laid-out when the window narrows", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await openApp(page, "#scene=activations&act=tanh&x=1");
    const canvas = page.locator("#act-chart");
    const size = async () => canvas.evaluate((c) => ({ w: c.width, h: c.height, css: c.getBoundingClientRect().width }));
    let s = await size();
    expect(s.w).toBe(Math.round(s.css * 2));
    let g = await geometry(page);
    expect(g.dpr).toBe(2);
    const [f, fp] = g.panels;
    expect(fp.left).toBeGreaterThan(f.left + f.width); // side by side

    await page.setViewportSize({ width: 420, height: 900 });
    await expect.poll(async () => (await geometry(page)).width).toBeLessThan(420);
    s = await size();
    expect(s.w).toBe(Math.round(s.css * 2));
    g = await geometry(page);
    expect(g.panels[1].top).toBeGreaterThan(g.panels[0].top + g.panels[0].height); // stacked
    expect((await canvasStats(page, "#act-chart")).inked).toBeGreaterThan(0.01);
  });
});

test("pressing and dragging on the chart moves x", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page, "#scene=activations&act=sigmoid&x=0");
  const g = await geometry(page);
  const f = g.panels[0];
  const box = await page.locator("#act-chart").boundingBox();
  const at = (x) => box.x + f.left + ((x - f.xMin) / (f.xMax - f.xMin)) * f.width;
  const y = box.y + f.top + f.height / 2;
  await page.mouse.move(at(2), y);
  await page.mouse.down();
  await expect.poll(async () => Number(await page.locator("#x-number").inputValue())).toBeCloseTo(2, 1);
  await page.mouse.move(at(-3), y + 300, { steps: 5 }); // dragging may leave the panel vertically
  await page.mouse.up();
  const x = Number(await page.locator("#x-number").inputValue());
  expect(x).toBeCloseTo(-3, 1);
  await expectReadouts(page, "sigmoid", x);
});

test("without plotActivation in the core the chart area explains itself instead of staying blank", async ({ page }) => {
  // Serve a glue module that shadows plotActivation with undefined (a local export wins over
  // `export *`) and re-exports the real glue from another URL in the same folder. The scene runs
  // on the lite core (web/pkg/lite/).
  await page.route("**/web/pkg/lite/gradlab.js", async (route) => {
    await route.fulfill({
      contentType: "text/javascript",
      body:
        'export * from "./gradlab-real.js";\n' +
        'export { default } from "./gradlab-real.js";\n' +
        "export const plotActivation = undefined;\n",
    });
  });
  await page.route("**/web/pkg/lite/gradlab-real.js", async (route) => {
    const response = await route.fetch({ url: route.request().url().replace("gradlab-real.js", "gradlab.js") });
    await route.fulfill({ response });
  });
  await openApp(page, "#scene=activations&lang=en");
  await expect(page.locator(".chart-message")).toBeVisible();
  await expect(page.locator(".chart-message")).toHaveText(en["chart.unavailable"]);
  await page.locator("#x-number").fill("0");
  await expect(page.locator("#readout-fprime")).toHaveAttribute("data-value", "0.25");
});

// Moving x alone repaints the chart's last drawing with the marker at the new x
// (plotActivationAt): the picture must be the one a fresh page draws at that x.
test("moving x repaints the marker exactly as a fresh drawing at that x; plotActivationAt checks its input", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const hash = (x) => `#scene=activations&act=tanh,sigmoid,relu,gelu,swish,mish&n=50&x=${x}`;
  /** The chart's pixels once the frames after the last change have run. */
  const picture = () =>
    page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(document.getElementById("act-chart").toDataURL())))));
  const fresh = async (x) => {
    await page.goto("about:blank");
    await openApp(page, hash(x));
    return picture();
  };
  const at003 = await fresh(0.03);
  const at2 = await fresh(2);

  await page.goto("about:blank");
  await openApp(page, hash(0));
  const atZero = await picture();
  await page.locator("#x-slider").focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
  await expect(page.locator("#x-number")).toHaveValue("0.03");
  const stepped = await picture();
  expect(stepped).not.toBe(atZero);
  expect(stepped).toBe(at003);

  // The core's call itself, on the page's canvas, through the page's own instance of the core
  // the scene runs on (the lite one; the full one once the offline cache controls the page).
  const calls = await page.evaluate(async () => {
    const { loadCore } = await import(new URL("web/wasm.js", document.baseURI).href);
    const gradlab = await loadCore("lite");
    const canvas = document.getElementById("act-chart");
    const thrown = (f) => {
      try {
        f();
        return null;
      } catch (error) {
        return { kind: error.kind, field: error.field, message: error.message };
      }
    };
    return {
      repainted: gradlab.plotActivationAt(canvas, 2),
      picture: canvas.toDataURL(),
      otherCanvas: gradlab.plotActivationAt(document.createElement("canvas"), 1),
      nan: thrown(() => gradlab.plotActivationAt(canvas, NaN)),
      text: thrown(() => gradlab.plotActivationAt(canvas, "1")),
      notCanvas: thrown(() => gradlab.plotActivationAt({}, 1)),
    };
  });
  expect(calls.repainted).toBe(true);
  expect(calls.picture).toBe(at2);
  expect(calls.otherCanvas).toBe(false);
  expect(calls.nan).toEqual({ kind: "invalid", field: "x", message: "x: expected a finite number, got NaN" });
  expect(calls.text).toMatchObject({ kind: "type", field: "x" });
  expect(calls.notCanvas).toMatchObject({ kind: "type", field: "canvas" });
});
