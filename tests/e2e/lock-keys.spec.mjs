// lock=key,key (issue 16): a course author's link fixes only the controls of the URL keys it
// names. Those controls are switched off (disabled, or read-only for a number box), the status
// line names them by the labels a reader sees, in the page's language; every other control still
// works, and so do the other ways of changing a locked key (a preset, the chart dragged). The
// registry is the one list of keys: every key of a scene that has a control of its own must
// name one on the page, and no control names a key the registry lacks.
import { test, expect } from "./fixtures.mjs";
import { watchErrors, openApp } from "./helpers.mjs";
import { SCENES } from "../../web/scenes/registry.js";

/** Whether a control can be changed by a reader. */
const editable = (locator) => locator.evaluate((c) => !c.disabled && !c.readOnly);

/** The status line of a lock by keys, and the words it names the controls with (see the i18n tables, written out here). */
const STATUS = {
  en: { start: "The author of this lesson has fixed these settings:", act: "Function explored", x: "Input x", overlay: "Overlay to compare", layers: "Layers n" },
  vi: { start: "Tác giả bài học đã cố định các thiết lập sau:", act: "Hàm đang xét", x: "Đầu vào x", overlay: "Vẽ chồng để so sánh", layers: "Số lớp n" },
};

for (const lang of ["en", "vi"]) {
  test(`${lang}: lock=act,x fixes the function and x, names them, and leaves n, ε and the rest working`, async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page, `#scene=activations&act=tanh&x=1&lang=${lang}&lock=act,x`);
    const words = STATUS[lang];
    const status = page.locator(".lock-notice");
    await expect(status).toHaveAttribute("role", "status");
    await expect(status).toContainText(words.start);
    for (const label of [words.act, words.x, words.overlay]) await expect(status).toContainText(label);
    await expect(status).not.toContainText(words.layers);
    await expect(status).not.toContainText("act,x"); // labels, not raw keys

    // Locked: the menu, the slider and its number box, the overlays, the article's jump buttons.
    const locked = [page.locator("#act-select"), page.locator("#x-slider"), page.locator("#x-number")];
    const overlays = page.locator("#act-overlay input");
    expect(await overlays.count()).toBeGreaterThan(5);
    for (const control of [...locked, overlays.first(), page.locator(".seed-point").first()]) expect(await editable(control)).toBe(false);
    await expect(page.locator("#x-number")).toHaveAttribute("readonly", "");
    await expect(page.locator("#act-select")).toBeDisabled();
    // Dragging the chart would set x: it does not.
    const canvas = page.locator("#act-chart");
    const box = await canvas.boundingBox();
    await page.mouse.click(box.x + box.width * 0.8, box.y + box.height * 0.3);
    await expect(page.locator("#x-number")).toHaveValue("1");
    await expect(page.locator("#readout-f")).toHaveAttribute("data-value", /^0\.76159/);

    // Not locked: n changes f′(x)ⁿ, and ε still works.
    const layers = page.locator("#layers-number");
    expect(await editable(layers)).toBe(true);
    const before = await page.locator("#readout-power").getAttribute("data-value");
    await layers.fill("2");
    await expect(page.locator("#readout-power")).not.toHaveAttribute("data-value", before);
    const fprime = Number(await page.locator("#readout-fprime").getAttribute("data-value"));
    expect(Number(await page.locator("#readout-power").getAttribute("data-value"))).toBeCloseTo(fprime * fprime, 12);
    await expect(page).toHaveURL(/[#&]n=2(&|$)/);
    const eps = page.locator("#eps-number");
    expect(await editable(eps)).toBe(true);
    await eps.fill("0.1");
    await expect(page).toHaveURL(/[#&]eps=0\.1(&|$)/);
    // A render after the change switches the overlays' availability: the locked ones stay off.
    for (const box of await overlays.all()) expect(await editable(box)).toBe(false);
    // The lock stays in the link (with only the keys), and nothing else was rejected.
    await expect(page.locator(".url-notice")).toHaveCount(0);
    await expect(page).toHaveURL(/lock=act,x/);
    expect(errors).toEqual([]);
  });
}

test("vanishing: lock=depth,lr — the two sliders and the presets are off, width and the Train button work", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=vanishing&lang=en&lock=depth,lr&nsteps=5");
  const status = page.locator(".lock-notice");
  await expect(status).toContainText("Hidden layers");
  await expect(status).toContainText("Learning rate η");
  for (const id of ["van-depth-slider", "van-depth-number", "van-lr-slider", "van-lr-number"]) expect(await editable(page.locator(`#${id}`)), id).toBe(false);
  const presets = page.locator(".van-preset");
  expect(await presets.count()).toBe(5);
  for (const preset of await presets.all()) await expect(preset).toBeDisabled();
  // Training (not a setting) works; once it is over the locked sliders are still locked.
  await page.locator("#van-train").click();
  await expect(page.locator("#van-trained")).toHaveAttribute("data-value", "5");
  await expect(page.locator("#van-train")).toBeEnabled();
  expect(await editable(page.locator("#van-lr-number"))).toBe(false);
  // The width still changes the network (the architecture line, written from the settings).
  const width = page.locator("#van-width-number");
  expect(await editable(width)).toBe(true);
  await width.fill("7");
  await expect(page.locator("#van-arch")).toContainText("× 7");
  await expect(page).toHaveURL(/[#&]width=7(&|$)/);
  expect(errors).toEqual([]);
});

test("lab: lock=hidden keeps the layers' widths and add/remove off as the layers are rebuilt; the activations still change", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=lab&lang=en&lock=hidden");
  await expect(page.locator(".lock-notice")).toContainText("Width of layer 1");
  await expect(page.locator("#lab-add-layer")).toBeDisabled();
  for (const remove of await page.locator(".lab-remove-layer").all()) await expect(remove).toBeDisabled();
  expect(await editable(page.locator("#lab-width-1-number"))).toBe(false);
  // A new activation rebuilds the rows: the new width sliders are locked as they appear.
  await page.locator("#lab-act-1").selectOption("relu");
  await expect(page).toHaveURL(/acts=relu/);
  expect(await editable(page.locator("#lab-width-1-number"))).toBe(false);
  expect(await editable(page.locator("#lab-width-2-slider"))).toBe(false);
  expect(await editable(page.locator("#lab-act-2"))).toBe(true);
  expect(errors).toEqual([]);
});

test("dying-relu: lock=act,eta switches the activation off, the step player still steps; a list with all is lock=all", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=dying-relu&lang=en&lock=act,eta");
  const player = page.locator(".step-player").first();
  const counter = player.locator(".sp-counter");
  const before = await counter.innerText();
  await player.locator('[data-action="next"]').click();
  await expect(counter).not.toHaveText(before);
  for (const radio of await page.locator('input[name="dr-act"]').all()) await expect(radio).toBeDisabled();
  // "all" anywhere in the list is lock=all: the generic status line, every control off.
  await page.goto("about:blank");
  await openApp(page, "#scene=dying-relu&lang=en&lock=act,all");
  await expect(page.locator(".lock-notice")).toContainText("The author of this lesson has fixed its settings");
  await expect(page.locator(".url-notice")).toHaveCount(0);
  expect(errors).toEqual([]);
});

/** Links that show every control of a scene between them (controls that appear in some states only). */
const STATES = {
  activations: ["act=leaky_relu,prelu,elu,softplus,swish,gelu"],
  vanishing: ["init=uniform"],
  "dying-relu": ["act=leaky_relu"],
  "zero-init": ["reg=linear", "reg=logistic", "reg=softmax"],
  lab: ["data=blobs&init=uniform", "data=iris"],
};

for (const scene of SCENES.filter((s) => Object.keys(s.params).length)) {
  test(`${scene.id}: every key with a control in the registry marks one on the page, and no control marks another key`, async ({ page }) => {
    const errors = watchErrors(page);
    const marked = new Set();
    for (const state of STATES[scene.id] ?? [""]) {
      await page.goto("about:blank"); // a new load each time (a hash change alone re-mounts later)
      await openApp(page, `#scene=${scene.id}&lang=en${state ? `&${state}` : ""}`);
      const keys = await page.locator(".scene").evaluate((root) =>
        [...root.querySelectorAll("[data-param], [data-changes]")].flatMap((e) => `${e.getAttribute("data-param") ?? ""} ${e.getAttribute("data-changes") ?? ""}`.split(" ")).filter(Boolean)
      );
      for (const key of keys) marked.add(key);
    }
    const declared = await page.evaluate(async (id) => {
      const registry = await import(new URL("web/scenes/registry.js", document.baseURI).href);
      const schema = await import(new URL("web/url-schema.js", document.baseURI).href);
      const gradlab = await import(new URL("web/pkg/gradlab.js", document.baseURI).href).then(async (g) => (await g.default(), g));
      return schema.controlKeysOf(registry.findScene(id), registry.contextOf(id, gradlab));
    }, scene.id);
    expect(declared.length).toBeGreaterThan(5);
    expect([...marked].sort()).toEqual([...declared].sort());
    expect(errors).toEqual([]);
  });
}
