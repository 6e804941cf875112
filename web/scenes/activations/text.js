// @ts-check
// Small text helpers of the activations scene: activation names (the i18n table's act.name.*),
// and the display of intervals and extrema that the core returns (display only: no math).
import { t, has } from "../../i18n.js";
import { formatNumber } from "../../format.js";

/** @typedef {import("../../pkg/gradlab.js").Interval} Interval */
/** @typedef {import("../../pkg/gradlab.js").Extremum} Extremum */

/**
 * The translated name of an activation id ("Leaky ReLU"), or the id itself.
 * @param {string} id
 */
export function activationName(id) {
  return has(`act.name.${id}`) ? t(`act.name.${id}`) : id;
}

/**
 * The options of a menu of the core's activations `ids`, by their display names.
 * @param {string[]} ids
 */
export function activationOptions(ids) {
  return ids.map((id) => ({ value: id, label: activationName(id) }));
}

/**
 * The legend name of a shown activation, with its parameters ("Leaky ReLU (α = 0.1)").
 * @param {string} id
 * @param {Record<string, Record<string, number>>} params
 */
export function legendName(id, params) {
  const entries = Object.entries(params?.[id] ?? {});
  if (entries.length === 0) return activationName(id);
  const list = entries.map(([k, v]) => `${k === "alpha" ? "α" : "β"} = ${formatNumber(v, 4)}`).join(", ");
  return `${activationName(id)} (${list})`;
}

/** @param {number} v */
const num = (v) => formatNumber(v, 4);

/**
 * An interval as text: "[−4.585, 4.585]", "(−∞, 0]", "(0, ∞)". `closed(v)` says whether the
 * finite end v belongs to the set (the page asks the core for f′ there).
 * @param {Interval} interval
 * @param {(v: number) => boolean} [closed]
 */
export function intervalText({ lo, hi }, closed = () => true) {
  const left = lo === null ? "(−∞" : `${closed(lo) ? "[" : "("}${num(lo)}`;
  const right = hi === null ? "∞)" : `${num(hi)}${closed(hi) ? "]" : ")"}`;
  return `${left}, ${right}`;
}

/**
 * A union of intervals, or the "nowhere" text.
 * @param {Interval[]} list
 * @param {(v: number) => boolean} [closed]
 */
export function intervalsText(list, closed) {
  return list.length === 0 ? t("act.table.none") : list.map((iv) => intervalText(iv, closed)).join(" ∪ ");
}

/**
 * Where sup f′ is reached, as text: "x = 0", "x > 0", "everywhere", "not attained".
 * `closed(v)` says whether the finite end v of the set belongs to it.
 * @param {Extremum} extremum
 * @param {(v: number) => boolean} [closed]
 */
export function extremumWhere({ at, attainedOn }, closed = () => true) {
  if (at !== null && at !== undefined) return t("act.table.at", { x: num(at) });
  if (attainedOn) {
    const { lo, hi } = attainedOn;
    if (lo === null && hi === null) return t("act.table.everywhere");
    if (hi === null) return `x ${closed(lo) ? "≥" : ">"} ${num(lo)}`;
    if (lo === null) return `x ${closed(hi) ? "≤" : "<"} ${num(hi)}`;
    return intervalText(attainedOn, closed);
  }
  return t("act.table.approached");
}
