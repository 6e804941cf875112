// @ts-check
// A bar chart on a logarithmic y axis, in SVG: one bar per value (|value| on the axis, a
// negative value drawn hatched, an exact 0 marked "0" at the foot since log 0 has no place),
// decade grid lines labelled 10ⁿ, the value printed above each bar when there are few, and a
// <title> per bar with the exact number. The <svg> is role="img" with a title and a description
// the caller writes. Values come from the core; this only places them.
//
//   const chart = createLogBars({ id: "van-chain-bars", label: "…" });
//   chart.update({ bars: [{ label: "5", value: 0.1, title: "…" }, …], yLabel: "|∇|", xLabel: "layer",
//                  summary: "…", format: (v) => "0.1" });
import { logRange, snapRange, position, decadeTicks, pow10Label } from "./log-color.js";
import { svg as s, uniqueId } from "./svg.js";
import { svgPngButton } from "./svg-png.js";


const W = 640;
const H = 280;
const M = { left: 58, right: 14, top: 22, bottom: 46 };

export function createLogBars({ id, label = "" }) {
  const uid = uniqueId(id, "log-bars");
  const element = document.createElement("figure");
  element.className = "log-bars";
  const svg = s("svg", { id: uid, class: "lb-svg", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-labelledby": `${uid}-title ${uid}-desc` });
  const title = s("title", { id: `${uid}-title` }, label);
  const desc = s("desc", { id: `${uid}-desc` });
  svg.append(title, desc);
  const caption = document.createElement("figcaption");
  caption.className = "lb-caption";
  // Saved as drawn, like every chart (svg-png.js).
  element.append(svg, caption, svgPngButton({ name: id || "log-bars", svgs: () => [/** @type {SVGSVGElement} */ (svg)] }));

  /** @param {{ bars: { label: string, value: number, kind?: string, title?: string }[], yLabel?: string, xLabel?: string, summary?: string, caption?: string, format?: (v: number) => string, label?: string }} next */
  function update({ bars, yLabel = "", xLabel = "", summary = "", caption: text = "", format = String, label: newLabel }) {
    if (newLabel !== undefined) title.textContent = newLabel;
    desc.textContent = summary;
    caption.textContent = text;
    caption.hidden = text === "";
    for (const child of [...svg.childNodes]) if (child !== title && child !== desc) child.remove();

    const defs = s("defs");
    const hatch = s("pattern", { id: `${uid}-hatch`, width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" });
    hatch.append(s("rect", { width: 6, height: 6, class: "lb-hatch-bg" }), s("line", { x1: 0, y1: 0, x2: 0, y2: 6, class: "lb-hatch-line" }));
    defs.append(hatch);
    svg.append(defs);

    const plotW = W - M.left - M.right;
    const plotH = H - M.top - M.bottom;
    const found = logRange(bars.map((b) => b.value), { span: 400 });
    // One decade of room below the smallest bar, so that it is not drawn with zero height.
    const range = found && snapRange({ loExp: found.loExp - 1, hiExp: found.hiExp }, 7);
    const grid = s("g", { class: "lb-grid" });
    const axis = s("g", { class: "lb-axis" });
    const barLayer = s("g", { class: "lb-bars" });
    svg.append(grid, barLayer, axis);

    if (range) {
      for (const e of decadeTicks(range, 7)) {
        const y = M.top + plotH * (1 - (e - range.loExp) / (range.hiExp - range.loExp));
        grid.append(s("line", { x1: M.left, x2: W - M.right, y1: y, y2: y }));
        axis.append(s("text", { x: M.left - 6, y: y + 4, "text-anchor": "end", class: "lb-tick" }, pow10Label(e)));
      }
    }
    axis.append(s("line", { x1: M.left, x2: W - M.right, y1: M.top + plotH, y2: M.top + plotH, class: "lb-baseline" }));
    axis.append(s("line", { x1: M.left, x2: M.left, y1: M.top, y2: M.top + plotH, class: "lb-baseline" }));
    axis.append(s("text", { x: 14, y: M.top + plotH / 2, class: "lb-axis-label", "text-anchor": "middle", transform: `rotate(-90 14 ${M.top + plotH / 2})` }, yLabel));
    axis.append(s("text", { x: M.left + plotW / 2, y: H - 6, class: "lb-axis-label", "text-anchor": "middle" }, xLabel));

    const n = bars.length;
    const slot = plotW / Math.max(1, n);
    const barW = Math.max(1.5, Math.min(44, slot * 0.72));
    const every = Math.max(1, Math.ceil(n / 14));
    const showValues = n <= 10;
    bars.forEach((bar, i) => {
      const cx = M.left + slot * (i + 0.5);
      const p = position(bar.value, range);
      const g = s("g", { class: `lb-bar ${bar.kind ? `is-${bar.kind}` : ""} ${bar.value < 0 ? "is-negative" : ""}`.trim() });
      g.dataset.value = String(bar.value);
      g.dataset.index = String(i);
      g.append(s("title", {}, bar.title ?? `${bar.label}: ${format(bar.value)}`));
      if (p === null) {
        g.classList.add("is-zero");
        g.append(s("text", { x: cx, y: M.top + plotH - 4, "text-anchor": "middle", class: "lb-zero" }, "0"));
      } else {
        const h = Math.max(2, plotH * p);
        const rect = s("rect", { x: cx - barW / 2, y: M.top + plotH - h, width: barW, height: h, rx: Math.min(3, barW / 4) });
        if (bar.value < 0) rect.setAttribute("fill", `url(#${uid}-hatch)`);
        g.append(rect);
        if (showValues) g.append(s("text", { x: cx, y: M.top + plotH - h - 5, "text-anchor": "middle", class: "lb-value" }, format(bar.value)));
      }
      if ((n - 1 - i) % every === 0) {
        g.append(s("text", { x: cx, y: M.top + plotH + 16, "text-anchor": "middle", class: "lb-tick" }, bar.label));
      }
      barLayer.append(g);
    });
  }

  return { element, svg, update };
}
