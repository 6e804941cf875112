// Seeded random values for the URL parameters the scene registry declares (web/scenes/registry.js),
// shared by url-fuzz.spec.mjs (links across every range and at its ends) and
// url-roundtrip.spec.mjs (write → read gives the same values). Not a spec itself.
import { SCENES, findScene } from "../../web/scenes/registry.js";
import { declarationsOf, resolveDeclaration } from "../../web/url-schema.js";

/** The scenes that have URL parameters (the built ones), in navigation order. */
export const SCENES_WITH_PARAMS = SCENES.filter((scene) => Object.keys(scene.params).length > 0).map((scene) => scene.id);

/** An unbounded number is drawn from ±UNBOUNDED. */
const UNBOUNDED = 1e6;

/** A linear congruential generator (fixed seed, so CI is repeatable) and helpers over it. */
export function generator(seed) {
  let s = seed >>> 0;
  const rnd = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  return { rnd, pick };
}

/** A number in [lo, hi]: an end, the middle or a random point, with 6 significant digits. */
function number(g, lo, hi) {
  const v = g.pick([lo, hi, lo + (hi - lo) * g.rnd(), (lo + hi) / 2]);
  return Number(v.toPrecision(6)) || 0; // (no −0: the URL writes it as 0)
}

/** A random value that satisfies the resolved declaration `spec`; `cap` lowers a number's maximum. */
function randomValue(spec, g, cap) {
  switch (spec.type) {
    case "number":
    case "integer": {
      const lo = spec.min ?? -UNBOUNDED;
      const hi = Math.min(spec.max ?? UNBOUNDED, cap ?? Infinity);
      const v = number(g, lo, hi);
      return spec.type === "integer" ? Math.round(v) : v;
    }
    case "choice":
      return g.pick(spec.choices);
    case "flag":
      return g.rnd() < 0.5;
    case "numbers":
      return Array.from({ length: spec.length }, () => number(g, -(spec.limit ?? UNBOUNDED), spec.limit ?? UNBOUNDED));
    case "labels":
      return Array.from({ length: spec.length }, () => Math.floor(g.rnd() * spec.classes));
    case "widths": {
      const count = Math.floor(g.rnd() * (spec.maxLength + 1));
      const hi = Math.min(spec.max, cap ?? Infinity);
      return Array.from({ length: count }, () => Math.round(number(g, spec.min, hi)));
    }
    case "activations":
      return Array.from({ length: spec.length }, () => {
        const id = g.pick(spec.choices);
        const range = spec.param(id);
        return { id, value: range ? number(g, range.min, range.max) : null };
      });
    case "ids": {
      const most = Math.min(spec.maxLength ?? Infinity, spec.choices.length);
      const count = (spec.minLength ?? 0) + Math.floor(g.rnd() * (most - (spec.minLength ?? 0) + 1));
      const pool = spec.choices.slice();
      return Array.from({ length: count }, () => pool.splice(Math.floor(g.rnd() * pool.length), 1)[0]);
    }
    default:
      throw new Error(`no random values for type ${spec.type}`);
  }
}

/**
 * Random values for every parameter of the scene, each within its declaration (evaluated in
 * declaration order, so ranges that depend on earlier values apply); null where it does not
 * apply. `caps`: key → a lower maximum for that key (to keep a test's run time bounded).
 */
export function randomValues(sceneId, ctx, g, caps = {}) {
  const values = {};
  for (const [key, declaration] of declarationsOf(findScene(sceneId), ctx)) {
    const spec = resolveDeclaration(declaration, ctx, values);
    values[key] = spec === null ? null : randomValue(spec, g, caps[key]);
  }
  return values;
}

/** The scene's context (catalog, init ids, presets) from the page's own core, as plain data. */
export function pageContext(page, sceneId) {
  return page.evaluate(async (id) => {
    const registry = await import(new URL("web/scenes/registry.js", document.baseURI).href);
    const gradlab = await import(new URL("web/pkg/gradlab.js", document.baseURI).href).then(async (g) => (await g.default(), g));
    return registry.contextOf(id, gradlab);
  }, sceneId);
}
