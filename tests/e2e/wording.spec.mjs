// The words a student reads (issue 13, items 2 and 8), in Vietnamese and in English. A class of
// the classification is never called a layer: in Vietnamese a layer is “lớp” and a class is
// “loại” (a label value is “nhãn”), and classes are numbered from 0 everywhere, as the article
// does (“Nhãn: y = 0, one-hot y = [1, 0, 0]”) — the dying-ReLU label and zero-init's softmax label
// name the same vector the same way. One Vietnamese term for the random seed, in the three
// scenes that have one; no raw caret notation (e^x) outside the formulas; no old-style “hoà”
// tone marks, no untranslated “Trainer”; the zero-init table says “mất mát ban đầu”.
// Every expectation is a literal string written here, not read from the i18n tables.
import { test, expect } from "./fixtures.mjs";
import { watchErrors, openApp } from "./helpers.mjs";

/**
 * Opens `hash` in a fresh document. (Changing only the hash from one scene to the next once
 * brought the vanishing scene up with the activations scene's act=softplus instead of the link's
 * act=tanh; a load from about:blank keeps each scene's link its own.)
 */
async function openFresh(page, hash) {
  await page.goto("about:blank");
  await openApp(page, hash);
}

/**
 * The text a student can read in the scene: every text node of #main that is rendered (the
 * options of a rendered <select> included), with every <details> opened first. MathML is left
 * out: its accents (ŷ is “y” under an <mo>^</mo>) are drawn, not read as a caret. One line per
 * text node.
 */
function collectText(page) {
  return page.locator("#main").evaluate((main) => {
    for (const details of main.querySelectorAll("details")) details.open = true;
    const parts = [];
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const host = node.parentElement;
      if (!host || host.closest("math, script, style, template")) continue;
      const box = host.closest("select") ?? host;
      if (!box.checkVisibility({ visibilityProperty: true })) continue;
      const words = node.data.replace(/\s+/g, " ").trim();
      if (words) parts.push(words);
    }
    // One line per text node: a phrase is never made of two neighbouring cells.
    return parts.join("\n");
  });
}

/** Opens `hash` and returns the scene's readable text once it contains every one of `markers`. */
async function sceneText(page, hash, markers) {
  await openFresh(page, hash);
  await expect
    .poll(async () => {
      const text = await collectText(page);
      return markers.filter((marker) => !text.includes(marker));
    }, { message: `${hash}: texts the scene should show`, timeout: 20_000 })
    .toEqual([]);
  const text = await collectText(page);
  expect(text.length, hash).toBeGreaterThan(1000);
  return text;
}

/** Fails with the offending phrase when `text` matches one of `patterns`. */
function expectNone(text, patterns, where) {
  for (const pattern of patterns) expect(text.match(pattern)?.[0] ?? null, `${where}: ${pattern}`).toBeNull();
}

const WORDS = {
  vi: {
    classLabel: "Nhãn đúng",
    classOptions: ["loại 0 (y = [1, 0, 0])", "loại 1 (y = [0, 1, 0])", "loại 2 (y = [0, 0, 1])"],
    mlpClasses: ["loại 0", "loại 1", "loại 2"],
    seed: "Hạt giống ngẫu nhiên (seed)",
    // What each scene must show before its text is judged (and where the class term belongs).
    markers: {
      activations: ["Dải tô màu có nhãn “bão hòa”", "f(x) = ln(1 + exp(βx))/β"],
      vanishing: ["3 loài, softmax", "Tuy vậy tanh vẫn bão hòa khi |z| lớn dần."],
      "dying-relu": [
        "nhãn đúng là loại 0 (y = [1, 0, 0])",
        "(exp(z₂) ghi 1.510,",
        "Bộ huấn luyện của lõi tính toán lặp lại bước SGD",
        "nơ-ron của lớp 1 và",
      ],
      "zero-init": [
        "ŷ = softmax(xW + b), ba loại",
        "2 đầu vào → 2 nơ-ron ReLU → 3 đầu ra",
        "ba đầu ra (mỗi loại một đầu ra)",
        "Cân bằng: loại 0, 1, 2",
        "Mỗi loại xuất hiện đúng một lần",
        "mất mát ban đầu",
      ],
      summary: ["Sigmoid: f′ lớn nhất = 0.25 (tại x = 0)", "Khởi tạo ngẫu nhiên He (Kaiming)"],
    },
    // “lớp” counting or naming classes (there is no layer 0, no layer with a one-hot vector).
    classAsLayer: [
      /\b(3|ba) lớp\b/i,
      /→ 3 lớp/,
      /lớp đúng/i,
      /lớp \d+ ?(\(|:) ?y =/i,
      /lớp 0/i,
      /lớp (khác|còn lại)/i,
      /(các|mỗi|từng) lớp (không còn cân bằng|xuất hiện|một con số)/i,
      /thuộc lớp/i,
      /tần suất của từng lớp/i,
      /lớp của (mẫu|chúng)/i,
      /lớp xuất hiện/i,
    ],
  },
  en: {
    classLabel: "Correct label",
    classOptions: ["class 0 (y = [1, 0, 0])", "class 1 (y = [0, 1, 0])", "class 2 (y = [0, 0, 1])"],
    mlpClasses: ["class 0", "class 1", "class 2"],
    seed: "Random seed",
    markers: {
      activations: ["The shaded band labelled “saturated”", "f(x) = ln(1 + exp(βx))/β"],
      vanishing: ["3 species, softmax", "It still saturates when |z| grows."],
      "dying-relu": [
        "correct label class 0 (y = [1, 0, 0])",
        "(exp(z₂) printed as 1.510,",
        "The compute core's trainer repeats",
        "units of layer 1 and",
      ],
      "zero-init": [
        "ŷ = softmax(xW + b), three classes",
        "2 inputs → 2 ReLU units → 3 outputs",
        "three outputs (one per class)",
        "Balanced: classes 0, 1, 2",
        "Each class occurs exactly once",
      ],
      summary: ["Sigmoid: largest f′ = 0.25 (at x = 0)", "Random He (Kaiming) initialisation"],
    },
    // “layer” counting classes, “class” naming a layer, or classes counted from 1.
    classAsLayer: [
      /→ 3 layers/i,
      /\b(3|three) (output )?layers of (outputs|classes)/i,
      /\bclass [1-9] \(y = \[1, 0, 0\]\)/i,
      /\b(hidden|output) class/i,
      /\bclass \d+, unit/i,
      /\blayer 0\b/i,
    ],
  },
};

const SCENES = {
  activations: "#scene=activations&act=softplus",
  vanishing: "#scene=vanishing&act=tanh",
  "dying-relu": "#scene=dying-relu",
  "zero-init": "#scene=zero-init&reg=softmax",
  summary: "#scene=summary",
};

for (const [lang, words] of Object.entries(WORDS)) {
  test(`${lang}: the dying-ReLU label reads class 0, 1, 2 with its one-hot vector, the article's is class 0, and zero-init names it alike`, async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page, `#scene=dying-relu&lang=${lang}`);
    const select = page.locator("#dr-label");
    await expect(select.locator("option")).toHaveCount(3);
    await expect(select.locator("option")).toHaveText(words.classOptions);
    await expect(select).toHaveAccessibleName(words.classLabel);
    await expect(select.locator("option:checked")).toHaveText(words.classOptions[0]);

    await openFresh(page, `#scene=zero-init&reg=softmax&lang=${lang}`);
    const softmax = page.locator("#zi-softmax-y");
    await expect(softmax.locator("option")).toHaveCount(3);
    await expect(softmax.locator("option")).toHaveText(words.classOptions);
    await expect(softmax).toHaveAccessibleName(words.classLabel);
    await expect(softmax.locator("option:checked")).toHaveText(words.classOptions[0]);
    // Part (b)'s three samples: the same class names, the article's balanced 0, 1, 2.
    for (const [n, label] of ["1", "2", "3"].entries()) {
      const sample = page.locator(`#zi-mlp-y${label}`);
      await expect(sample.locator("option")).toHaveText(words.mlpClasses);
      await expect(sample.locator("option:checked")).toHaveText(words.mlpClasses[n]);
    }
    expect(errors).toEqual([]);
  });

  test(`${lang}: no scene calls a class a layer; the class term is where the classes are`, async ({ page }) => {
    const errors = watchErrors(page);
    for (const [scene, hash] of Object.entries(SCENES)) {
      const text = await sceneText(page, `${hash}&lang=${lang}`, words.markers[scene]);
      expectNone(text, words.classAsLayer, `${scene} (${lang})`);
    }
    expect(errors).toEqual([]);
  });

  test(`${lang}: one term for the random seed, and no raw caret notation outside the formulas`, async ({ page }) => {
    const errors = watchErrors(page);
    const seedControls = { vanishing: "van-seed", "dying-relu": "dr-seed", "zero-init": "zi-sym-seed" };
    for (const [scene, id] of Object.entries(seedControls)) {
      await openFresh(page, `${SCENES[scene]}&lang=${lang}`);
      await expect(page.locator(`#${id}-label`), scene).toHaveText(words.seed);
      for (const part of ["slider", "number"]) {
        await expect(page.locator(`#${id}-${part}`), `${scene} ${part}`).toHaveAccessibleName(new RegExp(`^${words.seed.replace(/[()]/g, "\\$&")}`));
      }
    }
    for (const [scene, hash] of Object.entries(SCENES)) {
      const text = await sceneText(page, `${hash}&lang=${lang}`, words.markers[scene]);
      expectNone(text, [/\^/], `${scene} (${lang})`);
    }
    expect(errors).toEqual([]);
  });
}

test("vi: no leftovers — “bão hòa”, “khóa”, “Xóa” (modern tone marks), no “Trainer”, no “Seed”, “mất mát ban đầu”", async ({ page }) => {
  const errors = watchErrors(page);
  for (const [scene, hash] of Object.entries(SCENES)) {
    const text = await sceneText(page, `${hash}&lang=vi`, WORDS.vi.markers[scene]);
    expectNone(
      text,
      [
        /bão hoà/,
        // Old-style tone placement on an open syllable: hoá, hoà, khoá, xoá, thuý …
        /[^\s]*(oá|oà|oả|oã|oạ|uý|uỳ|uỷ|uỹ|uỵ)(?=[\s.,;:!?)”]|$)/i,
        /Trainer/,
        /\bSeed\b/,
        /seed cố định/,
        /Hạt giống,/,
        /mất mát đầu/,
        /gradient descent(?!\))/,
      ],
      `${scene} (vi)`
    );
  }
  await openFresh(page, "#scene=zero-init&lang=vi");
  await expect(page.getByRole("columnheader", { name: "mất mát ban đầu", exact: true })).toHaveCount(1);
  await expect(page.locator("#zi-mlp-untrain")).toHaveText("Xóa");
  expect(errors).toEqual([]);
});
