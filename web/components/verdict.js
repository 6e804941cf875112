// @ts-check
// Showing a verdict the core decided (`gradlab.gradientVerdict`, a chain's or a gradient flow's
// `verdict`): the element carries `data-verdict="zero|vanishing|exploding|steady"` and the
// status colour that goes with it, and the text gets the ratio in the words a student reads —
// "32 times smaller", "within 10× either way". The page decides nothing here: the verdict and
// its thresholds are the core's; this only words and colours them.
import { formatNumber } from "../format.js";

/** @typedef {import("../pkg/gradlab.js").GradientVerdict} GradientVerdict */

/** Status colour (`data-state`, styles/feedback.css) of each verdict. */
const STATE = { zero: "dead", vanishing: "saturated", exploding: "saturated", steady: "active" };

/**
 * Sets `element`'s data-verdict and data-state from a core verdict `{ verdict, ratio,
 * vanishingAt, explodingAt }` and, if `text` is given, its text.
 */
export function markVerdict(element, verdict, text) {
  element.dataset.verdict = verdict.verdict;
  element.dataset.state = STATE[verdict.verdict];
  if (text !== undefined) element.textContent = text;
  return element;
}

/**
 * The text of a verdict's ratio (|first| / |output|): the number, or, when the core gives none
 * because the output's gradient is 0, "—" for 0 / 0 (verdict "zero") and "∞" otherwise.
 * @param {GradientVerdict} verdict
 * @param {number} [digits]
 */
export function ratioText(verdict, digits = 4) {
  if (verdict.ratio !== null) return formatNumber(verdict.ratio, digits);
  return verdict.verdict === "zero" ? "—" : "∞";
}

/**
 * The numbers a verdict text quotes: `ratio` (first ÷ output, 3 digits), `shrink` (how many
 * times smaller) and `grow` (how many times larger), "∞" where the ratio is not finite, and the
 * rule's thresholds as `limit` (10).
 * @param {GradientVerdict} verdict
 */
export function verdictWords(verdict) {
  const r = verdict.ratio;
  const finite = typeof r === "number";
  return {
    ratio: ratioText(verdict, 3),
    shrink: finite && r > 0 ? formatNumber(1 / r, 3) : "∞",
    grow: finite ? formatNumber(r, 3) : "∞",
    limit: formatNumber(verdict.explodingAt),
  };
}
