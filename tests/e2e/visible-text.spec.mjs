// What a student reads, checked against numbers written by hand (issue 18, part 1, the page).
//
// Every assertion here is on visible text (toHaveText / toContainText with innerText), never on
// data-* attributes, and every expected string is a literal written in this file, in the page's
// number style: up to ~6 significant digits, a true minus "−" (U+2212), "m × 10⁻ⁿ" with
// superscripts. The literals come from the article (tests/golden/seed.json's printed forms) or
// from a small calculation written out below (sigmoid, softmax, SGD steps) that imports nothing
// from the page and nothing from gradlab's core; `rounds(literal, exact)` checks that a literal
// is the exact value rounded, so a typo in this file fails too. Both languages, each with its
// own words around the numbers.
import { test, expect } from "./fixtures.mjs";
import { watchErrors, openApp, scrollToView } from "./helpers.mjs";

// ---------- independent arithmetic (no page code, no wasm) ----------

const sigmoid = (x) => 1 / (1 + Math.exp(-x));
const sigmoidPrime = (x) => sigmoid(x) * (1 - sigmoid(x));
const tanhPrime = (x) => 1 - Math.tanh(x) ** 2;

const SUPERSCRIPT_DIGITS = { "⁻": "-", "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9" };

/** A number written the page's way ("−0.196", "1.29859 × 10⁻¹¹", "10⁻⁵") → { value, half } (half a unit of its last digit). */
function readLiteral(text) {
  const plain = text.replace(/\u2212/g, "-");
  const match = plain.match(/^(-?[\d.]+)?(?: × )?(?:10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+))?$/);
  if (!match || (!match[1] && !match[2])) throw new Error(`not a number as the page writes one: ${text}`);
  const mantissa = match[1] ?? (plain.startsWith("-") ? "-1" : "1");
  const exponent = match[2] ? Number([...match[2]].map((c) => SUPERSCRIPT_DIGITS[c]).join("")) : 0;
  const decimals = mantissa.includes(".") ? mantissa.split(".")[1].length : 0;
  return { value: Number(mantissa) * 10 ** exponent, half: 0.5 * 10 ** (exponent - decimals) };
}

/** Asserts that `literal` is `exact` correctly rounded (checks this file's hand-written numbers). */
function rounds(literal, exact) {
  const { value, half } = readLiteral(literal);
  expect(Math.abs(value - exact), `${literal} is ${exact} rounded`).toBeLessThanOrEqual(half * (1 + 1e-9) + 1e-300);
  return literal;
}

/** The article's 2-2-3 network (dying ReLU, part a): one forward and backward pass for a hidden activation. */
function workedPass({ M, W }, f, fPrime) {
  const xt = [1, 1.5, 0.2];
  const h = [0, 1].map((j) => xt.reduce((s, xi, i) => s + xi * M[i][j], 0));
  const a = h.map(f);
  const z = [0, 1, 2].map((k) => a[0] * W[0][k] + a[1] * W[1][k]);
  const e = z.map(Math.exp);
  const sum = e[0] + e[1] + e[2];
  const p = e.map((v) => v / sum);
  const dz = p.map((v, k) => v - (k === 0 ? 1 : 0));
  const da = [0, 1].map((j) => dz.reduce((s, g, k) => s + W[j][k] * g, 0));
  const dh = da.map((g, j) => g * fPrime(h[j]));
  const gradM = xt.map((xi) => dh.map((g) => xi * g));
  const gradW = a.map((aj) => dz.map((g) => aj * g));
  return { h, a, z, p, loss: -Math.log(p[0]), dz, da, dh, gradM, gradW };
}
const ARTICLE_NET = () => ({ M: [[0, 0], [0.86, -1.04], [0.41, -0.65]], W: [[0.5, 0.3, -0.2], [-0.1, 0.4, 0.6]] });
const relu = [(v) => Math.max(0, v), (v) => (v > 0 ? 1 : 0)];
const leaky = (alpha) => [(v) => (v > 0 ? v : alpha * v), (v) => (v > 0 ? 1 : alpha)];
const sgd = (net, pass, eta = 0.01) => ({
  M: net.M.map((row, i) => row.map((m, j) => m - eta * pass.gradM[i][j])),
  W: net.W.map((row, j) => row.map((w, k) => w - eta * pass.gradW[j][k])),
});

/** Per-sample loss after `steps` of gradient descent from zeros for the zero-init regressions. */
function regressionLoss(kind, steps) {
  if (kind === "linear") {
    const x = [2, 3, 1], y = 5;
    let w = [0, 0, 0], b = 0;
    for (let s = 0; s < steps; s++) {
      const r = w.reduce((acc, wi, i) => acc + wi * x[i], b) - y;
      w = w.map((wi, i) => wi - 0.01 * r * x[i]);
      b -= 0.01 * r;
    }
    return 0.5 * (w.reduce((acc, wi, i) => acc + wi * x[i], b) - y) ** 2;
  }
  if (kind === "logistic") {
    const x = [1.5, 2];
    let w = [0, 0], b = 0;
    for (let s = 0; s < steps; s++) {
      const g = sigmoid(w[0] * x[0] + w[1] * x[1] + b) - 1;
      w = w.map((wi, i) => wi - 0.01 * g * x[i]);
      b -= 0.01 * g;
    }
    return -Math.log(sigmoid(w[0] * x[0] + w[1] * x[1] + b));
  }
  const x = [1, 2];
  let W = [[0, 0, 0], [0, 0, 0]], b = [0, 0, 0];
  const probs = () => {
    const e = [0, 1, 2].map((k) => Math.exp(x[0] * W[0][k] + x[1] * W[1][k] + b[k]));
    const s = e[0] + e[1] + e[2];
    return e.map((v) => v / s);
  };
  for (let s = 0; s < steps; s++) {
    const g = probs().map((p, k) => p - (k === 0 ? 1 : 0));
    W = W.map((row, i) => row.map((w, k) => w - 0.01 * x[i] * g[k]));
    b = b.map((bk, k) => bk - 0.01 * g[k]);
  }
  return -Math.log(probs()[0]);
}

// ---------- the page ----------

/** The words each language puts around the numbers (hand-written, one set per language). */
const WORDS = {
  vi: {
    at: "Tại x = ",
    active: "Gradient đi qua được, bị nhân với f′(x) = 0.25.",
    saturated: "Vùng bão hòa: |f′(x)| nhỏ hơn ε = 0.01, nên gradient đi qua bị nhân với 0.00664806 — gần như bằng 0.",
    power: "Qua 5 lớp cùng có đạo hàm 0.00664806, gradient bị nhân với f′(x)ⁿ = 1.29859 × 10⁻¹¹.",
    exact: "chính xác: ",
    article: "bài viết in: ",
    chainVerdict:
      "Tiêu biến: gradient đến được lớp 1 là 0.00001, nhỏ hơn 100000 lần so với 1 lúc rời đầu ra (5 lớp, mỗi lớp nhân 0.1).",
    chainStep: "Với η = 0.01, mỗi bước trọng số của lớp 1 chỉ nhích Δw = 0.0000001",
    sigmoidVerdict:
      "Tiêu biến: gradient đến được lớp 1 là 1.29859 × 10⁻¹¹, nhỏ hơn 7.7 × 10¹⁰ lần so với 1 lúc rời đầu ra (5 lớp, mỗi lớp nhân 0.00664806).",
    sigmoidStep: "mỗi bước trọng số của lớp 1 chỉ nhích Δw = 1.29859 × 10⁻¹³",
    layer1: "Lớp 1 (sát đầu vào)",
    layer2: "Lớp 2",
    layer4: "Lớp 4",
    vanishes: "tiêu biến",
    holds: "giữ được",
    normsVerdict: /^Tiêu biến: ‖∂L\/∂W₁‖ nhỏ hơn (.+) lần so với ‖∂L\/∂W₁₁‖/,
    loss: "Mất mát L = 0.7621; xác suất p = [0.4667, 0.3547, 0.1786].",
    dead: "h₂ = −1.69 ≤ 0 nên ReLU′(h₂) = 0. Gradient 0.3024 vẫn đến được ReLU(h₂)",
    stepOf: (i) => `Bước ${i}/13`,
    reluRepeat: "ReLU: sau 100 bước, h₂ vẫn đúng bằng −1.69 và cột của h₂ trong M vẫn là [0, −1.04, −0.65]",
    leakyRepeat: (h, col, g) => `Leaky ReLU: sau 100 bước, h₂ đi từ −1.69 đến ${h}; cột của h₂ trong M giờ là [${col}], và gradient hiện tại ∂L/∂h₂ = ${g}.`,
    nonzero: (k, n) => `Số gradient trọng số khác 0: ${k} trên ${n}`,
    lossPerSample: (a, b) => `Mất mát mỗi mẫu: ${a} → ${b} sau 50 bước`,
    sample: (i) => `mẫu ${i}`,
    zeros: "toàn 0",
  },
  en: {
    at: "At x = ",
    active: "The gradient gets through, multiplied by f′(x) = 0.25.",
    saturated: "Saturated: |f′(x)| is below ε = 0.01, so the gradient is multiplied by 0.00664806 — practically zero.",
    power: "Through 5 layers with the same derivative 0.00664806, the gradient is multiplied by f′(x)ⁿ = 1.29859 × 10⁻¹¹.",
    exact: "exact: ",
    article: "article: ",
    chainVerdict: "Vanishing: the gradient that reaches layer 1 is 0.00001, 100000 times smaller than the 1 that left the output (5 layers of ×0.1).",
    chainStep: "With η = 0.01, layer 1's weights move by Δw = 0.0000001 per step",
    sigmoidVerdict:
      "Vanishing: the gradient that reaches layer 1 is 1.29859 × 10⁻¹¹, 7.7 × 10¹⁰ times smaller than the 1 that left the output (5 layers of ×0.00664806).",
    sigmoidStep: "layer 1's weights move by Δw = 1.29859 × 10⁻¹³ per step",
    layer1: "Layer 1 (next to the input)",
    layer2: "Layer 2",
    layer4: "Layer 4",
    vanishes: "vanishes",
    holds: "holds",
    normsVerdict: /^Vanishing: ‖∂L\/∂W₁‖ is (.+) times smaller than the output layer's ‖∂L\/∂W₁₁‖/,
    loss: "Loss L = 0.7621; probabilities p = [0.4667, 0.3547, 0.1786].",
    dead: "h₂ = −1.69 ≤ 0, so ReLU′(h₂) = 0. The gradient 0.3024 does reach ReLU(h₂)",
    stepOf: (i) => `Step ${i} of 13`,
    reluRepeat: "ReLU: after 100 steps, h₂ is still exactly −1.69 and h₂'s column of M is still [0, −1.04, −0.65]",
    leakyRepeat: (h, col, g) => `Leaky ReLU: after 100 steps, h₂ went from −1.69 to ${h}; h₂'s column of M is now [${col}], and the current gradient is ∂L/∂h₂ = ${g}.`,
    nonzero: (k, n) => `Weight gradients that are not zero: ${k} of ${n}`,
    lossPerSample: (a, b) => `Loss per sample: ${a} → ${b} after 50 steps`,
    sample: (i) => `sample ${i}`,
    zeros: "zeros",
  },
};

// Read as the student reads it: scrolled to first (a part off screen is not laid out, so its
// innerText is empty until it has been on screen; content-visibility in scene-shared.css).
const shows = async (locator, text) => {
  await scrollToView(locator);
  await expect(locator).toContainText(text, { useInnerText: true });
};
const reads = async (locator, text) => {
  await scrollToView(locator);
  await expect(locator).toHaveText(text, { useInnerText: true });
};
/** The row (`tr`) of the table at `tableSelector` whose first cell reads exactly `head`. */
const rowOf = (page, tableSelector, head) =>
  page.locator(`${tableSelector} tr`).filter({ has: page.locator(":scope > :first-child", { hasText: new RegExp(`^\\s*${head.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`) }) });

for (const lang of ["vi", "en"]) {
  const w = WORDS[lang];

  test.describe(`visible text, ${lang}`, () => {
    test(`activations at the article's points (${lang})`, async ({ page }) => {
      const errors = watchErrors(page);
      // x = 0, sigmoid (the default): σ(0) = 0.5, σ′(0) = 0.25, 0.25⁵.
      await openApp(page, `#scene=activations&act=sigmoid&x=0&n=5&lang=${lang}`);
      await reads(page.locator("#readout-f"), rounds("0.5", sigmoid(0)));
      await reads(page.locator("#readout-fprime"), rounds("0.25", sigmoidPrime(0)));
      await reads(page.locator("#readout-power"), rounds("0.000976563", 0.25 ** 5));
      await shows(page.locator(".act-readouts h2"), `${w.at}0`);
      await reads(page.locator("#act-status"), w.active);
      // The article's points: its label, the exact value to 8 significant digits, and its print.
      const seed = page.locator(".seed-points");
      await shows(seed, `σ′(5) ≈ ${rounds("0.0066", sigmoidPrime(5))}`);
      await shows(seed, `${w.exact}${rounds("0.0066480567", sigmoidPrime(5))}`);
      await shows(seed, `${w.article}0.0069`);
      await shows(seed, `σ′(−5) ≈ ${rounds("0.0066", sigmoidPrime(-5))}`);
      await shows(seed, `tanh′(2) ≈ ${rounds("0.071", tanhPrime(2))}`);
      await shows(seed, `${w.exact}${rounds("0.070650825", tanhPrime(2))}`);
      await shows(seed, `tanh′(3) ≈ ${rounds("0.0099", tanhPrime(3))}`);
      await shows(seed, `${w.exact}${rounds("0.0098660372", tanhPrime(3))}`);
      await shows(seed, `${w.article}0.010`);
      // The facts table: where |f′| ≥ 0.01 — sigmoid: σ = (1 − √0.96)/2, tanh: tanh x = √0.99.
      const sigmoidEdge = Math.log(((1 - Math.sqrt(0.96)) / 2) / ((1 + Math.sqrt(0.96)) / 2));
      await shows(page.locator(".facts table"), `0.25\tx = 0\t[${rounds("−4.585", sigmoidEdge)}, ${rounds("4.585", -sigmoidEdge)}]`);
      await shows(page.locator(".facts table"), `[${rounds("−2.993", -Math.atanh(Math.sqrt(0.99)))}, 2.993]`);

      // x = 5, n = 5: saturated, and σ′(5)⁵ ≈ 1.3 × 10⁻¹¹ (the broken copy showed 10¹¹).
      await openApp(page, `#scene=activations&act=sigmoid&x=5&n=5&lang=${lang}`);
      await shows(page.locator(".act-readouts h2"), `${w.at}5`);
      await reads(page.locator("#readout-f"), rounds("0.993307", sigmoid(5)));
      await reads(page.locator("#readout-fprime"), rounds("0.00664806", sigmoidPrime(5)));
      await reads(page.locator("#readout-power"), rounds("1.29859 × 10⁻¹¹", sigmoidPrime(5) ** 5));
      await reads(page.locator("#act-status"), w.saturated);
      await reads(page.locator("#act-power"), w.power);

      // tanh at x = 2 (article's point), n = 5: tanh′(2)⁵ in scientific notation.
      await openApp(page, `#scene=activations&act=tanh&x=2&n=5&lang=${lang}`);
      await reads(page.locator("#readout-f"), rounds("0.964028", Math.tanh(2)));
      await reads(page.locator("#readout-fprime"), rounds("0.0706508", tanhPrime(2)));
      await reads(page.locator("#readout-power"), rounds("1.7603 × 10⁻⁶", tanhPrime(2) ** 5));

      // ReLU at x = −2: dead, exactly 0 everywhere.
      await openApp(page, `#scene=activations&act=relu&x=-2&n=5&lang=${lang}`);
      await shows(page.locator(".act-readouts h2"), `${w.at}−2`);
      for (const id of ["readout-f", "readout-fprime", "readout-power"]) await reads(page.locator(`#${id}`), "0");
      expect(errors).toEqual([]);
    });

    test(`vanishing: the chain rule, number by number (${lang})`, async ({ page }) => {
      const errors = watchErrors(page);
      // The article's chain: d = 0.1, five layers, η = 0.01.
      await openApp(page, `#scene=vanishing&lang=${lang}`);
      await reads(page.locator("#van-local"), "0.1");
      await shows(page.locator("#van-chain-verdict"), w.chainVerdict);
      await shows(page.locator("#van-chain-verdict"), w.chainStep);
      const chain = page.locator("#van-chain-table tbody tr");
      await expect(chain).toHaveCount(6);
      // rows: output, layer 5 … layer 1 — the multiplication, ∇ and Δw = η·∇ (seed.json's printed forms).
      const expected = [
        ["1", "—"],
        ["1 × 0.1", "0.1", "0.001"],
        ["0.1 × 0.1", "0.01", "0.0001"],
        ["0.01 × 0.1", "0.001", "0.00001"],
        ["0.001 × 0.1", "0.0001", "0.000001"],
        ["0.0001 × 0.1", "0.00001", "0.0000001"],
      ];
      for (const [i, cells] of expected.entries()) {
        const rowText = (await chain.nth(i).innerText()).split("\t").map((c) => c.trim());
        expect(rowText.slice(-cells.length), `chain row ${i}`).toEqual(cells);
      }
      await shows(chain.nth(5), w.layer1);
      // The same chain at x = 2 with other activations.
      const compare = page.locator("#van-compare-table");
      await shows(rowOf(page, "#van-compare-table", "Sigmoid"), `${rounds("0.105", sigmoidPrime(2))}\t${rounds("0.00001276", sigmoidPrime(2) ** 5)}\t${rounds("0.0000001276", 0.01 * sigmoidPrime(2) ** 5)}\t${w.vanishes}`);
      await shows(rowOf(page, "#van-compare-table", "Tanh"), `${rounds("0.07065", tanhPrime(2))}\t${rounds("0.00000176", tanhPrime(2) ** 5)}\t${rounds("0.0000000176", 0.01 * tanhPrime(2) ** 5)}\t${w.vanishes}`);
      await shows(rowOf(page, "#van-compare-table", "ReLU"), `1\t1\t0.01\t${w.holds}`);
      await expect(compare.locator("tbody tr")).toHaveCount(4);

      // The chain with d = σ′(5) (the article's saturated sigmoid): exponents below 10⁻⁹.
      await openApp(page, `#scene=vanishing&src=act&cact=sigmoid&x=5&lang=${lang}`);
      const d = sigmoidPrime(5);
      await shows(page.locator(".van-chain"), `Sigmoid′(5) = ${rounds("0.00664806", d)}`);
      await shows(page.locator("#van-chain-verdict"), w.sigmoidVerdict);
      await shows(page.locator("#van-chain-verdict"), w.sigmoidStep);
      rounds("7.7 × 10¹⁰", 1 / d ** 5);
      const rows = page.locator("#van-chain-table tbody tr");
      await expect(rows).toHaveCount(6);
      await shows(rows.nth(2), `${w.layer4}\t${rounds("0.00664806", d)} × 0.00664806\t${rounds("0.0000441967", d ** 2)}\t${rounds("0.000000441967", 0.01 * d ** 2)}`);
      await shows(rows.nth(4), `${w.layer2}\t${rounds("0.000000293822", d ** 3)} × 0.00664806\t${rounds("0.00000000195334", d ** 4)}\t${rounds("1.95334 × 10⁻¹¹", 0.01 * d ** 4)}`);
      await shows(rows.nth(5), `${w.layer1}\t0.00000000195334 × 0.00664806\t${rounds("1.29859 × 10⁻¹¹", d ** 5)}\t${rounds("1.29859 × 10⁻¹³", 0.01 * d ** 5)}`);
      await shows(rowOf(page, "#van-compare-table", "Sigmoid"), `${rounds("0.006648", d)}\t${rounds("1.299 × 10⁻¹¹", d ** 5)}\t${rounds("1.299 × 10⁻¹³", 0.01 * d ** 5)}\t${w.vanishes}`);
      await shows(rowOf(page, "#van-compare-table", "Tanh"), `${rounds("0.0001816", tanhPrime(5))}\t${rounds("1.974 × 10⁻¹⁹", tanhPrime(5) ** 5)}\t${rounds("1.974 × 10⁻²¹", 0.01 * tanhPrime(5) ** 5)}\t${w.vanishes}`);
      expect(errors).toEqual([]);
    });

    test(`vanishing: the network's ratio reads as a tiny number (${lang})`, async ({ page }) => {
      const errors = watchErrors(page);
      await openApp(page, `#scene=vanishing&lang=${lang}`);
      // The 10-layer sigmoid net's norms depend on its seeded init, so no literal here: the three
      // visible readouts must agree with one another, and the verdict says "vanishing", so the
      // ratio is a negative power of ten (the broken copy showed 9.36 × 10⁷ next to "vanishing").
      const numberText = /^−?[\d.]+( × 10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)?$/;
      for (const id of ["van-ratio", "van-norm-first", "van-norm-last"]) await reads(page.locator(`#${id}`), numberText);
      const [ratio, first, last] = await Promise.all(["van-ratio", "van-norm-first", "van-norm-last"].map(async (id) => readLiteral((await page.locator(`#${id}`).innerText()).trim()).value));
      expect(ratio).toBeLessThan(1e-3);
      expect(Math.abs(ratio - first / last) / ratio).toBeLessThan(0.01);
      await expect(page.locator("#van-ratio")).toContainText("× 10⁻", { useInnerText: true });
      const verdict = (await page.locator("#van-norms-verdict").innerText()).trim();
      const factor = verdict.match(w.normsVerdict);
      expect(factor, verdict).not.toBeNull();
      expect(Math.abs(readLiteral(factor[1]).value * ratio - 1)).toBeLessThan(0.01);
      expect(errors).toEqual([]);
    });

    test(`dying ReLU: the article's worked example (${lang})`, async ({ page }) => {
      const errors = watchErrors(page);
      const ex = workedPass(ARTICLE_NET(), ...relu);
      await openApp(page, `#scene=dying-relu&lang=${lang}`);
      const worked = page.locator("#dr-worked");
      await shows(worked, `h = ${rounds("1.372", ex.h[0])}`);
      await shows(worked, `h = ${rounds("−1.69", ex.h[1])}`);
      for (const [k, p] of [["0.4667", 0], ["0.3547", 1], ["0.1786", 2]]) await shows(worked, `p = ${rounds(k, ex.p[p])}`);
      rounds("0.7621", ex.loss);
      await reads(page.locator("#dr-loss"), w.loss);
      await shows(page.locator("#dr-verdict"), w.dead);
      rounds("0.3024", ex.da[1]);

      // Every step at 3 significant digits, all shown at once: the numbers the article prints.
      await openApp(page, `#scene=dying-relu&digits=3&all=1&lang=${lang}`);
      const step = (i) => page.locator(`#dr-player-step-${i}`);
      await expect(page.locator(".sp-card")).toHaveCount(13);
      await shows(step(1), w.stepOf(1));
      await shows(step(1), `= [ ${rounds("1.37", ex.h[0])} −1.69 ]`);
      await shows(step(2), "= [ 1.37 0 ]");
      await shows(step(3), `= [ ${rounds("0.686", ex.z[0])} ${rounds("0.412", ex.z[1])} ${rounds("−0.274", ex.z[2])} ]`);
      await shows(step(4), `= [ ${rounds("0.467", ex.p[0])} ${rounds("0.355", ex.p[1])} ${rounds("0.179", ex.p[2])} ]`);
      await shows(step(5), `= ${rounds("0.762", ex.loss)}`);
      await shows(step(6), `= [ ${rounds("−0.533", ex.dz[0])} 0.355 0.179 ]`);
      await shows(step(7), `= [ ${rounds("−0.732", ex.gradW[0][0])} ${rounds("0.487", ex.gradW[0][1])} ${rounds("0.245", ex.gradW[0][2])} 0 0 0 ]`);
      await shows(step(8), w.stepOf(8));
      await shows(step(8), `= [ ${rounds("−0.196", ex.da[0])} ${rounds("0.302", ex.da[1])} ]`);
      await shows(step(9), `= [ −0.196 0 ]`);
      await shows(step(10), `= [ ${rounds("−0.196", ex.gradM[0][0])} 0 ${rounds("−0.294", ex.gradM[1][0])} 0 ${rounds("−0.0392", ex.gradM[2][0])} 0 ]`);
      const gradX = [0.86 * ex.dh[0] - 1.04 * ex.dh[1], 0.41 * ex.dh[0] - 0.65 * ex.dh[1]];
      await shows(step(11), `= [ ${rounds("−0.169", gradX[0])} ${rounds("−0.0803", gradX[1])} ]`);
      const next = sgd(ARTICLE_NET(), ex);
      await shows(step(12), `= [ ${rounds("0.00196", next.M[0][0])} 0 ${rounds("0.863", next.M[1][0])} −1.04 0.41 −0.65 ]`);
      await shows(step(13), `= [ ${rounds("0.507", next.W[0][0])} ${rounds("0.295", next.W[0][1])} ${rounds("−0.202", next.W[0][2])} −0.1 0.4 0.6 ]`);
      expect(errors).toEqual([]);
    });

    test(`dying ReLU: the cure table and repeated SGD (${lang})`, async ({ page }) => {
      const errors = watchErrors(page);
      await openApp(page, `#scene=dying-relu&lang=${lang}`);
      const h2 = -1.69;
      const leakyPass = workedPass(ARTICLE_NET(), ...leaky(0.01));
      const eluPrime = Math.exp(h2);
      const eluPass = workedPass(ARTICLE_NET(), (v) => (v > 0 ? v : Math.exp(v) - 1), (v) => (v > 0 ? 1 : Math.exp(v)));
      const swishPrime = (v) => sigmoid(v) * (1 + v * (1 - sigmoid(v)));
      const leakyRow = rowOf(page, "#dr-compare", "Leaky ReLU (α = 0.01)");
      await expect(leakyRow).toHaveCount(1);
      await shows(leakyRow, `0.01\t${rounds("0.003009", leakyPass.dh[1])}`);
      await shows(leakyRow, rounds("0.004514", leakyPass.gradM[1][1]));
      await shows(leakyRow, rounds("0.0006019", leakyPass.gradM[2][1]));
      await shows(leakyRow, rounds("−3.009485 × 10⁻⁵", -0.01 * leakyPass.gradM[0][1]));
      await shows(leakyRow, rounds("−1.040045", -1.04 - 0.01 * leakyPass.gradM[1][1]));
      const eluRow = rowOf(page, "#dr-compare", "ELU (α = 1)");
      await shows(eluRow, `${rounds("0.1845", eluPrime)}\t${rounds("0.04331", eluPass.dh[1])}`);
      await shows(rowOf(page, "#dr-compare", "Swish (SiLU)"), rounds("−0.06648", swishPrime(h2)));
      await shows(rowOf(page, "#dr-compare", "ReLU"), "0\t0");

      // 100 SGD steps on the same sample: ReLU's h₂ never moves, Leaky ReLU's does.
      let net = ARTICLE_NET();
      for (let s = 0; s < 100; s++) net = sgd(net, workedPass(net, ...leaky(0.01)));
      const after = workedPass(net, ...leaky(0.01));
      const column = [rounds("−0.001755", net.M[0][1]), rounds("−1.043", net.M[1][1]), rounds("−0.6504", net.M[2][1])].join(", ");
      const result = page.locator("#dr-repeat-result");
      await shows(result, w.reluRepeat);
      await shows(result, w.leakyRepeat(rounds("−1.696", after.h[1]), column, rounds("0.0007874", after.dh[1])));
      expect(errors).toEqual([]);
    });

    test(`zero init: exact zeros, ln 3 and the regressions (${lang})`, async ({ page }) => {
      const errors = watchErrors(page);
      await openApp(page, `#scene=zero-init&lang=${lang}`);
      const overview = page.locator("#zi-overview");
      await shows(overview, w.nonzero(3, 3));
      await shows(overview, w.lossPerSample("12.5", rounds("1.0935 × 10⁻⁶", regressionLoss("linear", 50))));
      await shows(overview, w.nonzero(2, 2));
      await shows(overview, w.lossPerSample(rounds("0.69315", Math.LN2), rounds("0.25628", regressionLoss("logistic", 50))));
      await shows(overview, w.lossPerSample(rounds("1.0986", Math.log(3)), rounds("0.27249", regressionLoss("softmax", 50))));
      await shows(overview, w.nonzero(0, 10));
      await shows(overview, w.lossPerSample("1.0986", "1.0986"));

      // Linear regression from zero (x = 2, 3, 1; y = 5; η = 0.01): ∂L/∂wᵢ = (ŷ − y)·xᵢ.
      const update = page.locator("#zi-reg-update");
      for (const [name, grad, after] of [["w₁", "−10", "0.1"], ["w₂", "−15", "0.15"], ["w₃", "−5", "0.05"], ["b", "−5", "0.05"]]) {
        await reads(rowOf(page, "#zi-reg-update", name), `${name}\t0\t${grad}\t${after}`);
      }
      await expect(update.locator("tbody tr")).toHaveCount(4);

      // The 2-2-3 MLP from zero: every p = ⅓, so p − y is −0.667 / 0.333 and the column sums are 0.
      await reads(rowOf(page, "#zi-mlp-dz", w.sample(1)), `${w.sample(1)}\t${rounds("−0.667", 1 / 3 - 1)}\t${rounds("0.333", 1 / 3)}\t0.333`);
      await reads(rowOf(page, "#zi-mlp-dz", w.sample(2)), `${w.sample(2)}\t0.333\t−0.667\t0.333`);
      await reads(rowOf(page, "#zi-mlp-dz", w.sample(3)), `${w.sample(3)}\t0.333\t0.333\t−0.667`);
      await reads(rowOf(page, "#zi-mlp-dz", "Σ = ∂L/∂b_w"), "Σ = ∂L/∂b_w\t0\t0\t0");
      await reads(page.locator("#zi-mlp-gradnorm-1"), "0");
      await reads(page.locator("#zi-mlp-gradnorm-2"), "0");
      await reads(page.locator("#zi-mlp-loss-sample"), rounds("1.0986", Math.log(3)));
      // Symmetry: from all zeros the loss stays ln 3 and accuracy ⅓ after 50 steps.
      await shows(rowOf(page, "#zi-sym-summary", w.zeros), `${w.zeros}\t1.0986\t1.0986\t${rounds("0.333", 1 / 3)}`);
      expect(errors).toEqual([]);
    });
  });
}
