// Link values a scene cannot use are not dropped silently: the page says which ones, what it
// expected and what it uses instead (vi and en), the scene runs with those values, the bad
// values leave the URL, and a good link shows no notice.
import { test, expect } from "./fixtures.mjs";
import { vi, en } from "./strings.mjs";
import { watchErrors, openApp } from "./helpers.mjs";

const notice = (page) => page.locator(".url-notice");
const keys = (page) => page.locator(".url-notice li").evaluateAll((items) => items.map((li) => li.dataset.key));

test("bad network settings: named, replaced by the defaults, and dropped from the URL", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=vanishing&depth=abc&width=999&act=nope&res=maybe&lr=-1&seed=7&lang=en");
  await expect(notice(page)).toBeVisible();
  await expect(notice(page)).toHaveAttribute("role", "status");
  await expect(page.locator(".url-notice-title")).toHaveText(en["url.rejected.title"]);
  expect(await keys(page)).toEqual(["depth", "width", "act", "res", "lr"]);
  const line = (key) => page.locator(`.url-notice li[data-key="${key}"]`);
  await expect(line("depth")).toHaveText("depth = “abc”: expected a number from 1 to 30 — using 10");
  await expect(line("width")).toHaveText("width = “999”: expected a number from 1 to 64 — using 16");
  await expect(line("act")).toHaveText("act = “nope”: not one of the values offered here — using sigmoid");
  await expect(line("res")).toHaveText("res = “maybe”: expected 1 or 0 — using 0");
  await expect(line("lr")).toContainText("lr = “-1”: expected a number from 0.0001 to 5 — using 0.1");
  // The scene runs with the defaults (10 hidden layers: 12 columns), and the good value stays.
  await expect(page.locator("#van-diagram")).toHaveAttribute("data-columns", "12");
  await expect(page).toHaveURL(/seed=7/);
  await expect(page).not.toHaveURL(/depth=|width=|act=|res=|lr=/);
  await page.locator(".url-notice-close").click();
  await expect(notice(page)).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("bad values of the first part and of a part built after the mount: one notice names both, in the page's order", async ({ page }) => {
  const errors = watchErrors(page);
  // n is the chain's (built at the mount), depth the network's (built a few frames later).
  await openApp(page, "#scene=vanishing&n=abc&depth=99&lang=en");
  await expect(page.locator("html")).toHaveClass(/\bready\b/);
  await expect(notice(page)).toHaveCount(1);
  expect(await keys(page)).toEqual(["n", "depth"]);
  await expect(page.locator('.url-notice li[data-key="n"]')).toHaveText("n = “abc”: expected a number from 1 to 50 — using 5");
  await expect(page.locator('.url-notice li[data-key="depth"]')).toHaveText("depth = “99”: expected a number from 1 to 30 — using 10");
  await expect(page).not.toHaveURL(/[&#]n=|depth=/);
  expect(errors).toEqual([]);
});

test("bad lists, labels and names in the other scenes, in Vietnamese", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=dying-relu&m=1,2&x=1,zz&lang=vi");
  await expect(page.locator(".url-notice-title")).toHaveText(vi["url.rejected.title"]);
  expect(await keys(page)).toEqual(["x", "m"]);
  await expect(page.locator('.url-notice li[data-key="m"]')).toHaveText("m = “1,2”: cần 6 số cách nhau bằng dấu phẩy, mỗi số từ −100 đến 100");

  await openApp(page, "#scene=zero-init&mlp-y=0,0.5,1&sym-inits=zeros,bogus&lang=en");
  // (Only the hash changed: wait for the new scene's notice.)
  await expect.poll(() => keys(page)).toEqual(["mlp-y", "sym-inits"]);
  await expect(page.locator('.url-notice li[data-key="mlp-y"]')).toHaveText("mlp-y = “0,0.5,1”: expected 3 class numbers (0, 1 or 2) separated by commas");
  await expect(page.locator('.url-notice li[data-key="sym-inits"]')).toHaveText("sym-inits = “zeros,bogus”: not offered here: bogus (left out) — using zeros");

  await openApp(page, "#scene=activations&act=tanh,bogus&x=huge&lang=en");
  await expect.poll(() => keys(page)).toEqual(["act", "x"]);
  await expect(page.locator('.url-notice li[data-key="x"]')).toHaveText("x = “huge”: expected a number from −6 to 6 — using 0");
  // tanh, the name it knows, is still shown.
  await expect(page).toHaveURL(/scene=activations/);
  expect(errors).toEqual([]);
});

test("a good link shows no notice", async ({ page }) => {
  const errors = watchErrors(page);
  for (const hash of ["#scene=vanishing&depth=3&width=6&act=tanh&res=1", "#scene=activations&act=relu,gelu&x=1.5", "#scene=dying-relu&x=-1,0.2", "#scene=zero-init&mlp-y=0,1,2"]) {
    await openApp(page, `${hash}&lang=en`);
    await expect(page.locator("html")).toHaveAttribute("data-scene", /^[a-z-]+$/);
    await expect(page.locator(`#scene-root .scene-${/scene=([a-z-]+)/.exec(hash)[1]}`)).toBeVisible();
    await expect(notice(page)).toHaveCount(0);
  }
  expect(errors).toEqual([]);
});
