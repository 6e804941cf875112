// The `test` of the scene specs: Playwright's own, with every page watched — a test fails when
// its page logged a console error, threw an uncaught error (watchErrors) or warned of a missing
// translation (web/i18n.js: "gradlab i18n: missing …"), checked after the test's own steps. So
// a spec does not repeat the watch and the final check in every test. Also `coreCall`, a call
// into the page's own instance of the core, and two table-driven checks of what a student
// reads: the controls' values (`expectValues`) and translated texts (`expectTexts`). Not a spec
// itself (candidates for helpers.mjs).
import { test as base, expect } from "./fixtures.mjs";
import { watchErrors } from "./helpers.mjs";

export { expect };

export const test = base.extend({
  page: async ({ page }, use) => {
    const problems = watchErrors(page);
    page.on("console", (msg) => {
      if (msg.type() === "warning" && msg.text().startsWith("gradlab i18n:")) problems.push(msg.text());
    });
    await use(page);
    expect(problems, "console errors, page errors and missing translations").toEqual([]);
  },
});

/** `gradlab[name](...args)` in the page's own instance of the core (plain data in and out). */
export function coreCall(page, name, ...args) {
  return page.evaluate(
    async ({ name, args }) => {
      const gradlab = await import(new URL("web/pkg/gradlab.js", document.baseURI).href).then(async (g) => (await g.default(), g));
      return gradlab[name](...args);
    },
    { name, args }
  );
}

/** Each control (a selector) shows its value: `{ "#van-depth-number": "4", "#van-act": "elu" }`. */
export async function expectValues(page, values) {
  for (const [selector, value] of Object.entries(values)) await expect(page.locator(selector), selector).toHaveValue(value);
}

/** Each element (a selector) reads its string of the i18n `table`: `{ "#van-net-title": "van.net.title" }`. */
export async function expectTexts(page, table, keys) {
  for (const [selector, key] of Object.entries(keys)) await expect(page.locator(selector).first(), selector).toHaveText(table[key]);
}
