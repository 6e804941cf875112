// The suite's `test`: Playwright's, with every page of a test starting as a student who has
// already skipped the scenes' "predict first" prompts in this visit (components/predict.js keeps
// that in sessionStorage, per prediction) — so the specs of everything else see the scenes' results
// at once. predict.spec.mjs uses Playwright's own `test` and meets the prompts.
import { test as base, expect } from "@playwright/test";

/** The predictions the scenes ask for (the ids createPrediction is given). */
export const PREDICTIONS = ["activations-tanh-2", "vanishing-chain", "dying-relu-h2", "zero-init-units"];

export const test = base.extend({
  context: async ({ context }, use) => {
    await context.addInitScript((ids) => {
      try {
        for (const id of ids) if (sessionStorage.getItem(`gradlab.predict.${id}`) === null) sessionStorage.setItem(`gradlab.predict.${id}`, "skipped");
      } catch {
        // no storage (an opaque origin): the prompts show, as they would for a student
      }
    }, PREDICTIONS);
    await use(context);
  },
  page: async ({ page }, use) => {
    const missing = [];
    page.on("console", (msg) => {
      if (msg.type() === "warning" && msg.text().startsWith("gradlab i18n: missing")) missing.push(msg.text());
    });
    await use(page);
    expect(missing, "strings the page looked up and did not have").toEqual([]);
  },
});

export { expect };
