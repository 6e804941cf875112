// Nothing a link says can break a scene: seeded random links (fixed seed, so CI is repeatable)
// with values across each parameter's range and at its ends — extreme weights, deep and wide
// networks, huge learning rates, long replays — must load with no error panel, no console
// error and no trap of the core. The values come from the scene registry's declarations (the
// ranges the page itself accepts) and are written by the page's own codec. (Values outside the
// ranges are the notice's job: url-notice.spec.mjs.) This found a log-axis trap on subnormal
// gradients and an init the dying-ReLU scene could not build; their own regression tests are
// in the scene specs.
import { test, expect } from "./fixtures.mjs";
import { watchErrors, openApp } from "./helpers.mjs";
import { SCENES_WITH_PARAMS, generator, pageContext, randomValues } from "./schema-values.mjs";
import { findScene } from "../../web/scenes/registry.js";
import { declarationsOf, decodeParams, encodeParams } from "../../web/url-schema.js";

const LINKS_PER_SCENE = 6;
/** Lower maxima where the full range only costs time: a link replays `trained` steps on load. */
const CAPS = { vanishing: { trained: 200 } };

for (const [index, scene] of SCENES_WITH_PARAMS.entries()) {
  test(`${scene}: ${LINKS_PER_SCENE} random links within the ranges load cleanly`, async ({ page }) => {
    test.setTimeout(120_000);
    const g = generator(20261129 + index);
    const errors = watchErrors(page);
    await openApp(page, "#scene=lab");
    const ctx = await pageContext(page, scene);
    const declarations = declarationsOf(findScene(scene), ctx);
    for (let i = 0; i < LINKS_PER_SCENE; i++) {
      const params = new URLSearchParams({ scene });
      const changes = encodeParams(declarations, randomValues(scene, ctx, g, CAPS[scene]), ctx);
      for (const [key, value] of Object.entries(changes)) if (value !== null && g.rnd() < 0.6) params.set(key, value);
      // A left-out key reads as its default, which can put a key that depends on it out of its
      // range (x outside a default xmin…xmax): then the link keeps every key.
      if (decodeParams(declarations, (key) => params.get(key), ctx).rejected.length) {
        for (const [key, value] of Object.entries(changes)) if (value !== null) params.set(key, value);
      }
      params.set("lang", g.pick(["vi", "en"]));
      const link = `#${params}`;
      await page.goto("about:blank");
      await page.goto(`/${link}`);
      await expect(page.locator("html"), link).toHaveClass(/\bready\b/, { timeout: 30_000 });
      await expect(page.locator(`#scene-root .scene-${scene}`), link).toBeVisible();
      // On purpose a timer: replays, trainings and charts that run after load get frames in which
      // to fail (there is no one condition for "everything a link started has run").
      await page.waitForTimeout(300);
      await expect(page.locator("#error-panel"), link).toBeHidden();
      await expect(page.locator(".url-notice"), link).toHaveCount(0);
      expect(errors, link).toEqual([]);
    }
  });
}
