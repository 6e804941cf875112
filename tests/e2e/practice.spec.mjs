// Practice in the four mission scenes, as a student uses it (vi and en): the Practice button
// opens three questions; the exact answer typed with a decimal comma and a Unicode minus is
// judged right, a wrong number wrong (the exact value then shown, read back from the visible
// text), unreadable text is asked again, a choice is judged, the score counts each question
// once, "new questions" draws another set, and on a 360 px phone nothing scrolls sideways.
// Answer keys come from the core in the page (the Rust tests check them against hand
// formulas); the verdict words are written here.
import { test, expect } from "./fixtures.mjs";
import { watchErrors, openApp } from "./helpers.mjs";

const WORDS = {
  en: { open: "Practice", right: "Right.", wrong: "Not quite.", unreadable: "That is not a number", exact: "The exact answer:", newSet: "New questions", score: (r, a) => `Score: ${r} right of ${a} answered (3 questions).` },
  vi: { open: "Luyện tập", right: "Đúng.", wrong: "Chưa đúng.", unreadable: "Ứng dụng không đọc được số này", exact: "Đáp án chính xác:", newSet: "Câu hỏi mới", score: (r, a) => `Điểm: đúng ${r} trên ${a} câu đã trả lời (3 câu).` },
};
const TOPICS = ["activations", "vanishing", "dying-relu", "zero-init"];

/** The set the core makes for `topic` and `seed`, read in the page. */
function coreSet(page, topic, seed) {
  return page.evaluate(
    async ([topic, seed]) => {
      const gradlab = await import(new URL("web/pkg/gradlab.js", document.baseURI).href).then(async (g) => (await g.default(), g));
      return gradlab.practiceSet(topic, seed);
    },
    [topic, seed]
  );
}

/** A number as the page writes it ("−1.5 × 10⁻³"), read back. */
function shownNumber(text) {
  const sup = { "⁻": "-", "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9" };
  const m = text.replace(/\u2212/g, "-").match(/(-?\d+(?:\.\d+)?)(?:\s*×\s*10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+))?/);
  if (!m) return NaN;
  const exponent = m[2] ? Number([...m[2]].map((c) => sup[c]).join("")) : 0;
  return Number(m[1]) * 10 ** exponent;
}

/** Typed as a student on a Vietnamese keyboard might: decimal comma, Unicode minus. */
const typed = (v) => String(v).replace(".", ",").replace("-", "−");

for (const lang of ["vi", "en"]) {
  const w = WORDS[lang];
  for (const topic of TOPICS) {
    test(`${lang} ${topic}: answers are judged by the core, with the exact value and the worked solution`, async ({ page }) => {
      const errors = watchErrors(page);
      await openApp(page, `#scene=${topic}&lang=${lang}`);
      const open = page.getByRole("button", { name: w.open, exact: true });
      await expect(open).toHaveAttribute("aria-expanded", "false");
      await open.click();
      await expect(open).toHaveAttribute("aria-expanded", "true");
      const questions = page.locator(".practice-question");
      await expect(questions).toHaveCount(3);
      const set = await coreSet(page, topic, 1);
      expect(set.questions).toHaveLength(3);

      const numeric = set.questions.map((q, i) => [q, i]).filter(([q]) => q.answer.kind === "number");
      const choices = set.questions.map((q, i) => [q, i]).filter(([q]) => q.answer.kind === "choice");
      expect(numeric.length).toBeGreaterThanOrEqual(1);

      // Unreadable text is asked again: no verdict, the field stays editable.
      const [first, i1] = numeric[0];
      const input1 = questions.nth(i1).locator("input[data-answer]");
      await input1.fill("abc");
      await input1.press("Enter");
      const feedback1 = questions.nth(i1).getByRole("status");
      await expect(feedback1).toContainText(w.unreadable);
      await expect(input1).toBeEditable();
      // The exact answer, typed with a comma and a Unicode minus: right.
      await input1.fill(typed(first.answer.value));
      await input1.press("Enter");
      await expect(feedback1).toContainText(w.right);
      await expect(feedback1.locator(".practice-solution li").first()).toBeVisible();
      await expect(input1).not.toBeEditable();
      await expect(page.locator(".practice-score")).toHaveText(w.score(1, 1));

      if (numeric.length > 1) {
        // A wrong number: wrong, and the exact value as the student reads it.
        const [second, i2] = numeric[1];
        const input2 = questions.nth(i2).locator("input[data-answer]");
        await input2.fill(String(second.answer.value * 2 + 1));
        await questions.nth(i2).getByRole("button").click();
        const feedback2 = questions.nth(i2).getByRole("status");
        await expect(feedback2).toContainText(w.wrong);
        const exactLine = await feedback2.locator(".practice-exact").innerText();
        expect(exactLine.startsWith(w.exact)).toBe(true);
        const shown = shownNumber(exactLine.slice(w.exact.length));
        expect(Math.abs(shown - second.answer.value)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(second.answer.value)));
        await expect(page.locator(".practice-score")).toHaveText(w.score(1, 2));
      }
      for (const [q, i] of choices) {
        // The right choice is right; the others are then switched off.
        const buttons = questions.nth(i).locator("[data-choice]");
        await expect(buttons).toHaveCount(q.answer.choices.length);
        await buttons.nth(q.answer.correct).click();
        await expect(questions.nth(i).getByRole("status")).toContainText(w.right);
        for (let k = 0; k < q.answer.choices.length; k++) await expect(buttons.nth(k)).toBeDisabled();
      }
      expect(errors).toEqual([]);
    });
  }

  test(`${lang}: a wrong choice is wrong, and new questions come from the next seed`, async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page, `#scene=vanishing&lang=${lang}`);
    await page.getByRole("button", { name: w.open, exact: true }).click();
    const before = await page.locator(".practice-prompt").first().innerText();
    await page.getByRole("button", { name: w.newSet }).click();
    await expect(page.locator(".practice-prompt").first()).not.toHaveText(before);
    await expect(page.locator(".practice-score")).toHaveText(w.score(0, 0));
    const set = await coreSet(page, "vanishing", 2);
    const index = set.questions.findIndex((q) => q.answer.kind === "choice");
    expect(index).toBeGreaterThanOrEqual(0);
    const wrong = set.questions[index].answer.correct === 0 ? 1 : 0;
    const question = page.locator(".practice-question").nth(index);
    await question.locator("[data-choice]").nth(wrong).click();
    await expect(question.getByRole("status")).toContainText(w.wrong);
    expect(errors).toEqual([]);
  });
}

test("every text the core names exists in both languages", async ({ page }) => {
  await openApp(page, "#scene=activations&lang=en");
  const missing = await page.evaluate(async (topics) => {
    const gradlab = await import(new URL("web/pkg/gradlab.js", document.baseURI).href).then(async (g) => (await g.default(), g));
    // The practice part's words: the common table and the practice table (each scene that asks spreads it into its own).
    const load = async (path) => (await import(new URL(path, document.baseURI).href)).default;
    const tables = {
      en: { ...(await load("web/i18n/en.js")), ...(await load("web/i18n/en/practice.js")) },
      vi: { ...(await load("web/i18n/vi.js")), ...(await load("web/i18n/vi/practice.js")) },
    };
    const keys = new Set();
    for (const topic of topics) {
      for (let seed = 0; seed < 12; seed++) {
        for (const q of gradlab.practiceSet(topic, seed).questions) {
          keys.add(q.prompt.key);
          for (const s of q.solution) keys.add(s.key);
          if (q.answer.kind === "choice") for (const c of q.answer.choices) keys.add(c.key);
        }
      }
    }
    return { count: keys.size, missing: [...keys].flatMap((k) => Object.entries(tables).filter(([, table]) => !(k in table)).map(([lang]) => `${lang}: ${k}`)) };
  }, TOPICS);
  expect(missing.count).toBeGreaterThan(25);
  expect(missing.missing).toEqual([]);
});

test("on a 360 px phone the open practice does not scroll sideways (vi)", async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  await openApp(page, "#scene=dying-relu&lang=vi");
  await page.getByRole("button", { name: WORDS.vi.open, exact: true }).click();
  const inputs = page.locator(".practice input[data-answer]");
  expect(await inputs.count()).toBeGreaterThan(0);
  await inputs.first().fill("−1");
  await inputs.first().press("Enter");
  const wide = await page.locator(".practice").evaluate((root) => [root, ...root.querySelectorAll("*")].filter((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== "visible").length);
  expect(wide).toBe(0);
  const box = await page.locator(".practice").boundingBox();
  expect(box && box.x + box.width).toBeLessThanOrEqual(361);
  expect(await page.evaluate(() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth + 1)).toBe(true);
  await page.close();
});
