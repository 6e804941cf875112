// The summary scene (#scene=summary, issue 15 item 5): the three problems in one table, the
// largest derivatives of the activations involved as a student reads them, and every fix a link
// that opens its scene set up to try it — checked on the target scene's visible controls, not on
// the URL. Both languages; a 360 px phone scrolls nothing sideways. Every expectation is a
// literal written here (the derivatives are checked against a small calculation below that uses
// nothing of the page or of the core).
import { test, expect } from "./fixtures.mjs";
import { watchErrors, openApp } from "./helpers.mjs";

// ---------- independent arithmetic: f′ of the three activations -----------------------------
const sigmoid = (x) => 1 / (1 + Math.exp(-x));
const sigmoidPrime = (x) => sigmoid(x) * (1 - sigmoid(x));
const tanhPrime = (x) => 1 - Math.tanh(x) ** 2;
const reluPrime = (x) => (x > 0 ? 1 : 0);

const WORDS = {
  vi: {
    title: "Tóm tắt: ba lý do mạng không học được",
    columns: ["Vấn đề", "Hàm kích hoạt liên quan", "Điều gì xảy ra", "Đạo hàm lớn nhất", "Cách khắc phục (bấm để thử)"],
    problems: ["Gradient tiêu biến", "ReLU chết", "Khởi tạo bằng 0: tính đối xứng không bao giờ bị phá vỡ"],
    sigmoid: "Sigmoid: f′ lớn nhất = 0.25 (tại x = 0)",
    tanh: "Tanh: f′ lớn nhất = 1 (tại x = 0)",
    relu: "ReLU: f′ = 1 khi x > 0, f′ = 0 khi x ≤ 0",
    residual: "Kết nối tắt (residual)",
    xavier: "Khởi tạo ngẫu nhiên Xavier (Glorot)",
    he: "Khởi tạo ngẫu nhiên He (Kaiming)",
    // the target scenes' controls, as they are labelled there
    vanAct: "Hàm kích hoạt của các lớp ẩn",
    vanRes: "Kết nối tắt (residual: aₗ = f(zₗ) + aₗ₋₁ ở những lớp có cùng độ rộng)",
    drAct: "Hàm kích hoạt của lớp ẩn",
    symShow: "Hiện lần chạy của",
    xavierShown: "Xavier đều",
    heShown: "He chuẩn",
  },
  en: {
    title: "Summary: three reasons a network fails to learn",
    columns: ["Problem", "Activations involved", "What goes wrong", "Largest derivative", "Fixes (follow one to try it)"],
    problems: ["Vanishing gradients", "Dying ReLU", "Zero initialisation: the symmetry is never broken"],
    sigmoid: "Sigmoid: largest f′ = 0.25 (at x = 0)",
    tanh: "Tanh: largest f′ = 1 (at x = 0)",
    relu: "ReLU: f′ = 1 for x > 0, f′ = 0 for x ≤ 0",
    residual: "Skip (residual) connections",
    xavier: "Random Xavier (Glorot) initialisation",
    he: "Random He (Kaiming) initialisation",
    vanAct: "Activation of the hidden layers",
    vanRes: "Residual connections (aₗ = f(zₗ) + aₗ₋₁ where the widths match)",
    drAct: "Hidden-layer activation",
    symShow: "Show the run of",
    xavierShown: "Xavier uniform",
    heShown: "He normal",
  },
};

test("the literals below are the derivatives: σ′ peaks at 0.25 at x = 0, tanh′ at 1, relu′ is 1 then 0", () => {
  expect(sigmoidPrime(0)).toBe(0.25);
  expect(tanhPrime(0)).toBe(1);
  // Nowhere else larger (a grid around the peak).
  for (let x = -6; x <= 6; x += 0.01) {
    expect(sigmoidPrime(x)).toBeLessThanOrEqual(0.25);
    expect(tanhPrime(x)).toBeLessThanOrEqual(1);
  }
  expect([reluPrime(0.5), reluPrime(0), reluPrime(-3)]).toEqual([1, 0, 0]);
});

/** The summary scene, fresh, in `lang`. */
async function openSummary(page, lang, extra = "") {
  await page.goto("about:blank");
  await openApp(page, `#scene=summary${extra}&lang=${lang}`);
  await expect(page.locator('#scene-root .scene[data-scene="summary"]')).toBeVisible();
}

/** The row (a card on a phone) of problem `index` of WORDS. */
const row = (page, words, index) => page.getByRole("row", { name: words.problems[index] });

for (const [lang, words] of Object.entries(WORDS)) {
  test.describe(`${lang}`, () => {
    test(`${lang}: the table shows the three problems and the largest derivatives as a student reads them`, async ({ page }) => {
      const errors = watchErrors(page);
      await openSummary(page, lang);
      await expect(page.locator("#scene-root h1")).toHaveText(words.title);
      const table = page.getByRole("table");
      await expect(table).toHaveCount(1);
      await expect(table.locator("caption")).toBeVisible();
      await expect(table.locator('thead th[scope="col"]')).toHaveText(words.columns);
      const problems = table.locator('tbody th[scope="row"]');
      await expect(problems).toHaveCount(3);
      await expect(problems).toHaveText(words.problems);

      const vanishing = row(page, words, 0).getByRole("listitem").filter({ hasText: "f′" });
      await expect(vanishing).toHaveCount(2);
      await expect(vanishing).toHaveText([words.sigmoid, words.tanh]);
      const dying = row(page, words, 1).getByRole("listitem").filter({ hasText: "f′" });
      await expect(dying).toHaveCount(1);
      await expect(dying).toHaveText(words.relu);
      expect(errors).toEqual([]);
    });

    // Each fix: [row, link name, what the opened scene must show].
    const FIXES = [
      [0, "ReLU", "vanishing", { act: "ReLU", res: false }],
      [0, "GELU", "vanishing", { act: "GELU", res: false }],
      [0, "Swish (SiLU)", "vanishing", { act: "Swish (SiLU)", res: false }],
      [0, words.residual, "vanishing", { act: "Sigmoid", res: true }],
      [1, "Leaky ReLU", "dying-relu", { act: "Leaky ReLU", train: "LeakyReLU (α = 0.01)" }],
      [1, "PReLU", "dying-relu", { act: "PReLU", train: "ReLU" }],
      [1, "ELU", "dying-relu", { act: "ELU", train: "ReLU" }],
      [2, words.xavier, "zero-init", { shown: words.xavierShown }],
      [2, words.he, "zero-init", { shown: words.heShown }],
    ];
    for (const [index, name, scene, expected] of FIXES) {
      test(`${lang}: the fix “${name}” opens ${scene} set up to try it`, async ({ page }) => {
        const errors = watchErrors(page);
        await openSummary(page, lang);
        const link = row(page, words, index).getByRole("link", { name, exact: true });
        await expect(link).toHaveCount(1);
        await link.click();
        await expect(page.locator(`#scene-root .scene[data-scene="${scene}"]`)).toBeVisible();
        await expect(page.locator("html")).toHaveAttribute("lang", lang);
        if (scene === "vanishing") {
          await expect(page.getByLabel(words.vanAct, { exact: true }).locator("option:checked")).toHaveText(expected.act);
          const residual = page.getByRole("checkbox", { name: words.vanRes, exact: true });
          await expect(residual).toBeVisible();
          if (expected.res) await expect(residual).toBeChecked();
          else await expect(residual).not.toBeChecked();
        } else if (scene === "dying-relu") {
          const group = page.getByRole("radiogroup", { name: words.drAct, exact: true });
          await expect(group.getByRole("radio", { name: expected.act, exact: true })).toBeChecked();
          await expect(group.getByRole("radio", { checked: true })).toHaveCount(1);
          await expect(page.locator("#dr-tact option:checked")).toHaveText(expected.train);
        } else {
          await expect(page.getByLabel(words.symShow, { exact: true }).locator("option:checked")).toHaveText(expected.shown, { timeout: 20_000 });
        }
        expect(errors).toEqual([]);
      });
    }

    test(`${lang}: on a 360 px phone nothing scrolls sideways and every problem is a card`, async ({ page }) => {
      const errors = watchErrors(page);
      await page.setViewportSize({ width: 360, height: 740 });
      await openSummary(page, lang);
      await expect(page.locator('tbody th[scope="row"]')).toHaveCount(3);
      const page360 = await page.evaluate(() => ({ scroll: document.scrollingElement.scrollWidth, client: document.scrollingElement.clientWidth }));
      expect(page360.scroll).toBeLessThanOrEqual(page360.client + 1);
      // No element of the scene wider than its box, unless it is meant to scroll.
      const overflowing = await page.locator('#scene-root .scene[data-scene="summary"]').evaluate((scene) =>
        [scene, ...scene.querySelectorAll("*")]
          .filter((e) => e.scrollWidth > e.clientWidth + 1 && !["auto", "scroll"].includes(getComputedStyle(e).overflowX))
          .map((e) => `${e.tagName.toLowerCase()}.${e.className} (${e.scrollWidth} > ${e.clientWidth})`)
      );
      expect(overflowing).toEqual([]);
      // The rows are cards: each as wide as the table, one under the other.
      const boxes = await page.locator("#summary-table tbody tr").evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().toJSON()));
      expect(boxes).toHaveLength(3);
      for (const [i, box] of boxes.entries()) {
        expect(box.right, `card ${i}`).toBeLessThanOrEqual(360);
        if (i > 0) expect(box.top, `card ${i}`).toBeGreaterThanOrEqual(boxes[i - 1].bottom);
      }
      await expect(row(page, words, 0).getByRole("link", { name: "ReLU", exact: true })).toBeVisible();
      // Each cell of a card names its column (the headers row is not shown).
      await expect(page.locator("#summary-table thead")).toBeHidden();
      const labels = await page.locator('#summary-table tr[data-problem="vanishing"] td').evaluateAll((cells) => cells.map((c) => getComputedStyle(c, "::before").content));
      expect(labels).toEqual(words.columns.slice(1).map((name) => JSON.stringify(name)));
      expect(errors).toEqual([]);
    });
  });
}

test("the fixes' links carry the theme, also after it is switched on the summary", async ({ page }) => {
  const errors = watchErrors(page);
  await openSummary(page, "en");
  await page.locator("#theme-toggle").click();
  const theme = await page.locator("html").getAttribute("data-theme");
  const link = row(page, WORDS.en, 1).getByRole("link", { name: "ELU", exact: true });
  await expect(link).toHaveAttribute("href", new RegExp(`[#&]theme=${theme}(&|$)`));
  await link.click();
  await expect(page.locator('#scene-root .scene[data-scene="dying-relu"]')).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
  await expect(page.locator("#theme-toggle")).toHaveAttribute("aria-pressed", String(theme === "dark"));
  expect(errors).toEqual([]);
});
