// Phones (issue 15, part 6): at 360 × 740 with touch, in vi and en, with every step shown and
// every <details> open, nothing on any scene scrolls sideways to reveal numbers — formulas wrap
// between their runs, an operand wider than the line is shown transposed (with ᵀ) and back when
// there is room, tables become cards whose cells carry their column's name, the gradient diagram
// scales to the width. Expected numbers are the article's (tests/golden/seed.json), rounded here.
import { test, expect } from "./fixtures.mjs";
import { expectIdle, openApp, scrollThrough, scrollToView, watchErrors } from "./helpers.mjs";
import { seed } from "./seed-helpers.mjs";

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
/** Every scene with every step of its step players laid out (the widest they get), and the
 * players again with every step left to the student (answer boxes instead of results). */
const VIEWS = [
  ["activations", ""],
  ["vanishing", "&all=1"],
  ["dying-relu", "&all=1"],
  ["dying-relu", "&all=1&fade=all"],
  ["zero-init", "&reg-all=1&mlp-all=1"],
  ["zero-init", "&reg-all=1&reg-fade=all&mlp-all=1&mlp-fade=all"],
  ["lab", ""],
  ["summary", ""],
];

/** The entry of seed.json with this id. */
function seedEntry(id) {
  const find = (node) => {
    if (!node || typeof node !== "object") return undefined;
    if (node.id === id) return node;
    for (const value of Object.values(node)) {
      const found = find(value);
      if (found) return found;
    }
    return undefined;
  };
  const entry = find(seed);
  expect(entry, id).toBeTruthy();
  return entry;
}

/** Elements of the scene that scroll sideways: wider content than box, overflow not visible. */
async function sidewaysScrollers(page) {
  return page.evaluate(() => {
    const root = document.querySelector("#scene-root");
    if (!root) return ["no #scene-root"];
    const found = [...root.querySelectorAll("*")]
      .filter((e) => e.clientWidth > 1 && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== "visible")
      .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}.${[...e.classList].join(".")} ${e.scrollWidth}/${e.clientWidth}`);
    const page = document.scrollingElement;
    if (page && page.scrollWidth > page.clientWidth) found.push(`the page ${page.scrollWidth}/${page.clientWidth}`);
    return found;
  });
}

for (const lang of ["vi", "en"]) {
  test.use({ ...PHONE });

  test(`${lang}: no scene scrolls sideways at 360 px, with every step shown and every detail open`, async ({ page }) => {
    test.setTimeout(150_000);
    const errors = watchErrors(page);
    const found = [];
    let elements = 0;
    for (const [scene, query] of VIEWS) {
      await page.goto("about:blank");
      await openApp(page, `#scene=${scene}&lang=${lang}${query}`);
      await expect(page.locator(`#scene-root .scene-${scene}`)).toBeVisible();
      await expectIdle(page);
      await page.evaluate(() => document.querySelectorAll("#scene-root details").forEach((d) => (d.open = true)));
      // A formula is fitted to its width when its part is first laid out, near the screen.
      await scrollThrough(page);
      // A formula that is refitted after opening a detail does so at its next layout.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      elements += await page.locator("#scene-root *").count();
      found.push(...(await sidewaysScrollers(page)).map((s) => `${scene}${query}: ${s}`));
    }
    expect(elements, "the scenes were drawn").toBeGreaterThan(2000);
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test("a row of numbers too wide for the phone is shown transposed with ᵀ, and as a row again when there is room", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=dying-relu&lang=en&all=1");
  // The softmax step: p = softmax(z) with the article's logits.
  const card = page.locator('#dr-player .sp-card[data-result="P"]');
  const z = card.locator('[data-operand="Z2"][data-role="operand"]');
  const logits = ["dyingRelu.z1", "dyingRelu.z2", "dyingRelu.z3"].map((id) => seedEntry(id).exact);
  // Written by hand from the exact logits at the player's 4 significant digits.
  expect(logits.map((v) => v.toPrecision(4))).toEqual(["0.6860", "0.4116", "-0.2744"]);
  const shown = ["0.686", "0.4116", "−0.2744"];

  await scrollToView(card);
  await expect(z).toHaveAttribute("data-fit", "transposed");
  await expect(card.locator('msup[data-fit="transposed"] > mi')).toHaveText("T");
  await expect(card.locator('msup[data-fit="transposed"]')).toBeVisible();
  // Read down the column, as the student reads it: one number per row.
  const column = z.locator("mtr");
  await expect(column).toHaveCount(3);
  for (const [i, text] of shown.entries()) {
    await expect(column.nth(i).locator("mtd")).toHaveCount(1);
    await expect(column.nth(i)).toHaveText(text);
  }
  expect(await card.locator(".sp-formula").evaluate((box) => box.scrollWidth <= box.clientWidth + 1)).toBe(true);

  // Wide enough: the row as built, no ᵀ; narrow again: transposed again.
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(card.locator('msup[data-fit="transposed"]')).toHaveCount(0);
  await expect(z).not.toHaveAttribute("data-fit", "transposed");
  await expect(z.locator("mtr")).toHaveCount(1);
  await expect(z.locator("mtd")).toHaveText(shown);
  await page.setViewportSize({ width: 360, height: 740 });
  await card.scrollIntoViewIfNeeded();
  await expect(z).toHaveAttribute("data-fit", "transposed");
  await expect(z.locator("mtr")).toHaveCount(3);
  expect(errors).toEqual([]);
});

test("a table becomes cards: each cell under its column's name, the row header as the title, still a table to a screen reader", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=dying-relu&lang=en");
  const table = page.locator("table.dr-compare");
  await table.scrollIntoViewIfNeeded();
  const leaky = table.locator('tbody tr[data-act="leaky_relu"]');
  await expect(leaky).toHaveCount(1);
  // The row is a card: laid out as a grid, its heading row hidden from sight (not from readers).
  expect(await leaky.evaluate((tr) => getComputedStyle(tr).display)).toBe("grid");
  expect(await table.locator("thead").evaluate((head) => head.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
  await expect(leaky.locator("th")).toHaveText("Leaky ReLU (α = 0.01)");
  // f′ of Leaky ReLU at a negative h₂ is its α; the column's name is drawn above it.
  const fprime = leaky.locator("td").first();
  await expect(fprime).toHaveText("0.01");
  expect(await fprime.evaluate((td) => getComputedStyle(td, "::before").content)).toBe('"f′(h₂)"');
  const box = await fprime.boundingBox();
  expect(box && box.x + box.width).toBeLessThanOrEqual(360);

  // Chromium's accessibility tree still has the table, its row headers and cells. (Chromium keeps
  // them even without the explicit roles card-table.js sets for WebKit, which this suite cannot run.)
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
  const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector: "table.dr-compare" });
  const roles = async (role) => (await cdp.send("Accessibility.queryAXTree", { nodeId, role })).nodes.length;
  const rows = await table.locator("tbody tr").count();
  expect(rows).toBeGreaterThan(5);
  expect(await roles("table")).toBe(1);
  expect(await roles("rowheader")).toBe(rows);
  expect(await roles("cell")).toBe(rows * 4);
  expect(errors).toEqual([]);
});
