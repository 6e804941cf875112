// hide=key,… and part=name (issue 16): a course author's link removes the labelled fields of
// some URL keys (their values from the link still apply), and can show one part of a scene
// instead of the whole page — in an iframe the height posted to the course page is then the
// part's. A key or a part the scene does not have is named in the page's notice (vi and en) and
// dropped from the URL; nothing breaks and nothing is logged as an error.
import { test, expect } from "./fixtures.mjs";
import { watchErrors, openApp, readoutValue } from "./helpers.mjs";
import { openCoursePage } from "./lms-hosts.mjs";
import { SCENES } from "../../web/scenes/registry.js";

test("hide=x,act removes the function and x fields; the link's tanh at x = 1 still drives the readouts", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=activations&act=tanh&x=1&lang=en&hide=x,act");
  for (const id of ["#act-select", "#x-slider", "#x-number", "#act-overlay"]) await expect(page.locator(id)).toBeHidden();
  await expect(page.getByText("Function explored", { exact: true })).toBeHidden();
  await expect(page.getByText("Input x", { exact: true })).toBeHidden();
  // f = tanh(1) and f′ = 1 − tanh²(1), computed here independently.
  expect(await readoutValue(page, "readout-f")).toBeCloseTo(Math.tanh(1), 14);
  expect(await readoutValue(page, "readout-fprime")).toBeCloseTo(1 - Math.tanh(1) ** 2, 14);
  await expect(page.locator("#readout-f")).toHaveText("0.761594");
  // The other fields are there and work.
  await expect(page.getByText("Layers n", { exact: true })).toBeVisible();
  await page.locator("#layers-number").fill("3");
  expect(await readoutValue(page, "readout-power")).toBeCloseTo((1 - Math.tanh(1) ** 2) ** 3, 14);
  await expect(page).toHaveURL(/hide=x,act/);
  await expect(page.locator(".url-notice, .lock-notice")).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("vi: hide=k removes the SGD-steps slider and its buttons; k = 3 from the link still counts the repeated steps", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=dying-relu&lang=vi&k=3&hide=k");
  await expect(page.locator("#dr-k-slider")).toBeHidden();
  await expect(page.locator(".dr-plus-one")).toBeHidden();
  await expect(page.getByText("Số bước SGD", { exact: true })).toBeHidden();
  // The repeated SGD ran the link's k = 3 steps: its result says "after 3 steps" (sau 3 bước).
  await expect(page.locator("#dr-repeat-result")).toContainText("sau 3 bước");
  await expect(page.locator("#dr-repeat-result")).not.toContainText("sau 100 bước");
  expect(errors).toEqual([]);
});

test("hidden fields stay hidden when the scene builds them again (lab: another data set, another layer)", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=lab&lang=en&data=xor&hide=noise,hidden");
  await expect(page.locator("#lab-samples-number")).toBeVisible();
  await expect(page.locator("#lab-noise-number")).toBeHidden();
  await expect(page.locator("#lab-width-1-number")).toBeHidden();
  await expect(page.locator("#lab-add-layer")).toBeHidden();
  await page.locator("#lab-data-set").selectOption("circles");
  await expect(page).toHaveURL(/data=circles/);
  await expect(page.locator("#lab-samples-number")).toBeVisible();
  await expect(page.locator("#lab-noise-number")).toHaveCount(1);
  await expect(page.locator("#lab-noise-number")).toBeHidden();
  // A new activation rebuilds every layer's row: the widths stay hidden, the activations shown.
  await page.locator("#lab-act-2").selectOption("relu");
  await expect(page.locator("#lab-act-2")).toBeVisible();
  await expect(page.locator("#lab-width-2-number")).toHaveCount(1);
  await expect(page.locator("#lab-width-2-number")).toBeHidden();
  expect(errors).toEqual([]);
});

test("hide and lock together: depth hidden (its value 4 applies), width locked and the only one the status names", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=vanishing&lang=en&depth=4&hide=depth&lock=width,depth");
  await expect(page.locator("#van-depth-number")).toBeHidden();
  await expect(page.locator("#van-arch")).toHaveText("4 inputs → 4 hidden layers × 16 units (Sigmoid) → 3 outputs");
  await expect(page.locator("#van-width-number")).toHaveAttribute("readonly", "");
  const status = page.locator(".lock-notice");
  await expect(status).toContainText("Units per hidden layer");
  await expect(status).not.toContainText("Hidden layers");
  // The five per-layer gradient norms of 4 hidden layers + the output layer, from the core.
  await expect(page.locator("#van-norms-title")).toBeVisible();
  expect(errors).toEqual([]);
});

// --- part= -------------------------------------------------------------------------------------

for (const scene of SCENES.filter((s) => Object.keys(s.parts ?? {}).length)) {
  test(`${scene.id}: part=… shows that part alone under the scene's title, for each of its parts`, async ({ page }) => {
    const errors = watchErrors(page);
    const names = Object.keys(scene.parts);
    for (const name of names) {
      await page.goto("about:blank");
      await openApp(page, `#scene=${scene.id}&lang=en&part=${name}`);
      await expect(page.locator(`[data-part="${name}"]`)).toBeVisible();
      await expect(page.locator("h1.scene-title")).toBeVisible();
      await expect(page.locator(".scene-toc")).toBeHidden();
      await expect(page.locator(".scene-header .lead")).toBeHidden();
      for (const other of names) {
        if (other === name) continue;
        // Parts nested in each other (vanishing's training in its network) show together.
        const nested = await page.locator(`[data-part="${name}"] [data-part="${other}"], [data-part="${other}"] [data-part="${name}"]`).count();
        if (!nested) await expect(page.locator(`[data-part="${other}"]`), `${name} hides ${other}`).toBeHidden();
      }
      await expect(page.locator(".url-notice")).toHaveCount(0);
    }
    expect(errors).toEqual([]);
  });
}

test("part=training in the vanishing scene: only the training under the title, and it trains with the link's network", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=vanishing&lang=en&depth=3&nsteps=4&part=training");
  await expect(page.locator("#van-net-title")).toBeHidden();
  await expect(page.locator("#van-depth-number")).toBeHidden();
  await expect(page.locator("#van-chain-title")).toBeHidden();
  await page.locator("#van-train").click();
  await expect(page.locator("#van-trained")).toHaveAttribute("data-value", "4");
  // 3 hidden layers + the output layer: the last layer's readout is layer 4's.
  await expect(page.getByText("‖ΔW₄‖/‖W₄‖ (last step)")).toBeVisible();
  expect(errors).toEqual([]);
});

/** The heights the app posted to a Canvas course page, once they have settled. */
async function postedHeight(page, baseURL, appPath) {
  await openCoursePage(page, "canvas", appPath, baseURL);
  const frame = await (await page.locator("#gradlab-frame").elementHandle()).contentFrame();
  await expect(frame.locator("html")).toHaveClass(/\bready\b/);
  await expect.poll(() => page.evaluate(() => window.__fromFrame.length)).toBeGreaterThan(0);
  // Settled: the iframe is as tall as its content.
  await expect
    .poll(async () => {
      const iframe = await page.locator("#gradlab-frame").evaluate((el) => el.getBoundingClientRect().height);
      const content = await frame.evaluate(() => document.body.scrollHeight);
      return Math.abs(iframe - content) <= 2;
    })
    .toBe(true);
  return page.evaluate(() => window.__fromFrame.at(-1));
}

test("embedded with part=chain, the height posted to the course page is the part's, far below the whole scene's", async ({ context, baseURL }) => {
  const whole = await context.newPage();
  const part = await context.newPage();
  const errors = [...watchErrors(whole), ...watchErrors(part)];
  const full = await postedHeight(whole, baseURL, "/?embed=1#scene=vanishing&lang=en");
  const chain = await postedHeight(part, baseURL, "/?embed=1&part=chain#scene=vanishing&lang=en");
  expect(full).toBeGreaterThan(3000);
  expect(chain).toBeGreaterThan(400);
  expect(chain).toBeLessThan(full / 2);
  const frame = await (await part.locator("#gradlab-frame").elementHandle()).contentFrame();
  await expect(frame.locator('[data-part="chain"]')).toBeVisible();
  await expect(frame.locator("#van-net-title")).toBeHidden();
  expect(errors).toEqual([]);
  await whole.close();
  await part.close();
});

// --- what a scene lacks ---------------------------------------------------------------------------

const NOTICE = {
  en: { lock: "this scene has no control called bogus", hide: "this scene has no control called nope", part: "this scene has no part of that name (its parts: chain, network, training, practice)", none: "this scene is not divided into parts" },
  vi: { lock: "phần này không có điều khiển nào tên bogus", hide: "phần này không có điều khiển nào tên nope", part: "phần này không có mục nào tên như vậy (các mục: chain, network, training, practice)", none: "phần này không chia thành các mục" },
};

for (const lang of ["en", "vi"]) {
  test(`${lang}: keys and a part the scene lacks are named in the notice, dropped from the link, and the scene is whole`, async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page, `#scene=vanishing&lang=${lang}&lock=depth,bogus&hide=nope&part=zz`);
    const notice = page.locator(".url-notice");
    await expect(notice).toBeVisible();
    await expect(notice.locator("li")).toHaveCount(3);
    await expect(notice.locator('li[data-key="lock"]')).toContainText(NOTICE[lang].lock);
    await expect(notice.locator('li[data-key="hide"]')).toContainText(NOTICE[lang].hide);
    await expect(notice.locator('li[data-key="part"]')).toContainText(NOTICE[lang].part);
    // The known key is still locked, the whole scene is shown.
    await expect(page.locator("#van-depth-number")).toHaveAttribute("readonly", "");
    for (const part of ["chain", "network", "training", "practice"]) await expect(page.locator(`[data-part="${part}"]`)).toBeVisible();
    await expect(page.locator(".scene-toc")).toBeVisible();
    // What the link keeps: lock=depth; hide and part are gone.
    await expect(page).toHaveURL(/lock=depth(&|$)/);
    expect(page.url()).not.toMatch(/hide=|part=|bogus/);
    // A scene without parts says so.
    await page.goto("about:blank");
    await openApp(page, `#scene=lab&lang=${lang}&part=data`);
    await expect(page.locator('.url-notice li[data-key="part"]')).toContainText(NOTICE[lang].none);
    expect(errors).toEqual([]);
  });
}

test("lock=all follows the navigation; a lock of keys, hide and part stay with their scene", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=vanishing&lang=en&lock=depth&hide=n&part=chain");
  const lab = page.locator("#scene-nav [data-scene='lab']");
  await expect(lab).toHaveAttribute("href", "#scene=lab&lang=en");
  await page.goto("about:blank");
  await openApp(page, "#scene=vanishing&lang=en&lock=all");
  await expect(lab).toHaveAttribute("href", "#scene=lab&lang=en&lock=all");
  expect(errors).toEqual([]);
});

test("the Share dialog offers the scene's parts: one chosen is written as part= in the link and the embed code", async ({ page, context }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=zero-init&lang=en");
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const menu = page.locator("dialog.share-dialog").getByLabel("Part of the scene to show (part=: a much shorter embed)");
  await expect(menu).toHaveValue("");
  const offered = await menu.locator("option").allTextContents();
  // The parts by the headings a reader sees on the page.
  const headings = ["Four models, all starting from zero", "(a) Regression from zero: it learns", "(b) A hidden layer from zero: it never learns", "(c) Symmetry: identical units stay identical", "Check yourself"];
  for (const heading of headings) await expect(page.getByRole("heading", { name: heading, exact: true })).toBeAttached();
  expect(offered).toEqual(["The whole scene", ...headings]);
  await menu.selectOption("symmetry");
  const link = await page.locator("#share-link").inputValue();
  expect(new URL(link).hash).toContain("part=symmetry");
  expect(await page.locator("#share-snippet").inputValue()).toContain("part=symmetry");
  await page.screenshot({ path: "test-results/share-part-en.png" }); // for a look by eye
  const other = await context.newPage();
  await other.goto(link);
  await expect(other.locator("html")).toHaveClass(/\bready\b/);
  await expect(other.locator('[data-part="symmetry"]')).toBeVisible();
  await expect(other.locator('[data-part="mlp"]')).toBeHidden();
  await menu.selectOption("");
  expect(await page.locator("#share-link").inputValue()).not.toContain("part=");
  expect(errors).toEqual([]);
});

test("the Share dialog keeps the link's lock: a lock of keys stays (ticking Lock controls makes it all), lock=all is ticked", async ({ page }) => {
  const errors = watchErrors(page);
  const lockOf = async () => new URLSearchParams(new URL(await page.locator("#share-link").inputValue()).hash.slice(1)).getAll("lock");
  await openApp(page, "#scene=vanishing&lang=en&lock=depth,act");
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const box = page.locator("dialog.share-dialog").getByLabel("Lock controls", { exact: true });
  await expect(box).not.toBeChecked();
  expect(await lockOf()).toEqual(["depth,act"]);
  await box.check();
  expect(await lockOf()).toEqual(["all"]);
  await box.uncheck();
  expect(await lockOf()).toEqual(["depth,act"]);
  await page.keyboard.press("Escape");
  await page.goto("about:blank");
  await openApp(page, "#scene=vanishing&lang=en&lock=all");
  await page.getByRole("button", { name: "Share", exact: true }).click();
  await expect(box).toBeChecked();
  expect(await lockOf()).toEqual(["all"]);
  expect(errors).toEqual([]);
});

// The activations' side column is built at its turn in a full visit (staged-parts.js buildLater);
// a link showing the part it is in builds it at once, controls and all, and they work.
test("part=explore in the activations scene: its side column is built, and its x moves the readouts", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=activations&lang=en&part=explore&act=sigmoid");
  await expect(page.locator("#scene-root .side")).toBeVisible();
  await expect(page.locator("#scene-root .side .seed-list button")).toHaveCount(6);
  await page.locator("#x-number").fill("2");
  await page.locator("#x-number").press("Enter");
  // σ′(2) = e⁻²/(1 + e⁻²)² = 0.1049935…
  await expect(page.locator("#readout-fprime")).toHaveText(/^0\.10499/);
  await expect(page.locator(".url-notice")).toHaveCount(0);
  expect(errors).toEqual([]);
});
