// Faded worked examples (issue 15, part 3): in the step player the student does the last step,
// the last k steps or every step — the card asks for the result instead of showing it, the core
// judges what is typed (decimal comma, Unicode minus, within 1 %), wrong entries are marked and
// said, a right answer or "show the result" reveals it. The choice is in the link; the steps
// save as JSON; the printed solution shows every result. Expected numbers are the seed
// article's (tests/golden/seed.json), combined here by hand, not asked of the page.
import fs from "node:fs";
import { test, expect } from "./fixtures.mjs";
import { openApp, watchErrors } from "./helpers.mjs";
import { seed } from "./seed-helpers.mjs";
import { vi, en, fill } from "./strings.mjs";

const TABLES = { vi, en };
const exact = Object.fromEntries(seed.sections.dyingRelu.entries.map((e) => [e.id.replace("dyingRelu.", ""), e.exact]));
// W_out after one step: W_out − η · ∇W_out, ∇W_out = ReLU(h)ᵀ · ∇_z L (row 2 is 0: h₂ is dead).
const dz = [exact.dz1, exact.dz2, exact.dz3];
const relu = [exact.relu_h1, exact.relu_h2];
const woutBefore = [
  [exact.wout11, exact.wout12, exact.wout13],
  [exact.wout21, exact.wout22, exact.wout23],
];
const woutAfter = woutBefore.map((row, i) => row.map((w, k) => w - exact.learning_rate * relu[i] * dz[k]));
/** How a student writes a number in `lang`: four significant digits, a decimal comma in vi. */
const typed = (v, lang) => {
  const text = Number(v.toPrecision(4)).toString().replace("-", "−");
  return lang === "vi" ? text.replace(".", ",") : text;
};

const player = (page) => page.locator("#dr-player");
const card = (page) => player(page).locator(".sp-card");

for (const lang of ["vi", "en"]) {
  const T = TABLES[lang];

  test(`${lang}: "I do the last step" asks for W_out after the update, judges each entry and then shows the result`, async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page, `#scene=dying-relu&lang=${lang}&fade=1&step=13`);
    await expect(page.locator("#dr-player-fade")).toHaveValue("1");
    await expect(page.locator("#dr-player-fade option:checked")).toHaveText(T["fade.last1"]);
    await expect(card(page)).toHaveAttribute("data-index", "12");
    // Asked, not shown: no result line, one field per entry of the 2 × 3 result.
    await expect(card(page).locator(".step-result")).toHaveCount(0);
    const inputs = card(page).locator("input[data-answer]");
    await expect(inputs).toHaveCount(6);
    await expect(card(page).locator(".sp-answer-head")).toContainText(T["fade.shape"].replace("{rows}", "2").replace("{cols}", "3"));

    // One wrong entry (the first, off by 10 %), the others right.
    const values = woutAfter.flat();
    for (let k = 0; k < 6; k++) await inputs.nth(k).fill(typed(k === 0 ? values[0] * 1.1 : values[k], lang));
    await card(page).getByRole("button", { name: T["fade.check"], exact: true }).click();
    const status = card(page).locator(".sp-answer-status");
    await expect(status).toHaveText(`${fill(T["fade.wrong"], { n: 1, total: 6, pct: 1 })} ${T["fade.tryAgain"]}`);
    await expect(inputs.nth(0)).toHaveAttribute("aria-invalid", "true");
    await expect(inputs.nth(1)).not.toHaveAttribute("aria-invalid", "true");
    await expect(card(page).locator(".step-result")).toHaveCount(0);

    // Corrected: right, and the exact result appears with the outcome.
    await inputs.nth(0).fill(typed(values[0], lang));
    await inputs.nth(0).press("Enter");
    await expect(card(page).locator(".sp-answer-outcome")).toHaveText(T["fade.right"].replace("{pct}", "1"));
    await expect(card(page).locator("input[data-answer]")).toHaveCount(0);
    const result = card(page).locator(".step-result");
    await expect(result).toHaveCount(1);
    // The result as the student reads it: 0.5073 0.2951 −0.2025 −0.1 0.4 0.6 (four digits).
    const shown = (await result.textContent()).replace(/\s+/g, " ");
    for (const v of values) expect(shown).toContain(Number(v.toPrecision(4)).toString().replace("-", "−"));
    // Moving away and back keeps it solved.
    await page.keyboard.press("Home");
    await expect(card(page)).toHaveAttribute("data-index", "0");
    await page.keyboard.press("End");
    await expect(card(page).locator(".sp-answer-outcome")).toBeVisible();
    expect(errors).toEqual([]);
  });

  test(`${lang}: "I do every step" asks from the first step; a typed loss with a comma is right; show the result works`, async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page, `#scene=dying-relu&lang=${lang}`);
    await expect(page.locator("#dr-player-fade")).toHaveValue("none");
    await expect(card(page).locator(".step-result")).toHaveCount(1);
    await page.locator("#dr-player-fade").selectOption("all");
    await expect(page).toHaveURL(/[#&]fade=all(&|$)/);
    // The first step the student does is shown: step 1 of 13.
    await expect(card(page)).toHaveAttribute("data-index", "0");
    await expect(card(page).locator("input[data-answer]")).not.toHaveCount(0);
    // Step 5 is the loss: one number.
    await player(page).locator('.sp-item[data-index="4"]').click();
    const input = card(page).locator("input[data-answer]");
    await expect(input).toHaveCount(1);
    await input.fill(lang === "vi" ? "0,762" : "0.762");
    await card(page).getByRole("button", { name: T["fade.check"], exact: true }).click();
    await expect(card(page).locator(".sp-answer-outcome")).toHaveText(T["fade.right"].replace("{pct}", "1"));
    await expect(card(page).locator(".step-result")).toContainText("0.762");
    // Step 6, asked for, then shown on request.
    await page.keyboard.press("ArrowRight");
    await expect(card(page)).toHaveAttribute("data-index", "5");
    await expect(card(page).locator(".step-result")).toHaveCount(0);
    await card(page).getByRole("button", { name: T["fade.show"], exact: true }).click();
    await expect(card(page).locator(".sp-answer-outcome")).toHaveText(T["fade.shown"]);
    await expect(card(page).locator(".step-result")).toHaveCount(1);
    // Text that is not a number is told apart from a wrong number.
    await page.keyboard.press("ArrowRight");
    const fields = card(page).locator("input[data-answer]");
    await fields.first().fill("abc");
    await card(page).getByRole("button", { name: T["fade.check"], exact: true }).click();
    await expect(card(page).locator(".sp-answer-status")).toHaveAttribute("data-verdict", "unreadable");
    // Every field counts: "abc" and the ones left empty.
    const n = await fields.count();
    expect(n).toBeGreaterThan(0);
    await expect(card(page).locator(".sp-answer-status")).toHaveText(`${fill(T["fade.unreadable"], { n })} ${T["fade.tryAgain"]}`);
    expect(errors).toEqual([]);
  });
}

test("the steps save as JSON that holds the trace's numbers", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=dying-relu&lang=en");
  const download = page.waitForEvent("download");
  await player(page).getByRole("button", { name: en["player.json"], exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("gradlab-dr-player-steps.json");
  const saved = JSON.parse(fs.readFileSync(await file.path(), "utf8"));
  expect(saved.steps).toHaveLength(13);
  expect(saved.steps[4].op).toBe("loss");
  expect(Math.abs(saved.steps[4].result.value - exact.loss)).toBeLessThan(1e-12);
  expect(saved.steps[12].result.value.flat().map((v, k) => Math.abs(v - woutAfter.flat()[k]) < 1e-12)).toEqual(Array(6).fill(true));
  expect(errors).toEqual([]);
});

test("the printed worked solution shows every result, the faded ones too, and only the player", async ({ page }) => {
  const errors = watchErrors(page);
  // What the page looks like at the moment it prints (the print dialog itself is not headless).
  await page.addInitScript(() => {
    window.print = () => {
      const root = document.querySelector("#dr-player");
      window.__printed = {
        target: root?.classList.contains("print-target") ?? false,
        marked: document.documentElement.hasAttribute("data-print"),
        inputs: root?.querySelectorAll("input[data-answer]").length ?? -1,
        results: root?.querySelectorAll(".sp-card .step-result").length ?? -1,
      };
    };
  });
  await openApp(page, "#scene=dying-relu&lang=en&fade=2&all=1");
  await expect(card(page)).toHaveCount(13);
  await expect(player(page).locator("input[data-answer]")).not.toHaveCount(0);
  await player(page).getByRole("button", { name: en["player.print"], exact: true }).click();
  expect(await page.evaluate(() => window.__printed)).toEqual({ target: true, marked: true, inputs: 0, results: 13 });
  // Afterwards the questions are back and the page is no longer marked for printing.
  await expect(player(page).locator("input[data-answer]")).not.toHaveCount(0);
  await expect(page.locator("html")).not.toHaveAttribute("data-print", "");
  expect(errors).toEqual([]);
});

test("the zero-init players offer the faded steps; the vanishing player (no typed results) does not", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=zero-init&lang=en&reg-fade=1");
  await expect(page.locator("#zi-reg-player-fade")).toBeVisible();
  await expect(page.locator("#zi-reg-player-fade")).toHaveValue("1");
  await expect(page.locator("#zi-mlp-player-fade")).toBeAttached();
  await openApp(page, "#scene=vanishing&lang=en");
  await expect(page.locator("#van-player")).toBeAttached();
  await expect(page.locator("#van-player-fade")).toBeHidden();
  expect(errors).toEqual([]);
});
