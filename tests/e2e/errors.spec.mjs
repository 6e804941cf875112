// The error panel: a failed wasm load, a wasm trap and an ordinary uncaught error are all shown
// on the page (role="alert"), with a Reload button; a broken module shows the boot message.
import { test, expect } from "./fixtures.mjs";
import { vi, en } from "./strings.mjs";
import { openApp } from "./helpers.mjs";

test("the error panel appears when the wasm fails to load, and Reload recovers", async ({ page }) => {
  await page.route("**/gradlab_bg.wasm", (route) => route.abort());
  await page.goto("/#scene=activations&lang=en");
  const panel = page.locator("#error-panel");
  await expect(panel).toBeVisible();
  await expect(panel).toHaveAttribute("role", "alert");
  await expect(panel).toHaveAttribute("data-kind", "load");
  await expect(panel.locator(".error-title")).toHaveText(en["error.load.title"]);
  await expect(panel.locator('[data-action="reload"]')).toBeVisible();
  await expect(panel.locator('[data-action="reload"]')).toHaveText(en["error.reload"]);
  await expect(panel.locator('[data-action="dismiss"]')).toBeHidden();
  await expect(page.locator("#loading")).toBeHidden();

  await page.unroute("**/gradlab_bg.wasm");
  await panel.locator('[data-action="reload"]').click();
  await expect(page.locator("html")).toHaveClass(/\bready\b/);
  await expect(panel).toBeHidden();
  await expect(page.locator("#act-chart")).toBeVisible();
});

test("a wasm trap (RuntimeError) shows the crash panel", async ({ page }) => {
  await openApp(page, "#scene=activations&lang=en");
  await page.evaluate(() => {
    setTimeout(() => {
      throw new WebAssembly.RuntimeError("unreachable");
    });
  });
  const panel = page.locator("#error-panel");
  await expect(panel).toBeVisible();
  await expect(panel).toHaveAttribute("data-kind", "crash");
  await expect(panel.locator(".error-title")).toHaveText(en["error.crash.title"]);
  await expect(panel.locator(".error-text")).toContainText("unreachable");
  await expect(panel.locator('[data-action="dismiss"]')).toBeHidden();
  // The panel survives a language switch, translated.
  await page.locator('#lang-switch [data-lang="vi"]').click();
  await expect(panel.locator(".error-title")).toHaveText(vi["error.crash.title"]);
});

test("an uncaught error or rejected promise shows a dismissable panel", async ({ page }) => {
  await openApp(page, "#scene=activations&lang=en");
  await page.evaluate(() => {
    Promise.reject(new Error("something odd"));
  });
  const panel = page.locator("#error-panel");
  await expect(panel).toBeVisible();
  await expect(panel).toHaveAttribute("data-kind", "runtime");
  await expect(panel.locator(".error-text")).toContainText("something odd");
  await panel.locator('[data-action="dismiss"]').click();
  await expect(panel).toBeHidden();
  // The scene still works.
  await page.locator("#x-number").fill("0");
  await expect(page.locator("#readout-fprime")).toHaveAttribute("data-value", "0.25");
});

test("a module that fails to load shows the static boot message instead of Loading forever", async ({ page }) => {
  await page.route("**/web/i18n.js", (route) => route.abort());
  await page.goto("/#scene=activations");
  await expect(page.locator("#boot-failed")).toBeVisible();
  await expect(page.locator("#loading")).toBeHidden();
});
