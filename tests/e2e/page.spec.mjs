// The page shell: loads cleanly, draws the chart, routes deep links, embed mode, theme.
import { test, expect } from "./fixtures.mjs";
import { en } from "./strings.mjs";
import { watchErrors, openApp, canvasStats } from "./helpers.mjs";
import { SCENES as REGISTERED } from "../../web/scenes/registry.js";

const SCENES = REGISTERED.map((scene) => scene.id);

test("the page loads with no console error and no page error, and the chart is drawn", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=activations");
  await expect(page.locator("#loading")).toBeHidden();
  await expect(page.locator("#error-panel")).toBeHidden();
  await expect(page.locator("#act-chart")).toBeVisible();
  await expect(page.locator("figure.chart")).toHaveAttribute("data-drawn", /^[1-9]\d*$/);
  await expect(page.locator(".chart-message")).toBeHidden();

  const stats = await canvasStats(page, "#act-chart");
  expect(stats.width).toBeGreaterThan(200);
  expect(stats.height).toBeGreaterThan(100);
  expect(stats.colours, "distinct colours on the chart").toBeGreaterThanOrEqual(4);
  expect(stats.inked, "share of non-background pixels").toBeGreaterThan(0.01);

  // Landmarks and the favicon are in place.
  await expect(page.locator("header.site-header")).toBeVisible();
  await expect(page.locator("nav#scene-nav")).toBeVisible();
  await expect(page.locator("main#main")).toBeVisible();
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute("href", "web/favicon.png");
  expect(errors).toEqual([]);
});

test("the canvas is sized for devicePixelRatio", async ({ browser }) => {
  const context = await browser.newContext({ deviceScaleFactor: 2 });
  const page = await context.newPage();
  await openApp(page, "#scene=activations");
  await expect(page.locator("figure.chart")).toHaveAttribute("data-drawn", /^[1-9]\d*$/);
  const size = await page.locator("#act-chart").evaluate((c) => ({
    width: c.width,
    height: c.height,
    cssWidth: c.getBoundingClientRect().width,
  }));
  expect(Math.abs(size.width - 2 * size.cssWidth)).toBeLessThanOrEqual(2);
  expect((await canvasStats(page, "#act-chart")).colours).toBeGreaterThanOrEqual(4);
  await context.close();
});

for (const scene of SCENES) {
  test(`the deep link #scene=${scene} opens that scene`, async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page, `#scene=${scene}&lang=en`);
    await expect(page.locator(`#scene-root .scene[data-scene="${scene}"]`)).toBeVisible();
    await expect(page.locator("#scene-root h1")).toHaveText(en[`scene.${scene}.title`]);
    await expect(page.locator(`#scene-nav a[data-scene="${scene}"]`)).toHaveAttribute("aria-current", "page");
    await expect(page.locator("#scene-nav a[aria-current]")).toHaveCount(1);
    await expect(page).toHaveTitle(new RegExp(en[`scene.${scene}.title`]));
    if (en[`scene.${scene}.soon`] !== undefined) {
      // A scene still announced as coming: nothing pretends to work — one honest sentence,
      // no controls, no chart. (A built scene drops its "soon" string.)
      await expect(page.locator("#scene-root p.coming-soon")).toHaveText(en[`scene.${scene}.soon`]);
      await expect(page.locator("#scene-root").locator("input, select, button, canvas")).toHaveCount(0);
    } else {
      await expect(page.locator("#scene-root p.coming-soon")).toHaveCount(0);
      // Something to act on: controls, or, in a scene with no URL parameters of its own (the
      // summary's table), links into the other scenes.
      const ownParams = Object.keys(REGISTERED.find((s) => s.id === scene).params).length > 0;
      expect(await page.locator("#scene-root").locator(ownParams ? "input, select, button" : "a[href]").count()).toBeGreaterThan(0);
    }
    expect(errors).toEqual([]);
  });
}

test("the navigation lists every scene of the registry, in order, with its label", async ({ page }) => {
  await openApp(page, "#scene=activations&lang=en");
  const links = page.locator("#scene-nav a");
  await expect(links).toHaveCount(SCENES.length);
  expect(await links.evaluateAll((as) => as.map((a) => a.dataset.scene))).toEqual(SCENES);
  await expect(links).toHaveText(SCENES.map((id) => en[`scene.${id}.nav`]));
  await expect(links.first()).toHaveAttribute("href", "#scene=activations&lang=en");
});

test("a scene's stylesheets are loaded once, before the scene appears", async ({ page }) => {
  const errors = watchErrors(page);
  // Record the scene container's display the moment it enters the page: vanishing.css and
  // dying-relu.css make it a grid, so "block" there would be a flash of unstyled content.
  await page.addInitScript(() => {
    window.__firstDisplay = {};
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          const scene = node.dataset?.scene;
          if (scene && !(scene in window.__firstDisplay)) window.__firstDisplay[scene] = getComputedStyle(node).display;
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
  // The scene sheets arrive late (a slow network), after the scene's module. Which files those
  // are the registry says (dist joins a scene's sheets into one: xtask/src/stylesheets.rs).
  const stylesOf = async (scene) =>
    page.evaluate(async (id) => (await import(new URL("web/scenes/registry.js", document.baseURI).href)).findScene(id).styles, scene);
  await page.goto("/");
  const vanishingSheets = await stylesOf("vanishing");
  const late = [...vanishingSheets, ...(await stylesOf("dying-relu"))];
  const activationSheets = await stylesOf("activations");
  const vanishingOnly = vanishingSheets.filter((href) => !activationSheets.includes(href));
  expect(vanishingOnly.length).toBeGreaterThan(0);
  await page.route(
    (url) => late.some((href) => url.pathname.endsWith(`/${href}`)),
    async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    }
  );
  await openApp(page, "#scene=activations&lang=en");
  const sheets = (href) => page.locator(`link[rel="stylesheet"][href="${href}"]`);
  for (const href of vanishingOnly) await expect(sheets(href)).toHaveCount(0);
  for (const scene of ["vanishing", "activations", "dying-relu", "vanishing"]) {
    await page.locator(`#scene-nav a[data-scene="${scene}"]`).click();
    await expect(page.locator(`#scene-root .scene[data-scene="${scene}"]`)).toBeVisible();
  }
  for (const href of late) await expect(sheets(href)).toHaveCount(1);
  const first = await page.evaluate(() => window.__firstDisplay);
  expect([first.vanishing, first["dying-relu"]]).toEqual(["grid", "grid"]);
  expect(errors).toEqual([]);
});

test("nav links switch scenes, keep the language and add history entries", async ({ page }) => {
  await openApp(page, "#scene=activations&lang=en");
  await page.locator('#scene-nav a[data-scene="dying-relu"]').click();
  await expect(page.locator("#scene-root h1")).toHaveText(en["scene.dying-relu.title"]);
  await expect.poll(() => page.url()).toContain("scene=dying-relu");
  await expect.poll(() => page.url()).toContain("lang=en");
  await expect(page.locator("#scene-root h1")).toBeFocused();
  await page.goBack();
  await expect(page.locator("#scene-root h1")).toHaveText(en["scene.activations.title"]);
  await expect(page.locator("#act-chart")).toBeVisible();
});

test("an unknown scene falls back to the activations scene with a notice", async ({ page }) => {
  await openApp(page, "#scene=nope&lang=en");
  await expect(page.locator("#scene-root .notice")).toContainText("nope");
  await expect(page.locator('#scene-root .scene[data-scene="activations"]')).toBeVisible();
  await expect.poll(() => page.url()).toContain("scene=activations");
});

test("?embed=1 hides the header, navigation and footer but keeps the scene", async ({ page }) => {
  await openApp(page, "/?embed=1#scene=activations");
  await expect(page.locator("html")).toHaveClass(/\bembed\b/);
  await expect(page.locator("header.site-header")).toBeHidden();
  await expect(page.locator("nav#scene-nav")).toBeHidden();
  await expect(page.locator("footer.site-footer")).toBeHidden();
  await expect(page.locator("#act-chart")).toBeVisible();
  await expect(page.locator("#x-slider")).toBeVisible();
});

test("in an iframe, ?embed=1 posts its height to the parent", async ({ page }) => {
  await openApp(page, "#scene=lab");
  const height = await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        window.addEventListener("message", (event) => {
          // The first message may come while "Loading…" is shown; wait for the drawn scene.
          if (event.data && event.data.type === "gradlab:height" && event.data.height > 300) {
            resolve(event.data.height);
          }
        });
        const frame = document.createElement("iframe");
        frame.width = "900";
        frame.height = "200";
        frame.src = "./?embed=1#scene=activations";
        document.body.append(frame);
        setTimeout(() => reject(new Error("no gradlab:height message > 300 within 15 s")), 15000);
      })
  );
  expect(height).toBeGreaterThan(300);
});

test("the theme toggle switches to dark, stores it in the URL and redraws the chart", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await openApp(page, "#scene=activations");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  const chart = page.locator("figure.chart");
  await expect(chart).toHaveAttribute("data-drawn", /^[1-9]\d*$/);
  const before = Number(await chart.getAttribute("data-drawn"));
  const lightBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  await page.locator("#theme-toggle").click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.locator("#theme-toggle")).toHaveAttribute("aria-pressed", "true");
  await expect.poll(() => page.url()).toContain("theme=dark");
  await expect.poll(async () => Number(await chart.getAttribute("data-drawn"))).toBeGreaterThan(before);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(lightBg);
  expect((await canvasStats(page, "#act-chart")).colours).toBeGreaterThanOrEqual(4);

  // The link restores it.
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
});

test("without a theme in the URL the page follows prefers-color-scheme", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await openApp(page, "#scene=activations");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.emulateMedia({ colorScheme: "light" });
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
});

test("reduced motion is honoured", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await openApp(page, "#scene=activations");
  await expect(page.locator("html")).toHaveClass(/\breduced-motion\b/);
});

test("the skip link is the first tab stop and moves focus to main", async ({ page }) => {
  await openApp(page, "#scene=activations");
  await page.keyboard.press("Tab");
  const skip = page.locator(".skip-link");
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
});
