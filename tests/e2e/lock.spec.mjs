// lock=all (issue 16): in every scene, no input, select or text area outside the step player
// and the practice questions can be changed — each is disabled or read-only — and a status line
// says so in the page's language; the step player and the practice questions still work, and
// the lock holds for controls a scene builds after a change.
import { test, expect } from "./fixtures.mjs";
import { watchErrors, openApp } from "./helpers.mjs";

const SCENES = ["activations", "vanishing", "dying-relu", "zero-init", "lab"];
const NOTICE = { en: "The author of this lesson has fixed its settings", vi: "Tác giả bài học đã cố định các thiết lập" };

/** Controls outside the step player and practice: how many, and how many can still be changed. */
function controls(page) {
  return page.locator(".scene").evaluate((scene) => {
    const all = [...scene.querySelectorAll("input, select, textarea")].filter((c) => !c.closest(".step-player, .practice"));
    const open = all.filter((c) => !c.disabled && !c.readOnly);
    return { total: all.length, open: open.map((c) => c.id || c.className || c.tagName) };
  });
}

for (const [lang, scenes] of [["en", SCENES], ["vi", ["activations", "dying-relu"]]]) {
  for (const scene of scenes) {
    test(`${lang} ${scene}: lock=all leaves no control that can be changed, and says so`, async ({ page }) => {
      const errors = watchErrors(page);
      await openApp(page, `#scene=${scene}&lang=${lang}&lock=all`);
      await expect(page.getByRole("status").filter({ hasText: NOTICE[lang] })).toBeVisible();
      const found = await controls(page);
      expect(found.total).toBeGreaterThan(2);
      expect(found.open).toEqual([]);
      expect(errors).toEqual([]);
    });
  }
}

test("without lock every scene's controls can be changed (the check above is not vacuous)", async ({ page }) => {
  await openApp(page, "#scene=vanishing&lang=en");
  const found = await controls(page);
  expect(found.open.length).toBeGreaterThan(2);
  await expect(page.locator(".lock-notice")).toHaveCount(0);
});

test("locked, the step player and the practice questions still work, and the lock survives a redraw", async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, "#scene=dying-relu&lang=en&lock=all");
  const player = page.locator(".step-player").first();
  const counter = player.locator(".sp-counter");
  const before = await counter.innerText();
  await player.locator('[data-action="next"]').click();
  await expect(counter).not.toHaveText(before);
  await page.getByRole("button", { name: "Practice", exact: true }).click();
  const answer = page.locator(".practice input[data-answer]").first();
  await answer.fill("1");
  await answer.press("Enter");
  await expect(page.locator(".practice-feedback").first()).not.toBeEmpty();
  // Another scene through the navigation keeps lock=all (a carried key) and its controls locked.
  await page.locator("nav a[href*='scene=lab'], nav [data-scene='lab']").first().click();
  await expect(page.locator(".scene-lab")).toBeVisible();
  await expect(page.locator(".lock-notice")).toBeVisible();
  expect((await controls(page)).open).toEqual([]);
  expect(errors).toEqual([]);
});
