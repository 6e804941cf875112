// Shared by the vanishing-scene specs: the page's own core and the scene's settings module,
// reachable from page.evaluate (an init script, so the strict CSP of the page does not apply to
// it), the core's gradient norms for a setting, and a readout's raw number.
import { numberAttribute } from "./helpers.mjs";

/** Adds window.__vanishing() → { gradlab, params } to every page of the spec file. */
export function exposeScene(test) {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      window.__vanishing = async () => ({
        gradlab: await import(new URL("web/pkg/gradlab.js", document.baseURI).href).then(async (g) => (await g.default(), g)),
        params: await import(new URL("web/scenes/vanishing/params.js", document.baseURI).href),
      });
    });
  });
}

/** The core's gradient norms for the scene's settings `s` (trace on the scene's probe rows). */
export function coreNorms(page, s) {
  return page.evaluate(
    async (s) => {
      const { gradlab, params } = await window.__vanishing();
      const data = gradlab.dataset({ id: "iris", standardize: true });
      const trainer = new gradlab.Trainer(params.trainerConfig({ ...params.NET, ...s }, gradlab.inits()), data);
      try {
        return trainer.trace(params.PROBE_ROWS).layers.map((l) => l.gradNorm);
      } finally {
        trainer.free();
      }
    },
    s
  );
}

/** The raw number in an element's data-value. */
export const dataValue = (page, selector) => numberAttribute(page.locator(selector), "data-value");
