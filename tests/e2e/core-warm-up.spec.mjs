// The core's warm-up worker (web/core-warm-up.js, issue 17): on every scene but the summary, a
// worker makes the start's calls (the series and activation charts' among them, on an
// OffscreenCanvas) on the page's own compiled module first, so the page does not compile them in
// its tasks. It must
// never change what the page does: one download of the wasm, every call of its list accepted by
// the core (a call the API no longer takes would silently warm nothing), and the scene working
// the same where no worker can run or the server sends the wasm without its MIME type.
import { test, expect } from "./fixtures.mjs";
import { openApp, watchErrors } from "./helpers.mjs";

/** The wasm and warm-up files the page requests from now on (paths under web/). */
function requests(page) {
  const paths = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith(".wasm") || path.includes("core-warm-up")) paths.push(path.replace(/^.*\/web\//, ""));
  });
  return paths;
}

const warmUp = (page) => page.locator("html").getAttribute("data-core-warm-up");

for (const { link, wasm } of [
  { link: "#scene=vanishing&lang=en", wasm: "pkg/training/gradlab_bg.wasm" },
  { link: "#scene=lab&lang=vi", wasm: "pkg/lab/gradlab_bg.wasm" },
  { link: "#scene=activations&lang=en", wasm: "pkg/lite/gradlab_bg.wasm" },
]) {
  test(`${link}: the worker makes every call of its list on the page's module, which is downloaded once`, async ({ page }) => {
    const errors = watchErrors(page);
    const paths = requests(page);
    await openApp(page, link);
    await expect.poll(() => warmUp(page), { message: "the worker reports back" }).toBe("done");
    expect(paths.filter((p) => p.endsWith(".wasm"))).toEqual([wasm]);
    expect(paths).toContain("core-warm-up-worker.js");
    expect(errors).toEqual([]);
  });
}

for (const { link, wasm } of [{ link: "#scene=summary&lang=vi", wasm: "pkg/facts/gradlab_bg.wasm" }]) {
  test(`${link}: the facts core (no chart, no exercises) starts no worker`, async ({ page }) => {
    const errors = watchErrors(page);
    const paths = requests(page);
    await openApp(page, link);
    await expect(page.locator("#scene-root h1")).toBeVisible();
    expect(paths).toEqual([wasm]);
    expect(await warmUp(page)).toBeNull();
    expect(errors).toEqual([]);
  });
}

test("without workers the vanishing scene starts as before and shows its numbers", async ({ page }) => {
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    // @ts-ignore a browser without module workers
    delete window.Worker;
  });
  const paths = requests(page);
  await openApp(page, "#scene=vanishing&lang=en");
  // The first/last gradient-norm ratio of the default network, as the student reads it.
  await expect(page.locator("#van-ratio")).toHaveText(/\d/);
  expect(await warmUp(page)).toBeNull();
  expect(paths).not.toContain("core-warm-up-worker.js");
  expect(paths.filter((p) => p.endsWith(".wasm"))).toEqual(["pkg/training/gradlab_bg.wasm"]);
  expect(errors).toEqual([]);
});

test("a server that sends the wasm without its MIME type: the glue's own loading takes over, the scene works", async ({ page }) => {
  const errors = watchErrors(page);
  await page.route("**/*.wasm", async (route) => {
    const response = await route.fetch();
    // The body comes decoded: sent again without its encoding and with another type.
    await route.fulfill({ status: 200, body: await response.body(), headers: { "content-type": "application/octet-stream" } });
  });
  const paths = requests(page);
  await openApp(page, "#scene=vanishing&lang=en");
  await expect(page.locator("#van-ratio")).toHaveText(/\d/);
  expect(await warmUp(page)).toBeNull();
  // The warm-up's streaming compilation refused it, then the glue fetched it and compiled the bytes.
  expect(paths.filter((p) => p.endsWith(".wasm"))).toEqual(["pkg/training/gradlab_bg.wasm", "pkg/training/gradlab_bg.wasm"]);
  expect(errors).toEqual([]);
});
