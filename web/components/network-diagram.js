// @ts-check
// A network diagram in SVG, built from snapshot data (never from the page's own math): columns
// of units with their edges; dead units greyed and struck through, edges drawn by weight (width
// ∝ |w|, colour by sign) when weights are given; hovering a unit (or focusing it, in small
// diagrams) highlights its edges and shows its tooltip. The <svg> is role="img" with a title and
// a description that the scene writes (e.g. "layer 2: 13 of 32 units dead"), shown as a caption.
//
//   const d = createNetworkDiagram({ id: "dr-net", label: "…" });
//   d.update({
//     columns: [{ label: "x", units: [{ label: "1", state: "bias", title: "…", value: "1" }, …] }, …],
//     weights: [W₁ (units of column 0 × units of column 1), …],   // optional, may hold nulls
//     summary: "…",                                                // caption and <desc>
//   });
import { svg as s, uniqueId } from "./svg.js";

/**
 * An edge: the units it joins ("column:unit"), its ends, its classes and its stroke width.
 * @typedef {{ from: string, to: string, x1: number, y1: number, x2: number, y2: number, classes: string, width: number }} Edge
 */

/** One edge as a `<line>` (`lit`: drawn lit, over a dense diagram's paths). @param {Edge} e */
const lineMarkup = (e, lit = false) =>
  `<line x1="${e.x1}" y1="${e.y1}" x2="${e.x2}" y2="${e.y2}" class="${e.classes}${lit ? " is-lit" : ""}" stroke-width="${e.width}" data-from="${e.from}" data-to="${e.to}"/>`;

export function createNetworkDiagram({ id, label, small = false }) {
  const uid = uniqueId(id, "net");
  const element = document.createElement("figure");
  element.className = "network-diagram";
  const svg = s("svg", { role: "img", "aria-labelledby": `${uid}-title ${uid}-desc`, class: "net-svg", id: uid });
  const title = s("title", { id: `${uid}-title` }, label ?? "");
  const desc = s("desc", { id: `${uid}-desc` });
  svg.append(title, desc);
  const caption = document.createElement("figcaption");
  caption.className = "net-caption";
  element.append(svg, caption);

  /** @type {SVGGElement | null} */
  let edgeLayer = null;
  /** A dense diagram's lit edges, drawn over its grouped ones while a unit is hovered. */
  /** @type {SVGGElement | null} */
  let litLayer = null;
  /** A dense diagram's edges one by one (drawn as lines only when lit). */
  /** @type {Edge[]} */
  let denseEdges = [];

  /** Lights (or unlights) the edges of unit `key` ("column:unit"), found when the pointer comes. */
  function highlight(key, on) {
    if (litLayer) {
      const lit = on ? denseEdges.filter((e) => e.from === key || e.to === key) : [];
      litLayer.innerHTML = lit.map((e) => lineMarkup(e, true)).join("");
    } else {
      for (const edge of edgeLayer?.querySelectorAll(`[data-from="${key}"], [data-to="${key}"]`) ?? []) edge.classList.toggle("is-lit", on);
    }
    svg.classList.toggle("has-lit", on);
  }

  function update({ columns, weights = [], summary = "", label: newLabel }) {
    if (newLabel !== undefined) title.textContent = newLabel;
    desc.textContent = summary;
    caption.textContent = summary;
    caption.hidden = summary === "";
    for (const child of [...svg.childNodes]) if (child !== title && child !== desc) child.remove();

    const maxUnits = Math.max(...columns.map((c) => c.units.length));
    const dense = maxUnits > 8;
    const spacing = dense ? 14 : 62;
    const radius = dense ? 5 : 21;
    const top = dense ? 34 : 40;
    const width = dense ? 560 : 520;
    const height = top + spacing * maxUnits + (dense ? 6 : 8);
    const margin = dense ? 40 : 72;
    const colX = (c) => (columns.length === 1 ? width / 2 : margin + ((width - 2 * margin) * c) / (columns.length - 1));
    const unitY = (c, u) => top + spacing * (u + 0.5) + (spacing * (maxUnits - columns[c].units.length)) / 2;
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    svg.classList.toggle("is-dense", dense);
    svg.classList.toggle("is-small", small);

    edgeLayer = /** @type {SVGGElement} */ (s("g", { class: "net-edges" }));
    const unitLayer = s("g", { class: "net-units" });
    svg.append(edgeLayer, unitLayer);

    // The edges as markup, parsed at once. A dense diagram (Iris's 4-32-32-3 network has over a
    // thousand edges) draws them as a few paths, one per look (classes and width to 0.1 px): a
    // thousand <line>s cost the scene's start ~60 ms of style and layout on a phone. Every value
    // written is a number or one of the classes below.
    /** @type {Edge[]} */
    const edges = [];
    for (let c = 0; c + 1 < columns.length; c++) {
      const W = weights[c];
      let maxAbs = 0;
      if (W) for (const row of W) for (const w of row) maxAbs = Math.max(maxAbs, Math.abs(w));
      columns[c].units.forEach((from, i) => {
        columns[c + 1].units.forEach((to, j) => {
          if (to.state === "bias") return;
          const w = W?.[i]?.[j];
          const strength = W && maxAbs > 0 && Number.isFinite(w) ? Math.abs(w) / maxAbs : 0.35;
          const dead = from.state === "dead" || to.state === "dead";
          const sign = w === undefined || w === null ? "" : w < 0 ? "is-negative" : "is-positive";
          edges.push({
            from: `${c}:${i}`,
            to: `${c + 1}:${j}`,
            x1: colX(c) + radius,
            y1: unitY(c, i),
            x2: colX(c + 1) - radius,
            y2: unitY(c + 1, j),
            classes: ["net-edge", sign, dead && "is-dead", w === 0 && "is-zero"].filter(Boolean).join(" "),
            width: (dense ? 0.4 : 1) + strength * (dense ? 2.2 : 5),
          });
        });
      });
    }
    if (dense) {
      /** @type {Map<string, string[]>} "classes|width" → the path's segments */
      const looks = new Map();
      for (const e of edges) {
        const look = `${e.classes}|${e.width.toFixed(1)}`;
        if (!looks.has(look)) looks.set(look, []);
        looks.get(look).push(`M${e.x1} ${e.y1}L${e.x2} ${e.y2}`);
      }
      const paths = [...looks].map(([look, segments]) => {
        const [classes, width] = look.split("|");
        return `<path class="${classes}" stroke-width="${width}" fill="none" d="${segments.join("")}"/>`;
      });
      edgeLayer.innerHTML = paths.join("");
      denseEdges = edges;
      litLayer = /** @type {SVGGElement} */ (s("g", { class: "net-edges-lit" }));
      edgeLayer.after(litLayer);
    } else {
      edgeLayer.innerHTML = edges.map((e) => lineMarkup(e)).join("");
      denseEdges = [];
      litLayer = null;
    }

    columns.forEach((column, c) => {
      unitLayer.append(s("text", { x: colX(c), y: dense ? 16 : 18, class: "net-column-label", "text-anchor": "middle" }, column.label ?? ""));
      column.units.forEach((unit, u) => {
        const key = `${c}:${u}`;
        const g = s("g", { class: `net-unit ${unit.state ? `is-${unit.state}` : ""}`.trim() });
        g.dataset.unit = key;
        if (unit.state) g.dataset.state = unit.state;
        const x = colX(c);
        const y = unitY(c, u);
        g.append(s("title", {}, unit.title ?? unit.label ?? ""));
        g.append(s("circle", { cx: x, cy: y, r: radius }));
        if (unit.state === "dead") {
          const d = radius * 0.62;
          g.append(s("path", { d: `M${x - d} ${y - d}L${x + d} ${y + d}M${x + d} ${y - d}L${x - d} ${y + d}`, class: "net-cross" }));
        }
        if (!dense && unit.label) g.append(s("text", { x, y: y + 5, "text-anchor": "middle", class: "net-unit-label" }, unit.label));
        if (!dense && unit.value !== undefined) {
          g.append(s("text", { x, y: y + radius + 14, "text-anchor": "middle", class: "net-unit-value" }, unit.value));
        }
        if (!dense) {
          g.setAttribute("tabindex", "0");
          g.setAttribute("role", "img");
          g.setAttribute("aria-label", unit.title ?? unit.label ?? "");
        }
        g.addEventListener("mouseenter", () => highlight(key, true));
        g.addEventListener("mouseleave", () => highlight(key, false));
        g.addEventListener("focus", () => highlight(key, true));
        g.addEventListener("blur", () => highlight(key, false));
        unitLayer.append(g);
      });
    });
  }

  return { element, svg, update };
}
