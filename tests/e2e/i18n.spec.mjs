// Languages: identical key sets, every key the code uses exists, the switch changes the UI and
// <html lang>, the default follows navigator.language, and lang= in the URL wins.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { test, expect } from "./fixtures.mjs";
import { vi, en } from "./strings.mjs";
import { openApp } from "./helpers.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "pkg" ? [] : sourceFiles(full);
    return entry.name.endsWith(".js") ? [full] : [];
  });
}

test("vi.js and en.js have identical, non-empty key sets", () => {
  expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
  for (const [key, text] of [...Object.entries(vi), ...Object.entries(en)]) {
    expect(typeof text === "string" && text.trim().length > 0, `${key} is empty`).toBe(true);
  }
  // The placeholders of each string are the same in both languages.
  const holes = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const key of Object.keys(en)) expect(holes(vi[key]), key).toEqual(holes(en[key]));
});

test("every literal key used by the page exists in the tables", () => {
  const used = new Set();
  for (const file of sourceFiles(path.join(root, "web"))) {
    const code = fs.readFileSync(file, "utf8");
    for (const m of code.matchAll(/\bt\(\s*"([^"$`{}]+)"/g)) used.add(m[1]);
  }
  const html = fs.readFileSync(path.join(root, "index.html"), "utf8");
  for (const m of html.matchAll(/data-i18n="([^"]+)"/g)) used.add(m[1]);
  for (const m of html.matchAll(/data-i18n-attr="([^"]+)"/g)) {
    for (const pair of m[1].split(";")) used.add(pair.split(":")[1].trim());
  }
  expect(used.size).toBeGreaterThan(20);
  const missing = [...used].filter((k) => !(k in en) || !(k in vi));
  expect(missing).toEqual([]);
});

test("the language switch changes the UI text and <html lang>, and the URL keeps it", async ({ page }) => {
  await openApp(page, "#scene=activations&lang=vi&act=identity");
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect(page.locator("#scene-root h1")).toHaveText(vi["scene.activations.title"]);
  await expect(page.locator('#scene-nav a[data-scene="zero-init"]')).toHaveText(vi["scene.zero-init.nav"]);
  await expect(page.locator(".skip-link")).toHaveText(vi.skip);
  await expect(page.locator("#act-select option:checked")).toHaveText(vi["act.name.identity"]);
  await expect(page.locator('#lang-switch [data-lang="vi"]')).toHaveAttribute("aria-pressed", "true");

  await page.locator('#lang-switch [data-lang="en"]').click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("#scene-root h1")).toHaveText(en["scene.activations.title"]);
  await expect(page.locator('#scene-nav a[data-scene="zero-init"]')).toHaveText(en["scene.zero-init.nav"]);
  await expect(page.locator(".skip-link")).toHaveText(en.skip);
  await expect(page.locator("#act-select option:checked")).toHaveText(en["act.name.identity"]);
  await expect(page.locator('#lang-switch [data-lang="en"]')).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("#scene-nav")).toHaveAttribute("aria-label", en["nav.label"]);
  await expect.poll(() => page.url()).toContain("lang=en");
  // The scene's state survived the switch.
  await expect(page.locator("#act-select")).toHaveValue("identity");
  await expect(page).toHaveTitle(new RegExp(en["scene.activations.title"]));

  await page.locator('#lang-switch [data-lang="vi"]').click();
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect(page.locator("#scene-root h1")).toHaveText(vi["scene.activations.title"]);
});

/**
 * Holds the Vietnamese tables (the common one and the scenes') back until `release()`, which
 * resolves once the common one has arrived.
 * @param {import("@playwright/test").Page} page
 */
async function holdVietnamese(page) {
  let open = () => {};
  const held = new Promise((resolve) => (open = resolve));
  await page.route(/\/i18n\/vi(\/[a-z-]+)?\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return {
    release() {
      const arrived = page.waitForResponse(/\/i18n\/vi\.js$/);
      open(undefined);
      return arrived;
    },
  };
}

test("a scene's link followed while the new language's table still loads keeps that language", async ({ page }) => {
  await openApp(page, "#scene=activations&lang=en");
  // The Vietnamese table arrives late: the click on a scene's link comes before it.
  const vietnamese = await holdVietnamese(page);
  await page.locator('#lang-switch [data-lang="vi"]').click();
  await page.locator('#scene-nav a[data-scene="zero-init"]').click();
  await expect.poll(() => page.url()).toMatch(/scene=zero-init/);
  expect(page.url()).toContain("lang=vi");
  await vietnamese.release();
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect(page.locator("#scene-root h1")).toHaveText(vi["scene.zero-init.title"]);
});

test("the language clicked last wins, even while the one clicked before still loads", async ({ page }) => {
  await openApp(page, "#scene=vanishing&lang=en");
  const vietnamese = await holdVietnamese(page);
  await page.locator('#lang-switch [data-lang="vi"]').click();
  await page.locator('#lang-switch [data-lang="en"]').click();
  // The Vietnamese table comes after English was chosen again: nothing switches to it.
  await vietnamese.release();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
  expect(page.url()).toContain("lang=en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("#scene-root h1")).toHaveText(en["scene.vanishing.title"]);
  await expect(page.locator('#lang-switch [data-lang="en"]')).toHaveAttribute("aria-pressed", "true");
});

test("lang= in the query string works too", async ({ page }) => {
  await openApp(page, "/?lang=en#scene=vanishing");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("#scene-root h1")).toHaveText(en["scene.vanishing.title"]);
});

test.describe("with a Vietnamese browser", () => {
  test.use({ locale: "vi-VN" });
  test("the default language is Vietnamese", async ({ page }) => {
    await openApp(page, "#scene=activations");
    await expect(page.locator("html")).toHaveAttribute("lang", "vi");
    await expect(page.locator(".brand-tagline")).toHaveText(vi["app.tagline"]);
  });
});

test.describe("with an English browser", () => {
  test.use({ locale: "en-US" });
  test("the default language is English", async ({ page }) => {
    await openApp(page, "#scene=activations");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.locator(".brand-tagline")).toHaveText(en["app.tagline"]);
  });
});

test.describe("with a French browser", () => {
  test.use({ locale: "fr-FR" });
  test("the default language is English (not Vietnamese)", async ({ page }) => {
    await openApp(page, "#scene=activations");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });
});
