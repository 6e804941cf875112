// @ts-check
// Saving an SVG figure as a PNG file, as drawn (issue 16, exports: every chart as PNG) — the
// log-scale bar chart and the gradient diagram with its colour scale are SVG, not canvas. Each SVG
// is copied with its computed style written into it as presentation attributes (an image does not
// see the page's stylesheets), loaded as an image from a blob: URL (index.html's CSP allows
// `img-src blob:`), drawn into a canvas at devicePixelRatio on the figure's background, one SVG
// under the other, and saved through download.js. The button is the charts' "Download PNG".
import { t } from "../i18n.js";
import { downloadCanvas } from "./download.js";

/** The computed properties an SVG needs to look as on the page (SVG presentation attributes). */
const PROPERTIES = [
  "fill", "fill-opacity", "stroke", "stroke-width", "stroke-opacity", "stroke-dasharray", "stroke-dashoffset", "stroke-linecap", "stroke-linejoin", "paint-order",
  "opacity", "visibility", "display", "font-family", "font-size", "font-weight", "font-style", "text-anchor", "dominant-baseline",
];
/** Space between two stacked SVGs, in CSS px. */
const GAP = 8;

/**
 * A standalone copy of `svg` with its computed style, at its size on the page.
 * @param {SVGSVGElement} svg
 */
function standalone(svg) {
  const copy = /** @type {SVGSVGElement} */ (svg.cloneNode(true));
  const originals = [svg, ...svg.querySelectorAll("*")];
  const copies = [copy, ...copy.querySelectorAll("*")];
  originals.forEach((original, i) => {
    const style = getComputedStyle(original);
    for (const name of PROPERTIES) {
      const value = style.getPropertyValue(name);
      if (value) copies[i].setAttribute(name, value);
    }
  });
  const { width, height } = svg.getBoundingClientRect();
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  copy.setAttribute("width", String(width));
  copy.setAttribute("height", String(height));
  return { text: new XMLSerializer().serializeToString(copy), width, height };
}

/**
 * The SVG text as a decoded image.
 * @param {string} text
 * @returns {Promise<HTMLImageElement>}
 */
async function image(text) {
  const url = URL.createObjectURL(new Blob([text], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return img;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * The colour behind `element`: the first non-transparent background around it.
 * @param {Element} element
 */
function backgroundOf(element) {
  for (let node = element; node; node = node.parentElement) {
    const color = getComputedStyle(node).backgroundColor;
    if (color && color !== "transparent" && color !== "rgba(0, 0, 0, 0)") return color;
  }
  return "#ffffff";
}

/**
 * The SVGs `svgs` (those with a size) drawn one under the other, centred, into a canvas at the
 * device pixel ratio.
 * @param {SVGSVGElement[]} svgs
 */
export async function svgCanvas(svgs) {
  const parts = svgs.map(standalone).filter((part) => part.width > 0 && part.height > 0);
  if (!parts.length) throw new Error("the figure has no size (is it hidden?)");
  const width = Math.max(...parts.map((p) => p.width));
  const height = parts.reduce((sum, p) => sum + p.height, 0) + GAP * (parts.length - 1);
  const dpr = window.devicePixelRatio || 1;
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(width * dpr);
  canvas.height = Math.round(height * dpr);
  const ctx = canvas.getContext("2d");
  ctx.scale(dpr, dpr);
  ctx.fillStyle = backgroundOf(svgs[0]);
  ctx.fillRect(0, 0, width, height);
  let y = 0;
  for (const part of parts) {
    ctx.drawImage(await image(part.text), (width - part.width) / 2, y, part.width, part.height);
    y += part.height + GAP;
  }
  return canvas;
}

/**
 * The "Download PNG" button of an SVG figure: `svgs()` are its SVGs, top to bottom; the file is
 * `gradlab-${name}.png`. A failure is said next to the button.
 * @param {{ name: string, svgs: () => SVGSVGElement[] }} options
 */
export function svgPngButton({ name, svgs }) {
  const element = document.createElement("div");
  element.className = "svg-png";
  const png = document.createElement("button");
  png.type = "button";
  png.className = "button chart-png";
  png.textContent = t("chart.png");
  const failed = document.createElement("span");
  failed.className = "csv-note";
  failed.setAttribute("role", "status");
  png.addEventListener("click", async () => {
    failed.textContent = "";
    try {
      await downloadCanvas(await svgCanvas(svgs()), `gradlab-${name}.png`);
    } catch (error) {
      failed.textContent = t("chart.pngFailed");
      console.warn("gradlab: PNG failed", error);
    }
  });
  element.append(png, failed);
  return element;
}
