// @ts-check
// The words of a practice question, choice or solution step: the core gives an i18n key and
// the values to put in it (numbers, lists of numbers, names); this formats them as the page
// formats every number (format.js) — a list as "a; b; c", an activation id by its display
// name — and fills the key's sentence. It computes nothing.
import { t, has } from "../i18n.js";
import { formatNumber } from "../format.js";

/** @typedef {import("../pkg/gradlab.js").PracticeText} PracticeText */

/** A value as the student reads it. @param {string} name @param {number | number[] | string} value */
function shown(name, value) {
  if (Array.isArray(value)) return value.map((v) => formatNumber(v)).join("; ");
  if (typeof value === "number") return formatNumber(value);
  if (name === "activation" && has(`act.name.${value}`)) return t(`act.name.${value}`);
  return value;
}

/** The sentence of `text` in the page's language. @param {PracticeText} text */
export function practiceText(text) {
  const params = Object.fromEntries(Object.entries(text.values).map(([name, value]) => [name, shown(name, value)]));
  return t(text.key, params);
}
