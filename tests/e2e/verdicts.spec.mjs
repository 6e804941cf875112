// The verdicts the vanishing scene prints, read as the student reads them (visible text), against
// expectations worked out by hand from the one rule (the first layer's gradient at most 1/10 of
// the output's: vanishing; at least 10×: exploding; exactly 0: zero; else steady), in vi and en:
//   d = 0.5, n = 5:   1 → 0.03125, 32 times smaller               → vanishing
//   tanh at x = −1:   tanh′(−1) = 0.419974…, ⁵ = 0.0130651, 76.5×  → vanishing (it read "steady")
//   d = 0.9, n = 5:   0.59049                                     → steady
//   d = −2, n = 5:    −32, 32 times larger                        → exploding
//   d = 0:            0                                           → zero
// and the comparison at x = 2 (σ′ = 0.105, tanh′ = 0.0707, ReLU′ = 1, GELU′ = 1.085, five layers).
import { test, expect } from "./scene-test.mjs";
import { openApp } from "./helpers.mjs";

const CASES = [
  { link: "src=d&d=0.5&n=5", verdict: "vanishing", en: ["Vanishing", "0.03125", "32 times smaller"], vi: ["Tiêu biến", "0.03125", "nhỏ hơn 32 lần"] },
  { link: "src=act&cact=tanh&x=-1&n=5", verdict: "vanishing", en: ["Vanishing", "76.5 times smaller"], vi: ["Tiêu biến", "nhỏ hơn 76.5 lần"] },
  { link: "src=d&d=0.9&n=5", verdict: "steady", en: ["Steady", "0.59049", "0.59 times"], vi: ["Ổn định", "0.59049"] },
  { link: "src=d&d=-2&n=5", verdict: "exploding", en: ["Exploding", "32 times the size"], vi: ["Bùng nổ", "lớn gấp 32 lần"] },
  { link: "src=d&d=0&n=5", verdict: "zero", en: ["Zero: nothing reaches layer 1"], vi: ["Bằng 0"] },
];

for (const lang of ["en", "vi"]) {
  test(`${lang}: the chain's verdict follows the one rule`, async ({ page }) => {
    for (const c of CASES) {
      await page.goto("about:blank");
      await openApp(page, `#scene=vanishing&${c.link}&lang=${lang}`);
      const verdict = page.locator("#van-chain-verdict");
      await expect(verdict, c.link).toHaveAttribute("data-verdict", c.verdict);
      for (const words of c[lang]) await expect(verdict, c.link).toContainText(words);
      // "every factor is larger than 1" was wrong for d = −2 (the factors are negative).
      await expect(verdict).not.toContainText("larger than 1");
    }
  });
}

test("each activation of the comparison gets its own verdict (x = 2, five layers)", async ({ page }) => {
  await openApp(page, "#scene=vanishing&src=d&d=0.5&n=5&x=2&lang=en");
  const expected = { sigmoid: ["vanishing", "vanishes"], tanh: ["vanishing", "vanishes"], relu: ["steady", "holds"], gelu: ["steady", "holds"] };
  const rows = page.locator("#van-compare-table tbody tr");
  await expect(rows).toHaveCount(4);
  for (const [act, [verdict, words]] of Object.entries(expected)) {
    const cell = page.locator(`#van-compare-table tr[data-act="${act}"] .van-verdict`);
    await expect(cell, act).toHaveAttribute("data-verdict", verdict);
    await expect(cell, act).toHaveText(words);
  }
  await page.locator("#van-x-number").fill("-1");
  await page.locator("#van-x-number").press("Enter");
  const relu = page.locator('#van-compare-table tr[data-act="relu"] .van-verdict');
  await expect(relu).toHaveAttribute("data-verdict", "zero");
  await expect(relu).toHaveText("zero (dead)");
});

test("the network's norm verdict: vanishing for deep sigmoid, and a dead network is explained", async ({ page }) => {
  await openApp(page, "#scene=vanishing&lang=en");
  const norms = page.locator("#van-norms-verdict");
  await expect(norms).toHaveAttribute("data-verdict", "vanishing");
  await expect(norms).toContainText("times smaller than the output layer's");
  // One ReLU unit killed by a huge learning rate: nothing reaches layer 1 any more.
  await page.goto("about:blank");
  await openApp(page, "#scene=vanishing&depth=1&width=1&act=relu&init=he_normal&lr=5&trained=300&lang=vi");
  await expect(norms).toHaveAttribute("data-verdict", "zero");
  await expect(norms).toContainText("không chút gradient nào đến được lớp 1");
  await expect(norms).toContainText("nơ-ron của nó đã chết");
});
