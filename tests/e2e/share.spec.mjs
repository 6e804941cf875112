// The header's Share button (issue 16, item 1): on every scene it opens a dialog with the link
// to the current view and an <iframe> snippet. The link, opened in a fresh page, shows the same
// controls and readouts; the snippet is one iframe titled with the scene's title in the chosen
// language, whose src hides the navigation; the language / theme / hide-navigation / lock
// choices change exactly their parameters; Copy uses the clipboard or, without it, selects the
// text and says how to copy; the dialog works from the keyboard and fits a 360 px phone.
import { test, expect } from "./fixtures.mjs";
import { vi, en } from "./strings.mjs";
import { watchErrors, openApp } from "./helpers.mjs";

const TABLES = { vi, en };
const SCENE_IDS = ["activations", "vanishing", "dying-relu", "zero-init", "lab", "summary"];

const dialog = (page) => page.locator("dialog.share-dialog");
const linkField = (page) => page.locator("#share-link");
const snippetField = (page) => page.locator("#share-snippet");

/** Opens the Share dialog by its accessible name and waits for the link to be filled in. */
async function openShare(page, lang) {
  await page.getByRole("button", { name: TABLES[lang]["share.button"], exact: true }).click();
  await expect(dialog(page)).toBeVisible();
  await expect(page.getByRole("heading", { name: TABLES[lang]["share.title"] })).toBeVisible();
  await expect(linkField(page)).toHaveValue(/^http/);
}

// The snippet is parsed in a blank page of the same browser: parsing its `style="border:0"`
// inside the app's page would trip the app's own CSP (an inline style), which is the host
// page's business, not gradlab's.
const parsers = new WeakMap();

/** The snippet parsed by the browser's own HTML parser (DOMParser): the elements of its body. */
async function parseSnippet(page) {
  const snippet = await snippetField(page).inputValue();
  let parser = parsers.get(page);
  if (!parser) {
    parser = await page.context().newPage();
    parsers.set(page, parser);
  }
  return parser.evaluate((html) => {
    const body = new DOMParser().parseFromString(html, "text/html").body;
    return [...body.children].map((e) => ({ tag: e.tagName.toLowerCase(), attributes: Object.fromEntries([...e.attributes].map((a) => [a.name, a.value])) }));
  }, snippet);
}

/** The parameters of a link: its hash's and its query's, by key (all values). */
function linkParams(href) {
  const url = new URL(href);
  const hash = new URLSearchParams(url.hash.slice(1));
  return { hash, query: url.searchParams, all: (key) => [...hash.getAll(key), ...url.searchParams.getAll(key)] };
}

/** Opens `url` in a fresh page of `context` (as a reader of the link would) once the scene is up. */
async function openInNewPage(context, url) {
  const other = await context.newPage();
  const errors = watchErrors(other);
  await other.goto(url);
  await expect(other.locator("html")).toHaveClass(/\bready\b/);
  return { other, errors };
}

/** A choice of the dialog by its label in `lang`. */
const choice = (page, lang, key) => dialog(page).getByLabel(TABLES[lang][key], { exact: true });

for (const lang of ["vi", "en"]) {
  test(`${lang}: a changed vanishing view, shared and opened in a new page, looks the same`, async ({ page, context }) => {
    const errors = watchErrors(page);
    await openApp(page, `#scene=vanishing&lang=${lang}`);
    await page.locator("#van-act").selectOption("tanh");
    await page.locator("#van-depth-number").fill("4");
    await page.locator("#van-depth-number").press("Tab");
    await expect(page.locator("#van-diagram")).toHaveAttribute("data-columns", "6");
    const ratio = await page.locator("#van-ratio").innerText();
    expect(ratio.trim()).not.toBe("");

    await openShare(page, lang);
    const link = await linkField(page).inputValue();
    expect(linkParams(link).all("depth")).toEqual(["4"]);
    expect(linkParams(link).all("lang")).toEqual([lang]);
    await page.keyboard.press("Escape");

    const { other, errors: otherErrors } = await openInNewPage(context, link);
    await expect(other.locator("#van-act")).toHaveValue("tanh");
    await expect(other.locator("#van-depth-number")).toHaveValue("4");
    await expect(other.locator("#van-diagram")).toHaveAttribute("data-columns", "6");
    await expect(other.locator("#van-ratio")).toHaveText(ratio);
    await expect(other.locator("html")).toHaveAttribute("lang", lang);
    await expect(other.locator(".url-notice")).toHaveCount(0);
    expect(otherErrors).toEqual([]);
    expect(errors).toEqual([]);
  });

  test(`${lang}: a changed activations view: the link and the embed code reproduce it, without navigation in the frame`, async ({ page, context }) => {
    const errors = watchErrors(page);
    await openApp(page, `#scene=activations&lang=${lang}`);
    await page.locator("#act-select").selectOption("tanh");
    await page.locator("#x-number").fill("1.5");
    await expect(page.locator("#x-slider")).toHaveValue("1.5");
    const value = await page.locator("#readout-f").innerText();
    expect(value.trim()).not.toBe("");

    await openShare(page, lang);
    const link = await linkField(page).inputValue();
    const elements = await parseSnippet(page);
    expect(elements.map((e) => e.tag)).toEqual(["iframe"]);
    const frame = elements[0].attributes;
    expect(frame.title).toBe(TABLES[lang]["scene.activations.title"]);
    expect(frame.title.length).toBeGreaterThan(0);
    // Hiding the navigation is the embed code's default: src = the link + embed=1.
    await expect(choice(page, lang, "share.embed")).toBeChecked();
    expect(linkParams(frame.src).all("embed")).toEqual(["1"]);
    expect(linkParams(link).all("embed")).toEqual([]);
    const src = new URL(frame.src);
    src.hash = src.hash.replace(/&embed=1$/, "");
    expect(src.href).toBe(link);
    expect(frame).toMatchObject({ width: "100%", height: "800", loading: "lazy", style: "border:0" });

    for (const [target, embedded] of [
      [link, false],
      [frame.src, true],
    ]) {
      const { other, errors: otherErrors } = await openInNewPage(context, target);
      await expect(other.locator("#act-select")).toHaveValue("tanh");
      await expect(other.locator("#x-number")).toHaveValue("1.5");
      await expect(other.locator("#readout-f")).toHaveText(value);
      await expect(other.locator("#scene-nav")).toBeVisible({ visible: !embedded });
      await expect(other.locator(".site-header")).toBeVisible({ visible: !embedded });
      await expect(other.locator("#share-button")).toBeVisible({ visible: !embedded });
      expect(otherErrors).toEqual([]);
      await other.close();
    }
    expect(errors).toEqual([]);
  });

  test(`${lang}: the choices change exactly their parameters in both fields`, async ({ page, context }) => {
    const errors = watchErrors(page);
    await openApp(page, `#scene=dying-relu&lang=${lang}`);
    await openShare(page, lang);
    const other = lang === "vi" ? "en" : "vi";
    const fields = async () => {
      const link = await linkField(page).inputValue();
      const src = (await parseSnippet(page))[0].attributes.src;
      return { link: linkParams(link), src: linkParams(src), title: (await parseSnippet(page))[0].attributes.title };
    };
    let now = await fields();
    expect(now.link.all("lang")).toEqual([lang]);
    expect(now.link.all("theme")).toEqual([]);
    expect(now.link.all("lock")).toEqual([]);

    await dialog(page).locator(`input[name="share-lang"][value="${other}"]`).check();
    now = await fields();
    expect(now.link.all("lang")).toEqual([other]);
    expect(now.src.all("lang")).toEqual([other]);
    // The page loads only its own language's text; the dialog fetches the other's for the title.
    await expect.poll(async () => (await fields()).title).toBe(TABLES[other]["scene.dying-relu.title"]);

    await choice(page, lang, "share.theme.dark").check();
    now = await fields();
    expect(now.link.all("theme")).toEqual(["dark"]);
    expect(now.src.all("theme")).toEqual(["dark"]);
    await choice(page, lang, "share.theme.light").check();
    expect((await fields()).src.all("theme")).toEqual(["light"]);
    await choice(page, lang, "share.theme.system").check();
    now = await fields();
    expect(now.link.all("theme")).toEqual([]);
    expect(now.src.all("theme")).toEqual([]);

    await choice(page, lang, "share.embed").uncheck();
    now = await fields();
    expect(now.src.all("embed")).toEqual([]);
    expect(now.link.all("embed")).toEqual([]);
    expect(await snippetField(page).inputValue()).toContain(`src="${(await linkField(page).inputValue()).replaceAll("&", "&amp;")}"`);
    await choice(page, lang, "share.embed").check();
    expect((await fields()).src.all("embed")).toEqual(["1"]);

    await choice(page, lang, "share.lock").check();
    now = await fields();
    expect(now.link.all("lock")).toEqual(["all"]);
    expect(now.src.all("lock")).toEqual(["all"]);
    // lock=all is no "link value not used" notice; the link's page is locked (lock.spec.mjs).
    const { other: locked, errors: lockedErrors } = await openInNewPage(context, await linkField(page).inputValue());
    await expect(locked.locator("html")).toHaveAttribute("lang", other);
    await expect(locked.locator("#scene-root .scene-dying-relu")).toBeVisible();
    await expect(locked.locator(".url-notice")).toHaveCount(0);
    await expect(locked.locator(".lock-notice")).toBeVisible();
    expect(lockedErrors).toEqual([]);
    await choice(page, lang, "share.lock").uncheck();
    expect((await fields()).link.all("lock")).toEqual([]);
    // The other keys of the view are untouched.
    expect((await fields()).link.all("scene")).toEqual(["dying-relu"]);
    expect(errors).toEqual([]);
  });

  test(`${lang}: Copy puts the link in the clipboard and says so`, async ({ page, context }) => {
    const errors = watchErrors(page);
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await openApp(page, `#scene=zero-init&lang=${lang}`);
    await openShare(page, lang);
    const link = await linkField(page).inputValue();
    await page.locator("#share-link-copy").click();
    await expect(page.locator("#share-link-status")).toHaveText(TABLES[lang]["share.copied"]);
    await expect(page.locator("#share-link-status")).toHaveAttribute("role", "status");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await page.locator("#share-snippet-copy").click();
    await expect(page.locator("#share-snippet-status")).toHaveText(TABLES[lang]["share.copied"]);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await snippetField(page).inputValue());
    expect(errors).toEqual([]);
  });

  test(`${lang}: without the Clipboard API the text is selected and the page says how to copy`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.addInitScript(() => {
      delete Navigator.prototype.clipboard;
    });
    await openApp(page, `#scene=lab&lang=${lang}`);
    expect(await page.evaluate(() => navigator.clipboard)).toBeUndefined();
    await openShare(page, lang);
    for (const [field, id] of [
      [linkField(page), "share-link"],
      [snippetField(page), "share-snippet"],
    ]) {
      await page.locator(`#${id}-copy`).click();
      await expect(page.locator(`#${id}-status`)).toHaveText(TABLES[lang]["share.copyManual"]);
      await expect(field).toBeFocused();
      const selection = await field.evaluate((f) => ({ start: f.selectionStart, end: f.selectionEnd, length: f.value.length }));
      expect(selection.length).toBeGreaterThan(0);
      expect(selection).toEqual({ start: 0, end: selection.length, length: selection.length });
    }
    expect(errors).toEqual([]);
  });
}

test("every scene has the Share button; its embed code carries the scene's title", async ({ page }) => {
  const errors = watchErrors(page);
  for (const id of SCENE_IDS) {
    await openApp(page, `#scene=${id}&lang=en`);
    await expect(page.locator(`#scene-root .scene-${id}`)).toBeVisible();
    await openShare(page, "en");
    const elements = await parseSnippet(page);
    expect(elements).toHaveLength(1);
    expect(elements[0].attributes.title).toBe(en[`scene.${id}.title`]);
    expect(linkParams(await linkField(page).inputValue()).all("scene")).toEqual([id]);
    if (id === "vanishing") await page.screenshot({ path: "test-results/share-desktop-en.png" }); // for a look by eye
    await dialog(page).getByRole("button", { name: en["share.close"], exact: true }).click();
    await expect(dialog(page)).toBeHidden();
  }
  expect(errors).toEqual([]);
});

test("keyboard: Enter opens, Escape closes, focus returns to the Share button (vi)", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=vanishing&lang=vi");
  const share = page.getByRole("button", { name: vi["share.button"], exact: true });
  await share.focus();
  await page.keyboard.press("Enter");
  await expect(dialog(page)).toBeVisible();
  expect(await dialog(page).evaluate((d) => d.open && d.matches(":modal"))).toBe(true);
  await expect(dialog(page)).toHaveAccessibleName(vi["share.title"]);
  await page.keyboard.press("Escape");
  await expect(dialog(page)).toBeHidden();
  await expect(share).toBeFocused();
  // And again with the Close button.
  await page.keyboard.press("Enter");
  await expect(dialog(page)).toBeVisible();
  await dialog(page).getByRole("button", { name: vi["share.close"], exact: true }).click();
  await expect(dialog(page)).toBeHidden();
  await expect(share).toBeFocused();
  expect(errors).toEqual([]);
});

test("an embedded page has no Share button", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "?embed=1#scene=activations&lang=en");
  await expect(page.locator("#share-button")).toBeHidden();
  await openApp(page, "#scene=summary&lang=vi&embed=1");
  await expect(page.locator("#share-button")).toBeHidden();
  expect(errors).toEqual([]);
});

test("vi: the dialog fits a 360 px phone without sideways scrolling", async ({ page }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 360, height: 740 });
  await openApp(page, "#scene=lab&lang=vi");
  await openShare(page, "vi");
  const box = await dialog(page).boundingBox();
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(360);
  const wide = await dialog(page).evaluate((root) => [root, ...root.querySelectorAll("*")].filter((e) => e.tagName !== "INPUT" && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== "visible").map((e) => e.className));
  expect(wide).toEqual([]);
  // (A text input scrolls its own line, as every input does; the page does not.)
  expect(await page.evaluate(() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth + 1)).toBe(true);
  await page.screenshot({ path: "test-results/share-360-vi.png" });
  expect(errors).toEqual([]);
});
