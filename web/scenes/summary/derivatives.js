// @ts-check
// The derivative column: for each activation, its largest derivative and where it is reached
// (the core's catalogue, `maxDerivative`), then the value of f′ on every interval where the core
// says f′ = 0 (`activationFacts(…).dead`, read with `activation(…, x)` at a point inside) —
// "ReLU: f′ = 1 for x > 0, f′ = 0 for x ≤ 0". Whether an end of an interval belongs to it is
// asked of the core too (f′ there). Display only: every number and interval is the core's.
import { t } from "../../i18n.js";
import { formatNumber } from "../../format.js";
import { findScene } from "../registry.js";
import { activationName, extremumWhere } from "../activations/text.js";

/** @typedef {import("../../wasm.js").Gradlab} Gradlab */
/** @typedef {import("../../pkg/gradlab.js").Interval} Interval */

/**
 * ε of the core's `activationFacts` (the dead intervals do not depend on it): the activations
 * scene's default saturation threshold, from the registry.
 */
const EPSILON = /** @type {number} */ (findScene("activations").params.eps.default);

/**
 * A point inside `interval` (a finite one: its middle; a half-line: one unit in from its end).
 * @param {Interval} interval
 */
function inside({ lo, hi }) {
  if (lo === null && hi === null) return 0;
  if (lo === null) return hi - 1;
  if (hi === null) return lo + 1;
  return (lo + hi) / 2;
}

/**
 * The line of activation `id`: its name, the largest f′ and where, then f′ on its dead intervals.
 * @param {Gradlab} gradlab
 * @param {ReturnType<Gradlab["activations"]>} catalog the core's catalogue (`gradlab.activations()`,
 *   asked once for every line: each call builds all of it)
 * @param {string} id
 * @returns {string}
 */
export function derivativeLine(gradlab, catalog, id) {
  const info = catalog.find((a) => a.id === id);
  const facts = gradlab.activationFacts(id, EPSILON);
  /** @param {number} x */
  const derivativeAt = (x) => gradlab.activation(id, x).derivative;
  const max = info.maxDerivative;
  const value = formatNumber(max.value);
  const where = extremumWhere(max, (x) => derivativeAt(x) === max.value);
  const parts = [
    max.at !== null && max.at !== undefined
      ? t("summary.max.at", { value, where })
      : max.attainedOn
        ? t("summary.max.on", { value, where })
        : t("summary.max.sup", { value }),
  ];
  for (const interval of facts.dead) {
    const zero = derivativeAt(inside(interval));
    const on = extremumWhere({ value: zero, at: null, attainedOn: interval }, (x) => derivativeAt(x) === zero);
    parts.push(t("summary.max.on", { value: formatNumber(zero), where: on }));
  }
  return t("summary.max.line", { name: activationName(id), parts: parts.join(t("summary.max.join")) });
}
