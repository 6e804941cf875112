// "Predict, then see" (issue 15, part 1): at the moment that matters in each mission scene the
// student guesses first — a point on a log axis (vanishing), an estimate (activations), a choice
// (dying-relu, zero-init) — while the result is covered; Reveal puts the guess beside the exact
// value with a word on it, Skip just reveals; the visit remembers it; the keyboard works it.
// Expected values and sentences are written here (by hand from the article's numbers and the
// i18n templates), not asked of the page. Uses Playwright's own `test`: the prompts are asked.
import { test, expect } from "@playwright/test";
import { openApp, watchErrors } from "./helpers.mjs";
import { vi, en, fill } from "./strings.mjs";

const TABLES = { vi, en };

for (const lang of ["vi", "en"]) {
  const T = TABLES[lang];

  test(`${lang}: vanishing — the first layer's gradient is guessed on a log scale before the chain is shown`, async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page, `#scene=vanishing&lang=${lang}`);
    const box = page.locator("#predict-vanishing-chain");
    await expect(box.getByRole("heading", { name: T["predict.title"] })).toBeVisible();
    // The default chain: 5 layers, local derivative 0.1 (the registry's defaults).
    await expect(box.locator(".predict-question")).toHaveText(fill(T["van.predict.question"], { n: 5, d: "0.1" }));
    await expect(page.locator("#van-chain-table")).toBeHidden();
    await expect(page.locator("#van-chain-verdict")).toBeHidden();
    // The slider by keyboard: Home is 10⁻²⁰, End is 100 (the text field follows).
    const slider = box.getByRole("slider", { name: T["predict.sliderLog"] });
    await slider.focus();
    await page.keyboard.press("Home");
    await expect(box.getByRole("textbox", { name: T["predict.typed"] })).toHaveValue("10⁻²⁰");
    await page.keyboard.press("End");
    await expect(box.getByRole("textbox", { name: T["predict.typed"] })).toHaveValue("100");
    // Typed: 0.001 (a decimal comma in vi). The exact value is 0.1⁵ = 10⁻⁵: two decades lower.
    await box.getByRole("textbox", { name: T["predict.typed"] }).fill(lang === "vi" ? "0,001" : "0.001");
    await box.getByRole("button", { name: T["predict.reveal"], exact: true }).click();
    await expect(box.locator(".predict-result")).toHaveText(fill(T["predict.magnitude.off"], { guess: "0.001", exact: "10⁻⁵", decades: "2", dir: T["predict.dir.high"] }));
    await expect(box.locator(".predict-result")).toHaveAttribute("data-verdict", "off");
    await expect(page.locator("#van-chain-table")).toBeVisible();
    await expect(box.getByRole("slider")).toBeHidden();
    // Remembered for the visit: a reload shows the chain at once and asks nothing.
    await page.reload();
    await expect(page.locator("html")).toHaveClass(/\bready\b/);
    await expect(page.locator("#van-chain-table")).toBeVisible();
    await expect(page.locator("#predict-vanishing-chain")).toBeHidden();
    expect(errors).toEqual([]);
  });

  test(`${lang}: activations — tanh′(2) is estimated before the article's points are listed`, async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page, `#scene=activations&lang=${lang}`);
    const box = page.locator("#predict-activations-tanh-2");
    await expect(box.locator(".predict-question")).toHaveText(T["act.predict.question"]);
    await expect(page.locator(".seed-list")).toBeHidden();
    await box.getByRole("textbox", { name: T["predict.typed"] }).fill(lang === "vi" ? "0,1" : "0.1");
    await box.getByRole("textbox", { name: T["predict.typed"] }).press("Enter");
    // tanh′(2) = 1 − tanh²(2) = 0.0706508…; 0.1 is 0.029 above: within 0.05, close.
    await expect(box.locator(".predict-result")).toHaveText(fill(T["predict.estimate.close"], { guess: "0.1", exact: "0.07065", off: "0.029", dir: T["predict.dir.high"] }));
    await expect(page.locator(".seed-list")).toBeVisible();
    expect(errors).toEqual([]);
  });

  test(`${lang}: dying-relu — ∂L/∂h₂ is predicted before the verdict and the backward steps show it`, async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page, `#scene=dying-relu&lang=${lang}&step=9`);
    const box = page.locator("#predict-dying-relu-h2");
    await expect(box.locator(".predict-question")).toHaveText(fill(T["dr.predict.question"], { h: "−1.69" }));
    // Step 9 (∂L/∂h) is covered, and so is the overview's verdict.
    const card = page.locator("#dr-player .sp-card");
    await expect(card).toHaveText(T["dr.predict.covered"]);
    await expect(page.locator("#dr-verdict")).toBeHidden();
    const reveal = box.getByRole("button", { name: T["predict.reveal"], exact: true });
    await expect(reveal).toBeDisabled(); // a choice first
    await box.getByRole("radio", { name: T["dr.predict.small"] }).check();
    await reveal.click();
    // The article's h₂ is dead: ∂L/∂h₂ is exactly 0.
    await expect(box.locator(".predict-result")).toHaveText(fill(T["predict.choiceWrong"], { guess: T["dr.predict.small"], truth: T["dr.predict.zero"] }));
    await expect(card).toHaveAttribute("data-op", "grad_pre_activation");
    await expect(page.locator("#dr-verdict")).toBeVisible();
    expect(errors).toEqual([]);
  });

  test(`${lang}: zero-init — whether the hidden units will differ is predicted before the runs are shown; Skip just shows them`, async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page, `#scene=zero-init&lang=${lang}`);
    const box = page.locator("#predict-zero-init-units");
    // The registry's default: 50 steps.
    await expect(box.locator(".predict-question")).toHaveText(fill(T["zi.predict.question"], { n: 50 }));
    const view = page.locator(".zi-sym-results");
    await expect(view).toBeHidden();
    // The runs have finished (the results are no longer busy), but what is covered is drawn
    // only at the reveal.
    await expect(view).toHaveCount(1);
    await expect(view).not.toHaveAttribute("aria-busy", "true", { timeout: 30_000 });
    await expect(page.locator("#zi-sym-summary")).toHaveCount(0);
    await box.getByRole("radio", { name: T["zi.predict.same"] }).check();
    await box.getByRole("button", { name: T["predict.reveal"], exact: true }).click();
    // From zeros every hidden unit gets the same gradient: they stay identical.
    await expect(box.locator(".predict-result")).toHaveText(fill(T["predict.choiceRight"], { guess: T["zi.predict.same"], truth: T["zi.predict.same"] }));
    await expect(box.locator(".predict-result")).toHaveAttribute("data-verdict", "close");
    await expect(view).toBeVisible();
    // Drawn at the reveal, as the student reads it: zeros' hidden units are still identical.
    await expect(page.locator('#zi-sym-summary tr[data-init="zeros"] td[data-identical]')).toHaveText(T["zi.sym.identical"]);

    // Another visit: Skip reveals without a verdict.
    const fresh = await page.context().newPage();
    await fresh.goto(`/#scene=vanishing&lang=${lang}`);
    await fresh.evaluate(() => sessionStorage.clear());
    await fresh.reload();
    const other = fresh.locator("#predict-vanishing-chain");
    await other.getByRole("button", { name: T["predict.skip"], exact: true }).click();
    await expect(other.locator(".predict-result")).toHaveText(T["predict.skipped"]);
    await expect(fresh.locator("#van-chain-table")).toBeVisible();
    await fresh.close();
    expect(errors).toEqual([]);
  });
}
