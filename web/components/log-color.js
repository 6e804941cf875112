// @ts-check
// A logarithmic colour scale shared by the gradient diagram, the heat map and the log bar chart:
// a range of whole decades that covers the values, the position of a value in it (0 … 1), a
// theme-aware colour ramp where "bigger" is always "more intense" (in the light theme tiny
// values fade into the page, in the dark theme they sink into it), and decade tick labels
// written as 10ⁿ. Display mapping only: every value placed on the scale comes from the core.
const SUPERSCRIPT = { "-": "⁻", 0: "⁰", 1: "¹", 2: "²", 3: "³", 4: "⁴", 5: "⁵", 6: "⁶", 7: "⁷", 8: "⁸", 9: "⁹" };

/** "10⁻⁵" for e = −5 ("1" for 0, "10" for 1). */
export function pow10Label(e) {
  if (e === 0) return "1";
  if (e === 1) return "10";
  return `10${[...String(e)].map((c) => SUPERSCRIPT[c] ?? c).join("")}`;
}

/**
 * The decades [10^loExp, 10^hiExp] covering the positive finite values, at most `span` decades
 * deep below the largest (smaller values are clamped to the bottom colour). Null if there is
 * no positive value.
 */
export function logRange(values, { span = 10 } = {}) {
  let max = 0;
  let min = Infinity;
  for (const v of values) {
    const a = Math.abs(v);
    if (!(a > 0) || !Number.isFinite(a)) continue;
    if (a > max) max = a;
    if (a < min) min = a;
  }
  if (max === 0) return null;
  const hiExp = Math.ceil(Math.log10(max) - 1e-9);
  let loExp = Math.max(Math.floor(Math.log10(min) + 1e-9), hiExp - span);
  if (loExp >= hiExp) loExp = hiExp - 1;
  return { loExp, hiExp };
}

/** Where |v| sits on the range, 0 (bottom decade) … 1 (top); null for 0 and non-finite values. */
export function position(v, range) {
  const a = Math.abs(v);
  if (!range || !(a > 0) || !Number.isFinite(a)) return null;
  const p = (Math.log10(a) - range.loExp) / (range.hiExp - range.loExp);
  return Math.min(1, Math.max(0, p));
}

/** The decade step that gives at most `max` ticks on the range. */
function tickStep(range, max) {
  return Math.max(1, Math.ceil((range.hiExp - range.loExp) / Math.max(1, max - 1)));
}

/**
 * The range with its bottom lowered (by less than one tick step) so that decade ticks every
 * `step` decades land on both ends: use it before drawing an axis with `decadeTicks(range, max)`.
 */
export function snapRange(range, max = 6) {
  if (!range) return range;
  const step = tickStep(range, max);
  const n = range.hiExp - range.loExp;
  return { loExp: range.hiExp - Math.ceil(n / step) * step, hiExp: range.hiExp };
}

/**
 * The range to keep drawing with while a view redraws live (a training frame): `held` as long as
 * it still has `max` (the largest |v|) in its top two decades, else `fresh`. Each new range
 * recolours every value drawn; without this, a largest value hovering around a decade boundary
 * (a noisy batch) flipped the range back and forth, and each flip restyled every edge of a
 * diagram. Values below a held range's bottom are clamped to its bottom colour, as always (the
 * legend says "≤"). A still drawing uses the fresh range.
 * @param {{ loExp: number, hiExp: number } | null} held the range drawn last
 * @param {{ loExp: number, hiExp: number } | null} fresh the range of the values now
 * @param {number} max the largest finite |v| now (0 if none)
 */
export function heldRange(held, fresh, max) {
  if (!held || !fresh || !(max > 0)) return fresh;
  return max <= 10 ** held.hiExp && max > 10 ** (held.hiExp - 2) ? held : fresh;
}

/** Decade exponents for tick labels, at most `max` of them, from the top down every `step`. */
export function decadeTicks(range, max = 6) {
  const step = tickStep(range, max);
  const ticks = [];
  for (let e = range.hiExp; e >= range.loExp; e -= step) ticks.push(e);
  return ticks.reverse();
}

// Colour stops (position, [r, g, b]). Light: pale grey → sand → orange → red → dark red.
// Dark: slate → brown → orange → amber → pale yellow. Both are monotone in lightness contrast
// against their page, so a colour-blind reader can still read "more" from the intensity.
/** @type {Record<"light" | "dark", [number, [number, number, number]][]>} */
const RAMPS = {
  light: [
    [0, [226, 230, 235]],
    [0.25, [253, 212, 158]],
    [0.5, [252, 141, 89]],
    [0.75, [215, 48, 31]],
    [1, [103, 0, 13]],
  ],
  dark: [
    [0, [52, 60, 72]],
    [0.25, [122, 72, 32]],
    [0.5, [214, 98, 43]],
    [0.75, [244, 162, 89]],
    [1, [255, 243, 176]],
  ],
};

/** The ramp colour at position p (0 … 1) as [r, g, b]. */
export function rampRgb(p, theme = "light") {
  const stops = RAMPS[theme === "dark" ? "dark" : "light"];
  const x = Math.min(1, Math.max(0, p));
  for (let i = 1; i < stops.length; i++) {
    const [p1, c1] = stops[i];
    if (x <= p1) {
      const [p0, c0] = stops[i - 1];
      const f = (x - p0) / (p1 - p0);
      return c0.map((c, k) => Math.round(c + (c1[k] - c) * f));
    }
  }
  return stops.at(-1)[1];
}

/** Entries of a ramp table: positions 0, 1/(n − 1), … 1 (a step of 0.001 is below one colour unit). */
export const RAMP_TABLE_SIZE = 1024;
/** @type {Record<string, Uint8ClampedArray>} */
const tables = {};

/**
 * The ramp as a table of RAMP_TABLE_SIZE colours (r, g, b, r, g, b, …): the colour at position p
 * is at 3 · round(p · (RAMP_TABLE_SIZE − 1)). For images of thousands of cells, each frame.
 */
export function rampTable(theme = "light") {
  const key = theme === "dark" ? "dark" : "light";
  if (!tables[key]) {
    const table = new Uint8ClampedArray(RAMP_TABLE_SIZE * 3);
    for (let i = 0; i < RAMP_TABLE_SIZE; i++) table.set(rampRgb(i / (RAMP_TABLE_SIZE - 1), key), i * 3);
    tables[key] = table;
  }
  return tables[key];
}

/** The ramp colour at position p as a CSS colour string. */
export function rampColor(p, theme = "light") {
  const [r, g, b] = rampRgb(p, theme);
  return `rgb(${r}, ${g}, ${b})`;
}

/** Stops for an SVG <linearGradient> or a canvas gradient: [{ offset, color }]. */
export function rampStops(theme = "light", n = 9) {
  return Array.from({ length: n }, (_, i) => ({ offset: i / (n - 1), color: rampColor(i / (n - 1), theme) }));
}
